/**
 * Runs hostile cases in a worker thread with a time limit each: a case that
 * does not finish is stopped (the thread is terminated, which interrupts
 * even a synchronous loop) and reported, and the next case gets a fresh thread.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseRequest } from './caseWorker';

export class CaseWatchdog {
  private worker: Worker | undefined;

  constructor(private readonly extensionPath: string) {}

  /** Runs a case; rejects with a clear message when it takes longer than `limitMs`. */
  run<T>(request: CaseRequest, limitMs: number): Promise<T> {
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
  }
}
