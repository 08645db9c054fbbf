import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { SkipReason } from './fileContent';
import { scanHtml, type HtmlBlock, type HtmlScan } from './htmlScan';
import { pageMetadata } from './pageMetadata';
import type { ReadableText, TextBlock } from './readableText';

/**
 * Reads a saved web page as Firefox's Reader View does: Mozilla Readability
 * finds the article on a DOM built by linkedom (chosen by measurement, see
 * the README). A page that is not an article (notes exported as HTML) is
 * read whole, without its navigation, cookie notices, comments and widgets.
 * Either way every character keeps its offset in the HTML file, so a
 * citation opens the file at the cited words.
 */

/** Builds the DOM Readability reads; the eval passes another (jsdom) to compare. */
export type DomParser = (html: string) => Document;

export interface HtmlReadOptions {
  readonly parseDom?: DomParser;
  /** Read the page whole even when it has an article (for measuring the fallback). */
  readonly forcePage?: boolean;
}

/** Pages larger than this are read in one streaming pass, without a DOM: Readability's cost grows with the element count. */
export const MAX_DOM_CHARS = 6_000_000;
/** Readability refuses pages with more elements than this (its own guard), and the page is read without it. */
const MAX_ELEMENTS = 150_000;
/** An article shorter than this, on a page with more text, is a miss: the page is read whole instead. */
const MIN_ARTICLE_CHARS = 140;

export const parseWithLinkedom: DomParser = (html) => parseHTML(html).document as unknown as Document;

/** Reads a page, or says why it has nothing to read. */
export function readHtmlPage(html: string, options: HtmlReadOptions = {}): ReadableText | { reason: SkipReason; detail: string } {
  const scan = scanHtml(html);
  const problems: string[] = [];
  if (scan.counts.tooDeep > 0) problems.push(`nests ${scan.counts.tooDeep.toLocaleString('en-US')} elements more than 256 deep; they are read as the text of the element above`);
  const pageBlocks = readWholePage(scan);
  let article: { blocks: TextBlock[]; byline?: string } | undefined;
  const looksLikeDocument = scan.counts.scripts === 0 && scan.counts.navigation === 0 && scan.blocks.every((block) => !block.dropped);
  if (!options.forcePage && !looksLikeDocument) {
    if (html.length > MAX_DOM_CHARS) problems.push(`is ${Math.round(html.length / 1e6)} million characters, too large to look for the article in; read as a whole page`);
    else {
      try {
        article = readArticle(html, scan, options.parseDom ?? parseWithLinkedom);
      } catch (error) {
        problems.push(`the article could not be told from the page (${(error as Error).message.slice(0, 120)}); read as a whole page`);
      }
    }
  }
  if (article) article.blocks = withoutSkippedParts(article.blocks, scan);
  const articleChars = article ? textLength(article.blocks) : 0;
  const pageChars = textLength(pageBlocks);
  const useArticle = article !== undefined && articleChars > 0 && (articleChars >= MIN_ARTICLE_CHARS || articleChars >= pageChars);
  const blocks = useArticle ? article!.blocks : pageBlocks;
  const metadata = pageMetadata(scan.facts, article?.byline ? { byline: article.byline } : {});
  if (blocks.length === 0 || textLength(blocks) === 0) {
    const why = scan.text.trim() ? 'only navigation, notices and widgets' : scan.counts.scripts > 0 ? 'only scripts' : 'only markup';
    return { reason: 'no-text', detail: `has no text to read (${why})` };
  }
  return { blocks, metadata, method: useArticle ? 'article' : 'page', ...(problems.length > 0 ? { problems } : {}) };
}

/** The page's own blocks, without what a reader skips, and without runs of menu links. */
function readWholePage(scan: HtmlScan): TextBlock[] {
  let kept = scan.blocks.filter((block) => !block.dropped);
  // Skips that leave almost nothing came from a wrapper's class ("modal-open" on the whole page): trust only tags and roles then.
  if (textLength(kept.map((block) => ({ text: ' '.repeat(block.end - block.start) }))) < scan.text.length * 0.1) {
    const byMarkup = scan.blocks.filter((block) => !block.dropped || !block.droppedByName);
    if (byMarkup.length > kept.length) kept = byMarkup;
  }
  // A short block that is all link is a menu entry or a "read more" link, not text (unless links are all the page has).
  const isMenuEntry = (block: HtmlBlock): boolean => block.heading === undefined && block.linkChars >= (block.end - block.start) * 0.8 && block.end - block.start < 120;
  const text = kept.filter((block) => !isMenuEntry(block));
  return (text.length > 0 ? text : kept).map((block) => keptText(scan, block)).filter((block) => block.text.trim() !== '');
}

/** Every block of generated HTML (a Word file converted), nothing judged as boilerplate. */
export function blocksOfHtml(scan: HtmlScan): TextBlock[] {
  return scan.blocks.filter((block) => !block.dropped).map((block) => keptText(scan, block)).filter((block) => block.text.trim() !== '');
}

/** A block's text and offsets, without the ranges a reader skips inside it. */
function keptText(scan: HtmlScan, block: HtmlBlock): TextBlock {
  const marks = { ...(block.heading ? { heading: block.heading } : {}), ...(block.listItem ? { listItem: true } : {}) };
  // Most blocks keep all their text: a slice, no copying character by character.
  if (!block.skips) return { text: scan.text.slice(block.start, block.end), offsets: scan.offsets.subarray(block.start, block.end), ...marks };
  let text = '';
  const offsets: number[] = [];
  let at = block.start;
  const ranges = [...(block.skips ?? []), [block.end, block.end] as const];
  for (const [skipStart, skipEnd] of ranges) {
    for (let i = at; i < skipStart; i++) {
      const char = scan.text[i];
      if (char === ' ' && (text.length === 0 || text.endsWith(' '))) continue;
      text += char;
      offsets.push(scan.offsets[i]);
    }
    at = skipEnd;
  }
  while (text.endsWith(' ')) {
    text = text.slice(0, -1);
    offsets.pop();
  }
  return { text, offsets, ...marks };
}

