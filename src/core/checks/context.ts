import type { Span } from '../model';
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';

/**
 * "The same context": whether a draft's words around a figure are about
 * what a source's figure measures. Words become keys — the search terms
 * (src/core/text/terms.ts: folded, British/American spellings unified,
 * plurals dropped), a few synonyms writers swap, then the first five
 * letters, so "pledges"/"pledged" and "exchange"/"exchanged" meet.
 */

/** Writers' words for what the sources call otherwise, as search terms. */
const SYNONYMS: Readonly<Record<string, string>> = {
  budget: 'spending', expenditure: 'spending', outlay: 'spending', spend: 'spending', spent: 'spending',
  pow: 'prisoner', captive: 'prisoner', detainee: 'prisoner', swap: 'exchange', swapped: 'exchange', traded: 'exchange',
  corpse: 'body', invade: 'invasion', invaded: 'invasion', invading: 'invasion',
  annexed: 'annexation', annex: 'annexation', annexing: 'annexation', ultimatum: 'deadline',
  negotiation: 'talk', negotiator: 'talk', meeting: 'talk', round: 'talk',
};

/** Keys too common in these sources to tell one figure's context from another's. */
const GENERIC = new Set(['russi', 'ukrai', 'both', 'side', 'said', 'say', 'now', 'new', 'also', 'year', 'month', 'week', 'day', 'perce', 'per', 'cent',
  'billi', 'milli', 'trill', 'thous', 'ruble', 'roubl', 'dolla', 'more', 'than', 'over', 'some', 'which', 'while', 'after', 'befor', 'since', 'peace', 'talk',
  'war', 'confl', 'count', 'two', 'one', 'three', 'four', 'five', 'total', 'accou', 'equiv', 'reach', 'just', 'only', 'still', 'last', 'recen', 'presi']);

/** Words of a figure's measure that name no subject: the briefing's labels. */
const LABEL_WORDS = new Set(['table', 'share', 'count', 'amoun', 'date', 'each', 'side', 'perce', 'metri', 'value', 'time']);

/** The context key of a word, or null for stop words and numbers. */
export function keyOf(word: string): string | null {
  if (/\d/.test(word)) return null;
  const term = toTerm(word);
  if (term === null || term.length < 2) return null;
  const unified = Object.hasOwn(SYNONYMS, term) ? SYNONYMS[term] : term;
  return unified.slice(0, 5);
}

/**
 * The tokens of a text, remembered for the text last asked about: a draft's
 * figures ask about their sentence several times each, and tokenizing it
 * again for each figure made a sentence of 10,000 figures quadratic (issue #17).
 */
interface KeyedToken {
  readonly span: Span;
  readonly key: string | null;
}
const recentTokens = new Map<string, readonly KeyedToken[]>();
function tokensOf(text: string): readonly KeyedToken[] {
  let tokens = recentTokens.get(text);
  if (!tokens) {
    if (recentTokens.size >= 8) recentTokens.clear();
    tokens = tokenize(text).map((token) => ({ span: token.span, key: keyOf(token.word) }));
    recentTokens.set(text, tokens);
  }
  return tokens;
}

/** Keys of the words of a text. */
export function keysOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (const { key } of tokensOf(text)) if (key) keys.add(key);
  return keys;
}

/** Keys of a measure label, e.g. "Defense spending, share of Russia’s GDP (table: Russian Defense Spending)". */
export function measureKeysOf(measures: string): Set<string> {
  return new Set([...keysOf(measures)].filter((key) => !LABEL_WORDS.has(key)));
}

/** Keys of the distinctive words within `radius` words of a span of a text. */
export function windowKeys(text: string, span: Span, radius = 10, withGeneric = false): Set<string> {
  const tokens = tokensOf(text);
  const first = firstIndex(tokens, (token) => token.span.end > span.start);
  const lastInside = firstIndex(tokens, (token) => token.span.start >= span.end);
  const from = Math.max(0, (first === -1 ? tokens.length : first) - radius);
  const to = Math.min(tokens.length, (lastInside === -1 ? tokens.length : lastInside) + radius);
  const keys = new Set<string>();
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.span.start >= span.start && token.span.end <= span.end) continue;
    const key = token.key;
    if (key && (withGeneric || !GENERIC.has(key))) keys.add(key);
  }
  return keys;
}

/** The first index where `test` holds, for a test that holds from some index on (binary search), or -1. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(items[mid])) high = mid;
    else low = mid + 1;
  }
  return low < items.length ? low : -1;
}

export function isGeneric(key: string): boolean {
  return GENERIC.has(key);
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((key) => b.has(key));
}
