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
import { DOCUMENT_COLUMNS, PASSAGE_COLUMNS } from '../../core/archive/archiveRows';
import { INDEX_FORMAT } from '../../core/bundle';
import { contentHash } from '../../core/text/hash';
import type { ArchiveConnection } from './archiveConnection';
import { defaultPreparers, defaultPrepareScript, PreparePool } from './preparePool';
import { batchRows, type BatchRows, type ReadItem, type ReadJob } from './pushRows';

export type { ReadItem } from './pushRows';

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
  /** The same reading as data, so a prepare worker can do it; without it the item is read in this thread. */
  readonly job?: ReadJob;
}

export interface PushOptions {
  readonly collection: string;
  /** Text per transaction, in bytes (8 MB when not given). */
  readonly batchBytes?: number;
  /** Connections writing batches at once (2 when not given): the server parses and indexes on as many cores. */
  readonly writers?: number;
  /** Prepare workers (one a core, at most 4, when not given; 0 prepares in this thread). */
  readonly preparers?: number;
  /** The prepare worker's script (the one beside the running bundle when not given). */
  readonly prepareScript?: string;
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
  /** Time spent here hashing, parsing and making rows, and waiting for a free writer (ms). */
  readonly prepareMs: number;
  readonly writeWaitMs: number;
}

export interface PushReport extends PushProgress {
  readonly problems: readonly string[];
  readonly stopped: boolean;
  /** The local ids of every item the push was given, read or not (what `removeMissing` keeps). */
  readonly localIds: ReadonlySet<string>;
}

const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;
const DEFAULT_WRITERS = 2;

/** The hash a document is kept under: its content and the parser's version. */
export function pushHash(item: PushItem): string {
  return contentHash(`${INDEX_FORMAT}\n${item.contentKey}`);
}

/**
 * Pushes the items in batches. Batches are prepared here (hashed, parsed,
 * made into binary COPY data) while earlier ones are written, each by one
 * of `writers` connections in its own transaction, so the server's work
 * (tsvectors, the GIN index, compression) runs on several cores.
 */
