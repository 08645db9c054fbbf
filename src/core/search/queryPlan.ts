import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';
import { queryWordAlternatives } from '../text/wordTerms';
import { GENERAL_ALIASES, type AliasTable } from './aliasTable';
import { readNumberWords } from './numberWords';

/** One thing the user asked for, and the term sequences any of which can satisfy it. */
export interface QueryGroup {
  /** The user's words this group was read from. */
  readonly source: string;
  /** Alternatives; each is a sequence of index terms that must all match. */
  readonly alternatives: readonly (readonly string[])[];
  /** The user is still typing this word: match it as a prefix. */
  readonly typing: boolean;
  /** Other names for it from the alias table ("fed" for "federal reserve"), as term sequences: they count for less than the words typed. */
  readonly aliases?: readonly (readonly string[])[];
}

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

/**
 * Reads a query as a writer types it: stop words dropped, number words
 * read as digits, aliases expanded, Russian and Ukrainian words also by
 * their stems, names also by their spelling in the other script, and the
 * last word marked as still being typed unless the query ends in a space
 * or punctuation.
 */
export function planQuery(fullQuery: string, aliasTable: AliasTable = GENERAL_ALIASES): QueryGroup[] {
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
    const alias = aliasTable.match(words, i);
    if (alias) {
      const typed = words.slice(i, i + alias.length);
      const own = typed.map(toTerm).filter((term): term is string => term !== null);
      // A one-word phrase (a surname) is still a name the other script may write.
      const named = alias.length === 1 && own.length === 1 ? queryWordAlternatives(words[i], own[0]) : [];
      groups.push({
        source: typed.join(' '),
        alternatives: [own, ...alias.spellings, ...named],
        typing: isLastFrom(alias.length),
        ...(alias.aliases.length > 0 ? { aliases: alias.aliases } : {}),
      });
      i += alias.length;
      continue;
    }
    const term = toTerm(words[i]);
    if (term !== null) groups.push({ source: words[i], alternatives: [[term], ...queryWordAlternatives(words[i], term)], typing: isLastFrom(1) });
    i++;
  }
  return groups;
}

/**
 * The plan without cross-script name keys, for an index that holds none
 * (the PostgreSQL archive indexes its own lexemes), and with the aliases
 * as plain alternatives (a tsquery cannot weigh one alternative below another).
 */
export function planQueryWithoutNameKeys(query: string, aliasTable: AliasTable = GENERAL_ALIASES): QueryGroup[] {
  return planQuery(query, aliasTable)
    .map((group) => ({ source: group.source, typing: group.typing, alternatives: [...group.alternatives, ...(group.aliases ?? [])].filter((terms) => !terms.some((term) => term.startsWith('~'))) }))
    .filter((group) => group.alternatives.length > 0);
}
