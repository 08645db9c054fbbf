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
import { forEachWordSpan, searchForm, words } from '../text/tokens';

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
 * A passage's terms, each with its positions packed as `position * 4 +
 * weight` (weight 0 A heading, 1 B title, 2 C text), positions rising, in
 * the order the terms first occur.
 */
export type SearchVector = Map<string, number[]>;

/**
 * The terms of a passage at their positions: title words first, then
 * heading, then text. The terms are added to `vocabulary` when given.
 * `titleTerms` saves working out a document's title once per passage.
 */
export function searchVectorOf(title: string, heading: string | undefined, text: string, vocabulary?: Set<string>, titleTerms: readonly string[] = termsOf(title)): SearchVector {
  const positions: SearchVector = new Map();
  let position = 0;
  const add = (term: string, weight: number): void => {
    if (position < MAX_POSITION) position++;
    const list = positions.get(term);
    if (!list) positions.set(term, [position * 4 + weight]);
    else if (list.length < MAX_POSITIONS_PER_TERM) list.push(position * 4 + weight);
  };
  for (const term of titleTerms) add(term, 1);
  if (heading) for (const term of termsOf(heading)) add(term, 0);
  // The text's words straight from the tokenizer, building no token list: a push does this for every passage.
  forEachWordSpan(text, (start, end) => {
    const term = toTerm(searchForm(text.slice(start, end)));
    if (term !== null && term.length <= MAX_TERM_LENGTH) add(term, 2);
  });
  if (vocabulary) for (const term of positions.keys()) vocabulary.add(term);
  return positions;
}

/** A SearchVector in PostgreSQL's tsvector input syntax, e.g. `'peace':1B,9C 'talk':2B`. */
export function vectorText(vector: SearchVector): string {
  let text = '';
  for (const [term, packed] of vector) {
    text += `${text ? ' ' : ''}${quoteLexeme(term)}:`;
    for (let i = 0; i < packed.length; i++) text += `${i > 0 ? ',' : ''}${packed[i] >> 2}${WEIGHTS[packed[i] & 3]}`;
  }
  return text;
}

/** The tsvector of a passage in PostgreSQL's input syntax (see searchVectorOf). */
export function searchVector(title: string, heading: string | undefined, text: string, vocabulary?: Set<string>, titleTerms?: readonly string[]): string {
  return vectorText(searchVectorOf(title, heading, text, vocabulary, titleTerms));
}