export async function pushDocuments(connection: ArchiveConnection, items: AsyncIterable<PushItem> | Iterable<PushItem>, options: PushOptions): Promise<PushReport> {
  const problem = collectionNameProblem(options.collection);
  if (problem) throw new Error(problem);
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  // Writers hold a connection each for the whole push; one more is left for looking up what is current.
  if (connection.maxConnections < 2) throw new Error('pushing needs a connection pool of at least 2 connections');
  const writerCount = Math.min(connection.maxConnections - 1, Math.max(1, Math.floor(options.writers ?? DEFAULT_WRITERS)));
  const problems: string[] = [];
  const totals = { seen: 0, added: 0, replaced: 0, unchanged: 0, passages: 0, bytes: 0, prepareMs: 0, writeWaitMs: 0 };
  const localIds = new Set<string>();
  const firstPath = new Map<string, string>();
  let stopped = false;

  const script = options.prepareScript ?? defaultPrepareScript();
  const preparerCount = script ? Math.max(0, Math.floor(options.preparers ?? defaultPreparers())) : 0;
  const pool = preparerCount > 0 && script ? new PreparePool(script, preparerCount) : undefined;

  try {
    await withClients(connection, writerCount, async (clients) => {
      const [first] = clients;
      await first.query('insert into briefing.collections (name) values ($1) on conflict do nothing', [options.collection]);
      for (const client of clients) await prepareWriter(client);
      // The collection's vocabulary as it is: each batch then sends only words the archive has not seen.
      const known = new Set((await first.query<{ term: string }>('select term from briefing.terms where collection = $1', [options.collection])).rows.map((row) => row.term));
      const writers = new Slots(clients);
      // Batches being prepared at once: one per worker (or one here), so memory stays a few batches.
      const preparing = new Slots(Array.from({ length: Math.max(1, preparerCount) }, (_, i) => i));
      const tasks = new Set<Promise<void>>();
      let failure: unknown;
      let batch: PushItem[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const items = batch;
        const bytes = size;
        batch = [];
        size = 0;
        let started = performance.now();
        const slot = await preparing.take();
        totals.writeWaitMs += performance.now() - started;
        if (failure) {
          preparing.give(slot);
          return;
        }
        const task = (async (): Promise<void> => {
          let prepared: PreparedBatch;
          try {
            started = performance.now();
            prepared = await prepareBatch(connection, items, options.collection, pool);
            totals.prepareMs += performance.now() - started;
          } finally {
            preparing.give(slot);
          }
          const client = await writers.take();
          try {
            // Stopped while this batch waited: it is left for the next push, as if never read.
            if (options.shouldStop?.()) {
              stopped = true;
              return;
            }
            problems.push(...prepared.problems);
            totals.unchanged += prepared.unchanged;
            await writeBatch(client, prepared, known);
          } finally {
            writers.give(client);
          }
          totals.added += prepared.added;
          totals.replaced += prepared.replaced;
          totals.passages += prepared.passages;
          totals.bytes += bytes;
          totals.seen += items.length;
          options.onProgress?.({ ...totals });
        })()
          // A failed batch stops the push before the next one, and is thrown once the others have finished.
          .catch((error: unknown) => void (failure ??= error))
          .finally(() => tasks.delete(task));
        tasks.add(task);
      };
      try {
        for await (const item of items) {
          if (options.shouldStop?.()) {
            stopped = true;
            break;
          }
          localIds.add(item.localId);
          const earlier = firstPath.get(item.localId);
          if (earlier !== undefined) {
            problems.push(`${item.sourcePath}: has the same document id as ${earlier} (${archiveDocId(options.collection, item.localId)}); only the first is kept`);
            continue;
          }
          firstPath.set(item.localId, item.sourcePath);
          batch.push(item);
          size += item.size;
          if (size >= batchBytes) await flush();
          if (failure) break;
        }
        if (!stopped && !failure) await flush();
      } finally {
        const started = performance.now();
        while (tasks.size > 0) await Promise.all(tasks);
        totals.writeWaitMs += performance.now() - started;
      }
      if (failure) throw failure;
      if (totals.added + totals.replaced > 0) {
        // Searches read the GIN pending list linearly and plan from statistics: settle both now.
        await first.query("select gin_clean_pending_list('briefing.passages_search'::regclass)").catch(() => undefined);
        await first.query('analyze briefing.passages, briefing.documents, briefing.terms').catch(() => undefined);
      }
    });
  } finally {
    await pool?.close();
  }
  return { ...totals, problems, stopped, localIds };
}

/** Lends `count` connections at once, without the statement time limit, for the whole of `work`. */
async function withClients<T>(connection: ArchiveConnection, count: number, work: (clients: pg.PoolClient[]) => Promise<T>, held: pg.PoolClient[] = []): Promise<T> {
  if (held.length === count) return work(held);
  return connection.withClient((client) => withClients(connection, count, work, [...held, client]), { limit: false });
}

/** A writer's session: bulk-friendly settings that change nothing a reader sees. */
async function prepareWriter(client: pg.PoolClient): Promise<void> {
  // Commits of this session do not wait for the disk: a crash may lose the last fraction of a second of
  // pushed documents (never half of one, and never anything else), and pushing again restores them.
  await client.query('set synchronous_commit = off').catch(() => undefined);
  // A larger GIN pending list takes a batch's entries in bulk; it is merged into the index at the end.
  await client.query("set gin_pending_list_limit = '32MB'").catch(() => undefined);
}

/** A batch ready to write: what changed, as binary COPY data, and the terms it brings to the vocabulary. */
interface PreparedBatch {
  readonly collection: string;
  readonly deleteIds: readonly string[];
  readonly rows: BatchRows;
  readonly problems: readonly string[];
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
  readonly passages: number;
}

/**
 * Hashes the batch, asks the archive which documents are current (on a
 * connection of its own), and has the rest read and made into rows: by a
 * prepare worker when there are some and every item can be sent to one.
 */
