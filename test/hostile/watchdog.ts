/**
 * Runs hostile cases in a worker thread with a time limit each: a case that
 * does not finish is stopped (the thread is terminated, which interrupts
 * even a synchronous loop) and reported, and the next case gets a fresh thread.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseRequest } from './caseWorker';

/** Loading modules, the bundled sources and the citation styles in a fresh thread: slow on a busy machine, and no case's work. */
const WARM_UP_LIMIT_MS = 300_000;

export class CaseWatchdog {
  private worker: Worker | undefined;
  private warm: Promise<unknown> | undefined;

  constructor(private readonly extensionPath: string) {}

  /** Runs a case in a warmed-up thread; rejects with a clear message when the case takes longer than `limitMs`. */
  async run<T>(request: CaseRequest, limitMs: number): Promise<T> {
    if (!this.worker || !this.warm) this.warm = this.send({ kind: 'warm', name: 'warm-up', bytes: 0 }, WARM_UP_LIMIT_MS);
    await this.warm;
    return this.send<T>(request, limitMs);
  }

  private send<T>(request: CaseRequest, limitMs: number): Promise<T> {
    const worker = this.start();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop();
        reject(new Error(`${request.kind} case "${request.name}" at ${request.bytes} bytes did not finish in ${limitMs / 1000} s`));
      }, limitMs);
      const onMessage = (reply: { outcome?: T; error?: string }): void => {
        clearTimeout(timer);
        worker.off('error', onError);
        if (reply.error !== undefined) reject(new Error(reply.error));
        else resolve(reply.outcome as T);
      };
      const onError = (error: Error): void => {
        clearTimeout(timer);
        this.worker = undefined;
        this.warm = undefined;
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const register = path.join(this.extensionPath, 'test', 'unit', 'register.cjs');
    const entry = path.join(__dirname, 'caseWorker.ts');
    this.worker = new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`, {
      eval: true,
      workerData: { extensionPath: this.extensionPath },
    });
    return this.worker;
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.warm = undefined;
  }
}
