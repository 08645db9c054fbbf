import { definitionBody, findFootnoteDefinitions, type FootnoteDefinition } from '../cite/footnotes';
import { formatCitation } from '../cite/styles';
import { normalizeEdits, type TextEdit } from '../cite/textEdit';
import type { Corpus } from '../corpus';
import type { Span } from '../model';
import { replaceSpans } from '../text/spanSet';

export interface TidySummary {
  /** Footnote labels given a new number. */
  readonly renumbered: number;
  /** Duplicate definitions of one source folded into the first. */
  readonly merged: number;
  /** Definitions nothing refers to any more (or second definitions of one label), removed. */
  readonly removed: number;
  /** Briefing entries of the references section for sources no longer cited, removed. */
  readonly referencesRemoved: number;
}

export interface TidyResult {
  /** One set of edits (one undo step); offsets refer to the draft as given. */
  readonly edits: readonly TextEdit[];
  readonly summary: TidySummary;
}

interface Marker {
  readonly label: string;
  readonly span: Span;
  /** Inside a footnote definition's text: it moves with its definition and is not rewritten on its own. */
  readonly inDefinition: boolean;
}

const MARKER = /\[\^([^\]\s[]+)\](?!:)/g;
const REFERENCES_HEADING = /^(#{1,6})[ \t]+(?:References|Sources|Bibliography|Works Cited)[ \t]*#*[ \t]*$/gim;

/** Footnote markers in the text (not the labels of definitions), in order. */
function markersOf(draft: string, definitions: readonly FootnoteDefinition[]): Marker[] {
  // Definitions are in order: the one starting last at or before a marker is the only one that can hold it.
  const holding = (offset: number): FootnoteDefinition | undefined => {
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
    return found && offset < found.end ? found : undefined;
  };
  return [...draft.matchAll(MARKER)]
    .map((match) => ({ match, definition: holding(match.index) }))
    .filter(({ match, definition }) => definition?.start !== match.index)
    .map(({ match, definition }) => ({ label: match[1], span: { start: match.index, end: match.index + match[0].length }, inDefinition: definition !== undefined }));
}

/** The sources a draft cites through Briefing footnotes, in order of first use. */
export function citedDocIdsInOrder(draft: string): string[] {
  const definitions = findFootnoteDefinitions(draft);
  const byLabel = new Map(definitions.map((definition) => [definition.label, definition]));
  const ids: string[] = [];
  for (const marker of markersOf(draft, definitions)) {
    const id = byLabel.get(marker.label)?.sourceId;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Tidies a Markdown draft's citations in one set of edits: numbered
 * footnotes renumbered in order of first use (markers and definitions
 * together, definitions put in that order in the places they held);
 * definitions of one source (same Briefing marker, or the same text)
 * merged into one; definitions nothing refers to removed; and,
 * given the corpus, Briefing's own entries in the references section
 * removed when their source is no longer cited. Named footnotes
 * (`[^note]`) keep their names; a marker without a definition, any other
 * footnote's text and everything outside markers, definitions and the
 * references section stay as they are. Applying the edits and tidying
 * again gives no edits.
 */
export function tidyFootnotes(draft: string, corpus?: Corpus): TidyResult {
  const definitions = findFootnoteDefinitions(draft);
  const markers = markersOf(draft, definitions);
  const byLabel = new Map<string, FootnoteDefinition>();
  for (const definition of definitions) if (!byLabel.has(definition.label)) byLabel.set(definition.label, definition);

  // One group per source: a Briefing id, or else a full citation written twice. Short texts
  // ("Ibid.", "Id.", "Interview.") are never merged: the same words can mean different sources.
  const keyOf = (definition: FootnoteDefinition): string => {
    // The whole definition, continuation lines included: two notes may share a first line.
    const text = definitionBody(draft, definition);
    // Notes on different pages of one source (a PDF) stay apart: merging them would lose a page.
    if (definition.sourceId) return /\bpp?\.\s*\d/.test(text) ? `id:${definition.sourceId}:${text}` : `id:${definition.sourceId}`;
    return text.length >= 30 && !/^(ibid|id\.|idem|op\.? cit|loc\.? cit)/i.test(text) ? `text:${text}` : `label:${definition.label}`;
  };
  const groupOf = new Map<string, string>(); // label → the label of the group's first-used definition
  const firstByKey = new Map<string, string>();
  const used: string[] = [];
  const usedSet = new Set<string>();
  for (const marker of markers) {
    const definition = byLabel.get(marker.label);
    if (!definition || usedSet.has(marker.label)) continue;
    usedSet.add(marker.label);
    used.push(marker.label);
    const key = keyOf(definition);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, marker.label);
      groupOf.set(marker.label, marker.label);
    } else groupOf.set(marker.label, first);
  }

  // New numbers for numbered groups, in order of first use; named footnotes keep their names.
  const newLabel = new Map<string, string>();
  let next = 1;
  for (const label of used) {
    const group = groupOf.get(label)!;
    if (group !== label) continue;
    newLabel.set(label, /^\d+$/.test(label) ? String(next++) : label);
  }
  const target = (label: string): string | undefined => {
    const group = groupOf.get(label);
    return group === undefined ? undefined : newLabel.get(group);
  };

  const edits: TextEdit[] = [];
  let renumbered = 0;
  for (const marker of markers) {
    const label = target(marker.label);
    if (label !== undefined && label !== marker.label && !marker.inDefinition) edits.push({ start: marker.span.start, end: marker.span.end, text: `[^${label}]` });
  }
  for (const [label, group] of groupOf) if (group === label && newLabel.get(label) !== label) renumbered++;

  // Definitions: kept ones (a group's first) in new order, written into the slots definitions held; the rest removed.
  const kept: { definition: FootnoteDefinition; label: string }[] = [];
  let merged = 0;
  let removed = 0;
  const dropped: FootnoteDefinition[] = [];
  const seenLabels = new Set<string>();
  for (const definition of definitions) {
    const duplicateLabel = seenLabels.has(definition.label);
    seenLabels.add(definition.label);
    const group = groupOf.get(definition.label);
    if (!duplicateLabel && group === definition.label) {
      kept.push({ definition, label: newLabel.get(definition.label)! });
    } else if (!duplicateLabel && group !== undefined) {
      dropped.push(definition);
      merged++;
    } else {
      // Nothing refers to it, or its label is defined a second time (Markdown reads only the first).
      dropped.push(definition);
      removed++;
    }
  }
  const order = (entry: { label: string }): number => (/^\d+$/.test(entry.label) ? Number(entry.label) : Number.MAX_SAFE_INTEGER);
  const inOrder = [...kept].sort((a, b) => order(a) - order(b) || a.definition.start - b.definition.start);
  const droppedSet = new Set(dropped);
  const slots = definitions.filter((definition) => !droppedSet.has(definition));
  slots.forEach((slot, i) => {
    const entry = inOrder[i];
    // The note's own references to other notes are renumbered with it.
    const line = draft
      .slice(entry.definition.start, entry.definition.end)
      .replace(/^\[\^[^\]\s]+\]:/, `[^${entry.label}]:`)
      .replace(/(?<=.)\[\^([^\]\s[]+)\](?!:)/gs, (whole: string, label: string) => {
        const renamed = target(label);
        return renamed === undefined ? whole : `[^${renamed}]`;
      });
    if (line !== draft.slice(slot.start, slot.end)) edits.push({ start: slot.start, end: slot.end, text: line });
  });
  // Removals of neighbouring lines can share a line break: overlapping ones are joined into one.
  const removals = dropped.map((definition) => removeLine(draft, definition)).sort((a, b) => a.start - b.start);
  for (const removal of removals) {
    const last = edits[edits.length - 1];
    if (last && last.text === '' && last.start < removal.start && removal.start < last.end) edits[edits.length - 1] = { start: last.start, end: Math.max(last.end, removal.end), text: '' };
    else edits.push(removal);
  }

  const referencesRemoved = corpus ? referenceEdits(draft, corpus, definitions, markers, byLabel, dropped, edits) : 0;
  return { edits: normalizeEdits(edits), summary: { renumbered, merged, removed, referencesRemoved } };
}

