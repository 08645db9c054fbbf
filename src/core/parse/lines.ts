import type { Span } from '../model';

/** One line of a raw document, trimmed, with where it sits in the raw text. */
export interface Line {
  readonly text: string;
  readonly span: Span;
}

/** Splits raw text into trimmed lines, keeping exact offsets into `raw`. */
export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(raw)) !== null && match.index < raw.length) {
    const full = match[0].replace(/[\r\n]+$/, '');
    const leading = full.length - full.trimStart().length;
    const text = full.trim();
    const start = match.index + leading;
    lines.push({ text, span: { start, end: start + text.length } });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return lines;
}