async function prepareBatch(connection: ArchiveConnection, batch: readonly PushItem[], collection: string, pool: PreparePool | undefined): Promise<PreparedBatch> {
  const entries = new Map<string, { item: PushItem; hash: string }>();
  for (const item of batch) entries.set(archiveDocId(collection, item.localId), { item, hash: pushHash(item) });
  const current = await connection.query<{ id: string; content_hash: string }>('select id, content_hash from briefing.documents where id = any($1)', [[...entries.keys()]]);
  const known = new Map(current.map((row) => [row.id, row.content_hash]));
  // Only what changed is parsed: pushing the same folder again reads it, hashes it, and stops there.
  const changed = [...entries].filter(([id, { hash }]) => known.get(id) !== hash);
  const tasks = changed.map(([id, { item, hash }]) => ({ id, localId: item.localId, hash, sourcePath: item.sourcePath, read: item.read, job: item.job }));
  const rows =
    pool && tasks.length > 0 && tasks.every((task) => task.job)
      ? await pool.prepare({ collection, tasks: tasks.map(({ read: _read, ...task }) => ({ ...task, job: task.job! })) })
      : await batchRows(tasks, collection);
  const deleteIds = rows.writtenIds.filter((id) => known.has(id));
  return {
    collection,
    deleteIds,
    rows,
    problems: rows.problems,
    added: rows.writtenIds.length - deleteIds.length,
    replaced: deleteIds.length,
    unchanged: entries.size - changed.length,
    passages: rows.passages,
  };
}

/** A few things (connections, worker turns) lent one at a time: take waits until one is given back. */
class Slots<T> {
  private readonly waiting: Array<(value: T) => void> = [];
  constructor(private readonly free: T[]) {}

  take(): Promise<T> {
    const value = this.free.pop();
    return value !== undefined ? Promise.resolve(value) : new Promise((resolve) => this.waiting.push(resolve));
  }

  give(value: T): void {
    const next = this.waiting.shift();
    if (next) next(value);
    else this.free.push(value);
  }
}

/**
 * One transaction: the changed documents' old versions out, the new ones
 * in, their new words in the vocabulary. Two writers may add the same new
 * word: the later waits for the earlier's commit and adds nothing; words
 * go in sorted order, so two writers never wait for each other in a cycle.
 */
async function writeBatch(client: pg.PoolClient, batch: PreparedBatch, knownTerms: Set<string>): Promise<void> {
  if (batch.rows.writtenIds.length === 0) return;
  const terms = batch.rows.terms.filter((term) => !knownTerms.has(term));
  await client.query('begin');
  try {
    if (batch.deleteIds.length > 0) await client.query('delete from briefing.documents where id = any($1)', [batch.deleteIds]);
    await copyInto(client, `briefing.documents (${DOCUMENT_COLUMNS.join(', ')})`, batch.rows.documentData);
    await copyInto(client, `briefing.passages (${PASSAGE_COLUMNS.join(', ')})`, batch.rows.passageData);
    if (terms.length > 0) await client.query('insert into briefing.terms (collection, term) select $1, unnest($2::text[]) order by 2 on conflict do nothing', [batch.collection, terms]);
    await client.query('commit');
    for (const term of terms) knownTerms.add(term);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function copyInto(client: pg.PoolClient, target: string, data: Uint8Array): Promise<void> {
  const stream = client.query(copyFrom(`copy ${target} from stdin with (format binary)`));
  await pipeline(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), stream);
}

/**
 * Deletes the collection's documents whose local id is not in `present`
 * (their files were deleted or renamed), with their passages, in one
 * transaction; returns their ids.
 */
export async function removeMissing(connection: ArchiveConnection, collection: string, present: ReadonlySet<string>): Promise<string[]> {
  const keep = [...present].map((localId) => archiveDocId(collection, localId));
  const rows = await connection.withClient(
    (client) => client.query<{ id: string }>('delete from briefing.documents where collection = $1 and id <> all ($2::text[]) returning id', [collection, keep]),
    { limit: false },
  );
  return rows.rows.map((row) => row.id).sort();
}

/** Deletes a document and its passages; false when the archive has no such document. */
export async function removeDocument(connection: ArchiveConnection, docId: string): Promise<boolean> {
  const rows = await connection.query('delete from briefing.documents where id = $1 returning id', [docId]);
  return rows.length > 0;
}
