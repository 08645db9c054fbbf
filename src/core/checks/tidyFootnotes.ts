import { markdownNotes, pandocCitations, type NoteCitation } from '../cite/draftCitations';
import type { Cite } from '../cite/engine';
import { definitionBody, findFootnoteDefinitions, findFootnoteMarkers, FORMER_SOURCE_MARKER, type FootnoteDefinition } from '../cite/footnotes';
import type { Citer } from '../cite/insertCitation';
import { recoverLocators, briefingFormOf } from '../cite/noteLocators';
import { findReferencesSection } from '../cite/references';
import { normalizeEdits, type TextEdit } from '../cite/textEdit';
import type { Span } from '../model';
import { replaceSpans } from '../text/spanSet';

export interface TidySummary {
  /** Footnote labels changed: numbered notes renumbered, Briefing notes given their source's key. */
  readonly renumbered: number;
  /** Duplicate definitions of the writer's own notes folded into the first. */
  readonly merged: number;
  /** Definitions nothing refers to any more (or second definitions of one label), removed. */
  readonly removed: number;
  /** Briefing entries of the references section for sources no longer cited, removed. */
  readonly referencesRemoved: number;
  /** Briefing notes referred to more than once, given a note of their own at each place (Pandoc would repeat the full note). */
  readonly split: number;
  /** Briefing notes written again in their place's form: full the first time a source is cited, short after. */
  readonly rewritten: number;
}

export interface TidyResult {
  /** One set of edits (one undo step); offsets refer to the draft as given. */
  readonly edits: readonly TextEdit[];
  readonly summary: TidySummary;
}

/** The sources a draft cites through Briefing's notes and Pandoc citations, in order of first use. */
export function citedDocIdsInOrder(draft: string, citer: Pick<Citer, 'lookup'>): string[] {
  const uses = [
    ...markdownNotes(draft, citer.lookup).map((note) => ({ at: note.marker.start, docId: note.docId })),
    ...pandocCitations(draft).flatMap((citation) => citation.keys.flatMap((key) => {
      const docId = citer.lookup.docIdOfKey(key.key);
      return docId ? [{ at: key.span.start, docId }] : [];
    })),
  ].sort((a, b) => a.at - b.at);
  return [...new Set(uses.map((use) => use.docId))];
}

/** One note of the tidy draft, in order of first use. */
interface OutputNote {
  readonly label: string;
  /** The definition it comes from. */
  readonly from: FootnoteDefinition;
  /** For a Briefing note: the note it is, and its new text once known. */
  readonly briefing?: NoteCitation;
  text?: string;
}

/**
 * Tidies a Markdown draft's notes in one set of edits, so that it renders
 * as its style intends in Pandoc:
 * - Each reference to one of Briefing's notes gets a note of its own (Pandoc
 *   repeats a note referred to twice in full); its label is the source's
 *   key (`[^key]`, `[^key-2]`), and its text is the style's form for its
 *   place: a full note the first time a source is cited, a short note after.
 *   Notes of earlier versions (`<!-- briefing:… -->`) lose the marker,
 *   which Pandoc would copy into its HTML. A note the writer edited keeps
 *   its words.
 * - The writer's numbered notes are renumbered in order of first use; two
 *   definitions with the same long text are merged; named notes keep their
 *   names.
 * - Definitions nothing refers to are removed, and so are Briefing's entries
 *   of the references section for sources no longer cited.
 * Definitions are written, in order of first use, in the places
 * definitions held. A marker without a definition, and everything outside
 * notes and the references section, stays as it is. Tidying a tidy draft
 * changes nothing.
 */
