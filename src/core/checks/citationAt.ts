import { latexFootnotes, markdownNotes, pandocCitations } from '../cite/draftCitations';
import { parseLocator } from '../cite/locator';
import type { SourceLookup } from '../cite/sourceLookup';
import type { Corpus } from '../corpus';
import type { Passage, SourceMeta, Span } from '../model';

/** The source a citation in a draft points to. */
export interface CitationTarget {
  /** The citation as it sits in the draft: `[^key]`, `[@key, p. 3]`, `(Lennon, n.d.)`, `\footnote{…}`. */
  readonly span: Span;
  readonly kind: 'footnote' | 'pandoc' | 'in-text';
  readonly meta: SourceMeta;
  /** The passage, when the citation's locator names a paragraph ("para. 4"). */
  readonly passage?: Passage;
  /** For footnotes: the label and the note's text. */
  readonly label?: string;
  readonly definition?: string;
  /** For Pandoc citations: the key. */
  readonly key?: string;
}

/**
 * Resolves the citation at `offset` of a draft to its source: a Markdown
 * note Briefing wrote (its label is the source's key, or it carries the
 * marker of earlier versions), a Pandoc citation `[@key]` or `@key`, a LaTeX
 * `\footnote{}` naming a source's title, or an in-text citation naming a
 * source ("(Lennon, n.d.)", "(“Title,” 2025)"). Undefined when there is no
 * citation there, or none Briefing can tell the source of.
 */
export function citationAt(draft: string, offset: number, corpus: Corpus, lookup: SourceLookup): CitationTarget | undefined {
  const within = (span: Span): boolean => offset >= span.start && offset <= span.end;
  const target = (docId: string | undefined, span: Span, kind: CitationTarget['kind'], extra: Partial<CitationTarget> = {}, locatorText = ''): CitationTarget | undefined => {
    const meta = docId ? corpus.meta(docId) : undefined;
    if (!docId || !meta) return undefined;
    const paragraph = /\bpara(?:graph)?s?\.?\s*(\d+)/i.exec(locatorText)?.[1];
    const passage = paragraph ? corpus.document(docId)?.passages.find((candidate) => candidate.order === Number(paragraph) - 1) : undefined;
    return { span, kind, meta, ...extra, ...(passage ? { passage } : {}) };
  };
  for (const note of markdownNotes(draft, lookup)) {
    if (within(note.marker)) return target(note.docId, note.marker, 'footnote', { label: note.label, definition: note.text }, note.text);
  }
  for (const citation of pandocCitations(draft)) {
    if (!within(citation.span)) continue;
    const key = citation.keys.find((candidate) => within(candidate.span)) ?? citation.keys[0];
    const after = draft.slice(key.span.end, citation.span.end).replace(/^[,\s]+/, '').replace(/[;\]].*$/s, '');
    const locator = parseLocator(after);
    return target(lookup.docIdOfKey(key.key), citation.span, 'pandoc', { key: key.key }, locator?.label === 'paragraph' ? `para. ${locator.locator}` : '');
  }
  for (const footnote of latexFootnotes(draft)) {
    if (!within(footnote.span)) continue;
    const text = draft.slice(footnote.textSpan.start, footnote.textSpan.end);
    return target(lookup.docIdNamedIn(text), footnote.span, 'footnote', { definition: text }, text);
  }
  for (const match of draft.matchAll(/\((?:[^()\n]|\([^()\n]*\))*\)/g)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (within(span)) {
      const found = target(lookup.docIdCitedBy(match[0]), span, 'in-text', {}, match[0]);
      if (found) return found;
    }
  }
  return undefined;
}
