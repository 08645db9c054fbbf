/**
 * The archive section of the benchmark (`npm run bench -- --archive`, or
 * `npm run bench:archive`), run against a throwaway PostgreSQL with its
 * default durability (fsync on): a corpus of 1M passages generated like
 * the local bench's, then
 *   - ingest: `pushDocuments` (parse, tsvectors, COPY, GIN) in MB/s of text,
 *     with the CPU time of each side (on a shared machine, wall time
 *     measures the load as much as the code);
 *   - typing: every keystroke of the bench's queries, in the order a user
 *     types them, from the extension host's side of the index worker
 *     (WorkerClient → worker → PostgreSQL → hits with snippets), cold;
 *   - 20 clients typing at once, each on its own connection;
 *   - exact-word recall@20 beside the local engine on the same corpus,
 *     on a development set and a held-out set of queries.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Corpus } from '../src/core/corpus';
import { SearchIndex } from '../src/core/search/searchIndex';
import { STOP_WORDS } from '../src/core/text/terms';
import { ArchiveConnection } from '../src/node/archive/archiveConnection';
import { pushDocuments } from '../src/node/archive/archivePush';
import { ArchiveReader } from '../src/node/archive/archiveReader';
import { migrate } from '../src/node/archive/archiveSchema';
import { manifestItems } from '../src/node/archive/pushSources';
import { WorkerClient } from '../src/services/workerClient';
import { postgresUnavailable, startThrowawayPostgres } from '../test/support/throwawayPostgres';
import { generateCorpus, type PoolPassage, toRawSources } from './corpus/generate';
import { Random } from './corpus/random';
import { makeQueries, type QueryKind } from './queries';
import { round, summarize, table, type Summary } from './stats';

export interface ArchiveBenchOptions {
  readonly root: string;
  readonly seed: number;
  readonly passages: number;
  readonly clients: number;
  /** Keystrokes typed end to end (sequentially). */
  readonly keystrokes: number;
  /** Pause between one client's keystrokes, as a fast typist (ms). */
  readonly typingMs: number;
  /** Build the local engine on the same corpus for the recall comparison. */
  readonly compareLocal: boolean;
  readonly pool: () => readonly PoolPassage[];
  readonly log: (line?: string) => void;
}

export interface ArchiveFigures {
  readonly status: string;
  readonly passages?: number;
  readonly textMB?: number;
  readonly ingest?: {
    seconds: number;
    mbPerSecond: number;
    prepareSeconds: number;
    writeWaitSeconds: number;
    analyzeSeconds: number;
    repushSeconds: number;
    /** CPU seconds of the push: this process with its prepare workers, and the server's processes. */
    clientCpuSeconds: number;
    serverCpuSeconds?: number;
    /** MB/s the push's CPU time allows on two free cores: text / (client + server CPU) × 2. */
    twoCoreMbPerSecond?: number;
  };
  readonly databaseMB?: number;
  readonly typing?: Summary & { unavailable: number; byKind: Record<string, Summary> };
  readonly concurrent?: Summary & { clients: number; errors: number; typingMs: number };
  readonly concurrentClosedLoop?: Summary & { clients: number; errors: number; seconds: number };
  readonly recall?: Record<'dev' | 'heldOut', { queries: number; archive: number; local?: number }>;
  readonly load?: string;
}

const LIMIT = 20;