export function tidyFootnotes(draft: string, citer?: Citer): TidyResult {
  const definitions = findFootnoteDefinitions(draft);
  const markers = findFootnoteMarkers(draft, definitions);
  const byLabel = new Map<string, FootnoteDefinition>();
  for (const definition of definitions) if (!byLabel.has(definition.label)) byLabel.set(definition.label, definition);
  const briefingAt = new Map((citer ? markdownNotes(draft, citer.lookup) : []).map((note) => [note.marker.start, note]));

  const taken = new Set([...definitions.map((definition) => definition.label), ...markers.map((marker) => marker.label)]);
  const allocated = new Set<string>();
  const keyLabel = (docId: string, current: string): string => {
    const key = citer!.lookup.keyOf(docId);
    const own = current === key || new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(current);
    if (own && !allocated.has(current)) return current;
    let label = key;
    for (let n = 2; allocated.has(label) || (taken.has(label) && label !== current); n++) label = `${key}-${n}`;
    return label;
  };
  // The writer's notes: one group per text written twice (short texts like "Ibid." never merged), else per label.
  const groupKey = (definition: FootnoteDefinition): string => {
    const text = definitionBody(draft, definition);
    return text.length >= 30 && !/^(ibid|id\.|idem|op\.? cit|loc\.? cit)/i.test(text) ? `text:${text}` : `label:${definition.label}`;
  };

  const notes: OutputNote[] = [];
  const markerEdits: TextEdit[] = [];
  const userGroups = new Map<string, OutputNote>();
  const labelOfUser = new Map<string, string>();
  const mergedDefinitions = new Set<FootnoteDefinition>();
  let nextNumber = 1;
  let split = 0;
  let merged = 0;
  const seenBriefingLabels = new Set<string>();
  for (const marker of markers) {
    const definition = byLabel.get(marker.label);
    if (!definition) continue;
    const briefing = briefingAt.get(marker.start);
    let label: string;
    if (briefing) {
      if (seenBriefingLabels.has(marker.label)) split++;
      seenBriefingLabels.add(marker.label);
      label = keyLabel(briefing.docId, marker.label);
      allocated.add(label);
      notes.push({ label, from: definition, briefing });
    } else {
      const known = labelOfUser.get(marker.label);
      if (known !== undefined) label = known;
      else {
        const group = userGroups.get(groupKey(definition));
        if (group) {
          label = group.label;
          merged++;
          mergedDefinitions.add(definition);
        } else {
          label = /^\d+$/.test(marker.label) ? String(nextNumber++) : marker.label;
          const note: OutputNote = { label, from: definition };
          userGroups.set(groupKey(definition), note);
          notes.push(note);
          allocated.add(label);
        }
        labelOfUser.set(marker.label, label);
      }
    }
    // A marker inside a note moves with its note, and is renumbered there (see lineOf).
    if (label !== marker.label && !insideDefinition(definitions, marker.start)) {
      markerEdits.push({ start: marker.start, end: marker.end, text: `[^${label}]` });
    }
  }
  const firstOfLabel = new Set<string>();
  const renumbered = notes.filter((note) => {
    const first = !firstOfLabel.has(note.from.label);
    firstOfLabel.add(note.from.label);
    return first && note.label !== note.from.label;
  }).length;

  // Briefing notes in the style's form for their place.
  let rewritten = 0;
  const briefingNotes = notes.filter((note) => note.briefing);
  if (citer && briefingNotes.length > 0) {
    const old: Cite[] = briefingNotes.map((note) => ({ item: citer.lookup.item(note.briefing!.docId)!, noteIndex: note.briefing!.noteIndex }));
    const written = briefingNotes.map((note) => note.briefing!.text);
    const recovered = recoverLocators(citer.engine, old, written, 'markdown');
    const ours = briefingNotes.map((note, i) => {
      if (note.briefing!.former) return { cite: { ...recovered.cites[i], locator: undefined } as Cite, ours: true };
      if (recovered.texts[i] === written[i]) return { cite: recovered.cites[i], ours: true };
      const form = briefingFormOf(citer.engine, old[i].item, written[i], 'markdown');
      return form === undefined ? { cite: old[i], ours: false } : { cite: { ...old[i], ...(form ? { locator: form } : {}) } as Cite, ours: true };
    });
    const indexOf = new Map(notes.map((note, i) => [note, i + 1]));
    const rendered = citer.engine.citeAll(briefingNotes.map((note, i) => ({ item: ours[i].cite.item, ...(ours[i].cite.locator ? { locator: ours[i].cite.locator } : {}), noteIndex: indexOf.get(note)! })), 'markdown');
    briefingNotes.forEach((note, i) => {
      note.text = ours[i].ours ? rendered[i] : written[i];
      if (note.text !== written[i] && !note.briefing!.former) rewritten++;
    });
  }

  // Definitions: the notes in order of first use, written into the places definitions held; the rest removed.
  const used = new Set(notes.map((note) => note.from));
  const slots = definitions.filter((definition) => byLabel.get(definition.label) === definition && used.has(definition));
  const edits: TextEdit[] = [...markerEdits];
  const lineOf = (note: OutputNote): string =>
    note.briefing && note.text !== undefined
      ? `[^${note.label}]: ${note.text}`
      : draft
          .slice(note.from.start, note.from.end)
          .replace(/^\[\^[^\]\s]+\]:/, `[^${note.label}]:`)
          .replace(FORMER_SOURCE_MARKER, '')
          // The note's own references to the writer's other notes are renumbered with it.
          .replace(/(?<=.)\[\^([^\]\s[]+)\](?!:)/gs, (whole: string, label: string) => (labelOfUser.has(label) ? `[^${labelOfUser.get(label)}]` : whole));
  notes.forEach((note, i) => {
    const slot = slots[i];
    if (slot) {
      const line = lineOf(note);
      if (line !== draft.slice(slot.start, slot.end)) edits.push({ start: slot.start, end: slot.end, text: line });
    }
  });
  const overflow = notes.slice(slots.length).map(lineOf);
  if (overflow.length > 0) {
    const last = slots[slots.length - 1];
    if (last) edits.push({ start: last.end, end: last.end, text: overflow.map((line) => `\n${line}`).join('') });
  }
  let removed = 0;
  const kept = new Set(slots);
  for (const definition of definitions) {
    if (kept.has(definition)) continue;
    const removal = removeLine(draft, definition);
    // Removals of neighbouring lines can share a line break: overlapping ones are joined into one.
    const last = edits[edits.length - 1];
    if (last && last.text === '' && last.start < removal.start && removal.start < last.end) edits[edits.length - 1] = { start: last.start, end: Math.max(last.end, removal.end), text: '' };
    else edits.push(removal);
    if (!mergedDefinitions.has(definition)) removed++;
  }

  const referencesRemoved = citer ? referenceEdits(draft, citer, definitions, notes, edits) : 0;
  return { edits: normalizeEdits(edits), summary: { renumbered, merged, removed, referencesRemoved, split, rewritten } };
}

