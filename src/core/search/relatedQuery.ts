import { toTerm } from '../text/terms';
import { withoutHtmlComments } from '../text/htmlComments';
import { tokenize } from '../text/tokens';

const MAX_TERMS = 12;

/**
 * Turns a paragraph of a draft into a search for the passages it relates
 * to: names, figures and the longer words, at most twelve, each whole
 * (the query ends with a space, so none is taken as a prefix).
 */
export function relatedQuery(paragraph: string): string {
  const withoutMarkup = withoutMarkupOf(paragraph);
  const scored = new Map<string, { word: string; score: number; order: number }>();
  tokenize(withoutMarkup).forEach((token, order) => {
    const term = toTerm(token.word);
    if (term === null || term.length < 3) return;
    const isName = /^\p{Lu}/u.test(token.word);
    const isFigure = /\d/.test(token.word);
    const score = (isName ? 3 : 0) + (isFigure ? 3 : 0) + Math.min(term.length, 10) / 10;
    const previous = scored.get(term);
    if (!previous || previous.score < score) scored.set(term, { word: token.word, score, order: previous?.order ?? order });
  });
  const chosen = [...scored.values()].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, MAX_TERMS);
  chosen.sort((a, b) => a.order - b.order);
  return chosen.length === 0 ? '' : `${chosen.map((entry) => entry.word).join(' ')} `;
}

/** A draft paragraph without its Markdown or LaTeX markup and footnote markers, as plain words. */
export function withoutMarkupOf(paragraph: string): string {
  return withoutHtmlComments(paragraph.replace(/\[\^[^\]\s[]*\]/g, ' '))
    .replace(/\\[a-z]+\{|[#>*_`[\]()]/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
