/**
 * How words become index terms, the same at index time and at query time:
 * folded to lowercase ASCII, spelling variants unified, plural and
 * possessive endings removed, stop words dropped. Russian and Ukrainian
 * words keep their letters (й, ї stay; ё → е, ґ → г) and drop their own
 * stop words (the `stopword` package's lists); their stems are added
 * beside them by wordTerms.ts.
 */
import type * as Stopword from 'stopword';
import { foldCyrillic } from './cyrillicWords';
import { hasCyrillic } from './language';

/**
 * Spellings of one word in any English text: British/American, common
 * misspellings. A corpus's own names spelled several ways (transliterations)
 * come with its knowledge, from data/, and are matched at query time
 * (search/aliasTable.ts).
 */
const VARIANTS: Readonly<Record<string, string>> = {
  defence: 'defense',
  dialogue: 'dialog',
  febuary: 'february',
  organisation: 'organization',
  organisations: 'organizations',
  favour: 'favor',
  centre: 'center',
  programme: 'program',
  labour: 'labor',
  honour: 'honor',
  recognise: 'recognize',
  recognised: 'recognized',
  criticise: 'criticize',
  criticised: 'criticized',
  emphasise: 'emphasize',
  emphasised: 'emphasized',
  prioritise: 'prioritize',
  annexe: 'annex',
};

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by did do does for from had has have he her his how i if in into is it its ' +
    'me my of on or our she so than that the their them then there these they this those to was we were what when ' +
    'where which who whom why will with would you your us about also can could may might should'
  ).split(' '),
);

/** Folds a word to lowercase ASCII without diacritics or apostrophes. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '');
}

/**
 * Light inflection removal (Harman's S-stemmer plus possessives). A full
 * Porter stemmer would break prefix search while a word is being typed
 * ("negotiatio" and "negotiations" stem apart); this one never does.
 */
export function stripInflection(term: string): string {
  if (term.length <= 3 || /\d/.test(term)) return term;
  if (term.endsWith('ies') && !/[ae]ies$/.test(term)) return term.slice(0, -3) + 'y';
  if (term.endsWith('es') && !/[aeo]es$/.test(term) && /(ss|sh|ch|x|z)es$/.test(term)) return term.slice(0, -2);
  if (term.endsWith('s') && !/(us|ss|is|ys)$/.test(term)) return term.slice(0, -1);
  return term;
}

let spellings: Map<string, string[]> | undefined;

/** The other spellings that become this term (kiev for kyiv), for finding a term's words in a text quickly. */
export function spellingsOf(term: string): readonly string[] {
  if (!spellings) {
    spellings = new Map();
    for (const [spelling, unified] of Object.entries(VARIANTS)) spellings.set(unified, [...(spellings.get(unified) ?? []), spelling]);
  }
  return spellings.get(term) ?? [];
}

/** Words already read, so the same word is folded and stemmed once: indexing and snippets call this per token. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** The index term for a word, or null for a stop word. */
export function toTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const term = computeTerm(word);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(word, term);
  return term;
}

let cyrillicStopWords: ReadonlySet<string> | undefined;

/** Russian and Ukrainian stop words, folded as terms are; loaded on the first Cyrillic word (the package holds 62 languages). */
export function isCyrillicStopWord(folded: string): boolean {
  if (!cyrillicStopWords) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, and synchronously: indexing is synchronous
    const { rus, ukr } = require('stopword') as typeof Stopword;
    cyrillicStopWords = new Set([...rus, ...ukr].map(foldCyrillic));
  }
  return cyrillicStopWords.has(folded);
}

function computeTerm(word: string): string | null {
  if (hasCyrillic(word)) {
    const folded = foldCyrillic(word);
    return folded.length === 0 || isCyrillicStopWord(folded) ? null : folded;
  }
  const folded = foldWord(word);
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  // Own keys only: "constructor" or "toString" in a text must stay words, not Object.prototype's members.
  if (Object.hasOwn(VARIANTS, folded)) return VARIANTS[folded];
  const stemmed = stripInflection(folded);
  return Object.hasOwn(VARIANTS, stemmed) ? VARIANTS[stemmed] : stemmed;
}
