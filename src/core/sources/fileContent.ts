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
  /** A FIFO, a device, a socket: reading it could block or never end. */
  | 'not-a-file'
  /** A link whose target is outside the source folders (briefing.sources.followLinksOutside allows it). */
  | 'outside-sources'
  /** A link back to a folder already being read, or a second path to a file already read. */
  | 'already-read'
  /** Deeper than the folder depth limit. */
  | 'too-deep'
  /** A folder Briefing never reads sources from (node_modules, .git, /proc…). */
  | 'ignored-folder'
  /** The walk reached its limit of entries. */
  | 'too-many-files'
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
  // UTF-16 announces itself with a byte order mark (Windows tools write it); its NUL bytes are not binary.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && bytes.subarray(0, SNIFF_BYTES).includes(0)) return { reason: 'binary', detail: 'contains NUL bytes' };
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'invalid-utf8', detail: utf16 ? `is not valid ${utf16.toUpperCase()}` : 'is not valid UTF-8' };
  }
  if (utf16 && text.includes('\u0000')) return { reason: 'binary', detail: 'contains NUL characters' };
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
