/** Sets of non-overlapping spans, asked "is this stretch taken?" once per match in logarithmic time. */
import type { Span } from '../model';

/**
 * Non-overlapping spans of a text, for "is this stretch taken already?"
 * asked once per match: a binary search instead of a scan of every span
 * taken so far, which made checking 50 KB of "1,000 " take 40 s (issue #17).
 * Spans added in order of their start (the common case: matches of one
 * pattern, left to right) are appended; others are merged in on the next
 * question.
 */
export class SpanSet {
  private sorted: Span[] = [];
  private pending: Span[] = [];

  /** True when `span` overlaps no span of the set. */
  isFree(span: Span): boolean {
    const last = this.pending[this.pending.length - 1];
    if (last && last.start < span.end && span.start < last.end) return false;
    if (last && span.start < last.start) this.commit();
    return !overlapsAny(this.sorted, span) && (this.pending.length === 0 || !overlapsAny(this.pending, span));
  }

  add(span: Span): void {
    const last = this.pending[this.pending.length - 1];
    if (last && span.start < last.start) this.commit();
    this.pending.push(span);
  }

  private commit(): void {
    if (this.pending.length === 0) return;
    const merged: Span[] = [];
    let i = 0;
    let j = 0;
    while (i < this.sorted.length || j < this.pending.length) {
      if (j >= this.pending.length || (i < this.sorted.length && this.sorted[i].start <= this.pending[j].start)) merged.push(this.sorted[i++]);
      else merged.push(this.pending[j++]);
    }
    this.sorted = merged;
    this.pending = [];
  }
}

/** Whether a span overlaps any of `spans`, sorted by start and not overlapping each other. */
function overlapsAny(spans: readonly Span[], span: Span): boolean {
  // The last span starting before `span` ends is the only one that can overlap it.
  let low = 0;
  let high = spans.length - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < span.end) {
      candidate = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return candidate >= 0 && spans[candidate].end > span.start;
}

/**
 * The text with each span (sorted, not overlapping) replaced by `fill(span)`,
 * built in one pass: removing spans one by one, each copying the whole
 * text, is quadratic in the number of spans.
 */
export function replaceSpans(text: string, spans: readonly Span[], fill: (span: Span) => string): string {
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    parts.push(text.slice(at, span.start), fill(span));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
