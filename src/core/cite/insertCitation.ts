import { latexNotes, markdownNotes, type NoteCitation } from './draftCitations';
import type { DraftSyntax } from './draftSyntax';
import type { Cite, CitationEngine } from './engine';
import { findFootnoteDefinitions, findFootnoteMarkers } from './footnotes';
import { locatorForPandoc, type Locator } from './locator';
import { recoverLocators } from './noteLocators';
import type { OutputFormat } from './outputFormats';
import { blockSeparator, findReferencesSection, planReferenceEntry } from './references';
import type { SourceLookup } from './sourceLookup';
import { normalizeEdits, type TextEdit } from './textEdit';

/** Where the user is in the draft: a cursor (start = end) or a selection. */
export interface DraftPosition {
  readonly start: number;
  readonly end: number;
}

/** The style and the library a citation is written with. */
export interface Citer {
  readonly engine: CitationEngine;
  readonly lookup: SourceLookup;
}

/** How to write one citation into one draft. */
export interface CiteOptions {
  readonly syntax: DraftSyntax;
  /** Write a Pandoc citation, `[@key]`, because the draft names a bibliography file. */
  readonly pandoc?: boolean;
  readonly locator?: Locator;
}

/** What inserting a citation does to a draft: the edits, and what the user sees inserted. */
export interface CitationInsertion {
  readonly edits: readonly TextEdit[];
  /** The text put at the cursor: `[^key]`, `(Lennon, n.d.)`, `[@key]`, `\footnote{…}`. */
  readonly marker: string;
  /** The source's citation key. */
  readonly key: string;
  /** For Markdown notes: the new note's label. */
  readonly footnote?: { readonly label: string };
}

/** A citation before it is placed: the marker for the cursor and the edits it needs elsewhere. */
export interface CitationPieces {
  readonly marker: string;
  /** The marker is a footnote reference, written right after the word (no space). */
  readonly isNote: boolean;
  /** Edits away from the cursor: a note's definition, a references entry, later notes that become short. */
  readonly elsewhere: readonly TextEdit[];
  readonly key: string;
  readonly footnote?: { readonly label: string };
}

/**
 * Plans the edits that cite a source in `draft`, in the style of the
 * engine: the citation goes at the cursor, or right after a selection (the
 * selected words are never replaced).
 */
export function planCitation(draft: string, at: DraftPosition, docId: string, options: CiteOptions, citer: Citer): CitationInsertion {
  const pieces = citationPieces(draft, at.end, docId, options, citer);
  const marker = pieces.isNote ? pieces.marker : `${spaceBefore(draft, at.end)}${pieces.marker}`;
  return {
    marker: pieces.marker,
    key: pieces.key,
    ...(pieces.footnote ? { footnote: pieces.footnote } : {}),
    edits: normalizeEdits([{ start: at.end, end: at.end, text: marker }, ...pieces.elsewhere]),
  };
}