/** The edit that deletes a line with its line break. */
function removeLine(draft: string, span: Span): TextEdit {
  if (draft[span.end] === '\n') return { start: span.start, end: span.end + 1, text: '' };
  if (draft[span.end] === '\r' && draft[span.end + 1] === '\n') return { start: span.start, end: span.end + 2, text: '' };
  if (span.start > 0 && draft[span.start - 1] === '\n') return { start: span.start - 1, end: span.end, text: '' };
  return { start: span.start, end: span.end, text: '' };
}

/**
 * Removes the references entries Briefing wrote (an entry exactly as the
 * style writes the source's) whose source the draft no longer cites: by an
 * in-text citation outside the section and the notes (one naming it, or the
 * style's own for it), a note that stays, or a Pandoc citation.
 */
function referenceEdits(draft: string, citer: Citer, definitions: readonly FootnoteDefinition[], notes: readonly OutputNote[], edits: TextEdit[]): number {
  const section = findReferencesSection(draft, 'markdown');
  if (!section) return 0;
  const outside = draft.slice(0, section.heading.start) + ' '.repeat(section.body.end - section.heading.start) + draft.slice(section.body.end);
  // In one pass (blanking definitions one by one copies the draft for each).
  const prose = replaceSpans(outside, definitions, (definition) => ' '.repeat(definition.end - definition.start));
  const cited = new Set(notes.flatMap((note) => (note.briefing ? [note.briefing.docId] : [])));
  for (const citation of pandocCitations(prose)) for (const key of citation.keys) {
    const docId = citer.lookup.docIdOfKey(key.key);
    if (docId) cited.add(docId);
  }
  for (const match of prose.matchAll(/\((?:[^()\n]|\([^()\n]*\))*\)/g)) {
    const docId = citer.lookup.docIdCitedBy(match[0]);
    if (docId) cited.add(docId);
  }
  let removed = 0;
  for (const entry of section.entries) {
    const docId = citer.lookup.docIdNamedIn(entry.text);
    if (!docId || cited.has(docId)) continue;
    const item = citer.lookup.item(docId);
    const written = item ? citer.engine.bibliography([item], 'markdown')[0]?.text : undefined;
    if (!item || written !== entry.text) continue;
    // Its in-text citation as the style writes it (with or without a locator after it) still cites it.
    if (prose.includes(citer.engine.cite(item, 'markdown').replace(/\)$/, ''))) continue;
    const start = entry.span.start - (draft.slice(Math.max(0, entry.span.start - 40), entry.span.start).match(/[-*+][ \t]+$/)?.[0].length ?? 0);
    edits.push(removeLine(draft, { start: draft.lastIndexOf('\n', start - 1) + 1, end: entry.span.end }));
    removed++;
  }
  return removed;
}

/** Whether an offset lies inside a footnote definition (definitions in order; a binary search). */
function insideDefinition(definitions: readonly FootnoteDefinition[], offset: number): boolean {
  let low = 0;
  let high = definitions.length - 1;
  let found: FootnoteDefinition | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (definitions[mid].start <= offset) {
      found = definitions[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found !== undefined && found.start < offset && offset < found.end;
}
