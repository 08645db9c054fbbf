/**
 * Runs hostile cases inside a worker thread, one after another, so that a
 * case that hangs in synchronous code (which no mocha timeout can interrupt)
 * is stopped by terminating the thread: see watchdog.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LibraryApi } from '../../src/worker/libraryApi';
import { bundledService, runDraft, runSource, sourceService } from './entryPoints';
import { DRAFT_CASES, QUERY_CASES, SOURCE_CASES } from './generators';

/** One case to run: which list, which case, at what size. */
export interface CaseRequest {
  /** `warm` loads what every case needs first (modules, the bundled sources, the citation styles), outside any case's time. */
  readonly kind: 'source' | 'draft' | 'query' | 'warm';
  readonly name: string;
  readonly bytes: number;
}

const port = parentPort;
if (!port) throw new Error('caseWorker runs as a worker thread');
const { extensionPath } = workerData as { extensionPath: string };
let drafts: Promise<LibraryApi> | undefined;
let sources: LibraryApi | undefined;

async function run(request: CaseRequest): Promise<unknown> {
  if (request.kind === 'warm') {
    sources ??= sourceService();
    await runSource(sources, extensionPath, '# Warm up\n\nTalks resumed in Istanbul on Monday, officials said.\n', 'md');
    drafts ??= bundledService(extensionPath);
    await runDraft(await drafts, 'Talks resumed in Istanbul, with 1,000 prisoners freed. “We will,” Peskov said.');
    return {};
  }
  if (request.kind === 'source') {
    const testCase = SOURCE_CASES.find((candidate) => candidate.name === request.name);
    if (!testCase) throw new Error(`no source case ${request.name}`);
    sources ??= sourceService();
    return runSource(sources, extensionPath, testCase.make(request.bytes), testCase.ext);
  }
  drafts ??= bundledService(extensionPath);
  const service = await drafts;
  if (request.kind === 'draft') {
    const testCase = DRAFT_CASES.find((candidate) => candidate.name === request.name);
    if (!testCase) throw new Error(`no draft case ${request.name}`);
    await runDraft(service, testCase.make(request.bytes));
    return {};
  }
  const testCase = QUERY_CASES.find((candidate) => candidate.name === request.name);
  if (!testCase) throw new Error(`no query case ${request.name}`);
  const query = testCase.make(request.bytes);
  await service.search(query, 20, []);
  await service.suggest(query);
  await service.topic(query);
  return {};
}

port.on('message', (request: CaseRequest) => {
  run(request).then(
    (outcome) => port.postMessage({ outcome }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
