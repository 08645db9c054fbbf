/**
 * Keys that make one name of its spellings across scripts: "Ivanov",
 * "Иванов" and "Иванова" meet, as do "Shevchenko", "Шевченко" and
 * "Шевченком", "Kharkiv", "Kharkov", "Харків" and "Харькова". Cyrillic is romanised
 * by cyrillic-to-translit-js (the Ukrainian national system for Ukrainian,
 * its Russian preset for Russian); the romanisation is then reduced to a
 * skeleton that the usual romanisations of one name share: runs of vowels
 * (and y, i, j as semivowels) become one vowel, kh/h/g one letter, doubled
 * letters one, and a final vowel (a case ending) goes.
 */
import CyrillicToTranslit from 'cyrillic-to-translit-js';
import { foldCyrillic, stemCyrillic } from './cyrillicWords';
import { hasCyrillic, type CyrillicLanguage } from './language';

/**
 * Index terms of keys made from Cyrillic words and from Latin words: a
 * query looks up the other script's. The two prefixes are several edits
 * apart, so that the one-letter typo pass never crosses from one to the other.
 */
export const FROM_CYRILLIC = '~cyr:';
export const FROM_LATIN = '~lat:';

const MIN_KEY_LENGTH = 3;

let romanizers: Record<CyrillicLanguage, { transform(text: string): string }> | undefined;

function romanize(folded: string, language: CyrillicLanguage): string {
  romanizers ??= { ru: CyrillicToTranslit({ preset: 'ru' }), uk: CyrillicToTranslit({ preset: 'uk' }) };
  return romanizers[language].transform(folded);
}

/** The skeleton of a Latin spelling, or undefined when too little is left to tell names apart. */
export function latinKey(latin: string): string | undefined {
  let key = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  key = key
    .replace(/shch|sch/g, 'S')
    .replace(/zh/g, 'Z')
    .replace(/ch/g, 'C')
    .replace(/sh/g, 'S')
    .replace(/kh/g, 'h')
    .replace(/ts|tz/g, 'c')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/ck|q/g, 'k')
    .replace(/h/g, 'g')
    .replace(/[aeiouyj]+/g, 'a')
    .replace(/(.)\1+/g, '$1')
    .replace(/a$/, '');
  return key.length >= MIN_KEY_LENGTH ? key : undefined;
}

/**
 * The keys of a word as a source writes it: for Cyrillic, its romanised
 * form and its romanised stem (case endings differ from name to name);
 * for Latin, its own skeleton. Language undefined: both languages' keys.
 */
export function nameKeys(word: string, language: CyrillicLanguage | undefined): string[] {
  if (!hasCyrillic(word)) {
    const key = latinKey(word);
    return key ? [key] : [];
  }
  const folded = foldCyrillic(word);
  const keys = new Set<string>();
  for (const lang of language ? [language] : (['ru', 'uk'] as const)) {
    for (const form of [folded, stemCyrillic(folded, lang)]) {
      const key = latinKey(romanize(form, lang));
      if (key) keys.add(key);
    }
  }
  return [...keys];
}
