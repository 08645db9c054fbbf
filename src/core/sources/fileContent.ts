/** Why a file was not indexed, as the output channel lists it. */
export type SkipReason = 'binary' | 'too-large' | 'invalid-utf8' | 'empty' | 'unreadable' | 'broken-link' | 'unsupported-type';

export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail?: string;
}

const SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes as UTF-8 text, or says why it is not text Briefing
 * can index: NUL bytes (binary), bytes that are not UTF-8, or no words at all.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: SkipReason; detail: string } {
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { reason: 'binary', detail: 'contains NUL bytes' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'invalid-utf8', detail: 'is not valid UTF-8' };
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (!/[\p{L}\p{N}]/u.test(text)) return { reason: 'empty', detail: 'has no text' };
  return { text };
}

/** The kinds of file users can add as sources, by extension. */
export function sourceFormatOf(path: string): 'markdown' | 'text' | 'html' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'txt' || extension === 'text') return 'text';
  if (extension === 'html' || extension === 'htm') return 'html';
  return undefined;
}
