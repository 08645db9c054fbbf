import type { Passage } from '../model';
import { oneLine } from './escape';

/** Where in a source a citation points: a CSL locator label and its value ("page", "12"). */
export interface Locator {
  readonly label: string;
  readonly locator: string;
}

// The abbreviations writers type, and the CSL label each means (the labels of CSL 1.0.2).
const LABELS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^(?:paragraphs?\b|paras?\.?|¶+)\s*/i, 'paragraph', 'para.'],
  [/^(?:pages?\b|pp?\.|pp?(?=\s*\d))\s*/i, 'page', 'p.'],
  [/^(?:sections?\b|secs?\.?|§+)\s*/i, 'section', 'sec.'],
  [/^(?:chapters?\b|chaps?\.?|ch\.)\s*/i, 'chapter', 'chap.'],
  [/^(?:lines?\b|ll?\.)\s*/i, 'line', 'l.'],
  [/^(?:notes?\b|nn?\.)\s*/i, 'note', 'n.'],
  [/^(?:figures?\b|figs?\.?)\s*/i, 'figure', 'fig.'],
  [/^(?:columns?\b|cols?\.?)\s*/i, 'column', 'col.'],
  [/^(?:volumes?\b|vols?\.?)\s*/i, 'volume', 'vol.'],
  [/^(?:timestamp\b|at\b)\s*/i, 'timestamp', ''],
];

/**
 * Reads a locator as a writer types it: "p. 12", "pp. 3–5", "para. 4",
 * "¶ 4", "sec. 2", "§ 2", "ch. 3"; a bare number is a page. Undefined for
 * an empty text.
 */
export function parseLocator(text: string): Locator | undefined {
  const written = oneLine(text).trim();
  if (!written) return undefined;
  for (const [pattern, label] of LABELS) {
    const match = pattern.exec(written);
    if (match && written.length > match[0].length) return { label, locator: written.slice(match[0].length).trim() };
  }
  return { label: 'page', locator: written };
}

/** A locator as Pandoc's citation syntax takes it: `p. 12`, `para. 4`. */
export function locatorForPandoc(locator: Locator): string {
  const abbreviation = LABELS.find(([, label]) => label === locator.label)?.[2] ?? locator.label;
  return abbreviation ? `${abbreviation} ${locator.locator}` : locator.locator;
}

/**
 * The locator a citation of a passage carries by default: its page when the
 * source is paged (a PDF); for a quote from an unpaged source, the
 * paragraph (the passage's position in the document), since a quote must be
 * found again; otherwise none, as a web article is cited whole.
 */
export function defaultLocator(passage: Passage, forQuote: boolean): Locator | undefined {
  const page = pageLocator(passage);
  if (page) return page;
  return forQuote ? { label: 'paragraph', locator: String(passage.order + 1) } : undefined;
}

/** The passage's page locator ("12", or "12–13" across a page break), or undefined for a source without pages. */
export function pageLocator(passage: Pick<Passage, 'page' | 'lastPage'>): Locator | undefined {
  if (passage.page === undefined) return undefined;
  const range = passage.lastPage !== undefined && passage.lastPage > passage.page ? `${passage.page}–${passage.lastPage}` : String(passage.page);
  return { label: 'page', locator: range };
}

/** "p. 12" or "pp. 12–13", as the viewer and the CLI show a passage's page. */
export function pageLabel(passage: Pick<Passage, 'page' | 'lastPage'>): string | undefined {
  const found = pageLocator(passage);
  if (!found) return undefined;
  return found.locator.includes('–') ? `pp. ${found.locator}` : `p. ${found.locator}`;
}
