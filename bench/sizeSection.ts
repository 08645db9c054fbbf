/**
 * One corpus size (1k, 10k, 100k passages): building the index, loading
 * the library from its saved index, and the latency of every keystroke of
 * the typed queries — end to end through the index worker and directly on
 * the index, cold then warm — beside a linear scan and ripgrep over the
 * same text.
 *
 * The latency table is a list of rows (`latencyRows`): a new way to search
 * (another engine, an archive) adds a row there and, if it must start
 * cold, a child in searchPaths.ts.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../src/core/corpus';
import { SearchIndex } from '../src/core/search/searchIndex';
import { inChild } from './children';
import { benchCorpus, buildPool, type PoolPassage, toRawSources } from './corpus/generate';
import { typingOrder, type Keystroke } from './keystrokes';
import { prepareLibrary } from './libraryFolder';
import { measureLinearScan } from './linearScan';
import { BENCH_DIR, log, options, SEED } from './options';
import { makeQueries, QUERY_KINDS, type QueryKind } from './queries';
import { measureRipgrep, rgAvailable, type RipgrepFigures } from './ripgrep';
import type { SearchPathRun, SearchPathSpec } from './searchPaths';
import { heapMB, round, summarize, table, time, type Summary } from './stats';

/** One way of searching, timed per keystroke: cold (each string's first search), then warm repeats. */
export interface PathFigures {
  /** Fresh processes whose cold passes are pooled. */
  readonly runs: number;
  readonly cold: Summary;
  /** CPU time (all threads) of the cold keystrokes: on a busy machine, closer to what a quiet one would show. */
  readonly coldCpu: Summary;
  readonly warm: Summary;
  readonly coldByKind: Readonly<Record<QueryKind, Summary>>;
  /** Cold, on the keystrokes that complete a query: the strings ripgrep and the scan are timed on. */
  readonly coldComplete: Summary;
  readonly keystrokesWithHits: number;
  /** Time from asking for the library to its first answer being possible (the load from the saved index). */
  readonly loadMs: number;
  readonly loadCpuMs: number;
  readonly loadPhasesMs: SearchPathRun['load']['phasesMs'];
  readonly loadedFromCache: boolean;
}

export interface SizeFigures {
  readonly passages: number;
  readonly documents: number;
  readonly recombined: number;
  readonly textMB: number;
  readonly corpusCached: boolean;
  readonly parseMs: number;
  readonly buildMs: number;
  readonly buildMBps: number;
  readonly corpusHeapMB: number;
  readonly indexHeapMB: number;
  /** The library as the extension keeps it: a folder of files and the saved index. */
  readonly library: { readonly files: number; readonly passages: number; readonly savedIndexMB: number; readonly builtThisRun: boolean; readonly prepareMs: number };
  readonly rebuildMs: number;
  /** How many times faster the extension's load from the saved index is than parsing and indexing again. */
  readonly loadSpeedup: number;
  readonly queries: number;
  readonly keystrokes: number;
  readonly completeQueries: number;
  readonly warmRounds: number;
  readonly endToEnd: PathFigures | { readonly status: string };
  readonly direct: PathFigures | { readonly status: string };
  /** What the messaging and the worker add to a keystroke: the median of (end to end − direct) per keystroke. */
  readonly overheadMs?: { readonly cold: number; readonly warm: number };
  readonly scan: Summary;
  readonly scanWithHits: number;
  readonly rg: RipgrepFigures | { readonly status: string };
  /** How many times slower the alternatives are than the end-to-end cold search, on the complete queries. */
  readonly ratios?: Readonly<Record<'scan' | 'rgPerProcess' | 'rgOwnTime', { readonly p50: number; readonly mean: number }>>;
}

export const measured = (figures: PathFigures | { status: string }): figures is PathFigures => 'cold' in figures;

let poolCache: PoolPassage[] | undefined;
export const pool = (): PoolPassage[] => (poolCache ??= buildPool(path.resolve(BENCH_DIR, '..'), SEED));