/** The edit that deletes a line with its line break. */
function removeLine(draft: string, span: Span): TextEdit {
  if (draft[span.end] === '\n') return { start: span.start, end: span.end + 1, text: '' };
  if (span.start > 0 && draft[span.start - 1] === '\n') return { start: span.start - 1, end: span.end, text: '' };
  return { start: span.start, end: span.end, text: '' };
}

/**
 * Removes the references entries Briefing wrote (APA or Chicago entries of
 * a corpus source, as `planReference` writes them) whose source the draft
 * no longer cites: by its in-text citation, or a footnote that stays.
 */
function referenceEdits(
  draft: string,
  corpus: Corpus,
  definitions: readonly FootnoteDefinition[],
  markers: readonly Marker[],
  byLabel: ReadonlyMap<string, FootnoteDefinition>,
  dropped: readonly FootnoteDefinition[],
  edits: TextEdit[],
): number {
  const sections: Span[] = [];
  for (const heading of draft.matchAll(REFERENCES_HEADING)) {
    const bodyStart = heading.index + heading[0].length;
    // A references heading inside a section already found (a subsection) adds nothing.
    if (sections.length > 0 && bodyStart <= sections[sections.length - 1].end) continue;
    const nextHeading = new RegExp(`^#{1,${heading[1].length}}[ \\t]`, 'm').exec(draft.slice(bodyStart));
    sections.push({ start: bodyStart, end: nextHeading ? bodyStart + nextHeading.index : draft.length });
  }
  if (sections.length === 0) return 0;
  const droppedSet = new Set(dropped);
  // In one pass each (removing spans one by one is quadratic in their number).
  const outside = replaceSpans(draft, sections, (section) => ' '.repeat(section.end - section.start));
  const withoutDefinitions = replaceSpans(outside, definitions, () => '');
  const citedByFootnote = new Set(
    markers.flatMap((marker) => {
      const definition = byLabel.get(marker.label);
      return definition?.sourceId && !droppedSet.has(definition) ? [definition.sourceId] : [];
    }),
  );
  let removed = 0;
  for (const document of corpus.documents) {
    const passage = document.passages[0];
    if (!passage) continue;
    const forms = (['apa', 'chicago'] as const).map((style) => formatCitation(passage, document.meta, style));
    const cited = citedByFootnote.has(document.meta.id) || forms.some((form) => withoutDefinitions.includes(form.inText));
    if (cited) continue;
    for (const section of sections) {
      for (const line of draft.slice(section.start, section.end).matchAll(/^[-*][ \t]+(.*?)[ \t]*$/gm)) {
        if (!forms.some((form) => form.entry === line[1])) continue;
        const start = section.start + line.index;
        edits.push(removeLine(draft, { start, end: start + line[0].length }));
        removed++;
      }
    }
  }
  return removed;
}
