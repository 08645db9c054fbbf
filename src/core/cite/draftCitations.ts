import type { Span } from '../model';
import { findFootnoteDefinitions, findFootnoteMarkers, FORMER_SOURCE_MARKER } from './footnotes';
import type { SourceLookup } from './sourceLookup';

/**
 * Briefing's citations as a draft holds them, found again without any
 * hidden marker: a Markdown note by its label (the source's citation key,
 * `[^dailycourier2025harbour]`, `[^dailycourier2025harbour-2]`), a
 * Pandoc citation by its key, a LaTeX `\footnote{}` by the title it cites.
 */

/** One note citing a source, at one place in the draft. */
export interface NoteCitation {
  readonly docId: string;
  /** The footnote label (Markdown); empty for a LaTeX `\footnote{}`. */
  readonly label: string;
  /** The reference in the text: `[^label]`, or the whole `\footnote{…}`. */
  readonly marker: Span;
  /** The note's text as written, and where it sits (for Markdown, the definition's text). */
  readonly text: string;
  readonly textSpan: Span;
  /** Written with the `<!-- briefing:… -->` marker of earlier versions. */
  readonly former: boolean;
  /** Which note of the draft it is, counting every note (1, 2, …). */
  readonly noteIndex: number;
}

/** Every reference to a note of a Markdown draft that cites a known source, in the order they appear. */
export function markdownNotes(draft: string, lookup: SourceLookup): NoteCitation[] {
  const definitions = findFootnoteDefinitions(draft);
  const byLabel = new Map<string, (typeof definitions)[number]>();
  for (const definition of definitions) if (!byLabel.has(definition.label)) byLabel.set(definition.label, definition);
  const notes: NoteCitation[] = [];
  findFootnoteMarkers(draft, definitions).forEach((marker, i) => {
    const definition = byLabel.get(marker.label);
    if (!definition) return;
    const docId = definition.sourceId ?? lookup.docIdOfLabel(marker.label);
    if (!docId || !lookup.meta(docId)) return;
    const written = draft.slice(definition.textStart, definition.end);
    const text = written.replace(FORMER_SOURCE_MARKER, '').trimEnd();
    notes.push({
      docId,
      label: marker.label,
      marker: { start: marker.start, end: marker.end },
      text,
      textSpan: { start: definition.textStart, end: definition.textStart + text.length },
      former: definition.sourceId !== undefined,
      noteIndex: i + 1,
    });
  });
  return notes;
}

/** `\footnote{…}` commands of a LaTeX draft, with the text inside their braces. */
export function latexFootnotes(draft: string): Array<{ readonly span: Span; readonly textSpan: Span }> {
  const found: Array<{ span: Span; textSpan: Span }> = [];
  const starts = [...draft.matchAll(/\\footnote\s*\{/g)];
  if (starts.length === 0) return found;
  // Each brace's partner, found in one pass: scanning from every \footnote{ to its close brace was quadratic
  // when braces never close (issue #17).
  const closeOf = new Map<number, number>();
  const open: number[] = [];
  for (let at = 0; at < draft.length; at++) {
    const char = draft[at];
    if (char === '\\') at++;
    else if (char === '{') open.push(at);
    else if (char === '}') {
      const start = open.pop();
      if (start !== undefined) closeOf.set(start, at);
    }
  }
  for (const match of starts) {
    const brace = match.index + match[0].length - 1;
    const close = closeOf.get(brace);
    if (close !== undefined) found.push({ span: { start: match.index, end: close + 1 }, textSpan: { start: brace + 1, end: close } });
  }
  return found;
}

/** The `\footnote{}` commands of a LaTeX draft that cite a known source (by its title), in order. */
export function latexNotes(draft: string, lookup: SourceLookup): NoteCitation[] {
  const notes: NoteCitation[] = [];
  latexFootnotes(draft).forEach((footnote, i) => {
    const text = draft.slice(footnote.textSpan.start, footnote.textSpan.end);
    const docId = lookup.docIdNamedIn(text);
    if (docId) notes.push({ docId, label: '', marker: footnote.span, text, textSpan: footnote.textSpan, former: false, noteIndex: i + 1 });
  });
  return notes;
}

/** A Pandoc citation: `[@key]`, `[see @a, p. 3; @b]`, `[-@key]`, or `@key` in the text. */
export interface PandocCitation {
  readonly span: Span;
  readonly keys: ReadonlyArray<{ readonly key: string; readonly span: Span }>;
}

const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?`;

/** The Pandoc citations of a Markdown draft, in order (escaped `\@` and e-mail addresses are not citations). */
export function pandocCitations(draft: string): PandocCitation[] {
  const found: PandocCitation[] = [];
  const taken: Span[] = [];
  const keysIn = (text: string, offset: number): PandocCitation['keys'] =>
    [...text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}\\])-?@(${KEY})`, 'gu'))].map((match) => {
      const start = offset + match.index + match[0].indexOf(match[1]);
      return { key: match[1], span: { start, end: start + match[1].length } };
    });
  for (const match of draft.matchAll(new RegExp(String.raw`\[[^\[\]\n]*?(?<![\p{L}\p{N}\\])-?@${KEY}[^\[\]\n]*\](?!\()`, 'gu'))) {
    const keys = keysIn(match[0], match.index);
    if (keys.length === 0) continue;
    const span = { start: match.index, end: match.index + match[0].length };
    found.push({ span, keys });
    taken.push(span);
  }
  for (const match of draft.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}\\\[@])@(${KEY})`, 'gu'))) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (taken.some((other) => span.start >= other.start && span.end <= other.end)) continue;
    found.push({ span, keys: keysIn(match[0], match.index) });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
