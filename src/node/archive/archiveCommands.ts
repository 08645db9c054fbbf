/**
 * `briefing archive …` and the archive side of `briefing search|show|cite|brief`:
 * the command line over the shared archive, for the team's keepers and
 * for scripts. The address comes from --db or BRIEFING_DB; a password in
 * it, PGPASSWORD or ~/.pgpass is used as psql would.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { collectionNameProblem } from '../../core/archive/archiveIds';
import { redactUrl } from '../../core/archive/archiveUrl';
import { slugify } from '../../core/text/slug';
import { readManifestSources } from '../bundledSources';
import { UsageError } from '../usageError';
import { ArchiveConnection } from './archiveConnection';
import { pushDocuments, removeDocument, removeMissing, type PushProgress } from './archivePush';
import { ArchiveReader } from './archiveReader';
import { migrate, schemaVersion } from './archiveSchema';
import { folderItems, manifestItems } from './pushSources';

export interface ArchiveCommandOptions {
  readonly db: string;
  readonly collection?: string;
  readonly bundled?: boolean;
  /** Keep the collection's documents that the pushed folder no longer has (a collection fed from several folders). */
  readonly keepMissing?: boolean;
  readonly quiet?: boolean;
  readonly json?: boolean;
  readonly maxFileBytes: number;
  /** The repository or extension folder with data/ (for --bundled). */
  readonly extensionRoot: string;
  readonly out: (text: string) => void;
  readonly warn: (text: string) => void;
}

export const ARCHIVE_USAGE = `  archive init --db URL                                 create or update the archive's schema
  archive push DIR|--bundled [--collection NAME] [--keep-missing] --db URL
                                                        load a folder (or the bundled corpus) into a collection;
                                                        its documents whose files are gone are removed
                                                        (not with --keep-missing)
  archive rm DOC_ID --db URL                            delete a document and its passages
  archive grant|revoke COLLECTION ROLE --db URL         let a role (and its members) read a collection, or stop
  archive status --db URL                               schema version and the collections you may read`;

/** The archive URL from --db or BRIEFING_DB, or undefined when neither is given. */
export function archiveUrlFrom(db: string | undefined): string | undefined {
  const url = db ?? process.env.BRIEFING_DB;
  return url && url.trim() ? url.trim() : undefined;
}

export function openArchive(url: string, options: { long?: boolean } = {}): ArchiveConnection {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--db must be a postgres:// URL, not "${redactUrl(url).slice(0, 80)}"`);
  // The command line waits longer than the editor: a keeper's one-off command may legitimately take a while.
  // A push writes on two connections and looks up what is current on a third.
  return new ArchiveConnection({ url, timeoutMs: options.long ? 60_000 : 10_000, maxConnections: options.long ? 3 : 2, applicationName: 'briefing-cli' });
}

export async function runArchiveCommand(args: readonly string[], options: ArchiveCommandOptions): Promise<void> {
  const [sub, ...rest] = args;
  const connection = openArchive(options.db, { long: true });
  try {
    switch (sub) {
      case 'init': {
        const { from, applied } = await migrate(connection);
        options.out(applied.length === 0 ? `The archive's schema is up to date (version ${from}).\n` : `Schema version ${from} → ${applied[applied.length - 1]} (applied ${applied.join(', ')}).\n`);
        return;
      }
      case 'push':
        return await push(connection, rest, options);
      case 'rm': {
        const docId = rest[0];
        if (!docId) throw new UsageError('archive rm needs a document id, e.g. briefing archive rm wire:wtn-talks-stall');
        if (!(await removeDocument(connection, docId))) throw new UsageError(`the archive has no document "${docId}" (or you may not change it)`);
        options.out(`Removed ${docId} and its passages.\n`);
        return;
      }
      case 'grant':
      case 'revoke': {
        const [collection, role] = rest;
        if (!collection || !role) throw new UsageError(`archive ${sub} needs a collection and a role, e.g. briefing archive ${sub} wire reporters`);
        const problem = collectionNameProblem(collection);
        if (problem) throw new UsageError(problem);
        if (sub === 'grant') {
          await connection.query('insert into briefing.collection_readers (collection, reader) values ($1, $2) on conflict do nothing', [collection, role]);
          options.out(`Role ${role} and its members may read the collection ${collection}.\n`);
        } else {
          await connection.query('delete from briefing.collection_readers where collection = $1 and reader = $2', [collection, role]);
          options.out(`Role ${role} may no longer read the collection ${collection} (unless through another role).\n`);
        }
        return;
      }
      case 'status': {
        const version = await schemaVersion(connection);
        const collections = version > 0 ? await new ArchiveReader(connection).collections() : [];
        if (options.json) return options.out(JSON.stringify({ schemaVersion: version, collections }, null, 2) + '\n');
        options.out(`Schema version ${version}${version === 0 ? ' (none: run briefing archive init)' : ''}\n`);
        for (const c of collections) options.out(`  ${c.name}: ${c.documents} documents, ${c.passages} passages\n`);
        return;
      }
      default:
        throw new UsageError(`unknown archive command "${sub ?? ''}"; use init, push, rm, grant, revoke or status`);
    }
  } finally {
    await connection.close();
  }
}