/** A space before an in-text citation that follows a word directly. */
export function spaceBefore(draft: string, at: number): string {
  return at > 0 && !/[\s([{]/.test(draft[at - 1]) ? ' ' : '';
}

/**
 * The marker and the edits away from the cursor that citing a source at
 * offset `at` needs: a Pandoc citation; a note (Markdown footnote or LaTeX
 * `\footnote{}`), full the first time the source is cited and short after,
 * as the style writes them; or an in-text citation with its entry in the
 * references section, in the style's order.
 */
export function citationPieces(draft: string, at: number, docId: string, options: CiteOptions, citer: Citer): CitationPieces {
  const item = citer.lookup.item(docId);
  if (!item) throw new Error(`no source "${docId}"`);
  const key = item.id;
  const locator = options.locator;
  if (options.pandoc && options.syntax === 'markdown') {
    return { marker: `[@${key}${locator ? `, ${locatorForPandoc(locator)}` : ''}]`, isNote: false, elsewhere: [], key };
  }
  const format: OutputFormat = options.syntax === 'plain' ? 'text' : options.syntax;
  if (citer.engine.isNoteStyle) {
    if (options.syntax === 'plain') return { marker: `(${citer.engine.cite(item, 'text', locator)})`, isNote: false, elsewhere: [], key };
    const notes = options.syntax === 'markdown' ? markdownNotes(draft, citer.lookup) : latexNotes(draft, citer.lookup);
    const noteIndex = options.syntax === 'markdown' ? findFootnoteMarkers(draft).filter((marker) => marker.start < at).length + 1 : notes.filter((note) => note.marker.start < at).length + 1;
    const { text, updates } = placeNote(notes, at, { item, ...(locator ? { locator } : {}), noteIndex }, citer, format);
    if (options.syntax === 'latex') return { marker: `\\footnote{${text}}`, isNote: true, elsewhere: updates, key };
    const label = freeLabel(draft, key);
    return { marker: `[^${label}]`, isNote: true, elsewhere: [...updates, definitionEdit(draft, `[^${label}]: ${text}`)], key, footnote: { label } };
  }
  // In-text: the citation at the cursor, the entry in the references section.
  const marker = citer.engine.cite(item, format, locator);
  const section = findReferencesSection(draft, options.syntax);
  const listed = new Map<string, string>(); // entry text → the source it is
  for (const entry of section?.entries ?? []) {
    const listedDoc = citer.lookup.docIdNamedIn(entry.text);
    if (listedDoc) listed.set(entry.text, listedDoc);
  }
  if ([...listed.values()].includes(docId)) return { marker, isNote: false, elsewhere: [], key };
  const items = [...new Set([...listed.values()])].flatMap((id) => citer.lookup.item(id) ?? []);
  const order = citer.engine.bibliography([...items, item], format);
  const rank = new Map(order.map((entry, i) => [entry.id, i]));
  const mine = rank.get(key) ?? order.length;
  const entry = order.find((candidate) => candidate.id === key)?.text ?? marker;
  const sortsAfter = (written: string): boolean | undefined => {
    const id = listed.get(written);
    const theirs = id === undefined ? undefined : rank.get(citer.lookup.keyOf(id));
    return theirs === undefined ? undefined : theirs > mine;
  };
  return { marker, isNote: false, elsewhere: planReferenceEntry(draft, options.syntax, entry, sortsAfter), key };
}

/**
 * The text of a new note at `at` among the draft's notes, and the edits to
 * the notes after it that change because of it: the note that was a
 * source's first (full) becomes a short one. A note the writer edited (its
 * text is not what the style wrote) is left as it is.
 */
function placeNote(notes: readonly NoteCitation[], at: number, cite: Cite, citer: Citer, format: OutputFormat): { text: string; updates: TextEdit[] } {
  const index = notes.filter((note) => note.marker.start < at).length;
  const before: Cite[] = notes.map((note) => ({ item: citer.lookup.item(note.docId)!, noteIndex: note.noteIndex }));
  const { cites, texts } = recoverLocators(citer.engine, before, notes.map((note) => note.text), format);
  const after: Cite[] = [...cites.slice(0, index), cite, ...cites.slice(index).map((old) => ({ ...old, noteIndex: (old.noteIndex ?? 0) + 1 }))];
  const rendered = citer.engine.citeAll(after, format);
  const updates: TextEdit[] = [];
  const edited = new Set<number>();
  notes.forEach((note, i) => {
    if (i < index || note.former || note.text !== texts[i] || edited.has(note.textSpan.start)) return;
    const now = rendered[i + 1];
    if (now === note.text) return;
    // A definition several references share is left alone: changing it would change them all.
    if (notes.filter((other) => other.textSpan.start === note.textSpan.start).length > 1) return;
    edited.add(note.textSpan.start);
    updates.push({ start: note.textSpan.start, end: note.textSpan.end, text: now });
  });
  return { text: rendered[index], updates };
}

/** The source's key as a footnote label, or `key-2`, `key-3` when the draft already has it. */
function freeLabel(draft: string, key: string): string {
  const used = new Set([...findFootnoteDefinitions(draft).map((definition) => definition.label), ...findFootnoteMarkers(draft).map((marker) => marker.label)]);
  if (!used.has(key)) return key;
  let n = 2;
  while (used.has(`${key}-${n}`)) n++;
  return `${key}-${n}`;
}

/** A new footnote definition joins the existing ones, or starts a block at the end of the draft. */
function definitionEdit(draft: string, definition: string): TextEdit {
  const definitions = findFootnoteDefinitions(draft);
  const last = definitions[definitions.length - 1];
  return last ? { start: last.end, end: last.end, text: `\n${definition}` } : { start: draft.length, end: draft.length, text: `${blockSeparator(draft)}${definition}\n` };
}
