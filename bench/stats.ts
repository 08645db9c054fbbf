/** Timing helpers and the summaries the benchmark prints. */
import { performance } from 'node:perf_hooks';

export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of samples in milliseconds. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, mean: round(mean), p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

export function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** Three significant digits, enough for tables and JSON. */
export function round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(digits, 4)));
}

/**
 * Memory in use after a full collection, in MB (NaN without --expose-gc):
 * the JS heap plus ArrayBuffer backing stores, which typed arrays keep
 * outside the heap.
 */
export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  gc();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
}

/** A plain-text table with right-aligned numbers. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => (typeof cell === 'number' ? String(round(cell)) : cell)));
  const numeric = (r: number, c: number): boolean => r > 0 && typeof rows[r - 1][c] === 'number';
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[], r: number): string =>
    row.map((cell, c) => (numeric(r, c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(cells[0], 0), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((row, i) => line(row, i + 1))].join('\n');
}
