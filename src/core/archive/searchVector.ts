/**
 * A passage's tsvector, made with the local engine's own terms (the same
 * tokenizer, folding, spelling variants and plural stripping), so a query
 * means the same in the archive as on the writer's machine. PostgreSQL's
 * own stemmers would not: "negotiatio" (being typed) and "negotiations"
 * stem apart, and "U.S." and "Kiev" would not meet "usa" and "kyiv".
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
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The tsvector of a passage in PostgreSQL's input syntax, e.g.
 * `'peace':1B,9C 'talk':2B`: title words first, then heading, then text,
 * each word at its position. The terms are added to `vocabulary` when given.
 */
export function searchVector(title: string, heading: string | undefined, text: string, vocabulary?: Set<string>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (fieldText: string, weight: 'A' | 'B' | 'C'): void => {
    for (const term of termsOf(fieldText)) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(term);
      if (!list) positions.set(term, [`${position}${weight}`]);
      else if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${position}${weight}`);
    }
  };
  add(title, 'B');
  if (heading) add(heading, 'A');
  add(text, 'C');
  if (vocabulary) for (const term of positions.keys()) vocabulary.add(term);
  return [...positions].map(([term, at]) => `${quoteLexeme(term)}:${at.join(',')}`).join(' ');
}
