/**
 * The language of a document or passage, for the words that depend on it
 * (Russian and Ukrainian stems). Detection is tinyld's (its normal model),
 * chosen by measurement on single sentences and six-word fragments of real
 * Russian, Ukrainian and English news (README, "Russian and Ukrainian");
 * it is asked only about text with Cyrillic letters, so English sources
 * pay nothing for it.
 */
import type * as Tinyld from 'tinyld';

let tinyld: typeof Tinyld | undefined;

/** The detector, loaded on first use: its model takes 7 MB of heap, which a library of English sources never pays. */
function detect(text: string, options: { only: string[] }): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, and synchronously: indexing is synchronous
  tinyld ??= require('tinyld') as typeof Tinyld;
  return tinyld.detect(text, options);
}

/** Languages whose words Briefing reads in their own grammar. */
export type CyrillicLanguage = 'ru' | 'uk';

const CYRILLIC_LETTER = /[\u0400-\u04ff]/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC_LETTER.test(text);
}

/** Russian or Ukrainian for Cyrillic text, undefined for other text or when the detector cannot tell. */
export function detectCyrillicLanguage(text: string): CyrillicLanguage | undefined {
  if (!hasCyrillic(text)) return undefined;
  const found = detect(text.slice(0, 2000), { only: ['ru', 'uk'] });
  return found === 'ru' || found === 'uk' ? found : undefined;
}

/**
 * A mostly Cyrillic document's language, Russian or Ukrainian, from its
 * first few thousand characters; undefined for other documents (an English
 * text quoting a Russian line among them) and when unsure. Other texts are
 * not given to the detector: its model costs tens of megabytes of memory,
 * which a library of English sources should not pay.
 */
export function detectDocumentLanguage(text: string): CyrillicLanguage | undefined {
  const sample = text.slice(0, 4000);
  if (!hasCyrillic(sample)) return undefined;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = sample.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  return cyrillic * 2 > letters ? detectCyrillicLanguage(sample) : undefined;
}

const TAGS: Readonly<Record<string, string>> = {
  ru: 'ru', rus: 'ru', russian: 'ru', 'русский': 'ru',
  uk: 'uk', ukr: 'uk', ukrainian: 'uk', 'українська': 'uk',
  en: 'en', eng: 'en', english: 'en',
};

/** A language as a user writes it in front matter (`ru`, `uk-UA`, `Russian`), as a two-letter code; undefined when unknown. */
export function languageTag(written: string | undefined): string | undefined {
  if (!written) return undefined;
  const base = written.trim().toLowerCase().split(/[-_]/)[0];
  if (Object.hasOwn(TAGS, base)) return TAGS[base];
  return /^[a-z]{2}$/.test(base) ? base : undefined;
}

/**
 * The language a source is marked with in the panel and the quick pick: every
 * known language but English (the briefing's own), as a code and a name.
 */
export function languageMark(tag: string | undefined): { readonly code: string; readonly name: string } | undefined {
  if (!tag || tag === 'en') return undefined;
  return { code: tag.toUpperCase(), name: languageLabel(tag) ?? tag };
}

/** What the panel and the quick pick show for a language. */
export function languageLabel(tag: string | undefined): string | undefined {
  return tag === 'ru' ? 'Russian' : tag === 'uk' ? 'Ukrainian' : tag === 'en' ? 'English' : tag;
}