export async function runArchiveBench(options: ArchiveBenchOptions): Promise<ArchiveFigures> {
  const { log } = options;
  const missing = postgresUnavailable();
  if (missing) return { status: `skipped: ${missing}` };
  const workerPath = path.join(options.root, 'dist', 'indexWorker.js');
  if (!existsSync(workerPath)) return { status: 'skipped: dist/indexWorker.js is missing (npm run build)' };
  const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
  const loadBefore = load();

  log(`\n## Archive on PostgreSQL — ${options.passages.toLocaleString('en-US')} passages (load average before: ${loadBefore})`);
  let started = performance.now();
  const corpus = generateCorpus(options.passages, options.seed, options.pool());
  const sources = toRawSources(corpus);
  const textMB = sources.reduce((sum, source) => sum + Buffer.byteLength(source.raw), 0) / 1e6;
  log(`corpus generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${sources.length.toLocaleString('en-US')} documents, ${textMB.toFixed(0)} MB of text`);

  const cluster = await startThrowawayPostgres({ settings: { shared_buffers: '512MB', maintenance_work_mem: '256MB', max_connections: '100' } });
  const admin = new ArchiveConnection({ url: cluster.url(), timeoutMs: 3_600_000 });
  try {
    await migrate(admin);
    // --- ingest
    started = performance.now();
    const clientCpu = process.cpuUsage();
    const serverCpu = cluster.cpuSeconds();
    let lastPrint = 0;
    const report = await pushDocuments(admin, manifestItems(sources), {
      collection: 'bench',
      onProgress: (p) => {
        if (performance.now() - lastPrint < 5000) return;
        lastPrint = performance.now();
        const s = (performance.now() - started) / 1000;
        log(`  ingest: ${p.passages.toLocaleString('en-US')} passages, ${(p.bytes / 1e6).toFixed(0)} MB in ${s.toFixed(0)} s (${(p.bytes / 1e6 / s).toFixed(1)} MB/s)`);
      },
    });
    const ingestSeconds = (performance.now() - started) / 1000;
    const clientCpuUsed = process.cpuUsage(clientCpu);
    const clientCpuSeconds = (clientCpuUsed.user + clientCpuUsed.system) / 1e6;
    const serverCpuNow = cluster.cpuSeconds();
    const serverCpuSeconds = serverCpu !== undefined && serverCpuNow !== undefined ? serverCpuNow - serverCpu : undefined;
    if (report.passages !== options.passages) throw new Error(`pushed ${report.passages} passages, expected ${options.passages}`);
    started = performance.now();
    await admin.query('vacuum analyze briefing.passages');
    await admin.query('vacuum analyze briefing.terms');
    const analyzeSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const again = await pushDocuments(admin, manifestItems(sources), { collection: 'bench' });
    const repushSeconds = (performance.now() - started) / 1000;
    if (again.added + again.replaced !== 0) throw new Error('pushing the same corpus again changed documents');
    const [size] = await admin.query<{ mb: number }>('select pg_database_size(current_database()) / 1e6 as mb');
    const ingest = {
      seconds: round(ingestSeconds),
      mbPerSecond: round(textMB / ingestSeconds),
      prepareSeconds: round(report.prepareMs / 1000),
      writeWaitSeconds: round(report.writeWaitMs / 1000),
      analyzeSeconds: round(analyzeSeconds),
      repushSeconds: round(repushSeconds),
      clientCpuSeconds: round(clientCpuSeconds),
      ...(serverCpuSeconds === undefined
        ? {}
        : { serverCpuSeconds: round(serverCpuSeconds), twoCoreMbPerSecond: round((textMB / (clientCpuSeconds + serverCpuSeconds)) * 2) }),
    };
    log(table(['ingest', 'value'], [
      ['push (parse, tsvectors, COPY, GIN, vocabulary)', `${ingest.seconds} s — ${ingest.mbPerSecond} MB/s of text`],
      ['  CPU time: here (with prepare workers) / the server', `${ingest.clientCpuSeconds} s / ${ingest.serverCpuSeconds ?? '?'} s`],
      ['  what that CPU time allows on 2 free cores', ingest.twoCoreMbPerSecond === undefined ? 'unknown' : `${ingest.twoCoreMbPerSecond} MB/s`],
      ['vacuum analyze after it', `${ingest.analyzeSeconds} s`],
      ['push again (unchanged: hashes only)', `${ingest.repushSeconds} s`],
      ['database size', `${Math.round(size.mb)} MB`],
    ]));

    // --- queries, typed keystroke by keystroke
    const sample = sources.slice(0, Math.min(sources.length, 5000)).flatMap((source) => source.raw.split('\n\n').map((text) => ({ text })));
    const queries = makeQueries(sample as never, options.seed);
    const keystrokes: Array<{ kind: QueryKind; text: string }> = [];
    for (const query of new Random(options.seed).shuffle([...queries])) {
      if (query.kind === 'prefix') keystrokes.push(query);
      else for (let n = 1; n <= query.text.length; n++) keystrokes.push({ kind: query.kind, text: query.text.slice(0, n) });
      if (keystrokes.length >= options.keystrokes) break;
    }
    const client = new WorkerClient(workerPath, () => {}, () => {});
    let typing: ArchiveFigures['typing'];
    try {
      const status = await client.api.configureArchive({ url: cluster.url() });
      if (status.state !== 'connected') throw new Error(`the worker could not connect: ${JSON.stringify(status)}`);
      const samples: number[] = [];
      const byKind = new Map<string, number[]>();
      let unavailable = 0;
      for (const keystroke of keystrokes) {
        const start = performance.now();
        const answer = await client.api.archiveSearch(keystroke.text, LIMIT, []);
        const ms = performance.now() - start;
        if ('unavailable' in answer) unavailable++;
        samples.push(ms);
        byKind.set(keystroke.kind, [...(byKind.get(keystroke.kind) ?? []), ms]);
      }
      typing = { ...summarize(samples), unavailable, byKind: Object.fromEntries([...byKind].map(([kind, ms]) => [kind, summarize(ms)])) };
    } finally {
      client.dispose();
    }
    log('');
    log(table(['keystroke → hits with snippets, from the extension host (cold, once each)', 'n', 'p50', 'p95', 'p99', 'max'], [
      ['all keystrokes', typing.n, typing.p50, typing.p95, typing.p99, typing.max],
      ...Object.entries(typing.byKind).map(([kind, s]) => [`  ${kind}`, s.n, s.p50, s.p95, s.p99, s.max] as (string | number)[]),
    ]));
    if (typing.unavailable > 0) log(`${typing.unavailable} keystrokes answered "unavailable" (a timeout or an error)`);

    // --- clients at once
    const concurrent = await clientsAtOnce(cluster.url(), options.clients, keystrokes, options.typingMs, 0);
    const closedLoop = await clientsAtOnce(cluster.url(), options.clients, keystrokes, 0, 15_000);
    log('');
    log(table([`${options.clients} clients at once, each its own connection`, 'n', 'p50', 'p95', 'p99', 'max', 'errors'], [
      [`typing, a keystroke every ${options.typingMs} ms each`, concurrent.n, concurrent.p50, concurrent.p95, concurrent.p99, concurrent.max, concurrent.errors],
      ['no pause at all (15 s, saturating)', closedLoop.n, closedLoop.p50, closedLoop.p95, closedLoop.p99, closedLoop.max, closedLoop.errors],
    ]));

    // --- recall of exact words, beside the local engine on the same corpus
    const recall = await measureRecall(sources, cluster.url(), options);
    log('');
    log(table(['exact-word recall@20 (passages holding every word)', 'queries', 'archive', 'local engine'], [
      ['development set', recall.dev.queries, recall.dev.archive, recall.dev.local ?? 'not built'],
      ['held-out set', recall.heldOut.queries, recall.heldOut.archive, recall.heldOut.local ?? 'not built'],
    ]));
    const loadAfter = load();
    log(`load average before / after: ${loadBefore} / ${loadAfter} (2 cores shared with other work: compare rows, not absolute times)`);
    return {
      status: 'measured',
      passages: options.passages,
      textMB: round(textMB),
      ingest,
      databaseMB: Math.round(size.mb),
      typing,
      concurrent: { ...concurrent, clients: options.clients, typingMs: options.typingMs },
      concurrentClosedLoop: { ...closedLoop, clients: options.clients, seconds: 15 },
      recall,
      load: `${loadBefore} → ${loadAfter}`,
    };
  } finally {
    await admin.close();
    cluster.stop();
  }
}

