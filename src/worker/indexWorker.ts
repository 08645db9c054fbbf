import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { CitationThread } from './citationThread';
import { takeLimitNotes } from '../core/limits';
import type { LibraryApi, WorkerReply, WorkerRequest } from './libraryApi';
import { createLibraryService } from './libraryService';

/**
 * The index worker: parsing, indexing, saving and searching happen here,
 * so the extension host never stalls while a large folder is indexed;
 * citation styles are built and used on the citation thread it starts.
 */
const port = parentPort;
if (!port) throw new Error('indexWorker must run as a worker thread');

const reply = (message: WorkerReply): void => port.postMessage(message);
// citeproc-js builds and formats on a thread of its own (dist/citationWorker.js, beside this file): a style's
// second of CPU never holds up a search here.
const service = createLibraryService(
  (done, total) => reply({ event: 'progress', done, total }),
  (status) => reply({ event: 'archive', status }),
  (extensionPath) => new CitationThread(path.join(__dirname, 'citationWorker.js'), extensionPath),
);

port.on('message', (request: WorkerRequest) => {
  const method = service[request.method] as (...params: unknown[]) => Promise<unknown>;
  if (typeof method !== 'function') {
    reply({ id: request.id, error: `unknown method ${String(request.method)}` });
    return;
  }
  method
    .apply(service, request.params as unknown[])
    .then((result) => reply({ id: request.id, result }))
    .catch((error: unknown) => reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }))
    .finally(() => {
      const notes = takeLimitNotes();
      if (notes.length > 0) reply({ event: 'notes', notes });
    });
});

export type { LibraryApi };
