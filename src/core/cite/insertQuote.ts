import type { Passage, SourceMeta } from '../model';
import { citationPieces, type CitationInsertion, type DraftPosition } from './insertCitation';
import { normalizeEdits } from './textEdit';
import { creditOf, escapeLatex, type CitationStyle } from './styles';
import { withoutControls } from '../text/singleLine';

/** A quote runs inside a sentence, or stands as a block quote with its attribution. */
export type QuoteForm = 'inline' | 'block';

/**
 * Plans inserting `quote` (verbatim words of `passage`) with its citation.
 * Refuses words the passage does not contain, so a quote can never be
 * altered on its way into the draft.
 */
export function planQuote(
  draft: string,
  at: DraftPosition,
  passage: Passage,
  meta: SourceMeta,
  style: CitationStyle,
  rawQuote: string,
  form: QuoteForm,
  /** The draft is LaTeX (whatever the citation style), so the words must be escaped. */
  latex = style === 'latex',
): CitationInsertion {
  if (!passage.text.includes(rawQuote)) throw new Error(`the quote is not in passage ${passage.id} word for word`);
  // Control characters a source may carry (escape sequences, bidi overrides) are no words: they never reach the draft.
  const quote = withoutControls(rawQuote);
  const pieces = citationPieces(draft, passage, meta, style);
  const marker = pieces.marker;
  let text: string;
  if (latex) {
    // LaTeX reads %, & and friends as commands: the words are escaped, so they print as the source wrote them.
    const words = escapeLatex(quote.replace(/\s*\n\s*/g, ' '));
    if (form === 'block') {
      const attribution = escapeLatex([creditOf(meta), `“${meta.title}”`, meta.date.label].filter(Boolean).join(', '));
      const before = at.end === 0 || draft[at.end - 1] === '\n' ? '' : '\n\n';
      text = `${before}\\begin{quote}\n${words}\n\n--- ${attribution}${marker}\n\\end{quote}\n`;
    } else {
      const space = at.end > 0 && !/\s/.test(draft[at.end - 1]) ? ' ' : '';
      text = `${space}“${words}”${marker}`;
    }
  } else if (form === 'block') {
    const attribution = [creditOf(meta), `“${meta.title}”`, meta.date.label].filter(Boolean).join(', ');
    const before = at.end === 0 || draft[at.end - 1] === '\n' ? '' : '\n\n';
    const lines = quote.split(/\r?\n/).map((line) => `> ${line}`);
    // With an inline or plain style the attribution line is the citation; other styles add their marker.
    const citesItself = style === 'inline' || style === 'plain';
    text = `${before}${lines.join('\n')}\n>\n> — ${attribution}${citesItself ? '' : ` ${marker}`}\n`;
  } else {
    const space = at.end > 0 && !/\s/.test(draft[at.end - 1]) ? ' ' : '';
    // A quote from a hard-wrapped source runs on one line inside a sentence.
    text = `${space}“${quote.replace(/\s*\n\s*/g, ' ')}”${marker.startsWith('[^') ? '' : ' '}${marker}`;
  }
  const quoteEdit = { start: at.end, end: at.end, text };
  return { marker, ...(pieces.footnote ? { footnote: pieces.footnote } : {}), edits: normalizeEdits([quoteEdit, ...pieces.elsewhere]) };
}
