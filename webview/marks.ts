/**
 * Marks the words a passages page is about (a figure, a name and its other
 * spellings, quoted words) in cards that came without highlights, so the
 * reader sees at once why each passage is there.
 */
import type { HighlightRange, PassageCard } from '../src/protocol';

/** Terms shorter than this would mark half the text. */
const MIN_TERM = 2;

/** Every case-insensitive occurrence of `terms` in `text`, in order, without overlaps. */
export function findTerms(text: string, terms: readonly string[]): HighlightRange[] {
  const lower = text.toLowerCase();
  const ranges: HighlightRange[] = [];
  for (const term of new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length >= MIN_TERM))) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      // Whole words only: "US" is not in "discuss".
      if (isWordChar(text.charAt(at - 1)) && isWordChar(term.charAt(0))) continue;
      if (isWordChar(text.charAt(at + term.length)) && isWordChar(term.charAt(term.length - 1))) continue;
      ranges.push({ start: at, end: at + term.length });
    }
  }
  // Longest first where two start together; a range inside one already kept is dropped.
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: HighlightRange[] = [];
  let end = 0;
  for (const range of ranges) {
    if (range.start < end) continue;
    kept.push(range);
    end = range.end;
  }
  return kept;
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

/** The cards with `terms` marked, where the extension marked nothing. */
export function markCards(cards: readonly PassageCard[], terms: readonly string[]): PassageCard[] {
  if (terms.length === 0) return [...cards];
  return cards.map((card) => (card.highlights.length > 0 ? card : { ...card, highlights: findTerms(card.snippet, terms) }));
}
