import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { RawSource } from '../src/core/corpus';
import { LibraryEngine } from '../src/node/libraryEngine';
import { WorkerClient } from '../src/services/workerClient';
import { writeLibraryFolder } from './libraryFolder';

/** How long the thread that runs the extension stalled while a folder was indexed. */
export interface StallFigures {
  readonly files: number;
  readonly passages: number;
  /** Indexing in the worker thread, as the extension does it. */
  readonly worker: { readonly indexMs: number; readonly longestStallMs: number; readonly p99StallMs: number };
  /** The same work on the calling thread, for comparison. */
  readonly inProcess: { readonly indexMs: number; readonly longestStallMs: number; readonly p99StallMs: number };
}

/**
 * Writes the corpus as a folder of Markdown files (once, under .bench/),
 * then indexes it twice — in the real index worker, and on this thread —
 * while a timer measures the longest gap in this thread's event loop.
 */
export async function measureIndexingStall(root: string, size: number, sources: readonly RawSource[]): Promise<StallFigures> {
  const folder = writeLibraryFolder(size, sources);
  const options = { extensionPath: root, roots: [folder], includeBundled: false, maxFileBytes: 16 * 1024 * 1024 };

  const client = new WorkerClient(path.join(root, 'dist', 'indexWorker.js'), () => {}, () => {});
  const worker = await watchLoop(() => client.api.load(options));
  client.dispose();
  const inProcess = await watchLoop(() => new LibraryEngine(options).load());
  return {
    files: sources.length,
    passages: worker.result.passages,
    worker: worker.figures,
    inProcess: inProcess.figures,
  };
}

async function watchLoop<T>(work: () => Promise<T>): Promise<{ result: T; figures: StallFigures['worker'] }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  histogram.enable();
  const started = performance.now();
  const result = await work();
  const indexMs = performance.now() - started;
  longest = Math.max(longest, performance.now() - last);
  clearInterval(ticker);
  histogram.disable();
  const round = (value: number): number => Math.round(value * 10) / 10;
  return { result, figures: { indexMs: round(indexMs), longestStallMs: round(longest), p99StallMs: round(histogram.percentile(99) / 1e6) } };
}
