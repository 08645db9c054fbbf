/**
 * `npm run bench`: what a user feels, at 1k, 10k and 100k passages. For
 * each size: index build and memory, the extension's load of the library
 * from its saved index, and the latency of every keystroke of typed
 * queries — end to end from the extension host's Library.search (the
 * quick pick's and the panel's call) through the index worker to the hits
 * with their snippets, each string once with cold caches, then warm
 * repeats — beside SearchIndex.search on its own, a linear scan in JS and
 * ripgrep (per process and its own --stats time). Then the bundled
 * corpus, indexing without stalling the extension host, and the targets,
 * met or MISSED. Ends with one `BENCH_JSON ` line.
 *
 *   node --expose-gc dist/bench.js [--sizes=1000,10000,100000] [--warm-rounds=2] [--cold-runs=1] [--no-rg]
 *   node --expose-gc dist/bench.js --archive [--archive-passages=1000000] [--archive-clients=20] [--no-local]
 *
 * The run is a list of sections (`SECTIONS`): a new part of the benchmark
 * (an archive, hostile input) is a section with its own measure and print,
 * and its figures land in BENCH_JSON under its id.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { archiveNeedsLargeHeap, archiveRequested, runArchiveSection } from './archiveSection';
import { activationChild, firstResultChild, measureBundled, printBundled, type BundledFigures } from './bundledSection';
import { reportToParent } from './children';
import { benchCorpus, GENERATOR_VERSION, toRawSources } from './corpus/generate';
import { measureIndexingStall, type StallFigures } from './indexingStall';
import { BENCH_DIR, LIMIT, log, options, ROOT, SEED } from './options';
import { directChild, endToEndChild, type SearchPathSpec } from './searchPaths';
import { measureSize, pool, printSize, type SizeFigures } from './sizeSection';
import { round, table } from './stats';
import { verdicts } from './targets';

/** One part of the run: measured, printed, and kept in BENCH_JSON under `id`. */
interface Section<F> {
  readonly id: string;
  measure(): Promise<F>;
  print(figures: F): void;
}

const loadAverage = (): string => os.loadavg().map((x) => x.toFixed(2)).join(', ');

const sizes = new Map<number, SizeFigures>();
let bundled: BundledFigures | undefined;

const SECTIONS: ReadonlyArray<Section<unknown>> = [
  {
    id: 'bundled',
    measure: async () => (bundled = measureBundled()),
    print: (figures) => printBundled(figures as BundledFigures),
  },
  {
    id: 'sizes',
    measure: async () => {
      for (const size of options.sizes) {
        const figures = await measureSize(size);
        sizes.set(size, figures);
        printSize(size, figures);
        log(`(load average after ${size.toLocaleString('en-US')}: ${loadAverage()})`);
      }
      return Object.fromEntries(sizes);
    },
    print: () => undefined, // printed size by size, as each finishes
  },
  {
    id: 'indexingStall',
    // Indexing a user's folder must not block the extension host: measured at 10k passages (or the largest size up to it).
    measure: async (): Promise<StallFigures | { status: string }> => {
      const stallSize = Math.max(...options.sizes.filter((size) => size <= 10_000));
      if (!Number.isFinite(stallSize)) return { status: 'not measured: no size of 10,000 passages or fewer was asked for' };
      return measureIndexingStall(ROOT, stallSize, toRawSources(benchCorpus(ROOT, stallSize, SEED, pool).corpus));
    },
    print: (figures) => {
      const stall = figures as StallFigures | { status: string };
      if ('status' in stall) return void log(`\n## Indexing a folder of your own files: ${stall.status}`);
      log(`\n## Indexing a folder of your own files (${stall.files.toLocaleString('en-US')} files, ${stall.passages.toLocaleString('en-US')} passages)`);
      log(table(
        ['where the indexing runs', 'index time', 'longest event-loop stall', 'p99 event-loop delay'],
        [
          ['index worker (as the extension does it)', `${stall.worker.indexMs} ms`, `${stall.worker.longestStallMs} ms`, `${stall.worker.p99StallMs} ms`],
          ['the calling thread (for comparison)', `${stall.inProcess.indexMs} ms`, `${stall.inProcess.longestStallMs} ms`, `${stall.inProcess.p99StallMs} ms`],
        ],
      ));
    },
  },
];

/** The measurements that run in a fresh process of their own (see children.ts). */
const CHILDREN: Readonly<Record<string, (spec: unknown) => unknown>> = {
  'first-result': () => firstResultChild(),
  activation: () => activationChild(),
  'end-to-end': (spec) => endToEndChild(spec as SearchPathSpec),
  direct: (spec) => directChild(spec as SearchPathSpec),
};

async function runChild(name: string): Promise<void> {
  const child = CHILDREN[name];
  if (!child) throw new Error(`no child measurement "${name}"`);
  const spec: unknown = options.spec ? JSON.parse(readFileSync(options.spec, 'utf8')) : {};
  reportToParent(await child(spec));
}

async function main(): Promise<void> {
  if (options.child) return runChild(options.child);
  const smallHeap = archiveNeedsLargeHeap && getHeapStatistics().heap_size_limit < 6e9;
  if (!(globalThis as { gc?: unknown }).gc || smallHeap) {
    // Heap figures need a full collection: run again with --expose-gc (and, for the archive's recall comparison at 1M passages, a larger heap).
    const again = spawnSync(process.execPath, ['--expose-gc', ...(smallHeap ? ['--max-old-space-size=12288'] : []), __filename, ...options.args], { stdio: 'inherit' });
    process.exit(again.status ?? 1);
  }
  if (archiveRequested) return runArchiveSection();
  const started = performance.now();
  mkdirSync(BENCH_DIR, { recursive: true });
  const loadAtStart = loadAverage();
  log(`# Briefing benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB`);
  log(`load average at the start (1, 5, 15 min): ${loadAtStart} — on a shared machine, compare the ratios rather than the absolute times`);
  log(`seed ${SEED}, corpus generator v${GENERATOR_VERSION}, sizes ${options.sizes.join(', ')}, top ${LIMIT}; every keystroke timed once cold` +
    ` (${options.coldRuns} fresh process${options.coldRuns === 1 ? '' : 'es'} per size), then ${options.warmRounds} warm repeats`);

  const figures: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    figures[section.id] = await section.measure();
    section.print(figures[section.id]);
  }

  const judged = verdicts(sizes, bundled!);
  log('\n## Targets (issue #11, activation and load from #6) and aims (shared/PERFORMANCE.md), on the end-to-end cold figures');
  log(table(['', 'verdict', 'by how much'], judged.map((v) => [v.name, v.met === null ? 'not measured' : v.met ? 'met' : 'MISSED', v.detail])));
  const totalS = round((performance.now() - started) / 1000);
  const loadAtEnd = loadAverage();
  log(`\nbench took ${totalS} s; load average at the end: ${loadAtEnd}`);
  log(
    'BENCH_JSON ' +
      JSON.stringify({
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: { start: loadAtStart, end: loadAtEnd },
        seed: SEED,
        generator: GENERATOR_VERSION,
        limit: LIMIT,
        warmRounds: options.warmRounds,
        coldRuns: options.coldRuns,
        ...figures,
        verdicts: judged,
        seconds: totalS,
      }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