/** Parse and build in this process: build speed and memory. */
function measureBuild(corpusSources: ReturnType<typeof toRawSources>): {
  corpus: Corpus;
  figures: Pick<SizeFigures, 'parseMs' | 'buildMs' | 'corpusHeapMB' | 'indexHeapMB'>;
} {
  const heap0 = heapMB();
  const parsed = time(() => Corpus.parse(corpusSources));
  const heap1 = heapMB();
  const built = time(() => SearchIndex.build(parsed.value));
  const heap2 = heapMB();
  if (built.value.passageCount !== parsed.value.passageCount) throw new Error('the index holds fewer passages than the corpus');
  return { corpus: parsed.value, figures: { parseMs: parsed.ms, buildMs: built.ms, corpusHeapMB: heap1 - heap0, indexHeapMB: heap2 - heap1 } };
}

/** Runs a search path in `runs` fresh processes and pools what they measured. */
function runPath(child: 'end-to-end' | 'direct', spec: SearchPathSpec, keystrokes: readonly Keystroke[]): { figures: PathFigures | { status: string }; runs: SearchPathRun[] } {
  const runs: SearchPathRun[] = [];
  for (let run = 0; run < options.coldRuns; run++) {
    const result = inChild<SearchPathRun>(child, spec);
    if (!result.ok) return { figures: { status: result.status }, runs };
    runs.push(result.figures);
    // What the child noted (meaning search's load, memory and pass on pause) is printed as it was measured.
    for (const note of result.figures.notes.filter((line) => line.startsWith('meaning') || line.startsWith('the pass by meaning'))) log(`${child}: ${note}`);
  }
  const cold = runs.flatMap((run) => run.cold);
  const kindOf = (i: number): QueryKind => keystrokes[i % keystrokes.length].kind;
  const completeOnes = cold.filter((_, i) => keystrokes[i % keystrokes.length].complete);
  const loads = runs.map((run) => run.loadMs).sort((a, b) => a - b);
  return {
    runs,
    figures: {
      runs: runs.length,
      cold: summarize(cold),
      coldCpu: summarize(runs.flatMap((run) => run.coldCpu)),
      warm: summarize(runs.flatMap((run) => run.warm.flat())),
      coldByKind: Object.fromEntries(QUERY_KINDS.map((kind) => [kind, summarize(cold.filter((_, i) => kindOf(i) === kind))])) as Record<QueryKind, Summary>,
      coldComplete: summarize(completeOnes),
      keystrokesWithHits: runs[0].hits.filter((n) => n > 0).length,
      loadMs: round(loads[Math.floor(loads.length / 2)]),
      loadCpuMs: round(runs.map((run) => run.loadCpuMs).sort((a, b) => a - b)[Math.floor(runs.length / 2)]),
      loadPhasesMs: runs[0].load.phasesMs,
      loadedFromCache: runs.every((run) => run.load.fromCache && run.load.reread === 0),
    },
  };
}

/** The median over keystrokes of (a − b), run by run. */
function medianDifference(a: readonly SearchPathRun[], b: readonly SearchPathRun[], pick: (run: SearchPathRun) => number[]): number {
  const differences: number[] = [];
  for (let r = 0; r < Math.min(a.length, b.length); r++) {
    const x = pick(a[r]);
    const y = pick(b[r]);
    for (let i = 0; i < Math.min(x.length, y.length); i++) differences.push(x[i] - y[i]);
  }
  return summarize(differences).p50;
}

