/**
 * The hostile-input section of `npm run bench` (issue #17): every case of
 * the hostile-input suite (test/hostile/) at 1 MB, each in its own process
 * so its time and peak memory are its own and a case that hangs is stopped
 * and reported. Target: each case handled in ≤ 2 s with ≤ 300 MB more
 * memory than the process had before it. Prints each case's wall and CPU time
 * (and, apart, the citation styles' build and the rest of the warm-up, which
 * are not the hostile text's cost), with met/MISSED and
 * one `BENCH_HOSTILE_JSON ` line.
 *
 *   node dist/bench-hostile.js [--bytes=1048576] [--only=name]
 *   node dist/bench-hostile.js --case=kind:name --bytes=N     (one case, in a child)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledService, runDraft, runSource, sourceService, warmStyles } from '../test/hostile/entryPoints';
import type { LibraryApi } from '../src/worker/libraryApi';
import { caseFolder, FOLDER_CASES } from '../test/hostile/folderCases';
import { DRAFT_CASES, QUERY_CASES, SOURCE_CASES } from '../test/hostile/generators';

const ROOT = path.resolve(__dirname, '..');
const TARGET_MS = 2000;
const TARGET_MB = 300;
/** A case still running after this is stopped and counted as missed. */
const STOP_AFTER_MS = 60_000;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const BYTES = Number(option('bytes') ?? 1024 * 1024);

type Kind = 'source' | 'draft' | 'query' | 'folder';
/** Wall and CPU time (the process's user + system, all its threads) of one phase. */
interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}
interface Figures extends Timing {
  readonly mb: number;
  /** Building the citation styles (citeproc-js), before the case and not part of its time. */
  readonly styles?: Timing;
  /** The rest of the warm-up: modules, the bundled library, a small text through the same calls. */
  readonly warmUp?: Timing;
}

const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

/** Runs `work` and measures its wall and CPU time. */
async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** A passage of the bundled sources to cite in warm-ups. */
const BUNDLED_PASSAGE = 'wtn-talks-stall#natos-response';
const WARM_DRAFT = 'Talks resumed in Istanbul, with 1,000 prisoners freed. “We will,” Peskov said.';

/**
 * In the child: warms up what the case needs (modules, the bundled sources,
 * the citation styles, each phase timed apart), then times the case alone.
 */
async function runOne(kind: Kind, name: string, bytes: number): Promise<Figures> {
  let run: () => Promise<unknown>;
  let styles: Timing | undefined;
  let warmUp: Timing | undefined;
  if (kind === 'source') {
    const testCase = SOURCE_CASES.find((candidate) => candidate.name === name)!;
    const service = sourceService();
    const loadMs = await timed(() => service.load({ extensionPath: ROOT, roots: [], includeBundled: true, maxFileBytes: 1024 * 1024 }));
    styles = await timed(() => warmStyles(service, BUNDLED_PASSAGE));
    const rest = await timed(() => runSource(service, ROOT, '# Warm up\n\nTalks resumed in Istanbul on Monday.\n', 'md'));
    warmUp = { ms: loadMs.ms + rest.ms, cpuMs: loadMs.cpuMs + rest.cpuMs };
    const text = testCase.make(bytes);
    run = () => runSource(service, ROOT, text, testCase.ext);
  } else if (kind === 'draft' || kind === 'query') {
    let service: LibraryApi | undefined;
    const loadMs = await timed(async () => (service = await bundledService(ROOT)));
    styles = await timed(() => warmStyles(service!, BUNDLED_PASSAGE));
    const rest = await timed(() => runDraft(service!, WARM_DRAFT));
    warmUp = { ms: loadMs.ms + rest.ms, cpuMs: loadMs.cpuMs + rest.cpuMs };
    if (kind === 'draft') {
      const draft = DRAFT_CASES.find((candidate) => candidate.name === name)!.make(bytes);
      run = () => runDraft(service!, draft);
    } else {
      const query = QUERY_CASES.find((candidate) => candidate.name === name)!.make(bytes);
      run = async () => {
        await service!.search(query, 20, []);
        await service!.suggest(query);
        await service!.topic(query);
      };
    }
  } else {
    const testCase = FOLDER_CASES.find((candidate) => candidate.name === name)!;
    const folder = caseFolder();
    testCase.prepare(folder.dir, bytes);
    run = async () => {
      try {
        await testCase.run(folder.dir, ROOT);
      } finally {
        folder.remove();
      }
    };
  }
  const before = maxRssMB();
  const time = await timed(run);
  return { ...time, mb: Math.max(0, maxRssMB() - before), ...(styles ? { styles } : {}), ...(warmUp ? { warmUp } : {}) };
}

