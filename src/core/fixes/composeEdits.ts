/**
 * One change to a draft followed by edits planned on the text it produced
 * (a citation after a corrected figure, a quote after a speaker's name),
 * turned into edits of the original text, so an editor applies them all
 * in one step and one undo takes them all back.
 */
import { applyEdits, normalizeEdits, type TextEdit } from '../cite/textEdit';

/**
 * `first` applies to `text`; `then` to the text after `first`. Returns the
 * same change as edits of `text`. Edits of `then` that overlap what `first`
 * wrote are merged with it into one edit.
 */
export function composeEdits(text: string, first: TextEdit, then: readonly TextEdit[]): TextEdit[] {
  const delta = first.text.length - (first.end - first.start);
  // Where `first`'s text sits after it is applied.
  const written = { start: first.start, end: first.start + first.text.length };
  const before: TextEdit[] = [];
  const after: TextEdit[] = [];
  const overlapping: TextEdit[] = [];
  for (const edit of normalizeEdits(then)) {
    if (edit.end <= written.start) before.push(edit);
    else if (edit.start >= written.end) after.push({ start: edit.start - delta, end: edit.end - delta, text: edit.text });
    else overlapping.push(edit);
  }
  let combined = first;
  if (overlapping.length > 0) {
    const middle = applyEdits(text, [first]);
    const start = Math.min(written.start, ...overlapping.map((edit) => edit.start));
    const end = Math.max(written.end, ...overlapping.map((edit) => edit.end));
    const local = overlapping.map((edit) => ({ start: edit.start - start, end: edit.end - start, text: edit.text }));
    combined = { start, end: end - delta, text: applyEdits(middle.slice(start, end), local) };
  }
  return normalizeEdits([...before, combined, ...after]);
}