export async function measureSize(size: number): Promise<SizeFigures> {
  const { corpus: generated, cached } = benchCorpus(path.resolve(BENCH_DIR, '..'), size, SEED, pool);
  const sources = toRawSources(generated);
  const textMB = sources.reduce((sum, source) => sum + Buffer.byteLength(source.raw), 0) / 1e6;

  const { corpus, figures: build } = measureBuild(sources);
  if (corpus.passageCount !== size) throw new Error(`the ${size} corpus parsed into ${corpus.passageCount} passages`);
  const queries = makeQueries(corpus.passages, SEED);
  const texts = corpus.passages.map((passage) => passage.text);
  const documents = corpus.documents.length;

  const library = await prepareLibrary(size, sources);
  const keystrokes = typingOrder(queries);
  const complete = keystrokes.filter((keystroke) => keystroke.complete).map((keystroke) => keystroke.text);
  const spec: SearchPathSpec = {
    engineOptions: library.engineOptions,
    storage: library.storage,
    folder: library.folder,
    version: library.version,
    citedDocIds: library.citedDocIds,
    keystrokes,
    warmRounds: options.warmRounds,
  };
  writeFileSync(path.join(BENCH_DIR, `keystrokes-${size}.json`), JSON.stringify(keystrokes));
  const endToEnd = runPath('end-to-end', spec, keystrokes);
  const direct = runPath('direct', spec, keystrokes);

  const { scan, withHits: scanWithHits } = measureLinearScan(texts, complete);
  let rg: SizeFigures['rg'] = { status: 'skipped (--no-rg)' };
  if (options.useRg && rgAvailable()) rg = measureRipgrep(size, texts, complete);
  else if (options.useRg) rg = { status: 'rg (ripgrep) is not on PATH: install it with `apt-get install -y ripgrep` to compare' };

  const rebuildMs = build.parseMs + build.buildMs;
  const e2e = endToEnd.figures;
  const ratio = (other: Summary): { p50: number; mean: number } | undefined =>
    measured(e2e) ? { p50: round(other.p50 / e2e.coldComplete.p50), mean: round(other.mean / e2e.coldComplete.mean) } : undefined;
  return {
    passages: corpus.passageCount,
    documents,
    recombined: generated.recombined,
    textMB: round(textMB),
    corpusCached: cached,
    parseMs: round(build.parseMs),
    buildMs: round(build.buildMs),
    buildMBps: round(textMB / (build.buildMs / 1000)),
    corpusHeapMB: round(build.corpusHeapMB),
    indexHeapMB: round(build.indexHeapMB),
    library: { files: library.files, passages: library.passages, savedIndexMB: round(library.cacheMB), builtThisRun: library.built, prepareMs: round(library.prepareMs) },
    rebuildMs: round(rebuildMs),
    loadSpeedup: measured(e2e) ? round(rebuildMs / e2e.loadMs) : NaN,
    queries: queries.length,
    keystrokes: keystrokes.length,
    completeQueries: complete.length,
    warmRounds: options.warmRounds,
    endToEnd: e2e,
    direct: direct.figures,
    ...(endToEnd.runs.length > 0 && direct.runs.length > 0
      ? {
          overheadMs: {
            cold: round(medianDifference(endToEnd.runs, direct.runs, (run) => run.cold)),
            warm: round(medianDifference(endToEnd.runs, direct.runs, (run) => run.warm.flat())),
          },
        }
      : {}),
    scan,
    scanWithHits,
    rg,
    ...(measured(e2e)
      ? {
          ratios: {
            scan: ratio(scan)!,
            ...('perProcess' in rg ? { rgPerProcess: ratio(rg.perProcess)!, rgOwnTime: ratio(rg.ownTime)! } : {}),
          } as SizeFigures['ratios'],
        }
      : {}),
  };
}

/** The rows of the latency table: each a way of searching and what it was timed on. */
function latencyRows(f: SizeFigures): Array<[string, Summary | string, string]> {
  const rows: Array<[string, Summary | string, string]> = [];
  const path = (label: string, figures: PathFigures | { status: string }, pick: (p: PathFigures) => Summary, on: string): void =>
    void rows.push([label, measured(figures) ? pick(figures) : figures.status, on]);
  const keystrokes = `${f.keystrokes} keystrokes`;
  path('END TO END, COLD: Library.search → worker → hits + snippets', f.endToEnd, (p) => p.cold, keystrokes);
  path('  the same, CPU time (all threads)', f.endToEnd, (p) => p.coldCpu, keystrokes);
  path('direct, cold: SearchIndex.search in one process', f.direct, (p) => p.cold, keystrokes);
  path(`end to end, warm (${f.warmRounds} repeats)`, f.endToEnd, (p) => p.warm, keystrokes);
  path(`direct, warm (${f.warmRounds} repeats)`, f.direct, (p) => p.warm, keystrokes);
  const complete = `${f.completeQueries} complete queries`;
  path('end to end, cold, on complete queries', f.endToEnd, (p) => p.coldComplete, complete);
  rows.push(['linear scan in JS (substring AND)', f.scan, complete]);
  if ('perProcess' in f.rg) {
    rows.push(['rg, per process (start-up included)', f.rg.perProcess, complete]);
    rows.push(['rg, its own time (--stats)', f.rg.ownTime, complete]);
  } else rows.push(['rg', f.rg.status, complete]);
  return rows;
}

