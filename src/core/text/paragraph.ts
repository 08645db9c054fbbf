import type { Span } from '../model';

/** The paragraph (lines between blank lines) around an offset of a text. */
export function paragraphAt(text: string, offset: number): Span {
  const at = Math.max(0, Math.min(offset, text.length));
  const before = text.lastIndexOf('\n\n', at > 0 && text[at - 1] === '\n' ? at - 2 : at - 1);
  const after = text.indexOf('\n\n', at);
  const start = before === -1 ? 0 : before + 2;
  const end = after === -1 ? text.length : after;
  return start <= end ? { start, end } : { start: at, end: at };
}
