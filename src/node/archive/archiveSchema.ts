/**
 * Creates or updates the archive's schema: the migrations not yet applied,
 * each in its own transaction, one migrator at a time (an advisory lock),
 * so two keepers running `briefing archive init` at once do no harm.
 */
import { LATEST_VERSION, pendingMigrations } from '../../core/archive/schema';
import type pg from 'pg';
import type { ArchiveConnection } from './archiveConnection';

/** An arbitrary constant naming the migration lock. */
const MIGRATION_LOCK = 4_216_016;

/** The schema version of the archive, 0 when it has none. */
export async function schemaVersion(connection: ArchiveConnection): Promise<number> {
  return connection.withClient((client) => versionOf(client));
}

async function versionOf(client: pg.PoolClient): Promise<number> {
  const exists = await client.query(`select to_regclass('briefing.schema_version') is not null as present`);
  if (!exists.rows[0]?.present) return 0;
  const rows = await client.query('select coalesce(max(version), 0) as version from briefing.schema_version');
  return Number(rows.rows[0]?.version ?? 0);
}

/** Applies the missing migrations up to `target`; returns the versions applied. */
export async function migrate(connection: ArchiveConnection, target = LATEST_VERSION): Promise<{ from: number; applied: number[] }> {
  return connection.withClient(
    async (client) => {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        const from = await versionOf(client);
        const applied: number[] = [];
        for (const migration of pendingMigrations(from, target)) {
          await client.query('begin');
          try {
            await client.query(migration.sql);
            await client.query('insert into briefing.schema_version (version, title) values ($1, $2)', [migration.version, migration.title]);
            await client.query('commit');
          } catch (error) {
            await client.query('rollback').catch(() => undefined);
            throw new Error(`migration ${migration.version} (${migration.title}) failed: ${(error as Error).message}`);
          }
          applied.push(migration.version);
        }
        return { from, applied };
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      }
    },
    { limit: false },
  );
}
