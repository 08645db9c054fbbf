/**
 * Loads documents into the archive. Each file is parsed by the same code
 * as the local library, given its archive id, and loaded with COPY, many
 * documents per transaction: a document is skipped when its content hash
 * is unchanged, and replaced whole (document, passages, in one
 * transaction) when it changed. An interrupted push leaves every document
 * either as it was or as it is now, never half written; pushing again
 * finishes the job.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { archiveDocId, collectionNameProblem } from '../../core/archive/archiveIds';
import { DOCUMENT_COLUMNS, documentRows, intoCollection, PASSAGE_COLUMNS } from '../../core/archive/archiveRows';
import { INDEX_FORMAT } from '../../core/bundle';
import type { SourceDocument } from '../../core/model';
import { contentHash } from '../../core/text/hash';
import type { ArchiveConnection } from './archiveConnection';

/** What reading a push item gives: the document, and the text its passages' spans point into. */
export type ReadItem = { readonly document: SourceDocument; readonly problems: readonly string[]; readonly raw: string } | { readonly skipped: string };

/** One source to push: where it came from, what identifies its content, and how to read it. */
export interface PushItem {
  /** Where the text came from, relative to what was pushed (shown and stored, not used as identity). */
  readonly sourcePath: string;
  /** The document's id in a local library (the archive's is `collection:localId`). */
  readonly localId: string;
  /** A hash of everything that makes the document what it is (its text or bytes, manifest metadata). */
  readonly contentKey: string;
  /** Its size in bytes, for batching and for reporting throughput. */
  readonly size: number;
  /** Reads and parses it, as the local library does. */
  readonly read: () => Promise<ReadItem>;
}

export interface PushOptions {
  readonly collection: string;
  /** Text per transaction, in bytes (8 MB when not given). */
  readonly batchBytes?: number;
  readonly onProgress?: (progress: PushProgress) => void;
  /** Stops before the next batch when it returns true. */
  readonly shouldStop?: () => boolean;
}

export interface PushProgress {
  readonly seen: number;
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
  readonly passages: number;
  readonly bytes: number;
  /** Time spent here hashing, parsing and making rows, and waiting on the server's writes (ms). */
  readonly prepareMs: number;
  readonly writeWaitMs: number;
}

export interface PushReport extends PushProgress {
  readonly problems: readonly string[];
  readonly stopped: boolean;
}

const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

/** The hash a document is kept under: its content and the parser's version. */
export function pushHash(item: PushItem): string {
  return contentHash(`${INDEX_FORMAT}\n${item.contentKey}`);
}

export async function pushDocuments(connection: ArchiveConnection, items: AsyncIterable<PushItem> | Iterable<PushItem>, options: PushOptions): Promise<PushReport> {
  const problem = collectionNameProblem(options.collection);
  if (problem) throw new Error(problem);
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  const problems: string[] = [];
  const totals = { seen: 0, added: 0, replaced: 0, unchanged: 0, passages: 0, bytes: 0, prepareMs: 0, writeWaitMs: 0 };
  let stopped = false;

  await connection.withClient(
    async (client) => {
      await client.query('insert into briefing.collections (name) values ($1) on conflict do nothing', [options.collection]);
      // A larger pending list lets GIN take a batch's entries in bulk; it is merged into the index at the end.
      await client.query("set gin_pending_list_limit = '32MB'").catch(() => undefined);
      // Commits of this session do not wait for the disk: a crash may lose the last fraction of a second of
      // pushed documents (never half of one, and never anything else), and pushing again restores them.
      await client.query('set synchronous_commit = off').catch(() => undefined);
      // The collection's vocabulary as it is: each batch then sends only words the archive has not seen.
      const known = new Set((await client.query<{ term: string }>('select term from briefing.terms where collection = $1', [options.collection])).rows.map((row) => row.term));
      // Pipelined: while the server writes one batch, the next is read, hashed and parsed here.
      let writing: Promise<void> = Promise.resolve();
      let batch: PushItem[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const items = batch;
        const bytes = size;
        batch = [];
        size = 0;
        let started = performance.now();
        const prepared = await prepareBatch(connection, items, options.collection, problems);
        totals.prepareMs += performance.now() - started;
        started = performance.now();
        await writing;
        totals.writeWaitMs += performance.now() - started;
        totals.unchanged += prepared.unchanged;
        writing = writeBatch(client, prepared, known).then(() => {
          totals.added += prepared.added;
          totals.replaced += prepared.replaced;
          totals.passages += prepared.passages;
          totals.bytes += bytes;
          totals.seen += items.length;
          options.onProgress?.({ ...totals });
        });
        // A failed write surfaces at the next await; until then it must not count as unhandled.
        writing.catch(() => undefined);
      };
      for await (const item of items) {
        if (options.shouldStop?.()) {
          stopped = true;
          break;
        }
        batch.push(item);
        size += item.size;
        if (size >= batchBytes) await flush();
      }
      if (!stopped) await flush();
      const started = performance.now();
      await writing;
      totals.writeWaitMs += performance.now() - started;
      if (totals.added + totals.replaced > 0) {
        // Searches read the GIN pending list linearly and plan from statistics: settle both now.
        await client.query("select gin_clean_pending_list('briefing.passages_search'::regclass)").catch(() => undefined);
        await client.query('analyze briefing.passages, briefing.documents, briefing.terms').catch(() => undefined);
      }
    },
    { limit: false },
  );
  return { ...totals, problems, stopped };
}

