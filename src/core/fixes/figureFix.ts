/**
 * The correction of a figure the sources contradict: the draft's figure
 * rewritten as the source gives it, keeping the draft's own wording where
 * it can ("7.5 per cent" → "6.3 per cent" would change the unit's spelling,
 * so the number and unit are replaced as the source writes them: "6.3%").
 */
import { findFigures, type Figure } from '../checks/numbers';
import type { TextEdit } from '../cite/textEdit';
import { caseAt } from '../quoting/sentenceCase';

/** What replacing a figure does: the edit, and the words before and after, for its title. */
export interface FigureCorrection {
  readonly edit: TextEdit;
  /** The draft's words that go, e.g. "7.5%". */
  readonly from: string;
  /** What replaces them, e.g. "6.3%". */
  readonly to: string;
}

/**
 * Replaces `figure` (found in `draft`) by the figure the source states in
 * `stated` (the source's words for it, e.g. "Over 1,000" or "6.3%"). The
 * number and unit alone are replaced when the draft bounds the figure as
 * the source does ("more than 1,200" → "more than 1,000"); otherwise the
 * whole figure with its qualifier. Undefined when the source's words hold
 * no figure of the same unit, or the result would not read as the source's
 * value.
 */
export function correctFigure(draft: string, figure: Figure, stated: string): FigureCorrection | undefined {
  const source = findFigures(stated).find((candidate) => sameUnit(candidate, figure));
  if (!source) return undefined;
  const candidates: TextEdit[] = [];
  if ((source.bound ?? '') === (figure.bound ?? '')) {
    candidates.push({ ...figure.valueSpan, text: tidy(stated.slice(source.valueSpan.start, source.valueSpan.end)) });
  }
  candidates.push({ ...figure.span, text: caseAt(tidy(stated.slice(source.span.start, source.span.end)), draft, figure.span.start) });
  for (const edit of candidates) {
    if (draft.slice(edit.start, edit.end) === edit.text) continue;
    if (readsAs(draft, edit, source)) return { edit, from: draft.slice(edit.start, edit.end), to: edit.text };
  }
  return undefined;
}

function sameUnit(a: Figure, b: Figure): boolean {
  const dated = (figure: Figure): boolean => figure.unit === 'date' || figure.unit === 'year';
  return a.unit === b.unit || (dated(a) && dated(b));
}

/** Whether the draft, once edited, states the source's figure at the edit. */
function readsAs(draft: string, edit: TextEdit, source: Figure): boolean {
  const before = draft.slice(Math.max(0, edit.start - 40), edit.start);
  const text = before + edit.text + draft.slice(edit.end, edit.end + 40);
  const at = before.length;
  const read = findFigures(text).find((candidate) => candidate.valueSpan.start >= at && candidate.valueSpan.end <= at + edit.text.length);
  if (!read || !sameUnit(read, source)) return false;
  if (source.unit === 'date' || source.unit === 'year') return JSON.stringify(read.date ?? {}) === JSON.stringify(source.date ?? {});
  return Math.abs(read.value - source.value) <= 1e-9 * Math.max(1, Math.abs(source.value)) && (read.bound ?? '') === (source.bound ?? '');
}

/** The source's typing slips that are no part of the figure: "June 2,2025" is written "June 2, 2025". */
function tidy(words: string): string {
  return words.replace(/\s+/g, ' ').replace(/(\p{L}\s+\d{1,2}),(?=\d{4}\b)/gu, '$1, ');
}
