import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ArchiveStatus } from '../node/archive/archiveService';
import type { LibraryApi, LibraryMethod, WorkerReply } from '../worker/libraryApi';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** A request not yet sent to the worker: analysis waits while another analysis runs. */
interface Queued {
  readonly method: LibraryMethod;
  readonly params: readonly unknown[];
  readonly waiting: Pending[];
  /** Calls with the same key (one document's checks) replace each other while queued. */
  readonly key?: string;
}

/**
 * Calls that read a whole draft or the whole corpus and may take a while.
 * At most one is in the worker at a time; searches and lookups are sent at
 * once, so they never wait behind a queue of checks (only, at worst,
 * behind the one running).
 */
const ANALYSIS: ReadonlySet<LibraryMethod> = new Set<LibraryMethod>(['checkDraft', 'claims', 'home', 'topic', 'briefing', 'briefingMarkdown', 'tidy', 'citationAt', 'citedDocIds']);

/** The worker's memory: a runaway input makes it stop (and restart), not the editor's machine swap. */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };

/** More the client can be told. */
export interface WorkerOptions {
  /** Limits the worker's analyses reached (issue #17), for the output channel. */
  readonly onNotes?: (notes: readonly string[]) => void;
  /** The shared archive's connection changed (issue #16). */
  readonly onArchiveStatus?: (status: ArchiveStatus) => void;
  readonly limits?: ResourceLimits;
}

/**
 * Calls the index worker as if it were a local LibraryApi. The worker runs
 * with resource limits; one that dies fails its pending calls with a clear
 * error and the next call starts a fresh one (which must be loaded again:
 * see `onExit`). Analyses run one at a time, searches jump the queue, and a
 * newer check of a document replaces one still queued (see `callKeyed`).
 */
export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending[]>();
  private readonly queue: Queued[] = [];
  private analysisInFlight: number | undefined;

  private readonly limits: ResourceLimits;

  /** `onExit`: the worker stopped; every pending call failed with `reason`, and the next call starts a fresh worker. */
  constructor(
    private readonly workerPath: string,
    private readonly onProgress: (done: number, total: number) => void,
    private readonly onExit: (reason: string) => void,
    private readonly options: WorkerOptions = {},
  ) {
    this.limits = options.limits ?? WORKER_LIMITS;
  }

  /** The worker's API; each call crosses to the worker thread and back. */
  readonly api: LibraryApi = new Proxy({} as LibraryApi, {
    get: (_target, method: string) => (...params: unknown[]) => this.call(method as LibraryMethod, params),
  });

  /**
   * Calls an analysis for one document: while an earlier call with the same
   * key is still queued (not yet in the worker), the newer replaces it and
   * both callers get the newer answer; an edit never queues behind the
   * checks of the text it replaced.
   */
  callKeyed<M extends LibraryMethod>(key: string, method: M, ...params: Parameters<LibraryApi[M]>): ReturnType<LibraryApi[M]> {
    return this.call(method, params, key) as ReturnType<LibraryApi[M]>;
  }

  private call(method: LibraryMethod, params: readonly unknown[], key?: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiting = { resolve, reject };
      if (!ANALYSIS.has(method)) {
        this.send(method, params, [waiting]);
        return;
      }
      const replaced = key === undefined ? -1 : this.queue.findIndex((queued) => queued.key === key && queued.method === method);
      if (replaced >= 0) {
        const earlier = this.queue[replaced];
        this.queue[replaced] = { method, params, key, waiting: [...earlier.waiting, waiting] };
      } else this.queue.push({ method, params, waiting: [waiting], ...(key === undefined ? {} : { key }) });
      this.pump();
    });
  }

  /** Sends the next queued analysis when none is in the worker. */
  private pump(): void {
    if (this.analysisInFlight !== undefined) return;
    const next = this.queue.shift();
    if (!next) return;
    this.analysisInFlight = this.send(next.method, next.params, next.waiting);
  }

  private send(method: LibraryMethod, params: readonly unknown[], waiting: Pending[]): number {
    const worker = this.start();
    const id = this.nextId++;
    this.pending.set(id, waiting);
    worker.postMessage({ id, method, params });
    return id;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { resourceLimits: this.limits });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if ('event' in reply) {
        if (reply.event === 'progress') this.onProgress(reply.done, reply.total);
        else if (reply.event === 'archive') this.options.onArchiveStatus?.(reply.status);
        else this.options.onNotes?.(reply.notes);
        return;
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      for (const one of waiting) {
        if ('error' in reply) one.reject(new Error(reply.error));
        else one.resolve(reply.result);
      }
      if (reply.id === this.analysisInFlight) {
        this.analysisInFlight = undefined;
        this.pump();
      }
    });
    const fail = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.analysisInFlight = undefined;
      const failed = [...this.pending.values(), ...this.queue.map((queued) => queued.waiting)].flat();
      this.pending.clear();
      this.queue.length = 0;
      for (const one of failed) one.reject(new Error(`the index worker stopped: ${reason}`));
      this.onExit(reason);
    };
    worker.on('error', (error: Error & { code?: string }) =>
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it ran out of memory (its limit is ${this.limits.maxOldGenerationSizeMb} MB)` : error.message),
    );
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
