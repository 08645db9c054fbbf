import { Parser } from 'htmlparser2';

/** Text extracted from HTML, with where each run of it came from in the HTML. */
export interface HtmlText {
  readonly text: string;
  readonly title?: string;
  /** Maps an offset of `text` to an offset of the HTML (exact at the start of each text run; entities may shift it within one). */
  toHtmlOffset(textOffset: number): number;
}

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'li', 'ul', 'ol', 'table', 'tr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'pre', 'figure', 'figcaption', 'dd', 'dt', 'td', 'th', 'title',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'nav', 'form', 'button']);

/**
 * Reduces an HTML page to its readable text, one block per line, with
 * scripts, styles and navigation dropped and entities decoded.
 */
export function htmlToText(html: string): HtmlText {
  let text = '';
  let title: string | undefined;
  let skipDepth = 0;
  let inTitle = false;
  const anchors: Array<[number, number]> = [];
  // One block per paragraph, a blank line between: trailing spaces are trimmed before the break, so anchors stay exact.
  const breakLine = (): void => {
    text = text.replace(/[ \t]+$/, '');
    if (text.length > 0 && !text.endsWith('\n\n')) text += text.endsWith('\n') ? '\n' : '\n\n';
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIPPED.has(name) && name !== 'head') skipDepth++;
        if (BLOCKS.has(name)) breakLine();
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name) && name !== 'head') skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCKS.has(name)) breakLine();
      },
      ontext(chunk) {
        if (inTitle) {
          title = (title ?? '') + chunk;
          return;
        }
        if (skipDepth > 0) return;
        const clean = chunk.replace(/[ \t\r\n\f]+/g, ' ');
        if (clean.trim() === '') {
          if (clean && text.length > 0 && !/\s$/.test(text)) text += ' ';
          return;
        }
        const leading = text.length === 0 || text.endsWith('\n') ? clean.trimStart() : clean;
        anchors.push([text.length, parser.startIndex + (clean.length - leading.length)]);
        text += leading;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return {
    text: text.trimEnd(),
    ...(title?.trim() ? { title: title.replace(/\s+/g, ' ').trim() } : {}),
    toHtmlOffset(textOffset: number): number {
      let low = 0;
      let high = anchors.length - 1;
      let best = 0;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (anchors[mid][0] <= textOffset) {
          best = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      const anchor = anchors[best];
      return anchor ? anchor[1] + (textOffset - anchor[0]) : 0;
    },
  };
}
