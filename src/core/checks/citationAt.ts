import { findFootnoteDefinitions } from '../cite/footnotes';
import { formatCitation, type CitationStyle } from '../cite/styles';
import type { Corpus } from '../corpus';
import type { Passage, SourceMeta, Span } from '../model';

/** The source a citation in a draft points to. */
export interface CitationTarget {
  /** The citation as it sits in the draft: `[^2]`, `(World Today News, 2025)`, `\footnote{…}`. */
  readonly span: Span;
  readonly kind: 'footnote' | 'in-text';
  readonly meta: SourceMeta;
  /** The passage, when the citation names its section (inline style) and one passage sits under it first. */
  readonly passage?: Passage;
  /** For footnotes: the label and the definition's text. */
  readonly label?: string;
  readonly definition?: string;
  /** For in-text citations: the style it was recognised as. */
  readonly style?: CitationStyle;
}

const IN_TEXT_STYLES: readonly CitationStyle[] = ['apa', 'chicago', 'inline', 'plain', 'latex'];

/**
 * Resolves the citation at `offset` of a draft to its source: a footnote
 * marker `[^n]` (or its definition's label) through the definition's
 * Briefing marker, or an in-text citation Briefing writes — "(Outlet,
 * 2025)", "(Outlet 2025)", "(Source: …)", "(Outlet, *Title*, date,
 * “Section”)", `\footnote{…}` — compared with each source's citation in
 * each style. Undefined when there is no citation there, or it is not one
 * Briefing can tell the source of.
 */
export function citationAt(draft: string, offset: number, corpus: Corpus): CitationTarget | undefined {
  return footnoteAt(draft, offset, corpus) ?? inTextAt(draft, offset, corpus);
}

function footnoteAt(draft: string, offset: number, corpus: Corpus): CitationTarget | undefined {
  for (const match of draft.matchAll(/\[\^([^\]\s[]+)\]/g)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (offset < span.start || offset > span.end) continue;
    const definition = findFootnoteDefinitions(draft).find((candidate) => candidate.label === match[1]);
    const meta = definition?.sourceId ? corpus.meta(definition.sourceId) : undefined;
    if (!definition || !meta) return undefined;
    return { span, kind: 'footnote', meta, label: definition.label, definition: definition.text };
  }
  return undefined;
}

function inTextAt(draft: string, offset: number, corpus: Corpus): CitationTarget | undefined {
  const candidates: Span[] = [];
  for (const match of draft.matchAll(/\\footnote\{(?:[^{}]|\{[^{}]*\})*\}|\((?:[^()\n]|\([^()\n]*\))*\)/g)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (offset >= span.start && offset <= span.end) candidates.push(span);
  }
  for (const span of candidates) {
    const written = draft.slice(span.start, span.end);
    for (const document of corpus.documents) {
      const sections = [undefined, ...new Set(document.passages.map((passage) => passage.section))];
      for (const section of sections) {
        const passage = document.passages.find((candidate) => candidate.section === section) ?? document.passages[0];
        if (!passage) continue;
        for (const style of IN_TEXT_STYLES) {
          const probe = section === undefined ? { ...passage, section: undefined } : passage;
          if (formatCitation(probe, document.meta, style).inText !== written) continue;
          const named = section !== undefined && section !== document.meta.title && style === 'inline';
          return { span, kind: 'in-text', meta: document.meta, style, ...(named ? { passage } : {}) };
        }
      }
    }
  }
  return undefined;
}
