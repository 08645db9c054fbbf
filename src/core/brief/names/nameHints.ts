/**
 * What compromise's lexicon knows about a name: whether a word is a
 * given name ("Emmanuel", "Regina") and whether a name is a place it
 * knows ("Hong Kong", "North Korea"). A hint beside the context clues of
 * the POS tags, for names the text introduces with no title or role;
 * measured on the news development set (README, "How names are read").
 * Each word or name is looked up once.
 */
import nlp from 'compromise';

const givenNames = new Map<string, boolean>();
const places = new Map<string, boolean>();
const LIMIT = 50_000;
let enabled = true;

/** Turns the hints off or on (for measuring what they add). */
export function useNameHints(on: boolean): void {
  enabled = on;
}

function remember(cache: Map<string, boolean>, key: string, value: boolean): boolean {
  if (cache.size >= LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Whether compromise's lexicon lists the word as a given name. */
export function isGivenName(word: string): boolean {
  if (!enabled || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  return givenNames.get(word) ?? remember(givenNames, word, nlp(word).has('#FirstName'));
}

/** Whether compromise's lexicon knows the name as a place (a country, a city, a region). */
export function isKnownPlace(name: string): boolean {
  if (!enabled || name.length > 60 || !/^\p{Lu}/u.test(name)) return false;
  return places.get(name) ?? remember(places, name, nlp(name).has('^#Place+$'));
}
