/**
 * The words of a query a writer means exactly: figures ("1,200") and names
 * (a word typed with a capital: "Arslan", "Ankara"). A passage that holds
 * them as typed answers the query better than one that only shares its
 * other words, or a prefix, typo or alias of them.
 */
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';
import { boundedQuery, MAX_TERM_CHARS } from './queryPlan';

/** As many as a query is read into groups: a pasted document gives no more. */
const MAX_EXACT_TERMS = 32;

/**
 * The index terms of the query's figures and capitalised words, in the part of the query that is read; the word still
 * being typed is not yet one. `names: false` keeps the figures only (a search by meaning: a name has other names, a
 * figure has none).
 */
export function exactTerms(fullQuery: string, { names = true }: { names?: boolean } = {}): string[] {
  const query = boundedQuery(fullQuery);
  const tokens = tokenize(query);
  const last = tokens[tokens.length - 1];
  const stillTyping = last !== undefined && last.span.end === fullQuery.length && /[\p{L}\d]$/u.test(fullQuery);
  const terms: string[] = [];
  for (const token of tokens) {
    if (terms.length === MAX_EXACT_TERMS) break;
    if ((token === last && stillTyping) || token.span.end - token.span.start > MAX_TERM_CHARS) continue;
    const raw = query.slice(token.span.start, token.span.end);
    if (!/\d/.test(raw) && !(names && /^\p{Lu}/u.test(raw))) continue;
    const term = toTerm(token.word);
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}
