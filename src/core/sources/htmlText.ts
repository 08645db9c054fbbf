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
  // Text is kept as pieces joined once at the end, with its last two characters and its length tracked:
  // reading or trimming the whole text at each block tag made 80k paragraphs take 73 s (issue #17).
  const pieces: string[] = [];
  let length = 0;
  let tail = '';
  let title: string | undefined;
  let skipDepth = 0;
  let inTitle = false;
  const anchors: Array<[number, number]> = [];
  const append = (piece: string): void => {
    pieces.push(piece);
    length += piece.length;
    tail = (tail + piece).slice(-2);
  };
  /** Removes spaces and tabs at the end of the text (they are only ever in the last piece or two). */
  const trimTrailingSpace = (): void => {
    while (pieces.length > 0) {
      const last = pieces[pieces.length - 1];
      const trimmed = last.replace(/[ \t]+$/, '');
      if (trimmed === last) break;
      length -= last.length - trimmed.length;
      if (trimmed) pieces[pieces.length - 1] = trimmed;
      else pieces.pop();
      if (trimmed) break;
    }
    const last = pieces[pieces.length - 1] ?? '';
    tail = (pieces.length > 1 && last.length < 2 ? pieces[pieces.length - 2] + last : last).slice(-2);
  };
  // One block per paragraph, a blank line between: trailing spaces are trimmed before the break, so anchors stay exact.
  const breakLine = (): void => {
    trimTrailingSpace();
    if (length > 0 && tail !== '\n\n') append(tail.endsWith('\n') ? '\n' : '\n\n');
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
          if ((title ?? '').length < 4096) title = (title ?? '') + chunk.slice(0, 4096);
          return;
        }
        if (skipDepth > 0) return;
        const clean = chunk.replace(/[ \t\r\n\f]+/g, ' ');
        if (clean.trim() === '') {
          if (clean && length > 0 && !/\s$/.test(tail)) append(' ');
          return;
        }
        const leading = length === 0 || tail.endsWith('\n') ? clean.trimStart() : clean;
        anchors.push([length, parser.startIndex + (clean.length - leading.length)]);
        append(leading);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = pieces.join('');
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
