/**
 * The citation thread, started by the index worker (citationThread.ts):
 * citeproc-js builds its styles and formats here, so a search in the index
 * worker never waits for a style to be built.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceMeta } from '../core/model';
import { localCitations, type CitationCalls } from './citationCalls';
import type { CitationThreadReply, CitationThreadRequest } from './citationThread';

const port = parentPort;
if (!port) throw new Error('citationWorker must run as a worker thread');

const calls: CitationCalls = localCitations((workerData as { extensionPath: string }).extensionPath);
/** The metadata of the version last sent: a request of that version comes without it. */
let latest: { version: number; metas: readonly SourceMeta[] } | undefined;

port.on('message', (request: CitationThreadRequest) => {
  if (request.metas && request.version !== undefined) latest = { version: request.version, metas: request.metas };
  const metas = request.metas ?? (latest !== undefined && latest.version === request.version ? latest.metas : undefined);
  const answer = async (): Promise<unknown> => {
    if (request.call !== 'warm' && !metas) throw new Error(`the citation thread was not sent the sources of version ${request.version}`);
    const sources = { ...(request.version === undefined ? {} : { version: request.version }), metas: () => metas ?? [] };
    switch (request.call) {
      case 'plan':
        return calls.plan(request.request, request.passage, sources);
      case 'text':
        return calls.text(request.passageId, request.passage, request.options, sources);
      case 'tidy':
        return calls.tidy(request.draft, request.style, sources);
      case 'warm':
        return calls.warm(request.style);
    }
  };
  answer().then(
    (result) => port.postMessage({ id: request.id, result } satisfies CitationThreadReply),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies CitationThreadReply),
  );
});
