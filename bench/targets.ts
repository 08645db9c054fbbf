/**
 * The targets `npm run bench` checks (issue #11; activation and load from
 * #6) and the aims from shared/PERFORMANCE.md, each printed as met or
 * MISSED with by how much. Search latency is judged on the end-to-end
 * cold figures: the quick pick's own call, each string searched once.
 */
import type { BundledFigures } from './bundledSection';
import { measured, type SizeFigures } from './sizeSection';
import { round } from './stats';

export interface Verdict {
  readonly name: string;
  readonly kind: 'target' | 'aim';
  /** null when this run did not measure it. */
  readonly met: boolean | null;
  readonly detail: string;
}

/** How much the per-keystroke overhead (end to end − direct) may grow from 1k to 100k passages: noise, not a copy of the library. */
const OVERHEAD_GROWTH_MS = 0.5;

export function verdicts(sizes: ReadonlyMap<number, SizeFigures>, bundled: BundledFigures): Verdict[] {
  const big = sizes.get(100_000);
  const small = sizes.get(1_000);
  const e2e = big && measured(big.endToEnd) ? big.endToEnd : undefined;
  const out: Verdict[] = [];
  const atMost = (name: string, kind: Verdict['kind'], value: number | undefined, bound: number, unit: string): void => {
    if (value === undefined || Number.isNaN(value)) out.push({ name, kind, met: null, detail: 'not measured in this run' });
    else out.push({ name, kind, met: value <= bound, detail: `${round(value)} ${unit}, ${round(Math.abs(bound - value))} ${unit} ${value <= bound ? 'under' : 'over'} the bound of ${bound} ${unit}` });
  };
  const atLeast = (name: string, kind: Verdict['kind'], value: number | undefined, bound: number, note: string): void => {
    if (value === undefined || Number.isNaN(value)) out.push({ name, kind, met: null, detail: 'not measured in this run' });
    else out.push({ name, kind, met: value >= bound, detail: `${round(value)}× (${note}), ${value >= bound ? `${round(value / bound)}× the bar` : `short by ${round(bound / value)}×`}` });
  };

  atMost('end-to-end cold p95 ≤ 16 ms per keystroke at 100k', 'target', e2e?.cold.p95, 16, 'ms');
  const overheadBound = small?.overheadMs ? small.overheadMs.warm + OVERHEAD_GROWTH_MS : undefined;
  if (big?.overheadMs && overheadBound !== undefined) {
    atMost(`per-keystroke cost beyond the search does not grow with the library (100k ≤ 1k's ${small!.overheadMs!.warm} ms + ${OVERHEAD_GROWTH_MS} ms)`, 'target', big.overheadMs.warm, round(overheadBound), 'ms');
  } else out.push({ name: 'per-keystroke cost beyond the search does not grow with the library', kind: 'target', met: null, detail: 'needs the 1k and 100k sizes' });
  atLeast('≥ 10× faster than rg per process at 100k (per-query mean)', 'target', big?.ratios?.rgPerProcess?.mean, 10, `rg's own time: ${big?.ratios?.rgOwnTime?.mean ?? '—'}×`);
  atLeast('the extension\'s load of the 100k library ≥ 3× faster than a rebuild', 'target', big?.loadSpeedup, 3, `${e2e?.loadMs ?? '—'} ms vs ${big?.rebuildMs ?? '—'} ms`);
  atMost('activation ≤ 50 ms (module load + activate() with a stand-in vscode)', 'target', 'totalMs' in bundled.activation ? bundled.activation.totalMs : undefined, 50, 'ms');
  atMost('aim: end-to-end cold p50 ≤ 1 ms at 100k', 'aim', e2e?.cold.p50, 1, 'ms');
  atMost('aim: end-to-end cold p95 ≤ 5 ms at 100k', 'aim', e2e?.cold.p95, 5, 'ms');
  atMost('aim: end-to-end cold p99 ≤ 15 ms at 100k', 'aim', e2e?.cold.p99, 15, 'ms');
  atMost('aim: index heap ≤ 400 MB at 100k', 'aim', big?.indexHeapMB, 400, 'MB');
  atMost('aim: the extension\'s load of the 100k library ≤ 1.5 s', 'aim', e2e ? e2e.loadMs / 1000 : undefined, 1.5, 's');
  return out;
}
