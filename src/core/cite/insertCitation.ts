import type { Passage, SourceMeta } from '../model';
import { definitionBody, findFootnoteDefinitions, sourceMarker } from './footnotes';
import { formatCitation, type CitationStyle } from './styles';
import { normalizeEdits, type TextEdit } from './textEdit';

/** Where the user is in the draft: a cursor (start = end) or a selection. */
export interface DraftPosition {
  readonly start: number;
  readonly end: number;
}

/** What inserting a citation does to a draft: the edits, and what the user sees inserted. */
export interface CitationInsertion {
  readonly edits: readonly TextEdit[];
  /** The text put at the cursor, e.g. `[^2]` or `(World Today News, 2025)`. */
  readonly marker: string;
  /** For footnotes: the number used, and whether it was already in the draft. */
  readonly footnote?: { readonly label: string; readonly reused: boolean };
}

const REFERENCES_HEADING = /^(#{1,6})[ \t]+(References|Sources|Bibliography|Works Cited)[ \t]*#*[ \t]*$/im;

/** A citation before it is placed: the marker for the cursor and the edits it needs elsewhere. */
export interface CitationPieces {
  /** What goes at the cursor, e.g. `[^2]` or `(World Today News, 2025)`. */
  readonly marker: string;
  /** Edits away from the cursor: a footnote definition, a references entry. */
  readonly elsewhere: readonly TextEdit[];
  readonly footnote?: { readonly label: string; readonly reused: boolean };
}

/**
 * Plans the edits that cite `passage` in `draft`. The citation goes at the
 * cursor, or right after a selection (the selected words are never
 * replaced); footnote definitions and reference entries go at the end, once.
 */
export function planCitation(
  draft: string,
  at: DraftPosition,
  passage: Passage,
  meta: SourceMeta,
  style: CitationStyle,
): CitationInsertion {
  const pieces = citationPieces(draft, passage, meta, style);
  const needsSpace = pieces.marker.startsWith('(') && at.end > 0 && !/[\s([]/.test(draft[at.end - 1]);
  const cursorEdit = { start: at.end, end: at.end, text: `${needsSpace ? ' ' : ''}${pieces.marker}` };
  return { marker: pieces.marker, ...(pieces.footnote ? { footnote: pieces.footnote } : {}), edits: normalizeEdits([cursorEdit, ...pieces.elsewhere]) };
}

/** The marker and the edits away from the cursor that citing `passage` in `draft` needs. */
export function citationPieces(draft: string, passage: Passage, meta: SourceMeta, style: CitationStyle): CitationPieces {
  const parts = formatCitation(passage, meta, style);
  switch (style) {
    case 'footnote':
      return footnotePieces(draft, meta, parts.entry, passage.page !== undefined);
    case 'apa':
    case 'chicago':
      return { marker: parts.inText, elsewhere: planReference(draft, parts.entry) };
    default:
      return { marker: parts.inText, elsewhere: [] };
  }
}

function footnotePieces(draft: string, meta: SourceMeta, entry: string, paged: boolean): CitationPieces {
  const definitions = findFootnoteDefinitions(draft);
  // A source cited again keeps its note; a paginated one only for the same page (the note names the page).
  const existing = definitions.find((definition) => (!paged && definition.sourceId === meta.id) || definitionBody(draft, definition) === entry);
  if (existing) return { marker: `[^${existing.label}]`, elsewhere: [], footnote: { label: existing.label, reused: true } };
  // A loop, not Math.max(...numbers): a draft of 100,000 markers would overflow the call stack.
  let highest = 0;
  for (const match of draft.matchAll(/\[\^(\d+)\]/g)) highest = Math.max(highest, Number(match[1]));
  const label = String(highest + 1);
  const definition = `[^${label}]: ${entry}${sourceMarker(meta.id)}`;
  const lastDefinition = definitions[definitions.length - 1];
  // A new definition joins the existing ones, or starts a block at the end of the draft.
  const definitionEdit: TextEdit = lastDefinition
    ? { start: lastDefinition.end, end: lastDefinition.end, text: `\n${definition}` }
    : { start: draft.length, end: draft.length, text: `${blockSeparator(draft)}${definition}\n` };
  return { marker: `[^${label}]`, elsewhere: [definitionEdit], footnote: { label, reused: false } };
}

/** The edits that add an entry to the draft's references section, creating it once. */
export function planReference(draft: string, entry: string): TextEdit[] {
  const line = `- ${entry}`;
  const heading = REFERENCES_HEADING.exec(draft);
  if (!heading) {
    return [{ start: draft.length, end: draft.length, text: `${blockSeparator(draft)}## References\n\n${line}\n` }];
  }
  const level = heading[1].length;
  const bodyStart = heading.index + heading[0].length;
  const nextHeading = new RegExp(`^#{1,${level}}[ \\t]`, 'm').exec(draft.slice(bodyStart));
  const bodyEnd = nextHeading ? bodyStart + nextHeading.index : draft.length;
  const body = draft.slice(bodyStart, bodyEnd);
  if (body.split('\n').some((existing) => existing.trim() === line)) return [];
  // Keep entries in alphabetical order, as reference lists are.
  const entries = [...body.matchAll(/^[-*][ \t]+.*$/gm)];
  const after = entries.find((existing) => existing[0].replace(/^[-*][ \t]+/, '').localeCompare(entry) > 0);
  if (after) {
    const start = bodyStart + after.index;
    return [{ start, end: start, text: `${line}\n` }];
  }
  const last = entries[entries.length - 1];
  if (last) {
    const end = bodyStart + last.index + last[0].length;
    return [{ start: end, end, text: `\n${line}` }];
  }
  return [{ start: bodyStart, end: bodyStart, text: `\n\n${line}` }];
}

/** Line breaks so that what is appended at the end of the draft starts a block of its own. */
function blockSeparator(draft: string): string {
  if (draft.length === 0) return '';
  const trailing = /\n*$/.exec(draft)?.[0].length ?? 0;
  return '\n'.repeat(Math.max(0, 2 - trailing));
}
