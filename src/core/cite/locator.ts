import type { Passage } from '../model';

/**
 * Where in a source a passage is, as citations point to it: the page of a
 * PDF passage. Shaped like a CSL cite item's `label` and `locator`, so a
 * CSL processor (citeproc-js) can take it as it is.
 */
export interface CitationLocator {
  readonly label: 'page';
  /** "12", or "12–13" for a passage across a page break. */
  readonly locator: string;
}

/** The passage's page locator, or undefined for a source without pages. */
export function pageLocator(passage: Pick<Passage, 'page' | 'lastPage'>): CitationLocator | undefined {
  if (passage.page === undefined) return undefined;
  const range = passage.lastPage !== undefined && passage.lastPage > passage.page ? `${passage.page}–${passage.lastPage}` : String(passage.page);
  return { label: 'page', locator: range };
}

/** "p. 12" or "pp. 12–13", as the simple styles write it. */
export function pageLabel(passage: Pick<Passage, 'page' | 'lastPage'>): string | undefined {
  const found = pageLocator(passage);
  if (!found) return undefined;
  return found.locator.includes('–') ? `pp. ${found.locator}` : `p. ${found.locator}`;
}
