/**
 * Measurements that must start cold run in a fresh Node process: the bench
 * runs itself again with `--child=NAME`, and the child prints one
 * `CHILD_JSON ` line with its figures.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BENCH_DIR, ROOT } from './options';

const PREFIX = 'CHILD_JSON ';

export type ChildResult<T> = { readonly ok: true; readonly figures: T } | { readonly ok: false; readonly status: string };

/** Runs `--child=name` in a fresh process with `spec` as its input. */
export function inChild<T>(name: string, spec: unknown = {}): ChildResult<T> {
  const specFile = path.join(BENCH_DIR, `child-${name}-${process.pid}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  try {
    const run = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'dist', 'bench.js'), `--child=${name}`, `--spec=${specFile}`], {
      encoding: 'utf8',
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith(PREFIX));
    if (run.status !== 0 || !line) return { ok: false, status: `failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}` };
    return { ok: true, figures: JSON.parse(line.slice(PREFIX.length)) as T };
  } finally {
    rmSync(specFile, { force: true });
  }
}

/** In a child: prints its figures for the parent. */
export function reportToParent(figures: unknown): void {
  process.stdout.write(`${PREFIX}${JSON.stringify(figures)}\n`);
}
