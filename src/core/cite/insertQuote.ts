import { withoutControls } from '../text/singleLine';
import type { Passage, SourceMeta } from '../model';
import { escapeLatex, escapeMarkdown, escapeMarkdownLine, oneLine } from './escape';
import { citationPieces, spaceBefore, type CitationInsertion, type CiteOptions, type Citer, type DraftPosition } from './insertCitation';
import { namesInText, parseAuthors } from './names';
import { normalizeEdits } from './textEdit';

/** A quote runs inside a sentence, or stands as a block quote with its attribution. */
export type QuoteForm = 'inline' | 'block';

/** Who is quoted, as an attribution line says it: the authors and the outlet, else the outlet, else the title. */
export function attributionOf(meta: SourceMeta): string {
  const authors = meta.author ? namesInText(parseAuthors(meta.author)) : '';
  const parts = [authors, meta.outlet ? oneLine(meta.outlet).trim() : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : `“${oneLine(meta.title).trim()}”`;
}

/**
 * Plans inserting `quote` (verbatim words of `passage`) with its citation.
 * Refuses words the passage does not contain, so a quote can never be
 * altered on its way into the draft; the words are escaped for the draft's
 * syntax, so they print as the source wrote them. A block quote always has
 * a blank line before and after it, so it never runs into the paragraph,
 * or the quote, next to it.
 */
export function planQuote(
  draft: string,
  at: DraftPosition,
  passage: Passage,
  sourceWords: string,
  form: QuoteForm,
  options: CiteOptions,
  citer: Citer,
): CitationInsertion {
  if (!sourceWords.trim() || !passage.text.includes(sourceWords)) throw new Error(`the quote is not in passage ${passage.id} word for word`);
  // Control characters a source may carry (escape sequences, bidi overrides) are no words: they never reach the draft (issue #17).
  const quote = withoutControls(sourceWords);
  const meta = citer.lookup.meta(passage.docId);
  if (!meta) throw new Error(`no source "${passage.docId}"`);
  const pieces = citationPieces(draft, at.end, passage.docId, options, citer);
  const glue = pieces.isNote ? '' : ' ';
  const where = at.end;
  let text: string;
  if (options.syntax === 'latex') {
    const words = escapeLatex(quote);
    if (form === 'block') {
      text = `${blankLineBefore(draft, where)}\\begin{quote}\n${words}\n\n--- ${escapeLatex(attributionOf(meta))}${glue}${pieces.marker}\n\\end{quote}\n${blankLineAfter(draft, where)}`;
    } else text = `${spaceBefore(draft, where)}“${words}”${glue}${pieces.marker}`;
  } else if (options.syntax === 'markdown') {
    if (form === 'block') {
      const lines = quote.split(/\r?\n/).map((line) => `> ${escapeMarkdownLine(line.trim())}`);
      text = `${blankLineBefore(draft, where)}${lines.join('\n')}\n>\n> — ${escapeMarkdown(attributionOf(meta))}${glue}${pieces.marker}\n${blankLineAfter(draft, where)}`;
    } else text = `${spaceBefore(draft, where)}“${escapeMarkdown(quote)}”${glue}${pieces.marker}`;
  } else if (form === 'block') {
    text = `${blankLineBefore(draft, where)}“${oneLine(quote)}”\n— ${attributionOf(meta)} ${pieces.marker}\n${blankLineAfter(draft, where)}`;
  } else text = `${spaceBefore(draft, where)}“${oneLine(quote)}” ${pieces.marker}`;
  return {
    marker: pieces.marker,
    key: pieces.key,
    ...(pieces.footnote ? { footnote: pieces.footnote } : {}),
    edits: normalizeEdits([{ start: where, end: where, text }, ...pieces.elsewhere]),
  };
}

/** What goes before a block at `at` so that a blank line separates it from the text above. */
function blankLineBefore(draft: string, at: number): string {
  if (at === 0) return '';
  const before = draft.slice(Math.max(0, at - 2), at).replace(/\r/g, '');
  if (before.endsWith('\n\n') || (at === 1 && before === '\n')) return '';
  // The cursor at the start of a line right after text: one more line break makes the blank line.
  return before.endsWith('\n') ? '\n' : '\n\n';
}

/** What goes after a block inserted at `at` so that a blank line separates it from the text below. */
function blankLineAfter(draft: string, at: number): string {
  const after = draft.slice(at).replace(/\r/g, '');
  if (after.length === 0 || after.startsWith('\n')) return '';
  // Text follows on the same line or right below: keep it out of the quote.
  return '\n';
}
