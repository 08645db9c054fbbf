/**
 * A pool of connections to the archive with the limits an editor needs:
 * connecting and each query give up after 2 s (the server cancels the
 * statement; a connection that does not answer at all is dropped), errors
 * come back as ArchiveError, and a broken connection is replaced on the
 * next call, so reconnecting needs nothing from the caller.
 */
import pg from 'pg';
import { ArchiveError, archiveErrorOf } from './archiveError';

export interface ConnectionOptions {
  /** postgres:// URL; for the editor without a password. */
  readonly url: string;
  /** From the editor's secret storage, or undefined (then PGPASSWORD or ~/.pgpass, as psql). */
  readonly password?: string;
  readonly timeoutMs?: number;
  /** Connections kept at most; searches from one editor need few. */
  readonly maxConnections?: number;
  readonly applicationName?: string;
}

export const DEFAULT_TIMEOUT_MS = 2000;

export class ArchiveConnection {
  private readonly pool: pg.Pool;
  readonly timeoutMs: number;
  /** Connections open at most at once. */
  readonly maxConnections: number;
  private closed = false;

  constructor(options: ConnectionOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxConnections = Math.max(1, options.maxConnections ?? 4);
    this.pool = new pg.Pool({
      connectionString: withPassword(options.url, options.password),
      max: this.maxConnections,
      connectionTimeoutMillis: this.timeoutMs,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      statement_timeout: this.timeoutMs,
      application_name: options.applicationName ?? 'briefing',
    });
    // An idle connection that breaks (server restart, network) must not take the process down; the next call reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Runs one statement within the time limit. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    return this.withClient((client) => this.timed(client, text, params)) as Promise<R[]>;
  }

  /**
   * Lends a connection for several statements (a transaction, a COPY).
   * `limit` false lifts the statement time limit for long work (pushing).
   */
  async withClient<T>(work: (client: pg.PoolClient) => Promise<T>, options: { limit?: boolean } = {}): Promise<T> {
    if (this.closed) throw new ArchiveError('unreachable', 'the archive connection was closed');
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw archiveErrorOf(error, this.timeoutMs);
    }
    let broken: Error | undefined;
    // A checked-out connection that breaks between statements reports it here; the statement itself fails too.
    const onError = (error: Error): void => void (broken ??= error);
    client.on('error', onError);
    try {
      if (options.limit === false) await client.query('set statement_timeout = 0');
      return await work(client);
    } catch (error) {
      const failure = archiveErrorOf(error, this.timeoutMs);
      if (failure.kind === 'unreachable' || failure.kind === 'timeout') broken = failure;
      throw failure;
    } finally {
      if (options.limit === false && !broken) await client.query(`set statement_timeout = ${this.timeoutMs}`).catch((error: Error) => (broken = error));
      client.off('error', onError);
      // A connection that failed or hung is dropped rather than lent again.
      client.release(broken);
    }
  }

  /** A query on a lent client, given up after the time limit even when the server never answers. */
  timed(client: pg.PoolClient, text: string, params: readonly unknown[] = []): Promise<pg.QueryResultRow[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const guard = new Promise<never>((_, reject) => {
      // The server cancels at timeoutMs; this catches a server or network that says nothing at all. When the thread
      // was busy (a library being indexed) past the limit, the answer may already wait unread: timers run before
      // sockets are read, so the verdict waits one turn (setImmediate runs after them) and an answer that came wins.
      timer = setTimeout(() => setImmediate(() => reject(new ArchiveError('timeout', `no answer within ${this.timeoutMs / 1000} s`))), this.timeoutMs + 500);
    });
    return Promise.race([client.query(text, params as unknown[]).then((result) => result.rows), guard]).finally(() => clearTimeout(timer));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end().catch(() => undefined);
  }
}

/** node-postgres lets the URL's (absent) password override one given beside it, so it goes into the URL, in memory only. */
function withPassword(url: string, password: string | undefined): string {
  if (password === undefined) return url;
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
