import type { Span } from '../model';

/** A word of text with where it sits, before it becomes a term. */
export interface Token {
  readonly word: string;
  readonly span: Span;
}

// Acronyms with dots (U.S., U.N.), numbers with separators, words with inner apostrophes or hyphens, and %.
const TOKEN = /(?:\p{Lu}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|%/gu;

/** Country and organisation acronyms that would otherwise be lost as pronouns or stop words. */
// A Map, not an object: looking a fresh substring up as an object key interns it, which costs more than the rest of tokenizing.
const ACRONYMS: ReadonlyMap<string, string> = new Map([['US', 'usa'], ['USA', 'usa'], ['UN', 'un'], ['EU', 'eu'], ['UK', 'uk']]);

/**
 * Calls `visit` with each word of the text as written (see `searchForm`)
 * and where it starts, building nothing: for loops over many passages.
 * A plain exec loop, since matchAll's iterator costs several times the
 * pattern's own work. `visit` must not tokenize in turn (the pattern's
 * position is shared).
 */
export function forEachWord(text: string, visit: (raw: string, start: number) => void): void {
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) visit(match[0], match.index);
}

/** Splits text into words with offsets; acronyms and numbers are given their search form. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (raw, start) => tokens.push({ word: searchForm(raw), span: { start, end: start + raw.length } }));
  return tokens;
}

/** A word as written, as search reads it: acronyms without dots (U.S. → usa), numbers without separators, % as "percent". */
export function searchForm(raw: string): string {
  const first = raw.charCodeAt(0);
  if (first === 0x25) return 'percent'; // %
  if (first >= 0x30 && first <= 0x39) return raw.includes(',') ? raw.replace(/,/g, '') : raw;
  const undotted = raw.includes('.') ? raw.replace(/\./g, '') : raw;
  return ACRONYMS.get(undotted) ?? undotted;
}

/** The words of text, for indexing. */
export function words(text: string): string[] {
  return tokenize(text).map((token) => token.word);
}
