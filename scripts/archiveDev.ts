/**
 * `npm run archive:dev`: a throwaway PostgreSQL on 127.0.0.1 with the
 * archive's schema, the bundled corpus (collection "bundled") and the
 * benchmark corpus (collection "bench") pushed, and a reader role that
 * may read only "bundled" — then the URL to put in briefing.archive.url.
 * Runs until Ctrl+C, which stops the server and removes its files.
 *
 *   node dist/archiveDev.js [--passages=100000] [--no-bench]
 */
import * as path from 'node:path';
import { benchCorpus, buildPool, toRawSources } from '../bench/corpus/generate';
import { ArchiveConnection } from '../src/node/archive/archiveConnection';
import { pushDocuments } from '../src/node/archive/archivePush';
import { migrate } from '../src/node/archive/archiveSchema';
import { manifestItems } from '../src/node/archive/pushSources';
import { readManifestSources } from '../src/node/bundledSources';
import { startThrowawayPostgres } from '../test/support/throwawayPostgres';

const ROOT = path.resolve(__dirname, '..');
const SEED = 20250606;
const args = process.argv.slice(2);
const passages = Number(args.find((arg) => arg.startsWith('--passages='))?.slice('--passages='.length) ?? 100_000);
const log = (line: string): void => void process.stdout.write(line + '\n');

async function main(): Promise<void> {
  const cluster = await startThrowawayPostgres();
  const connection = new ArchiveConnection({ url: cluster.url(), timeoutMs: 600_000 });
  try {
    await migrate(connection);
    const bundled = await pushDocuments(connection, manifestItems(readManifestSources(path.join(ROOT, 'data'))), { collection: 'bundled' });
    log(`Pushed the bundled corpus: ${bundled.passages} passages (collection "bundled").`);
    if (!args.includes('--no-bench')) {
      const { corpus } = benchCorpus(ROOT, passages, SEED, () => buildPool(ROOT, SEED));
      const started = performance.now();
      const report = await pushDocuments(connection, manifestItems(toRawSources(corpus)), {
        collection: 'bench',
        onProgress: (p) => process.stdout.write(`\r  bench corpus: ${p.seen} documents, ${(p.bytes / 1e6).toFixed(0)} MB`),
      });
      log(`\nPushed the benchmark corpus: ${report.passages} passages in ${((performance.now() - started) / 1000).toFixed(1)} s (collection "bench").`);
    }
    cluster.sql("create role reader login; insert into briefing.collection_readers values ('bundled', 'reader');", 'postgres');
  } finally {
    await connection.close();
  }
  log('');
  log('The archive is ready. Put this in your settings (briefing.archive.url):');
  log(`  ${cluster.url()}            (every collection)`);
  log(`  ${cluster.url('postgres', 'reader')}              (only "bundled": row-level security at work)`);
  log(`Or from a terminal: BRIEFING_DB=${cluster.url()} npx briefing search "prisoner exchange"`);
  log('Ctrl+C stops the server and removes its files.');
  // Runs until a signal: the cluster's own handlers stop the server and remove its folder.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  process.stderr.write(`archive:dev failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
