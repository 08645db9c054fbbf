/**
 * Prepare workers for a push: one batch at a time each, the rest queued.
 * Used only where the bundled worker script exists (dist/); elsewhere a
 * push prepares in its own thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PrepareRequest } from './prepareWorker';
import type { BatchRows } from './pushRows';

/** The worker script beside the running bundle, when there is one. */
export function defaultPrepareScript(): string | undefined {
  const script = path.join(__dirname, 'archivePrepareWorker.js');
  return existsSync(script) ? script : undefined;
}

/** As many preparers as cores, at most 4: beyond that the server, not parsing, is what a push waits for. */
export function defaultPreparers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export class PreparePool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];

  constructor(script: string, count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script);
      // A worker's own crash fails the batch it had (below); it must not take the push down otherwise.
      worker.on('error', () => undefined);
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  async prepare(request: PrepareRequest): Promise<BatchRows> {
    const worker = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    try {
      return await new Promise<BatchRows>((resolve, reject) => {
        const onExit = (code: number): void => reject(new Error(`a prepare worker stopped (exit code ${code})`));
        worker.once('exit', onExit);
        worker.once('message', (answer: { rows?: BatchRows; error?: string }) => {
          worker.off('exit', onExit);
          if (answer.rows) resolve(answer.rows);
          else reject(new Error(answer.error ?? 'a prepare worker failed'));
        });
        worker.postMessage(request);
      });
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}
