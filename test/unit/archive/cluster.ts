/**
 * One throwaway PostgreSQL for all archive tests of a mocha run, started
 * on first use and stopped when the process ends (pass, fail or Ctrl+C).
 * Each suite gets its own database. Without PostgreSQL installed, the
 * archive suites are skipped with a note — except in CI, where they fail.
 */
import { postgresUnavailable, startThrowawayPostgres, type ThrowawayPostgres } from '../../support/throwawayPostgres';

let cluster: Promise<ThrowawayPostgres> | undefined;
let databases = 0;

export function sharedCluster(): Promise<ThrowawayPostgres> {
  cluster ??= startThrowawayPostgres({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
  return cluster;
}

/** Skips the suite when PostgreSQL is missing on a developer's machine; CI must have it. */
export function requirePostgres(context: Mocha.Context): void {
  const missing = postgresUnavailable();
  if (!missing) return;
  if (process.env.CI) throw new Error(`${missing}: .ci/run installs it`);
  process.stderr.write(`  (archive tests skipped: ${missing})\n`);
  context.skip();
}

/** A new, empty database on the shared cluster; returns its superuser URL. */
export async function freshDatabase(): Promise<{ cluster: ThrowawayPostgres; name: string; url: string }> {
  const pg = await sharedCluster();
  const name = `t${process.pid}_${++databases}`;
  pg.sql(`create database ${name};`);
  return { cluster: pg, name, url: pg.url(name) };
}
