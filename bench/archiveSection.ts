/**
 * `npm run bench -- --archive` (issue #16): the PostgreSQL archive on its
 * own — ingest, keystrokes from the extension host, many clients at once,
 * and recall beside the local engine — with its targets, met or MISSED.
 * It brings its own corpus (1M passages by default) and a throwaway server.
 */
import * as os from 'node:os';
import { runArchiveBench, type ArchiveFigures } from './archiveBench';
import { log, ROOT, SEED } from './options';
import { pool } from './sizeSection';
import { round, table } from './stats';
import type { Verdict } from './targets';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Whether this run is the archive's. */
export const archiveRequested = args.includes('--archive');
/** The archive section builds the local engine on 1M passages for its recall comparison: it needs a larger heap. */
export const archiveNeedsLargeHeap = archiveRequested && !args.includes('--no-local');

/** The archive's targets: ingest, keystroke latency alone and with 20 clients, and recall beside the local engine. */
function archiveVerdicts(figures: ArchiveFigures): Verdict[] {
  const out: Verdict[] = [];
  const check = (name: string, value: number | undefined, bound: number, unit: string, atLeast = false): void => {
    if (value === undefined || Number.isNaN(value)) out.push({ name, kind: 'target', met: null, detail: 'not measured in this run' });
    else {
      const met = atLeast ? value >= bound : value <= bound;
      out.push({ name, kind: 'target', met, detail: `${round(value)} ${unit}, ${round(Math.abs(bound - value))} ${unit} ${met === atLeast ? 'over' : 'under'} the bound of ${bound} ${unit}` });
    }
  };
  check('archive ingest ≥ 5 MB/s', figures.ingest?.mbPerSecond, 5, 'MB/s', true);
  check('archive keystroke p95 ≤ 50 ms from the extension host', figures.typing?.p95, 50, 'ms');
  check(`${figures.concurrent?.clients ?? 20} clients at once: p95 ≤ 100 ms`, figures.concurrent?.p95, 100, 'ms');
  check('20 clients at once: no errors', figures.concurrent ? figures.concurrent.errors + (figures.typing?.unavailable ?? 0) : undefined, 0, 'errors');
  for (const set of ['dev', 'heldOut'] as const) {
    const recall = figures.recall?.[set];
    if (recall?.local === undefined) out.push({ name: `exact-word recall@20 ≥ the local engine's (${set})`, kind: 'target', met: null, detail: 'local engine not built (--no-local)' });
    else out.push({ name: `exact-word recall@20 ≥ the local engine's (${set})`, kind: 'target', met: recall.archive >= recall.local, detail: `archive ${recall.archive}, local ${recall.local}` });
  }
  return out;
}

/** Runs the archive's benchmark and prints its figures, targets and BENCH_JSON line. */
export async function runArchiveSection(): Promise<void> {
  log(`# Briefing archive benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  const figures = await runArchiveBench({
    root: ROOT,
    seed: SEED,
    passages: Number(option('archive-passages') ?? 1_000_000),
    clients: Number(option('archive-clients') ?? 20),
    keystrokes: Number(option('archive-keystrokes') ?? 1500),
    typingMs: Number(option('archive-typing-ms') ?? 150),
    compareLocal: !args.includes('--no-local'),
    pool,
    log,
  });
  if (figures.status !== 'measured') log(`archive: ${figures.status}`);
  const judged = archiveVerdicts(figures);
  log('\n## Targets (issue #16)');
  log(table(['', 'verdict', 'by how much'], judged.map((v) => [v.name, v.met === null ? 'not measured' : v.met ? 'met' : 'MISSED', v.detail])));
  log('BENCH_JSON ' + JSON.stringify({ node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), seed: SEED, archive: figures, verdicts: judged }));
}