async function push(connection: ArchiveConnection, rest: readonly string[], options: ArchiveCommandOptions): Promise<void> {
  const folder = rest[0];
  if (!folder && !options.bundled) throw new UsageError('archive push needs a folder or --bundled');
  if (folder && options.bundled) throw new UsageError('archive push takes a folder or --bundled, not both');
  if (folder && !existsSync(folder)) throw new UsageError(`cannot read ${path.resolve(folder)} (ENOENT)`);
  const collection = options.collection ?? (options.bundled ? 'bundled' : slugify(path.basename(path.resolve(folder!)), 63) || 'documents');
  const problem = collectionNameProblem(collection);
  if (problem) throw new UsageError(problem);
  // Files there but unreadable this time keep their archived version: they are not "gone".
  const unreadable = new Set<string>();
  const items = options.bundled
    ? manifestItems(readManifestSources(path.join(options.extensionRoot, 'data')))
    : folderItems(folder!, options.maxFileBytes, (skip, localId) => {
        if (localId !== undefined) unreadable.add(localId);
        options.warn(`skipped ${skip.path}: ${skip.detail ?? skip.reason}`);
      });

  let stop = false;
  const onSignal = (): void => {
    stop = true;
    options.warn('stopping after the documents being written now (Ctrl+C again to abort them; they roll back)');
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  const started = performance.now();
  const progress = (p: PushProgress): void => {
    if (!options.quiet) options.warn(`${p.seen} documents read (${p.added} added, ${p.replaced} replaced, ${p.unchanged} unchanged), ${(p.bytes / 1e6).toFixed(1)} MB`);
  };
  try {
    const report = await pushDocuments(connection, items, { collection, onProgress: progress, shouldStop: () => stop });
    for (const text of report.problems) options.warn(text);
    let removed: string[] = [];
    if (!report.stopped && !options.keepMissing) {
      const present = new Set([...report.localIds, ...unreadable]);
      // An empty or mistyped folder must not empty a collection: removing everything takes `archive rm`.
      if (present.size === 0) options.warn(`the folder has no sources, so nothing was removed from "${collection}"`);
      else removed = await removeMissing(connection, collection, present);
      if (removed.length > 0 && !options.quiet) options.warn(`removed (their files are gone): ${removed.join(', ')}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const summary = {
      collection,
      documents: report.seen,
      added: report.added,
      replaced: report.replaced,
      unchanged: report.unchanged,
      removed: removed.length,
      passages: report.passages,
      megabytes: Number((report.bytes / 1e6).toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      stopped: report.stopped,
    };
    if (options.json) return options.out(JSON.stringify(summary, null, 2) + '\n');
    options.out(
      `${report.stopped ? 'Stopped: ' : ''}${report.seen} documents into "${collection}": ${report.added} added, ${report.replaced} replaced, ${report.unchanged} unchanged, ${removed.length} removed; ` +
        `${report.passages} passages written; ${summary.megabytes} MB in ${summary.seconds} s${report.stopped ? '. Push again to finish.' : '.'}\n`,
    );
  } finally {
    process.off('SIGINT', onSignal);
  }
}
