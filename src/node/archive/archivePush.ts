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

/** One source to push: its text, where it came from, and how to parse it. */
export interface PushItem {
  /** Where the text came from, relative to what was pushed (shown and stored, not used as identity). */
  readonly sourcePath: string;
  readonly raw: string;
  /** The document's id in a local library (the archive's is `collection:localId`). */
  readonly localId: string;
  /** What besides the text makes the document what it is (manifest metadata), for the content hash. */
  readonly hashExtra?: string;
  /** Parses the text into a document with its local id. */
  readonly parse: () => { document: SourceDocument; problems: readonly string[] };
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
}

export interface PushReport extends PushProgress {
  readonly problems: readonly string[];
  readonly stopped: boolean;
}

const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

/** The hash a document is kept under: its text, what else defines it, and the parser's version. */
export function pushHash(item: PushItem): string {
  return contentHash(`${INDEX_FORMAT}\n${item.hashExtra ?? ''}\n${item.raw}`);
}

export async function pushDocuments(connection: ArchiveConnection, items: AsyncIterable<PushItem> | Iterable<PushItem>, options: PushOptions): Promise<PushReport> {
  const problem = collectionNameProblem(options.collection);
  if (problem) throw new Error(problem);
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  const problems: string[] = [];
  const totals = { seen: 0, added: 0, replaced: 0, unchanged: 0, passages: 0, bytes: 0 };
  let stopped = false;

  await connection.withClient(
    async (client) => {
      await client.query('insert into briefing.collections (name) values ($1) on conflict do nothing', [options.collection]);
      // A larger pending list lets GIN take a batch's entries in bulk.
      await client.query("set gin_pending_list_limit = '64MB'").catch(() => undefined);
      let batch: PushItem[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const result = await pushBatch(client, batch, options.collection, problems);
        totals.added += result.added;
        totals.replaced += result.replaced;
        totals.unchanged += result.unchanged;
        totals.passages += result.passages;
        totals.bytes += size;
        totals.seen += batch.length;
        batch = [];
        size = 0;
        options.onProgress?.({ ...totals });
      };
      for await (const item of items) {
        if (options.shouldStop?.()) {
          stopped = true;
          break;
        }
        batch.push(item);
        size += item.raw.length;
        if (size >= batchBytes) await flush();
      }
      if (!stopped) await flush();
    },
    { limit: false },
  );
  return { ...totals, problems, stopped };
}

async function pushBatch(client: pg.PoolClient, batch: readonly PushItem[], collection: string, problems: string[]): Promise<{ added: number; replaced: number; unchanged: number; passages: number }> {
  const entries = new Map<string, { item: PushItem; hash: string }>();
  for (const item of batch) {
    const id = archiveDocId(collection, item.localId);
    if (entries.has(id)) problems.push(`${item.sourcePath}: has the same document id as ${entries.get(id)!.item.sourcePath} (${id}); only the last is kept`);
    entries.set(id, { item, hash: pushHash(item) });
  }
  const current = await client.query<{ id: string; content_hash: string }>('select id, content_hash from briefing.documents where id = any($1)', [[...entries.keys()]]);
  const known = new Map(current.rows.map((row) => [row.id, row.content_hash]));
  // Only what changed is parsed: pushing the same folder again reads it, hashes it, and stops there.
  const changed = [...entries].flatMap(([id, { item, hash }]) => {
    if (known.get(id) === hash) return [];
    const { document, problems: found } = item.parse();
    problems.push(...found.map((text) => `${item.sourcePath}: ${text}`));
    if (document.meta.id !== item.localId) throw new Error(`${item.sourcePath}: parsed as ${document.meta.id}, expected ${item.localId}`);
    return [{ item, hash, document: intoCollection(document, collection) }];
  });
  const unchanged = entries.size - changed.length;
  if (changed.length === 0) return { added: 0, replaced: 0, unchanged, passages: 0 };

  let documentData = '';
  let passageData = '';
  let passages = 0;
  for (const { item, hash, document } of changed) {
    const rows = documentRows(document, item.raw, hash, item.sourcePath);
    documentData += rows.document;
    passageData += rows.passages;
    passages += document.passages.length;
  }
  const changedIds = changed.map((entry) => entry.document.meta.id);
  const replaced = changedIds.filter((id) => known.has(id)).length;
  await client.query('begin');
  try {
    await client.query('delete from briefing.documents where id = any($1)', [changedIds.filter((id) => known.has(id))]);
    await copyInto(client, `briefing.documents (${DOCUMENT_COLUMNS.join(', ')})`, documentData);
    await copyInto(client, `briefing.passages (${PASSAGE_COLUMNS.join(', ')})`, passageData);
    await client.query(
      `insert into briefing.terms (collection, term)
       select distinct $2::text, t.lexeme from briefing.passages p, unnest(p.search) t where p.doc_id = any($1)
       on conflict do nothing`,
      [changedIds, collection],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  return { added: changed.length - replaced, replaced, unchanged, passages };
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
