import type { Span } from '../model';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'gov', 'sen', 'rep', 'pres',
  'vs', 'etc', 'eg', 'ie', 'inc', 'ltd', 'co', 'corp', 'no', 'fig', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Sentence boundaries in prose as scraped news writes it: closing quotes
 * after the stop, abbreviations like "U.S." and "Dr.", decimals like
 * "6.3%", and sentences glued together without a space ("Paris.The").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  const boundary = /[.!?]+["”’')\]]*(?=\s+["“‘(]?[\p{L}\d]|\s*$|(?<=[a-z]{3}[.!?])[\p{Lu}])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end <= start) continue;
    const lastWord = lastWordOf(text, start, match.index);
    const isAcronym = /^(\p{Lu}\.)+\p{Lu}?$/u.test(lastWord + (match[0].startsWith('.') ? '.' : '')) && lastWord.length <= 4;
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.toLowerCase()) || isAcronym)) continue;
    spans.push({ start, end });
    start = skipSpace(text, end);
  }
  if (start < text.length) {
    const end = text.trimEnd().length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * The letters and dots that end text[start, end) (what /([\p{L}.]+)$/u finds
 * in it), read backwards from the end: the pattern itself tries every
 * position of the sentence before it can fail, and this runs at every
 * full stop.
 */
function lastWordOf(text: string, start: number, end: number): string {
  let from = end;
  while (from > start) {
    const low = text.charCodeAt(from - 1);
    if (low < 0x80) {
      if (low === 0x2e || ((low | 0x20) >= 0x61 && (low | 0x20) <= 0x7a)) {
        from--;
        continue;
      }
      break;
    }
    const pair = low >= 0xdc00 && low <= 0xdfff && from - 2 >= start && (text.charCodeAt(from - 2) & 0xfc00) === 0xd800;
    const width = pair ? 2 : 1;
    if (!LETTER_OR_DOT.test(text.slice(from - width, from))) break;
    from -= width;
  }
  return text.slice(from, end);
}

const LETTER_OR_DOT = /^[\p{L}.]$/u;

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index])) index++;
  return index;
}
