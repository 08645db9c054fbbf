/**
 * The ways a keystroke's search is timed, each in a fresh process so its
 * caches start cold, as at the start of a session:
 *
 * - end to end: the extension host's `Library.search` — the call the quick
 *   pick and the panel make — through the real index worker's messaging,
 *   to the hits with their snippets; the library loads from its saved
 *   index first, as it does in a user's next session;
 * - direct: `SearchIndex.search` on the same library loaded in-process,
 *   so the cost of the messaging shows beside it.
 *
 * Each times the keystrokes once, in typing order (cold), then repeats the
 * whole sequence (warm).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { EngineOptions, LoadReport } from '../src/node/libraryEngine';
import { LibraryEngine } from '../src/node/libraryEngine';
import { loadMeaningResources } from '../src/node/meaningResources';
import type { Log } from '../src/services/log';
import { PreferredPassages } from '../src/worker/preferredPassages';
import type { Keystroke } from './keystrokes';
import { LIMIT, options, ROOT } from './options';
import { installVscodeStub } from './vscodeStub';

/** What a child is given. */
export interface SearchPathSpec {
  readonly engineOptions: EngineOptions;
  readonly storage: string;
  readonly folder: string;
  readonly version: string;
  readonly citedDocIds: readonly string[];
  readonly keystrokes: readonly Keystroke[];
  readonly warmRounds: number;
}

/** What a child measured: the load, then one time per keystroke cold and per warm round. */
export interface SearchPathRun {
  readonly loadMs: number;
  /** CPU time of the load, all threads of the process (the worker's included): less sensitive than wall time to a busy machine. */
  readonly loadCpuMs: number;
  readonly load: Pick<LoadReport, 'fromCache' | 'reread' | 'passages' | 'phasesMs'>;
  readonly cold: number[];
  /** CPU time of each cold keystroke, all threads. */
  readonly coldCpu: number[];
  readonly warm: number[][];
  /** Hits per keystroke (cold pass). */
  readonly hits: number[];
  readonly notes: string[];
}

type Search = (text: string) => Promise<number> | number;

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function timeKeystrokes(spec: SearchPathSpec, search: Search): Promise<Pick<SearchPathRun, 'cold' | 'coldCpu' | 'warm' | 'hits'>> {
  const cold: number[] = [];
  const coldCpu: number[] = [];
  const hits: number[] = [];
  for (const keystroke of spec.keystrokes) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const answer = search(keystroke.text);
    const found = typeof answer === 'number' ? answer : await answer;
    cold.push(performance.now() - start);
    coldCpu.push(cpuMs(cpu));
    hits.push(found);
  }
  const warm: number[][] = [];
  for (let round = 0; round < spec.warmRounds; round++) {
    const samples: number[] = [];
    for (const keystroke of spec.keystrokes) {
      const start = performance.now();
      const answer = search(keystroke.text);
      if (typeof answer !== 'number') await answer;
      samples.push(performance.now() - start);
    }
    warm.push(samples);
  }
  return { cold, coldCpu, warm, hits };
}

const loadFigures = (report: LoadReport): SearchPathRun['load'] => ({ fromCache: report.fromCache, reread: report.reread, passages: report.passages, phasesMs: report.phasesMs });

/** In a child: the extension's Library (with a stand-in `vscode`) and the real index worker. */
export async function endToEndChild(spec: SearchPathSpec): Promise<SearchPathRun> {
  installVscodeStub(readFileSync(__filename, 'utf8'), { 'sources.include': [spec.folder], 'sources.includeBundled': false, 'search.meaning': options.meaning });
  // Loaded only now, after the stand-in: the library's module reads `vscode` as it loads.
  const { Library } = await import('../src/services/library');
  const notes: string[] = [];
  const log = { info: () => undefined, warn: (message: string) => void notes.push(message), error: (message: string) => void notes.push(message) } as unknown as Log;
  const uri = (fsPath: string): never => ({ fsPath, path: fsPath, scheme: 'file' }) as never;
  const library = new Library(uri(ROOT), uri(spec.storage), log, spec.version);
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await library.ready();
    const loadMs = performance.now() - started;
    const loadCpuMs = cpuMs(cpu);
    // The worker reads meaning search's vectors after the index, in the background: timed apart, and awaited so every keystroke has them.
    const meaningStarted = performance.now();
    await library.applyMeaning();
    notes.push(`meaning search ${options.meaning ? `on: its vectors were ready ${Math.round(performance.now() - meaningStarted)} ms after the index` : 'off'}`);
    // Every keystroke matches words, as the quick pick and the panel search while the user types; the pass by meaning
    // runs when typing pauses, timed here on the complete queries.
    const timed = await timeKeystrokes(spec, async (text) => (await library.search(text, LIMIT, spec.citedDocIds, false)).length);
    if (options.meaning) {
      const paused: number[] = [];
      const pausedCpu: number[] = [];
      for (const keystroke of spec.keystrokes.filter((k) => k.complete)) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        await library.search(keystroke.text, LIMIT, spec.citedDocIds, true);
        paused.push(performance.now() - start);
        pausedCpu.push(cpuMs(cpu));
      }
      const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
      const at = (values: number[], q: number): string => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))].toFixed(1);
      notes.push(`the pass by meaning when typing pauses, end to end on ${paused.length} complete queries: p50 ${at(paused, 0.5)} ms, p95 ${at(paused, 0.95)} ms (CPU time p50 ${at(pausedCpu, 0.5)}, p95 ${at(pausedCpu, 0.95)} ms)`);
    }
    return { loadMs, loadCpuMs, load: loadFigures(report), ...timed, notes };
  } finally {
    library.dispose();
  }
}

/** In a child: the same library loaded in this process, searched directly. */
export async function directChild(spec: SearchPathSpec): Promise<SearchPathRun> {
  const engine = new LibraryEngine(spec.engineOptions);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await engine.load();
  const loadMs = performance.now() - started;
  const loadCpuMs = cpuMs(cpu);
  const { corpus, index } = engine.index;
  const notes = [...report.notes];
  if (options.meaning) {
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const meaningStarted = performance.now();
    const { vectors, synonyms } = await loadMeaningResources(ROOT);
    index.useMeaning(vectors, synonyms);
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    notes.push(`meaning search on: vectors and synonyms read in ${Math.round(performance.now() - meaningStarted)} ms, ${Math.round((heapAfter - heapBefore) / 1e6)} MB of memory (${vectors.size} terms × ${vectors.dimensions} dimensions)`);
  }
  const preferred = new PreferredPassages().of(corpus, spec.citedDocIds);
  const timed = await timeKeystrokes(spec, (text) => index.search(text, { limit: LIMIT, preferred, meaning: false }).length);
  return { loadMs, loadCpuMs, load: loadFigures(report), ...timed, notes };
}
