/**
 * The archive as the editor uses it: one connection at a time, a status
 * the status bar shows, and no waiting on an archive known to be down.
 * After a failure, calls answer "unavailable" at once while a probe
 * reconnects in the background (1 s, then doubling up to 30 s); the first
 * probe that gets through brings the archive back. A password the server
 * asks for is not retried: the editor asks the writer for it.
 */
import type { AliasTable } from '../../core/search/aliasTable';
import type { SearchHit } from '../../core/search/searchIndex';
import { parseArchiveUrl } from '../../core/archive/archiveUrl';
import { ArchiveConnection, DEFAULT_TIMEOUT_MS } from './archiveConnection';
import { ArchiveError, archiveErrorOf } from './archiveError';
import { ArchiveReader } from './archiveReader';
import { schemaVersion } from './archiveSchema';

export interface ArchiveConfig {
  /** postgres:// URL without a password. */
  readonly url: string;
  readonly password?: string;
  readonly timeoutMs?: number;
}

/** What the status bar says about the archive. */
export type ArchiveStatus =
  | { readonly state: 'off' }
  | { readonly state: 'connecting'; readonly url: string }
  | { readonly state: 'connected'; readonly url: string; readonly collections: readonly string[]; readonly passages: number }
  | { readonly state: 'unreachable'; readonly url: string; readonly reason: string; readonly retryInMs?: number }
  | { readonly state: 'needs-password'; readonly url: string; readonly reason: string };

/** An answer from the archive, or why there is none; never an exception. */
export type ArchiveAnswer<T> = { readonly value: T } | { readonly unavailable: string };

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

export class ArchiveService {
  private connection: ArchiveConnection | undefined;
  private reader: ArchiveReader | undefined;
  private current: ArchiveStatus = { state: 'off' };
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;
  private generation = 0;
  /** What the archive was last configured with (url, password, time limit), to tell the same archive again from a new one. */
  private configuredKey: string | null = null;
  /** The first probe of the archive being configured: a read asked for meanwhile waits for it. */
  private probing: Promise<void> | undefined;

  constructor(private readonly onStatus: (status: ArchiveStatus) => void = () => {}) {}

  get status(): ArchiveStatus {
    return this.current;
  }

  get configured(): boolean {
    return this.connection !== undefined;
  }

  /** Connects to an archive (or, with null, to none); resolves once the first probe has answered. */
  async configure(config: ArchiveConfig | null): Promise<ArchiveStatus> {
    // The same archive again (the extension says it after every load of the library): keep the connection, so
    // searches already under way are not cut off and the next one does not find it connecting.
    const key = config ? JSON.stringify([config.url, config.password ?? null, config.timeoutMs ?? null]) : null;
    if (key !== null && key === this.configuredKey && this.connection && (this.current.state === 'connected' || this.current.state === 'connecting')) {
      if (this.probing) await this.probing;
      return this.current;
    }
    this.configuredKey = key;
    await this.close();
    const generation = ++this.generation;
    if (!config) {
      this.setStatus({ state: 'off' });
      return this.current;
    }
    const address = parseArchiveUrl(config.url);
    if ('problem' in address) {
      this.setStatus({ state: 'unreachable', url: config.url.replace(/:[^@/]*@/, ':***@'), reason: address.problem });
      return this.current;
    }
    this.connection = new ArchiveConnection({ url: config.url, ...(config.password === undefined ? {} : { password: config.password }), timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    this.reader = new ArchiveReader(this.connection);
    this.setStatus({ state: 'connecting', url: address.url });
    this.probing = this.probe(generation, address.url);
    await this.probing;
    return this.current;
  }

  /** Runs a read if the archive is up; otherwise (or when it fails) says why, and starts reconnecting. */
  async use<T>(work: (reader: ArchiveReader) => Promise<T>): Promise<ArchiveAnswer<T>> {
    // Asked while it connects (the first search after the archive is set up): answer once the probe has,
    // within the connection's time limit, rather than leave the archive's hits out.
    if (this.current.state === 'connecting' && this.probing) await this.probing;
    const reader = this.reader;
    const status = this.current;
    if (!reader || status.state === 'off') return { unavailable: 'no archive is set up' };
    if (status.state !== 'connected') return { unavailable: 'reason' in status ? status.reason : 'connecting' };
    const generation = this.generation;
    try {
      return { value: await work(reader) };
    } catch (error) {
      const failure = archiveErrorOf(error, this.connection?.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      // An error of one query (not of the server or the connection) fails that query only.
      const serverWide = failure.kind !== 'error' && failure.kind !== 'denied';
      if (serverWide && generation === this.generation) this.fail(failure, status.url, generation);
      return { unavailable: failure.message };
    }
  }

  search(query: string, limit: number, preferredDocIds: readonly string[], aliases?: AliasTable): Promise<ArchiveAnswer<SearchHit[]>> {
    return this.use((reader) => reader.search(query, { limit, preferredDocIds, aliases }));
  }

  /** Tries again now (the status bar's Reconnect). */
  async reconnect(): Promise<ArchiveStatus> {
    const status = this.current;
    if (status.state === 'off' || !this.connection) return status;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryMs = FIRST_RETRY_MS;
    await this.probe(this.generation, status.url);
    return this.current;
  }

  private async probe(generation: number, url: string): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    try {
      const version = await schemaVersion(connection);
      if (version === 0) throw new ArchiveError('no-schema', 'the archive has no Briefing schema yet; a keeper runs: briefing archive init --db URL');
      const collections = await this.reader!.collections();
      if (generation !== this.generation) return;
      this.retryMs = FIRST_RETRY_MS;
      this.setStatus({ state: 'connected', url, collections: collections.map((c) => c.name), passages: collections.reduce((sum, c) => sum + c.passages, 0) });
    } catch (error) {
      if (generation === this.generation) this.fail(archiveErrorOf(error, connection.timeoutMs), url, generation);
    }
  }

  private fail(failure: ArchiveError, url: string, generation: number): void {
    if (failure.kind === 'password') {
      this.setStatus({ state: 'needs-password', url, reason: failure.message });
      return;
    }
    const retryInMs = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    this.setStatus({ state: 'unreachable', url, reason: failure.message, retryInMs });
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.probe(generation, url);
    }, retryInMs);
    this.retryTimer.unref?.();
  }

  private setStatus(status: ArchiveStatus): void {
    this.current = status;
    this.onStatus(status);
  }

  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryMs = FIRST_RETRY_MS;
    const connection = this.connection;
    this.connection = undefined;
    this.reader = undefined;
    await connection?.close();
  }
}