export function printSize(size: number, f: SizeFigures): void {
  log(`\n## ${size.toLocaleString('en-US')} passages — ${f.documents} documents, ${f.textMB} MB of text` +
    `${f.recombined > 0 ? `, ${f.recombined} passages recombined from sentence windows` : ''}${f.corpusCached ? ' (corpus from .bench/ cache)' : ''}`);
  const e2e = f.endToEnd;
  const phases = measured(e2e) ? e2e.loadPhasesMs : undefined;
  log(table(
    ['index and load', 'value'],
    [
      ['parse (Corpus.parse)', `${f.parseMs} ms`],
      ['index build (SearchIndex.build)', `${f.buildMs} ms, ${f.buildMBps} MB/s`],
      ['heap + array buffers: corpus / index', `${f.corpusHeapMB} MB / ${f.indexHeapMB} MB`],
      ['the library as a user keeps it', `${f.library.files} files, ${f.library.passages} passages; saved index ${f.library.savedIndexMB} MB${f.library.builtThisRun ? ` (built in this run: ${f.library.prepareMs} ms)` : ''}`],
      ['LOAD in the extension: Library.ready() from the saved index', measured(e2e) ? `${e2e.loadMs} ms (${e2e.loadCpuMs} ms CPU, all threads)${e2e.loadedFromCache ? '' : ' — NOT from the saved index'}` : e2e.status],
      ['  of which in the worker: read / restore / check files / re-read / save', phases ? `${phases.read} / ${phases.restore} / ${phases.check} / ${phases.reread} / ${phases.save} ms` : '—'],
      ['load in one process (LibraryEngine.load)', measured(f.direct) ? `${f.direct.loadMs} ms (${f.direct.loadCpuMs} ms CPU)` : f.direct.status],
      ['rebuild (parse + build)', `${f.rebuildMs} ms — the extension's load is ${f.loadSpeedup}× faster`],
    ],
  ));
  log('');
  log(table(
    ['latency, ms (each string timed once cold, in typing order)', 'p50', 'p95', 'p99', 'mean', 'max', 'timed on'],
    latencyRows(f).map(([label, s, on]) => (typeof s === 'string' ? [label, s, '', '', '', '', on] : [label, s.p50, s.p95, s.p99, s.mean, s.max, on])),
  ));
  if (f.overheadMs) log(`messaging and worker, per keystroke (median of end to end − direct): ${f.overheadMs.cold} ms cold, ${f.overheadMs.warm} ms warm`);
  if (f.ratios) {
    log(`ratios to the end-to-end cold search on complete queries: scan ${f.ratios.scan.p50}× at p50, ${f.ratios.scan.mean}× per-query mean` +
      (f.ratios.rgPerProcess ? `; rg per process ${f.ratios.rgPerProcess.p50}× / ${f.ratios.rgPerProcess.mean}×; rg's own time ${f.ratios.rgOwnTime.p50}× / ${f.ratios.rgOwnTime.mean}×` : ''));
  }
  if (measured(e2e)) {
    log(`keystrokes with hits: ${e2e.keystrokesWithHits}/${f.keystrokes} end to end${measured(f.direct) ? `, ${f.direct.keystrokesWithHits}/${f.keystrokes} direct` : ''}; linear scan found ${f.scanWithHits}/${f.completeQueries} complete queries`);
    log('');
    log(table(
      ['end to end, cold, by query kind', 'keystrokes', 'p50', 'p95', 'p99', 'max', 'direct p95'],
      QUERY_KINDS.map((kind) => {
        const s = e2e.coldByKind[kind];
        return [kind, s.n, s.p50, s.p95, s.p99, s.max, measured(f.direct) ? f.direct.coldByKind[kind].p95 : '—'];
      }),
    ));
  }
}

