import type { SourceFormat } from '../model';

/** Why a file was not indexed, as the output channel lists it. */
export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'invalid-utf8'
  | 'empty'
  | 'unreadable'
  | 'broken-link'
  | 'unsupported-type'
  /** A page or document with nothing to read: only scripts, a scanned PDF without a text layer. */
  | 'no-text'
  /** A password-protected PDF or Word file. */
  | 'encrypted'
  /** A file that is not what its name says, or is damaged (a truncated PDF, a .docx that is not a zip). */
  | 'corrupt'
  /** Reading it would take more time or memory than a source may (a zip bomb). */
  | 'too-complex';

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
export function sourceFormatOf(path: string): SourceFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'txt' || extension === 'text') return 'text';
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html';
  if (extension === 'pdf') return 'pdf';
  if (extension === 'docx') return 'docx';
  return undefined;
}

/** Formats read from their bytes (not decoded as text), and shown through the source viewer as the text Briefing read. */
export function isBinaryFormat(format: SourceFormat | undefined): format is 'pdf' | 'docx' {
  return format === 'pdf' || format === 'docx';
}

/** The file extensions of every readable format, for file dialogs and messages. */
export const SOURCE_EXTENSIONS: readonly string[] = ['md', 'markdown', 'txt', 'text', 'html', 'htm', 'xhtml', 'pdf', 'docx'];
