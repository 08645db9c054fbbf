import type { Span } from '../model';

/** A word of text with where it sits, before it becomes a term. */
export interface Token {
  readonly word: string;
  readonly span: Span;
}

// Acronyms with dots (U.S., U.N.), numbers with separators, words with inner apostrophes or hyphens, and %.
const TOKEN = /(?:\p{Lu}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|%/gu;

/** Country and organisation acronyms that would otherwise be lost as pronouns or stop words. */
const ACRONYMS: Readonly<Record<string, string>> = { US: 'usa', USA: 'usa', UN: 'un', EU: 'eu', UK: 'uk' };

/** Splits text into words with offsets; acronyms and numbers are given their search form. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const span = { start, end: start + match[0].length };
    tokens.push({ word: searchForm(match[0]), span });
  }
  return tokens;
}

function searchForm(raw: string): string {
  if (raw === '%') return 'percent';
  if (/^\d/.test(raw)) return raw.replace(/,/g, '');
  const undotted = raw.includes('.') ? raw.replace(/\./g, '') : raw;
  return Object.hasOwn(ACRONYMS, undotted) ? ACRONYMS[undotted] : undotted;
}

/** The words of text, for indexing. */
export function words(text: string): string[] {
  return tokenize(text).map((token) => token.word);
}
