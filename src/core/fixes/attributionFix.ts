/**
 * The correction of a misattributed quote: the speaker the draft names
 * replaced by the one the sources give, written as the draft wrote its
 * own (a surname for a surname, a full name for a full name).
 */
import type { TextEdit } from '../cite/textEdit';
import type { Span } from '../model';

/**
 * The edit that gives a quote to `speaker` (a full name, e.g. "Ana
 * Ruiz") where the draft names someone else at `attribution`.
 */
export function correctAttribution(draft: string, attribution: Span, speaker: string): TextEdit | undefined {
  const written = draft.slice(attribution.start, attribution.end).trim();
  const name = speaker.trim();
  if (!written || !name) return undefined;
  const words = name.split(/\s+/);
  const text = written.split(/\s+/).length === 1 ? (words[words.length - 1] ?? name) : name;
  return text === written ? undefined : { start: attribution.start, end: attribution.end, text };
}
