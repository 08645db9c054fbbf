/**
 * The index worker's citation calls, made on a thread of their own
 * (citationWorker.ts): building a CSL style costs citeproc-js about a
 * second of CPU, and in the index worker that second would hold up every
 * search behind it. The thread starts on the first citation (or the warm-up
 * after a load), gets each version of the sources' metadata once, and is
 * started again if it dies.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { TidyResult } from '../core/checks/tidyFootnotes';
import type { Passage, SourceMeta } from '../core/model';
import type { CitationCalls, CitationSources } from './citationCalls';
import type { CitationPlan, CitationRequest, CopyOptions, StyleOptions } from './citationService';

/** What the index worker asks the citation thread. `metas` come with the first request of a version. */
export type CitationThreadRequest = { readonly id: number; readonly version?: number; readonly metas?: readonly SourceMeta[] } & (
  | { readonly call: 'plan'; readonly request: CitationRequest; readonly passage: Passage | undefined }
  | { readonly call: 'text'; readonly passageId: string; readonly passage: Passage | undefined; readonly options: CopyOptions }
  | { readonly call: 'tidy'; readonly draft: string; readonly style: StyleOptions | undefined }
  | { readonly call: 'warm'; readonly style: StyleOptions }
);

export type CitationThreadReply = { readonly id: number; readonly result: unknown } | { readonly id: number; readonly error: string };

type Call = CitationThreadRequest extends infer R ? (R extends unknown ? Omit<R, 'id' | 'version' | 'metas'> : never) : never;

/** A style is small: a thread that needs more than this is stopped, and started again for the next call. */
const CITATION_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };

export class CitationThread implements CitationCalls {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** The version of the sources the thread has the metadata of. */
  private sentVersion: number | undefined;

  constructor(
    private readonly workerPath: string,
    private readonly extensionPath: string,
  ) {}

  plan(request: CitationRequest, passage: Passage | undefined, sources: CitationSources): Promise<CitationPlan> {
    return this.send({ call: 'plan', request, passage }, sources) as Promise<CitationPlan>;
  }

  text(passageId: string, passage: Passage | undefined, options: CopyOptions, sources: CitationSources): Promise<string> {
    return this.send({ call: 'text', passageId, passage, options }, sources) as Promise<string>;
  }

  tidy(draft: string, style: StyleOptions | undefined, sources: CitationSources): Promise<TidyResult> {
    return this.send({ call: 'tidy', draft, style }, sources) as Promise<TidyResult>;
  }

  async warm(style: StyleOptions): Promise<void> {
    await this.send({ call: 'warm', style });
  }

  private send(call: Call, sources?: CitationSources): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const worker = this.start();
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      let metas: readonly SourceMeta[] | undefined;
      if (sources && (sources.version === undefined || sources.version !== this.sentVersion)) {
        metas = sources.metas();
        this.sentVersion = sources.version;
      }
      worker.postMessage({ ...call, id, ...(sources?.version === undefined ? {} : { version: sources.version }), ...(metas ? { metas } : {}) });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: { extensionPath: this.extensionPath }, resourceLimits: CITATION_LIMITS });
    worker.unref();
    worker.on('message', (reply: CitationThreadReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.result);
    });
    const fail = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.sentVersion = undefined;
      const failed = [...this.pending.values()];
      this.pending.clear();
      for (const one of failed) one.reject(new Error(`the citation thread stopped: ${reason}`));
    };
    worker.on('error', (error: Error & { code?: string }) =>
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it ran out of memory (its limit is ${CITATION_LIMITS.maxOldGenerationSizeMb} MB)` : error.message),
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
