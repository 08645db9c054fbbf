import type { SourceDocument } from '../model';
import { bytesHash, contentHash } from '../text/hash';
import { isBinaryFormat, sourceFormatOf, type SkipReason } from './fileContent';
import type { ReadableText } from './readableText';
import { parseUserFile, type UserFile } from './userSource';

/**
 * Reads any of a user's files into a source document: Markdown and text as
 * they are, web pages through the reader view, PDFs and Word files through
 * their readers. A file with nothing to read says why.
 */

export type SourceOutcome = { readonly document: SourceDocument; readonly problems: readonly string[] } | { readonly skipped: { readonly reason: SkipReason; readonly detail: string } };

export async function readUserSource(file: UserFile): Promise<SourceOutcome> {
  try {
    const read = await readFormat(file);
    if (read && 'reason' in read) return { skipped: read };
    return parseUserFile(file, read);
  } catch (error) {
    // A reader's own failure on a strange file is that file's problem: the others are still read.
    return { skipped: { reason: 'unreadable', detail: `could not be read (${String((error as Error)?.message ?? error).split('\n')[0].slice(0, 160)})` } };
  }
}

/** What the source viewer shows for a PDF or Word file: the text Briefing read, with page markers; undefined for text formats (the file is shown). */
export async function shownTextOf(file: UserFile): Promise<string | undefined> {
  if (!isBinaryFormat(sourceFormatOf(file.path))) return undefined;
  const read = await readFormat(file);
  return read && !('reason' in read) ? read.shownText : undefined;
}

/** A file's content hash: over its text, or over its bytes for PDF and Word files. */
export function fileHash(file: UserFile): string {
  return file.bytes ? bytesHash(file.bytes) : contentHash(file.text);
}

// The readers load on first use: the DOM, PDF and Word libraries are most of the index worker's start-up,
// and a library loaded from its saved index often reads no file at all.
async function readFormat(file: UserFile): Promise<ReadableText | { reason: SkipReason; detail: string } | undefined> {
  switch (sourceFormatOf(file.path)) {
    case 'html':
      return (await import('./htmlPage')).readHtmlPage(file.text);
    case 'pdf':
      return (await import('./pdfText')).readPdf(file.bytes ?? new Uint8Array());
    case 'docx':
      return (await import('./docxText')).readDocx(file.bytes ?? new Uint8Array());
    default:
      return undefined;
  }
}
