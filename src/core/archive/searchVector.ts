/**
 * A passage's tsvector, made with the local engine's own terms (the same
 * tokenizer, folding, spelling variants and plural stripping), so a query
 * means the same in the archive as on the writer's machine. PostgreSQL's
 * own stemmers would not: "negotiatio" (being typed) and "negotiations"
 * stem apart, and "U.S." and "Defence" would not meet "usa" and "defense".
 * Fields are weighted as the local engine boosts them: heading A, title B,
 * text C.
 */
import { toTerm } from '../text/terms';
import { words } from '../text/tokens';

/** PostgreSQL's limits: positions up to 16383, 256 per lexeme, lexemes under 2 KB. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_TERM = 256;
const MAX_TERM_LENGTH = 500;

/** The index terms of a text, in order, stop words left out. */
export function termsOf(text: string): string[] {
  return words(text)
    .map(toTerm)
    .filter((term): term is string => term !== null && term.length <= MAX_TERM_LENGTH);
}

/** A lexeme as tsvector and tsquery input write it: quoted, with quotes and backslashes escaped. */
export function quoteLexeme(term: string): string {
  return term.includes("'") || term.includes('\\') ? `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${term}'`;
}

const WEIGHTS = ['A', 'B', 'C'] as const;

/**
 * The tsvector of a passage in PostgreSQL's input syntax, e.g.
 * `'peace':1B,9C 'talk':2B`: title words first, then heading, then text,
 * each word at its position. The terms are added to `vocabulary` when
 * given. `titleTerms` saves working out a document's title once per passage.
 */
export function searchVector(title: string, heading: string | undefined, text: string, vocabulary?: Set<string>, titleTerms: readonly string[] = termsOf(title)): string {
  // Per term, its positions packed as position * 4 + weight index, in order.
  const positions = new Map<string, number[]>();
  let position = 0;
  const add = (terms: readonly string[], weight: number): void => {
    for (const term of terms) {
      if (position < MAX_POSITION) position++;
      const list = positions.get(term);
      if (!list) positions.set(term, [position * 4 + weight]);
      else if (list.length < MAX_POSITIONS_PER_TERM) list.push(position * 4 + weight);
    }
  };
  add(titleTerms, 1);
  if (heading) add(termsOf(heading), 0);
  add(termsOf(text), 2);
  let vector = '';
  for (const [term, packed] of positions) {
    if (vocabulary) vocabulary.add(term);
    vector += `${vector ? ' ' : ''}${quoteLexeme(term)}:`;
    for (let i = 0; i < packed.length; i++) vector += `${i > 0 ? ',' : ''}${packed[i] >> 2}${WEIGHTS[packed[i] & 3]}`;
  }
  return vector;
}
