/**
 * The work of a push that needs no database: reading and parsing the
 * changed documents of a batch and writing them as binary COPY data with
 * their vocabulary. It runs in the push's own thread or, for items that
 * can be described as data (`ReadJob`), in prepare workers, so a push
 * parses on as many cores as the machine has.
 */
import { ArchiveCopyData, intoCollection } from '../../core/archive/archiveRows';

import type { SourceDocument } from '../../core/model';
import { parseDocument, type SourceHints } from '../../core/parse/parseDocument';
import { isBinaryFormat, sourceFormatOf } from '../../core/sources/fileContent';
import { readUserSource, shownTextOf } from '../../core/sources/readSource';
import type { UserFile } from '../../core/sources/userSource';

/** What reading a push item gives: the document, and the text its passages' spans point into. */
export type ReadItem = { readonly document: SourceDocument; readonly problems: readonly string[]; readonly raw: string } | { readonly skipped: string };

/** How to read an item, as data a worker thread can be sent: text with manifest metadata, or a file already read from disk. */
export type ReadJob = { readonly kind: 'manifest'; readonly raw: string; readonly hints: SourceHints } | { readonly kind: 'file'; readonly file: UserFile };

export async function readJob(job: ReadJob): Promise<ReadItem> {
  if (job.kind === 'manifest') return { document: parseDocument(job.raw, job.hints), problems: [], raw: job.raw };
  const outcome = await readUserSource(job.file);
  if ('skipped' in outcome) return { skipped: outcome.skipped.detail };
  // A PDF or Word file is kept as the text Briefing read from it: its passages point into that text.
  const raw = isBinaryFormat(sourceFormatOf(job.file.path)) ? await shownTextOf(job.file) : job.file.text;
  return { ...outcome, raw: raw ?? '' };
}

/** A changed item of a batch, to read and write. */
export interface RowTask {
  readonly id: string;
  readonly localId: string;
  readonly hash: string;
  readonly sourcePath: string;
  readonly read: () => Promise<ReadItem>;
}

/** A batch's changed documents as COPY data. */
export interface BatchRows {
  readonly documentData: Uint8Array;
  readonly passageData: Uint8Array;
  /** The ids written (items that could not be read are left out). */
  readonly writtenIds: readonly string[];
  readonly terms: readonly string[];
  readonly passages: number;
  readonly problems: readonly string[];
}

export async function batchRows(tasks: readonly RowTask[], collection: string): Promise<BatchRows> {
  const data = new ArchiveCopyData();
  const vocabulary = new Set<string>();
  const writtenIds: string[] = [];
  const problems: string[] = [];
  let passages = 0;
  for (const task of tasks) {
    const read = await task.read();
    if ('skipped' in read) {
      problems.push(`${task.sourcePath}: skipped, ${read.skipped}`);
      continue;
    }
    const { document, problems: found, raw } = read;
    problems.push(...found.map((text) => `${task.sourcePath}: ${text}`));
    if (document.meta.id !== task.localId) throw new Error(`${task.sourcePath}: parsed as ${document.meta.id}, expected ${task.localId}`);
    data.add(intoCollection(document, collection), raw, task.hash, task.sourcePath, vocabulary);
    passages += document.passages.length;
    writtenIds.push(task.id);
  }
  return { documentData: data.documents.finish(), passageData: data.passages.finish(), writtenIds, terms: [...vocabulary].sort(), passages, problems };
}
