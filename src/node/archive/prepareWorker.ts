/**
 * A prepare worker of `briefing archive push` (dist/archivePrepareWorker.js):
 * given a batch's changed items as data, it reads and parses them and sends
 * back their binary COPY data (transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { batchRows, readJob, type ReadJob } from './pushRows';

export interface PrepareRequest {
  readonly collection: string;
  readonly tasks: ReadonlyArray<{ readonly id: string; readonly localId: string; readonly hash: string; readonly sourcePath: string; readonly job: ReadJob }>;
}

parentPort?.on('message', (request: PrepareRequest) => {
  batchRows(
    request.tasks.map((task) => ({ ...task, read: () => readJob(task.job) })),
    request.collection,
  ).then(
    (rows) => parentPort!.postMessage({ rows }, [rows.documentData.buffer as ArrayBuffer, rows.passageData.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
