/**
 * Every index term a word of a source stands for: its term (terms.ts);
 * for a Russian or Ukrainian word, its stem in the passage's language
 * as well, so "полонених" finds "полоненими" while the surface form keeps
 * prefix matching exact as the user types; for a capitalised word, its
 * cross-script name key (nameKeys.ts), so "Ivanov" finds "Иванова".
 * Queries read their words the same way, in both languages when the
 * query's own language cannot be told from a few words.
 */
import { stemCyrillic, stemsInAnyLanguage } from './cyrillicWords';
import { hasCyrillic, type CyrillicLanguage } from './language';
import { FROM_CYRILLIC, FROM_LATIN, nameKeys } from './nameKeys';
import { toTerm } from './terms';

const CAPITAL = /^\p{Lu}/u;

/** The index terms of a word of a source, in a passage of the given language (undefined: not known). */
export function sourceWordTerms(word: string, language: CyrillicLanguage | undefined): string[] {
  const term = toTerm(word);
  if (term === null) return [];
  const cyrillic = hasCyrillic(word);
  if (!cyrillic && !CAPITAL.test(word)) return [term];
  const terms = [term];
  if (cyrillic) {
    for (const stem of language ? [stemCyrillic(term, language)] : stemsInAnyLanguage(term)) if (stem !== term) terms.push(stem);
  }
  if (CAPITAL.test(word)) {
    const prefix = cyrillic ? FROM_CYRILLIC : FROM_LATIN;
    for (const key of nameKeys(word, language)) terms.push(prefix + key);
  }
  return terms;
}

/**
 * The term sequences a query word may match besides its own term: its
 * stems (both languages) for a Cyrillic word, and its name keys in the
 * sources of either script — a Latin word looks up keys made from
 * Cyrillic words only, so English queries over English sources match
 * exactly what they matched before.
 */
export function queryWordAlternatives(word: string, term: string): string[][] {
  const alternatives: string[][] = [];
  if (hasCyrillic(word)) {
    for (const stem of stemsInAnyLanguage(term)) if (stem !== term) alternatives.push([stem]);
    for (const key of nameKeys(word, undefined)) alternatives.push([FROM_CYRILLIC + key], [FROM_LATIN + key]);
  } else {
    for (const key of nameKeys(word, undefined)) alternatives.push([FROM_CYRILLIC + key]);
  }
  return alternatives;
}

/** Whether a source word stands for any of the terms (for marking matched words in snippets). */
export function wordMatchesAny(word: string, terms: ReadonlySet<string>): boolean {
  for (const term of sourceWordTerms(word, undefined)) if (terms.has(term)) return true;
  return false;
}
