/** A replacement of [start, end) in a text by `text`; offsets refer to the text before any edit. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Sorts edits and joins insertions at the same offset into one, in the
 * order given, so that every editor applies them alike.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
  const merged: TextEdit[] = [];
  for (const { edit } of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.start === edit.start && previous.end === previous.start && edit.end === edit.start) {
      merged[merged.length - 1] = { start: edit.start, end: edit.end, text: previous.text + edit.text };
    } else {
      if (previous && edit.start < previous.end) throw new Error('overlapping edits');
      merged.push(edit);
    }
  }
  return merged;
}

/** Applies edits as an editor would in one step. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let at = 0;
  for (const edit of normalizeEdits(edits)) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}
