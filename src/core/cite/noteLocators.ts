import type { Cite, CitationEngine } from './engine';
import type { Locator } from './locator';
import type { OutputFormat } from './outputFormats';

// Tried in this order: a page is written as a bare number in some styles, so it would match anything.
const LABELS = ['paragraph', 'section', 'page'] as const;

/**
 * Finds the locators of notes already in a draft ("…, 12." or "…, para.
 * 3."), so they can be written again at a new position unchanged. Each
 * note is formatted in its place with a placeholder locator; where the
 * written text matches that form, the placeholder's part of it is the
 * locator. Returns the citations with the locators found, and the text each
 * would have in its place (to tell a note Briefing wrote from one the writer
 * changed: only the former are rewritten).
 */
export function recoverLocators(engine: CitationEngine, cites: readonly Cite[], written: readonly string[], format: OutputFormat): { cites: Cite[]; texts: string[] } {
  const result = [...cites];
  const texts = engine.citeAll(cites, format);
  let open = cites.map((_, i) => i).filter((i) => texts[i] !== written[i]);
  for (const label of LABELS) {
    if (open.length === 0) break;
    const placeholder = (i: number): string => `ZZBRIEFINGLOCATOR${i}ZZ`;
    const probe = result.map((cite, i) => (open.includes(i) ? { ...cite, locator: { label, locator: placeholder(i) } } : cite));
    const probed = engine.citeAll(probe, format);
    open = open.filter((i) => {
      const [head, tail] = probed[i].split(placeholder(i));
      if (tail === undefined || !written[i].startsWith(head) || !written[i].endsWith(tail) || written[i].length <= head.length + tail.length) return true;
      const locator: Locator = { label, locator: written[i].slice(head.length, written[i].length - tail.length) };
      result[i] = { ...result[i], locator };
      texts[i] = written[i];
      return false;
    });
  }
  return { cites: result, texts };
}

/**
 * Whether a note's text is one Briefing wrote for this source in this
 * style, in either form (the full first note or a short later one), and
 * with which locator: undefined when it is not (the writer changed it, or
 * another style wrote it), null when it has no locator.
 */
export function briefingFormOf(engine: CitationEngine, item: Cite['item'], written: string, format: OutputFormat): Locator | null | undefined {
  const forms = (locator?: Locator): string[] => {
    const cite = { item, ...(locator ? { locator } : {}) };
    return [engine.citeAll([cite], format)[0], engine.citeAll([{ item }, cite], format)[1]];
  };
  if (forms().includes(written)) return null;
  for (const label of LABELS) {
    const placeholder = 'ZZBRIEFINGLOCATORZZ';
    for (const form of forms({ label, locator: placeholder })) {
      const [head, tail] = form.split(placeholder);
      if (tail !== undefined && written.startsWith(head) && written.endsWith(tail) && written.length > head.length + tail.length) {
        return { label, locator: written.slice(head.length, written.length - tail.length) };
      }
    }
  }
  return undefined;
}
