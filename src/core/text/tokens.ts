import type { Span } from '../model';

/** A word of text with where it sits, before it becomes a term. */
export interface Token {
  readonly word: string;
  readonly span: Span;
}

// Acronyms with dots (U.S., U.N.), numbers with separators, words with inner apostrophes or hyphens, and %.
const TOKEN = /(?:\p{Lu}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|%/u;
/** The same pattern, anchored where it is tried (sticky), so that test() finds a word without building a match. */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

/** Country and organisation acronyms that would otherwise be lost as pronouns or stop words. */
// A Map, not an object: looking a fresh substring up as an object key interns it, which costs more than the rest of tokenizing.
const ACRONYMS: ReadonlyMap<string, string> = new Map([['US', 'usa'], ['USA', 'usa'], ['UN', 'un'], ['EU', 'eu'], ['UK', 'uk']]);

/**
 * Calls `visit` with where each word of the text starts and ends, building
 * nothing: snippets and indexing run this over every passage they touch.
 * The pattern is tried, anchored, at each position a word may start —
 * the first position where it matches is where a left-to-right search
 * would find the word — and test() builds no match array, so a passage
 * costs no garbage.
 */
export function forEachWordSpan(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  for (let at = 0; at < length; ) {
    const code = text.charCodeAt(at);
    // Spaces never start a word: skipped without asking the pattern.
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) {
      at++;
      continue;
    }
    TOKEN_AT.lastIndex = at;
    if (TOKEN_AT.test(text)) {
      const end = TOKEN_AT.lastIndex;
      visit(at, end);
      at = end;
    } else {
      // One character on: both halves of a surrogate pair at once, as the pattern reads them.
      at += code >= 0xd800 && code <= 0xdbff && at + 1 < length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
  }
}

/** Splits text into words with offsets; acronyms and numbers are given their search form. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWordSpan(text, (start, end) => tokens.push({ word: searchForm(text.slice(start, end)), span: { start, end } }));
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
