/** HTML comments of a text, found in one pass. */
import type { Span } from '../model';

/**
 * The `<!-- … -->` comments of a text, in one pass. A pattern like
 * /<!--[\s\S]*?-->/g scans to the end of the text from every opener that
 * is never closed, so a draft of 50,000 "<!--" took minutes (issue #17);
 * once one opener finds no closer, none after it can.
 */
export function htmlCommentSpans(text: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf('<!--', at);
    if (start === -1) break;
    const close = text.indexOf('-->', start + 4);
    if (close === -1) break;
    spans.push({ start, end: close + 3 });
    at = close + 3;
  }
  return spans;
}

/** The text with each comment replaced by `replacement`. */
export function withoutHtmlComments(text: string, replacement = ' '): string {
  const spans = htmlCommentSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + replacement;
    at = span.end;
  }
  return out + text.slice(at);
}
