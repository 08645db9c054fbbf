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

/** Keys of the words of a text. */
export function keysOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (const token of tokenize(text)) {
    const key = keyOf(token.word);
    if (key) keys.add(key);
  }
  return keys;
}

/** Keys of a measure label, e.g. "Defense spending, share of Russia’s GDP (table: Russian Defense Spending)". */
export function measureKeysOf(measures: string): Set<string> {
  return new Set([...keysOf(measures)].filter((key) => !LABEL_WORDS.has(key)));
}

/** Keys of the distinctive words within `radius` words of a span of a text. */
export function windowKeys(text: string, span: Span, radius = 10, withGeneric = false): Set<string> {
  const tokens = tokenize(text);
  const first = tokens.findIndex((token) => token.span.end > span.start);
  const lastInside = tokens.findIndex((token) => token.span.start >= span.end);
  const from = Math.max(0, (first === -1 ? tokens.length : first) - radius);
  const to = Math.min(tokens.length, (lastInside === -1 ? tokens.length : lastInside) + radius);
  const keys = new Set<string>();
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.span.start >= span.start && token.span.end <= span.end) continue;
    const key = keyOf(token.word);
    if (key && (withGeneric || !GENERIC.has(key))) keys.add(key);
  }
  return keys;
}

export function isGeneric(key: string): boolean {
  return GENERIC.has(key);
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((key) => b.has(key));
}
