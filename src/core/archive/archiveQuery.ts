/**
 * The archive's search, planned as the local engine plans it: the same
 * query groups (stop words dropped, number words read, spelling variants
 * and aliases expanded by planQuery), combined with AND; the word being
 * typed matched as a prefix (`:*`); one-edit typos from the archive's
 * vocabulary on a second pass, only when the first comes up short; and an
 * OR pass last. Here each pass becomes a tsquery; which passages matched
 * which words is worked out again on the client for the snippet.
 */
import type { AliasTable } from '../search/aliasTable';
import { planQueryWithoutNameKeys as planQuery, type QueryGroup } from '../search/queryPlan';
import { quoteLexeme, termsOf } from './searchVector';

// The local engine's thresholds (searchIndex.ts), so both forgive the same.
const MIN_PREFIX_LENGTH = 3;
const MIN_FUZZY_LENGTH = 5;

export type ArchivePass = 'all' | 'typos' | 'some';

/** A query read for the archive. */
export interface ArchivePlan {
  readonly groups: readonly QueryGroup[];
  /** Query terms long enough for one-edit matching, for the vocabulary lookup. */
  readonly fuzzyTerms: readonly string[];
}

/** Reads a query as the local library does, with its alias table (the bundled corpus's while it is searched too). */
export function planArchiveQuery(query: string, aliases?: AliasTable): ArchivePlan {
  const groups = planQuery(query, aliases);
  const fuzzyTerms = new Set<string>();
  for (const group of groups) for (const alternative of group.alternatives) for (const term of alternative) if (isFuzzy(term)) fuzzyTerms.add(term);
  return { groups, fuzzyTerms: [...fuzzyTerms] };
}

function isFuzzy(term: string): boolean {
  return term.length >= MIN_FUZZY_LENGTH && !/\d/.test(term);
}

function isPrefix(group: QueryGroup): boolean {
  return group.typing && group.alternatives[0].join(' ').length >= MIN_PREFIX_LENGTH;
}

/**
 * A pass of the plan as a tsquery: groups joined by `&` (or `|` for the OR
 * pass), each group any of its alternatives, each alternative all of its
 * terms; with `typos`, a term also matches its one-edit neighbours.
 */
export function passQuery(plan: ArchivePlan, pass: ArchivePass, typos: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const groups = plan.groups.map((group) => {
    const prefix = isPrefix(group);
    const alternatives = group.alternatives.map((terms) => {
      const clauses = terms.map((term) => {
        const forms = [`${quoteLexeme(term)}${prefix ? ':*' : ''}`];
        if (pass !== 'all') for (const near of typos.get(term) ?? []) forms.push(quoteLexeme(near));
        return forms.length === 1 ? forms[0] : `( ${forms.join(' | ')} )`;
      });
      return clauses.length === 1 ? clauses[0] : `( ${clauses.join(' & ')} )`;
    });
    return alternatives.length === 1 ? alternatives[0] : `( ${alternatives.join(' | ')} )`;
  });
  return groups.join(pass === 'some' ? ' | ' : ' & ');
}

/** True when a and b differ by one insertion, deletion, substitution, or swap of adjacent letters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Each word with two neighbouring letters swapped: trigrams miss these, so they are looked up exactly. */
export function swapsOf(words: readonly string[]): string[] {
  const swaps = new Set<string>();
  for (const word of words) {
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] !== word[i + 1]) swaps.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
  }
  return [...swaps];
}

/** The terms of the word being typed (matched as a prefix), among the plan's fuzzy terms. */
export function typingTerms(plan: ArchivePlan): string[] {
  const fuzzy = new Set(plan.fuzzyTerms);
  return plan.groups.filter(isPrefix).flatMap((group) => group.alternatives.flat().filter((term) => fuzzy.has(term)));
}

/** Each word's swaps, with the word each came from, for looking them up beside the word. */
export function swapPairs(words: readonly string[]): { swaps: string[]; swapWords: string[] } {
  const swaps: string[] = [];
  const swapWords: string[] = [];
  for (const word of words) {
    for (const swap of swapsOf([word])) {
      swaps.push(swap);
      swapWords.push(word);
    }
  }
  return { swaps, swapWords };
}

/** The candidates the archive found for each word, kept when one edit away (never the word itself). */
export function typoMapOfPairs(pairs: ReadonlyArray<{ readonly word: string; readonly near: string }>): Map<string, string[]> {
  const typos = new Map<string, string[]>();
  for (const { word, near } of pairs) {
    if (near === word || !withinOneEdit(word, near)) continue;
    const list = typos.get(word) ?? [];
    if (!list.includes(near)) list.push(near);
    typos.set(word, list);
  }
  for (const list of typos.values()) list.sort();
  return typos;
}

/**
 * Which of a passage's terms the query matched, for marking the snippet:
 * a query term itself, a completion of the word being typed, or a typo's
 * neighbour that the query used.
 */
export function matchedTermsOf(plan: ArchivePlan, typos: ReadonlyMap<string, readonly string[]>, ...fields: ReadonlyArray<string | undefined>): Set<string> {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const group of plan.groups) {
    const prefix = isPrefix(group);
    for (const terms of group.alternatives) {
      for (const term of terms) {
        exact.add(term);
        if (prefix) prefixes.push(term);
        for (const near of typos.get(term) ?? []) exact.add(near);
      }
    }
  }
  const matched = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    for (const term of termsOf(field)) if (exact.has(term) || prefixes.some((prefix) => term.startsWith(prefix))) matched.add(term);
  }
  return matched;
}

/** True when a passage with these matched terms has every group of the query (an AND hit). */
export function coversEveryGroup(groups: readonly QueryGroup[], matched: ReadonlySet<string>): boolean {
  return groups.every((group) => {
    const prefix = isPrefix(group);
    return group.alternatives.some((terms) => terms.every((term) => matched.has(term) || (prefix && [...matched].some((m) => m.startsWith(term)))));
  });
}