const DOM_BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'table', 'thead',
  'tbody', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'pre', 'figure', 'figcaption', 'form', 'fieldset',
  'address', 'details', 'summary', 'center',
]);

/**
 * Runs Readability, then finds each run of its text in the page's text (in
 * order, from where the previous run was found), so every character of the
 * article keeps its offset in the HTML.
 */
function readArticle(html: string, scan: HtmlScan, parseDom: DomParser): { blocks: TextBlock[]; byline?: string } | undefined {
  const document = parseDom(html);
  const reader = new Readability(document, { serializer: (element: Element) => element, maxElemsToParse: MAX_ELEMENTS, keepClasses: false } as never);
  const result = reader.parse() as { content?: unknown; byline?: string | null } | null;
  const root = result?.content as Element | undefined;
  if (!root || typeof root !== 'object') return undefined;

  const source = scan.text;
  const blocks: TextBlock[] = [];
  let text = '';
  let offsets: number[] = [];
  let heading: number | undefined;
  let listItem = false;
  let pendingSpace = false;
  let cursor = 0;
  let misses = 0;

  const flush = (): void => {
    while (text.endsWith(' ')) {
      text = text.slice(0, -1);
      offsets.pop();
    }
    if (text) blocks.push({ text, offsets, ...(heading ? { heading } : {}), ...(listItem ? { listItem: true } : {}) });
    text = '';
    offsets = [];
    pendingSpace = false;
  };
  const addRun = (data: string): void => {
    const collapsed = data.replace(/\s+/g, ' ');
    const run = collapsed.trim();
    if (!run) {
      if (collapsed && text) pendingSpace = true;
      return;
    }
    if (collapsed.startsWith(' ') && text) pendingSpace = true;
    let found = source.indexOf(run, cursor);
    if (found < 0 && misses < 50) {
      // Out of order (rare): look from the top, a bounded number of times per page.
      misses++;
      found = source.indexOf(run);
    }
    if (pendingSpace && text && !text.endsWith(' ')) {
      const before = found > 0 && source[found - 1] === ' ' ? scan.offsets[found - 1] : -1;
      text += ' ';
      offsets.push(before);
    }
    pendingSpace = collapsed.endsWith(' ');
    text += run;
    for (let i = 0; i < run.length; i++) offsets.push(found >= 0 ? scan.offsets[found + i] : -1);
    if (found >= cursor) cursor = found + run.length;
  };
  const walk = (node: Node, inHeading: number | undefined, inList: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        addRun((child as Text).data ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const name = ((child as Element).localName ?? (child as Element).tagName ?? '').toLowerCase();
      if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') continue;
      const block = DOM_BLOCKS.has(name);
      const level = /^h([1-6])$/.exec(name)?.[1];
      if (block) flush();
      const childHeading = level ? Number(level) : inHeading;
      const childList = inList || name === 'li';
      if (block) {
        heading = childHeading;
        listItem = childList;
      }
      walk(child, childHeading, childList);
      if (block) {
        flush();
        heading = inHeading;
        listItem = inList;
      }
    }
  };
  walk(root, undefined, false);
  flush();
  return { blocks, ...(result?.byline ? { byline: result.byline } : {}) };
}

/**
 * What the page scan skips that Readability may keep, and that is almost
 * never article text when it does (measured on the development pages:
 * under 1% of such text was in the expected article). Navigation, comments,
 * "share" and "related" sections are left to Readability: their class names
 * also mark article text often enough.
 */
const OVERRIDES_READABILITY = new Set(['aside', 'footer', 'control', 'hidden', 'dialog', 'site header', 'cookie notice', 'subscribe']);

/**
 * Readability keeps what sits close to the article even when the page marks
 * it as something else: a newsletter box, a cookie notice, an aside. A block
 * whose first character lies in such a part is left out.
 */
function withoutSkippedParts(blocks: TextBlock[], scan: HtmlScan): TextBlock[] {
  const dropped = scan.blocks.filter((block) => block.dropped !== undefined && OVERRIDES_READABILITY.has(block.dropped));
  if (dropped.length === 0) return blocks;
  const isDropped = (htmlOffset: number): boolean => {
    const at = lowerBound(scan.offsets, htmlOffset);
    if (at >= scan.offsets.length || scan.offsets[at] !== htmlOffset) return false;
    let low = 0;
    let high = dropped.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (dropped[mid].end <= at) low = mid + 1;
      else if (dropped[mid].start > at) high = mid - 1;
      else return true;
    }
    return false;
  };
  const kept = blocks.filter((block) => {
    const first = block.offsets ? (Array.prototype.find.call(block.offsets, (offset: number) => offset >= 0) as number | undefined) : undefined;
    return first === undefined || !isDropped(first);
  });
  // A "dialog" or "footer" holding most of the article is a wrapper (a page saved with a modal open), not a part to skip.
  return textLength(kept) >= textLength(blocks) / 2 ? kept : blocks;
}

function lowerBound(values: Int32Array, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

function textLength(blocks: readonly TextBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0);
}
