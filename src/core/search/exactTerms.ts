/**
 * The words of a query a writer means exactly: figures ("1,200") and names
 * (a word typed with a capital: "Arslan", "Ankara"). A passage that holds
 * them as typed answers the query better than one that only shares its
 * other words, or a prefix, typo or alias of them.
 */
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';

/** The index terms of the query's figures and capitalised words; the word still being typed is not yet one. */
export function exactTerms(query: string): string[] {
  const tokens = tokenize(query);
  const last = tokens[tokens.length - 1];
  const stillTyping = last !== undefined && last.span.end === query.length && /[\p{L}\d]$/u.test(query);
  const terms: string[] = [];
  for (const token of tokens) {
    if (token === last && stillTyping) continue;
    const raw = query.slice(token.span.start, token.span.end);
    if (!/\d/.test(raw) && !/^\p{Lu}/u.test(raw)) continue;
    const term = toTerm(token.word);
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}
