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
    const before = text.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
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

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index])) index++;
  return index;
}