function allCases(): Array<{ kind: Kind; name: string; why: string }> {
  return [
    ...SOURCE_CASES.map((testCase) => ({ kind: 'source' as const, name: testCase.name, why: testCase.why })),
    ...DRAFT_CASES.map((testCase) => ({ kind: 'draft' as const, name: testCase.name, why: testCase.why })),
    ...QUERY_CASES.map((testCase) => ({ kind: 'query' as const, name: testCase.name, why: testCase.why })),
    ...FOLDER_CASES.map((testCase) => ({ kind: 'folder' as const, name: testCase.name, why: testCase.why })),
  ];
}

async function main(): Promise<void> {
  const single = option('case');
  if (single) {
    const [kind, name] = single.split(':') as [Kind, string];
    process.stdout.write(`CASE_JSON ${JSON.stringify(await runOne(kind, name, BYTES))}\n`);
    return;
  }
  const only = option('only');
  const log = (line = ''): void => void process.stdout.write(line + '\n');
  const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');
  log(`Hostile input (issue #17): each case at ${(BYTES / 1024 / 1024).toFixed(2)} MB, target ≤ ${TARGET_MS / 1000} s and ≤ ${TARGET_MB} MB more memory`);
  log(`Load average at the start: ${load()} (${cpus().length} cores). Wall times on a busy machine are inflated; CPU time is the process's own.`);
  log('Styles: building the citation styles before the case (not part of its time); warm-up: the rest of the warm-up.');
  const ms = (value: number | undefined): string => (value === undefined ? '—' : `${Math.round(value)} ms`);
  log(`${'case'.padEnd(34)} ${'time'.padStart(9)} ${'CPU'.padStart(9)} ${'+memory'.padStart(8)}  ${'result'.padEnd(7)} ${'styles (CPU)'.padStart(20)} ${'warm-up (CPU)'.padStart(20)}  load`);
  const results: Array<{ kind: Kind; name: string; ms?: number; cpuMs?: number; mb?: number; styles?: Timing; warmUp?: Timing; load: number; met: boolean; problem?: string }> = [];
  for (const testCase of allCases()) {
    if (only && !testCase.name.includes(only)) continue;
    const child = spawnSync(process.execPath, [__filename, `--case=${testCase.kind}:${testCase.name}`, `--bytes=${BYTES}`], {
      encoding: 'utf8',
      timeout: STOP_AFTER_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = child.stdout?.split('\n').find((candidate) => candidate.startsWith('CASE_JSON '));
    const label = `${testCase.kind}: ${testCase.name}`.padEnd(34);
    const loadNow = loadavg()[0];
    if (!line) {
      const errorLine = (child.stderr ?? '').split('\n').find((candidate) => /Error|error:/.test(candidate));
      const problem = child.error ? `stopped after ${STOP_AFTER_MS / 1000} s` : (errorLine ?? `exit ${child.status}`).trim().slice(0, 160);
      results.push({ kind: testCase.kind, name: testCase.name, load: loadNow, met: false, problem });
      log(`${label} ${'—'.padStart(9)} ${'—'.padStart(9)} ${'—'.padStart(8)}  MISSED (${problem})`);
      continue;
    }
    const figures = JSON.parse(line.slice('CASE_JSON '.length)) as Figures;
    const met = figures.ms <= TARGET_MS && figures.mb <= TARGET_MB;
    const round = (timing?: Timing): Timing | undefined => timing && { ms: Math.round(timing.ms), cpuMs: Math.round(timing.cpuMs) };
    results.push({ kind: testCase.kind, name: testCase.name, ms: Math.round(figures.ms), cpuMs: Math.round(figures.cpuMs), mb: Math.round(figures.mb), styles: round(figures.styles), warmUp: round(figures.warmUp), load: loadNow, met });
    const phase = (timing?: Timing): string => (timing ? `${ms(timing.ms)} (${ms(timing.cpuMs)})` : '—').padStart(20);
    log(
      `${label} ${ms(figures.ms).padStart(9)} ${ms(figures.cpuMs).padStart(9)} ${`${Math.round(figures.mb)} MB`.padStart(8)}  ${(met ? 'met' : 'MISSED').padEnd(7)} ${phase(figures.styles)} ${phase(figures.warmUp)}  ${loadNow.toFixed(2)}`,
    );
  }
  const missed = results.filter((result) => !result.met).length;
  log(`${results.length - missed} of ${results.length} cases met the target${missed > 0 ? `; ${missed} MISSED` : ''}. Load average at the end: ${load()}.`);
  log(`BENCH_HOSTILE_JSON ${JSON.stringify({ bytes: BYTES, targetMs: TARGET_MS, targetMB: TARGET_MB, results })}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-hostile: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