/** A batch ready to write: what changed, as COPY data, and the terms it brings to the vocabulary. */
interface PreparedBatch {
  readonly collection: string;
  readonly deleteIds: readonly string[];
  readonly changedIds: readonly string[];
  readonly documentData: string;
  readonly passageData: string;
  readonly terms: readonly string[];
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
  readonly passages: number;
}

/** Hashes the batch, asks the archive which documents are current (on a connection of its own), and parses the rest. */
async function prepareBatch(connection: ArchiveConnection, batch: readonly PushItem[], collection: string, problems: string[]): Promise<PreparedBatch> {
  const entries = new Map<string, { item: PushItem; hash: string }>();
  for (const item of batch) {
    const id = archiveDocId(collection, item.localId);
    if (entries.has(id)) problems.push(`${item.sourcePath}: has the same document id as ${entries.get(id)!.item.sourcePath} (${id}); only the last is kept`);
    entries.set(id, { item, hash: pushHash(item) });
  }
  const current = await connection.query<{ id: string; content_hash: string }>('select id, content_hash from briefing.documents where id = any($1)', [[...entries.keys()]]);
  const known = new Map(current.map((row) => [row.id, row.content_hash]));
  let documentData = '';
  let passageData = '';
  let passages = 0;
  const vocabulary = new Set<string>();
  const changedIds: string[] = [];
  // Only what changed is parsed: pushing the same folder again reads it, hashes it, and stops there.
  for (const [id, { item, hash }] of entries) {
    if (known.get(id) === hash) continue;
    const read = await item.read();
    if ('skipped' in read) {
      problems.push(`${item.sourcePath}: skipped, ${read.skipped}`);
      continue;
    }
    const { document, problems: found, raw } = read;
    problems.push(...found.map((text) => `${item.sourcePath}: ${text}`));
    if (document.meta.id !== item.localId) throw new Error(`${item.sourcePath}: parsed as ${document.meta.id}, expected ${item.localId}`);
    const rows = documentRows(intoCollection(document, collection), raw, hash, item.sourcePath, vocabulary);
    documentData += rows.document;
    passageData += rows.passages;
    passages += document.passages.length;
    changedIds.push(id);
  }
  const deleteIds = changedIds.filter((id) => known.has(id));
  return {
    collection,
    deleteIds,
    changedIds,
    documentData,
    passageData,
    terms: [...vocabulary].sort(),
    added: changedIds.length - deleteIds.length,
    replaced: deleteIds.length,
    unchanged: entries.size - changedIds.length,
    passages,
  };
}

/** One transaction: the changed documents' old versions out, the new ones in, their new words in the vocabulary. */
async function writeBatch(client: pg.PoolClient, batch: PreparedBatch, knownTerms: Set<string>): Promise<void> {
  if (batch.changedIds.length === 0) return;
  const terms = batch.terms.filter((term) => !knownTerms.has(term));
  await client.query('begin');
  try {
    if (batch.deleteIds.length > 0) await client.query('delete from briefing.documents where id = any($1)', [batch.deleteIds]);
    await copyInto(client, `briefing.documents (${DOCUMENT_COLUMNS.join(', ')})`, batch.documentData);
    await copyInto(client, `briefing.passages (${PASSAGE_COLUMNS.join(', ')})`, batch.passageData);
    if (terms.length > 0) await client.query('insert into briefing.terms (collection, term) select $1, unnest($2::text[]) on conflict do nothing', [batch.collection, terms]);
    await client.query('commit');
    for (const term of terms) knownTerms.add(term);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function copyInto(client: pg.PoolClient, target: string, data: string): Promise<void> {
  if (data.length === 0) return;
  const stream = client.query(copyFrom(`copy ${target} from stdin`));
  await pipeline(Readable.from([data]), stream);
}

/** Deletes a document and its passages; false when the archive has no such document. */
export async function removeDocument(connection: ArchiveConnection, docId: string): Promise<boolean> {
  const rows = await connection.query('delete from briefing.documents where id = $1 returning id', [docId]);
  return rows.length > 0;
}
