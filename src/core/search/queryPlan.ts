import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';
import { ALIAS_GROUPS, readNumberWords } from './aliases';

/** One thing the user asked for, and the term sequences any of which can satisfy it. */
export interface QueryGroup {
  /** The user's words this group was read from. */
  readonly source: string;
  /** Alternatives; each is a sequence of index terms that must all match. */
  readonly alternatives: readonly (readonly string[])[];
  /** The user is still typing this word: match it as a prefix. */
  readonly typing: boolean;
}

const MAX_ALIAS_WORDS = 4;
/** A query longer than this (a whole document pasted, a script's input) is read up to here. */
export const MAX_QUERY_CHARS = 1000;
/** Words longer than this are no words (a run of letters with no spaces); they are not searched for. */
export const MAX_TERM_CHARS = 64;
/** The most groups a query is read into: matching cost grows with each. */
const MAX_QUERY_GROUPS = 32;

/** The part of a query that is read: bounded, so that any query costs a bounded time (issue #17). */
export function boundedQuery(query: string): string {
  return query.length <= MAX_QUERY_CHARS ? query : query.slice(0, MAX_QUERY_CHARS);
}

/** Alias phrases as term sequences, keyed by their terms joined with spaces. */
const aliasIndex: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const index = new Map<string, (readonly string[])[]>();
  for (const group of ALIAS_GROUPS) {
    const phrases = group.map(phraseTerms).filter((terms) => terms.length > 0);
    for (const terms of phrases) index.set(terms.join(' '), phrases);
  }
  return index;
})();

function phraseTerms(phrase: string): string[] {
  return tokenize(phrase)
    .map((token) => toTerm(token.word))
    .filter((term): term is string => term !== null);
}

/**
 * Reads a query as a writer types it: stop words dropped, number words
 * read as digits, aliases expanded, and the last word marked as still
 * being typed unless the query ends in a space or punctuation.
 */
export function planQuery(fullQuery: string): QueryGroup[] {
  const query = boundedQuery(fullQuery);
  const tokens = tokenize(query).filter((token) => token.word.length <= MAX_TERM_CHARS);
  const words = tokens.map((token) => token.word);
  const lastEnd = tokens.length > 0 ? tokens[tokens.length - 1].span.end : 0;
  const stillTyping = lastEnd === query.length && /[\p{L}\d]$/u.test(query);
  const groups: QueryGroup[] = [];

  for (let i = 0; i < words.length && groups.length < MAX_QUERY_GROUPS; ) {
    const isLastFrom = (length: number): boolean => stillTyping && i + length === words.length;
    const number = readNumberWords(words, i);
    if (number && !/^\d/.test(words[i])) {
      const spelled = words.slice(i, i + number.length);
      const spelledTerms = spelled.map(toTerm).filter((term): term is string => term !== null);
      groups.push({
        source: spelled.join(' '),
        alternatives: [[String(number.value)], ...(spelledTerms.length > 0 ? [spelledTerms] : [])],
        typing: isLastFrom(number.length),
      });
      i += number.length;
      continue;
    }
    const alias = longestAlias(words, i);
    if (alias) {
      groups.push({ source: words.slice(i, i + alias.length).join(' '), alternatives: alias.alternatives, typing: isLastFrom(alias.length) });
      i += alias.length;
      continue;
    }
    const term = toTerm(words[i]);
    if (term !== null) groups.push({ source: words[i], alternatives: [[term]], typing: isLastFrom(1) });
    i++;
  }
  return groups;
}

function longestAlias(words: readonly string[], start: number): { length: number; alternatives: readonly (readonly string[])[] } | undefined {
  for (let length = Math.min(MAX_ALIAS_WORDS, words.length - start); length >= 1; length--) {
    const terms = phraseTerms(words.slice(start, start + length).join(' '));
    if (terms.length === 0) continue;
    const alternatives = aliasIndex.get(terms.join(' '));
    if (alternatives) return { length, alternatives };
  }
  return undefined;
}
