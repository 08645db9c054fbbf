/**
 * ripgrep over the same passages, one per line, for the queries' words in
 * any order on one line. Timed two ways, both printed: per process (what
 * a tool that runs `rg` for each keystroke would wait for, start-up
 * included) and rg's own time from `--stats` (its search alone), so the
 * comparison is not mostly process start-up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GENERATOR_VERSION } from './corpus/generate';
import { BENCH_DIR, SEED } from './options';
import { scanTerms } from './queries';
import { summarize, type Summary } from './stats';

const PARTS = 8;

export interface RipgrepFigures {
  /** From spawning rg to its exit. */
  readonly perProcess: Summary;
  /** rg's own elapsed time, the last line of `--stats`. */
  readonly ownTime: Summary;
}

export function rgAvailable(): boolean {
  return spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** The passages one per line in a few files under .bench/. */
function writeFiles(size: number, texts: readonly string[]): string {
  const dir = path.join(BENCH_DIR, `rg-v${GENERATOR_VERSION}-seed${SEED}-${size}`);
  const done = path.join(dir, '.complete');
  if (existsSync(done)) return dir;
  mkdirSync(dir, { recursive: true });
  const per = Math.ceil(texts.length / PARTS);
  for (let part = 0; part < PARTS; part++) {
    writeFileSync(path.join(dir, `part-${part}.txt`), texts.slice(part * per, (part + 1) * per).join('\n') + '\n');
  }
  writeFileSync(done, '');
  return dir;
}

/** ripgrep's arguments for "every term, in any order, on one line" (one passage per line). */
function rgArgs(terms: readonly string[], dir: string): string[] {
  const base = ['--no-config', '-i', '-c', '--stats'];
  if (terms.length === 1) return [...base, '-F', '-e', terms[0], dir];
  const permutations = (items: readonly string[]): string[][] =>
    items.length <= 1 ? [[...items]] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
  const pattern = permutations(terms.slice(0, 4)).map((order) => order.join('.*')).join('|');
  return [...base, '-e', pattern, dir];
}

/** Times rg for each query (rg must be on PATH: see rgAvailable). */
export function measureRipgrep(size: number, texts: readonly string[], queries: readonly string[]): RipgrepFigures {
  const dir = writeFiles(size, texts);
  const perProcess: number[] = [];
  const ownTime: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    const run = spawnSync('rg', rgArgs(scanTerms(query), dir), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    perProcess.push(performance.now() - start);
    if (run.status !== 0 && run.status !== 1) throw new Error(`rg failed: ${run.stderr}`);
    const own = /^([\d.]+) seconds$/m.exec(run.stdout);
    if (!own) throw new Error(`rg --stats printed no elapsed time: ${run.stdout.slice(-300)}`);
    ownTime.push(Number(own[1]) * 1000);
  }
  return { perProcess: summarize(perProcess), ownTime: summarize(ownTime) };
}
