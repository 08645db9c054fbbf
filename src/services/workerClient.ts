import { Worker } from 'node:worker_threads';
import type { ArchiveStatus } from '../node/archive/archiveService';
import type { LibraryApi, LibraryMethod, WorkerReply } from '../worker/libraryApi';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * Calls the index worker as if it were a local LibraryApi. A worker that
 * dies fails its pending calls with a clear error; the next call starts a
 * fresh one (which must be loaded again: see `onRestart`).
 */
export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly workerPath: string,
    private readonly onProgress: (done: number, total: number) => void,
    private readonly onExit: (reason: string) => void,
    private readonly onArchiveStatus: (status: ArchiveStatus) => void = () => {},
  ) {}

  /** The worker's API; each call crosses to the worker thread and back. */
  readonly api: LibraryApi = new Proxy({} as LibraryApi, {
    get: (_target, method: string) => (...params: unknown[]) => this.call(method as LibraryMethod, params),
  });

  private call(method: LibraryMethod, params: readonly unknown[]): Promise<unknown> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, params });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if ('event' in reply) {
        if (reply.event === 'archive') this.onArchiveStatus(reply.status);
        else this.onProgress(reply.done, reply.total);
        return;
      }
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(reply.result);
    });
    const fail = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const pending of this.pending.values()) pending.reject(new Error(`the index worker stopped: ${reason}`));
      this.pending.clear();
      this.onExit(reason);
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
