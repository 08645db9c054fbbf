/**
 * The language a passage's words are stemmed in: detected on the passage
 * itself when it is written in Cyrillic and long enough to tell (a
 * Ukrainian source may quote a Russian statement), else the document's.
 */
import { detectCyrillicLanguage, hasCyrillic, type CyrillicLanguage } from './language';

/** Fewer words than this are too few for the detector: the document's language holds. */
const MIN_DETECTED_WORDS = 8;

const cache = new Map<string, CyrillicLanguage | undefined>();
const CACHE_LIMIT = 20_000;

export function passageLanguage(text: string, documentLanguage: string | undefined): CyrillicLanguage | undefined {
  const fallback = documentLanguage === 'ru' || documentLanguage === 'uk' ? documentLanguage : undefined;
  if (!hasCyrillic(text)) return fallback;
  if (fallback && text.split(/\s+/, MIN_DETECTED_WORDS).length < MIN_DETECTED_WORDS) return fallback;
  if (cache.has(text)) return cache.get(text) ?? fallback;
  const detected = detectCyrillicLanguage(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, detected);
  return detected ?? fallback;
}
