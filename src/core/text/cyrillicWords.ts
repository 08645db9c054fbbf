/**
 * Russian and Ukrainian words as search reads them: folded (ё → е, ґ → г,
 * apostrophes ʼ ’ ' dropped, as Ukrainian writes "обʼєднаний" all three
 * ways) and stemmed — Russian by Snowball's stemmer (snowball-stemmers),
 * Ukrainian by @nlpjs/lang-uk's (Snowball has none for Ukrainian); the
 * choice was measured on the dev texts (README, "Russian and Ukrainian").
 */
import type * as Snowball from 'snowball-stemmers';
import type * as NlpUk from '@nlpjs/lang-uk';
import type { CyrillicLanguage } from './language';

/** Longer tokens are not words (the stemmers' rules are costly on them). */
const MAX_STEMMED_LENGTH = 40;

let russian: { stem(word: string): string } | undefined;
let ukrainian: { stemWord(word: string): string } | undefined;

/** Lowercase, ё as е, ґ as г, no apostrophes or combining accents (stress marks). */
export function foldCyrillic(word: string): string {
  return word
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/['’ʼ‘`\u0301]/g, '');
}

/** The stem of a folded word in the language; the word itself when it has no ending to remove. */
export function stemCyrillic(folded: string, language: CyrillicLanguage): string {
  if (folded.length > MAX_STEMMED_LENGTH || folded.length < 3) return folded;
  // Loaded on first use (snowball-stemmers holds two dozen languages): English libraries never pay for them.
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, and synchronously: indexing is synchronous */
  if (language === 'ru') return (russian ??= (require('snowball-stemmers') as typeof Snowball).newStemmer('russian')).stem(folded) || folded;
  return (ukrainian ??= new (require('@nlpjs/lang-uk') as typeof NlpUk).StemmerUk()).stemWord(folded) || folded;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Stems of a word whose language is not known (a query): each language's, without repeats. */
export function stemsInAnyLanguage(folded: string): string[] {
  const stems = [stemCyrillic(folded, 'ru'), stemCyrillic(folded, 'uk')];
  return stems[0] === stems[1] ? [stems[0]] : stems;
}