/** `clients` readers typing the keystrokes (each from its own offset), paced or (with `forMs`) as fast as answers come. */
async function clientsAtOnce(url: string, clients: number, keystrokes: readonly { text: string }[], pauseMs: number, forMs: number): Promise<Summary & { errors: number }> {
  const connections = Array.from({ length: clients }, () => new ArchiveConnection({ url, maxConnections: 1 }));
  const samples: number[] = [];
  let errors = 0;
  const perClient = forMs > 0 ? Number.MAX_SAFE_INTEGER : Math.min(60, keystrokes.length);
  const deadline = performance.now() + forMs;
  try {
    await Promise.all(
      connections.map(async (connection, c) => {
        const reader = new ArchiveReader(connection);
        await new Promise((resolve) => setTimeout(resolve, (c * Math.max(pauseMs, 10)) / clients));
        for (let i = 0; i < perClient; i++) {
          if (forMs > 0 && performance.now() > deadline) break;
          const keystroke = keystrokes[(c * 97 + i) % keystrokes.length];
          const start = performance.now();
          try {
            await reader.search(keystroke.text, { limit: LIMIT });
          } catch {
            errors++;
          }
          samples.push(performance.now() - start);
          if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
      }),
    );
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
  }
  return { ...summarize(samples), errors };
}

/**
 * Queries of 2–3 consecutive words copied from a drawn passage, as a writer
 * pastes a phrase. The answer key is made first, by a scan of the corpus:
 * every passage holding all the query's words as whole words. recall@20 =
 * the share of the top 20 (or of the key, when smaller) that is in the key.
 */
async function measureRecall(sources: ReturnType<typeof toRawSources>, url: string, options: ArchiveBenchOptions): Promise<NonNullable<ArchiveFigures['recall']>> {
  const texts = sources.flatMap((source) => source.raw.split('\n\n').map((text) => text.trim()));
  const draw = (seed: number, count: number): string[][] => {
    const random = new Random(seed);
    const queries: string[][] = [];
    while (queries.length < count) {
      const words = texts[random.int(0, texts.length - 1)].toLowerCase().match(/[a-z]+/g) ?? [];
      const length = random.int(2, 3);
      const start = random.int(0, Math.max(0, words.length - length));
      const phrase = words.slice(start, start + length);
      if (phrase.length === length && phrase.every((word) => word.length >= 3 && !STOP_WORDS.has(word))) queries.push(phrase);
    }
    return queries;
  };
  const sets = { dev: draw(options.seed ^ 0xd1, 100), heldOut: draw(options.seed ^ 0x4e1d, 100) };
  // The key: one pass over the corpus for the words the queries use.
  const wanted = new Set(Object.values(sets).flat(2));
  const postings = new Map<string, number[]>([...wanted].map((word) => [word, []]));
  texts.forEach((text, index) => {
    for (const word of new Set(text.toLowerCase().match(/[a-z]+/g) ?? [])) postings.get(word)?.push(index);
  });
  const keyOf = (words: readonly string[]): Set<string> => {
    const lists = words.map((word) => new Set(postings.get(word)));
    const [first, ...rest] = lists;
    return new Set([...first].filter((index) => rest.every((list) => list.has(index))).map((index) => texts[index]));
  };
  const score = (hits: readonly string[], key: ReadonlySet<string>): number => {
    if (key.size === 0) return 1;
    return hits.filter((text) => key.has(text.trim())).length / Math.min(LIMIT, key.size);
  };

  const connection = new ArchiveConnection({ url, timeoutMs: 10_000 });
  const reader = new ArchiveReader(connection);
  let local: SearchIndex | undefined;
  let localCorpus: Corpus | undefined;
  if (options.compareLocal) {
    const started = performance.now();
    localCorpus = Corpus.parse(sources);
    local = SearchIndex.build(localCorpus);
    options.log(`local engine built on the same corpus in ${((performance.now() - started) / 1000).toFixed(0)} s for the recall comparison`);
  }
  const result = {} as NonNullable<ArchiveFigures['recall']>;
  try {
    for (const [name, queries] of Object.entries(sets) as Array<['dev' | 'heldOut', string[][]]>) {
      let archive = 0;
      let localSum = 0;
      for (const words of queries) {
        const key = keyOf(words);
        const query = `${words.join(' ')} `;
        archive += score((await reader.search(query, { limit: LIMIT })).map((hit) => hit.passage.text), key);
        if (local) localSum += score(local.search(query, { limit: LIMIT }).map((hit) => hit.passage.text), key);
      }
      result[name] = { queries: queries.length, archive: round(archive / queries.length), ...(local ? { local: round(localSum / queries.length) } : {}) };
    }
  } finally {
    await connection.close();
  }
  return result;
}
