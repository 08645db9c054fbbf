import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { decodeText, isBinaryFormat, sourceFormatOf, type SkippedFile } from '../core/sources/fileContent';
import type { UserFile } from '../core/sources/userSource';

/**
 * PDF and Word files carry much besides their text (fonts, images), so they
 * may be this large whatever briefing.sources.maxFileSizeKB says; their
 * readers bound the pages and the unpacked size themselves.
 */
export const MAX_BINARY_SOURCE_BYTES = 100 * 1024 * 1024;

/** Folders never worth walking into for sources. */
const IGNORED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out', '.cache']);

/**
 * The Markdown, text and HTML files under the given folders and files,
 * and the entries that could not be used, each with its reason.
 */
export async function collectSourceFiles(roots: readonly string[]): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  const visit = async (entry: string, depth: number): Promise<void> => {
    let info;
    try {
      const link = await lstat(entry);
      info = link.isSymbolicLink() ? await stat(entry).catch(() => undefined) : link;
      if (!info) {
        skipped.push({ path: entry, reason: 'broken-link', detail: 'is a link to nothing' });
        return;
      }
    } catch (error) {
      skipped.push({ path: entry, reason: 'unreadable', detail: errorCode(error) });
      return;
    }
    if (info.isDirectory()) {
      if (depth > 20 || IGNORED_DIRECTORIES.has(path.basename(entry))) return;
      let names: string[];
      try {
        names = await readdir(entry);
      } catch (error) {
        skipped.push({ path: entry, reason: 'unreadable', detail: errorCode(error) });
        return;
      }
      for (const name of names.sort()) if (!name.startsWith('.')) await visit(path.join(entry, name), depth + 1);
    } else if (info.isFile()) {
      if (sourceFormatOf(entry)) files.add(entry);
      else if (depth === 0) skipped.push({ path: entry, reason: 'unsupported-type', detail: 'is not .md, .txt, .html, .pdf or .docx' });
    }
  };
  for (const root of roots) await visit(path.resolve(root), 0);
  return { files: [...files], skipped };
}

/** Reads and decodes one source file, or says why it is skipped. */
export async function readSourceFile(file: string, maxBytes: number): Promise<{ file: UserFile } | { skipped: SkippedFile }> {
  try {
    const info = await stat(file);
    const binary = isBinaryFormat(sourceFormatOf(file));
    const limit = binary ? Math.max(maxBytes, MAX_BINARY_SOURCE_BYTES) : maxBytes;
    if (info.size > limit) {
      const why = binary ? 'the limit for PDF and Word files' : 'limit (briefing.sources.maxFileSizeKB)';
      return { skipped: { path: file, reason: 'too-large', detail: `is ${formatBytes(info.size)}, over the ${formatBytes(limit)} ${why}` } };
    }
    if (binary) {
      const bytes = new Uint8Array(await readFile(file));
      if (bytes.length === 0) return { skipped: { path: file, reason: 'empty', detail: 'is empty' } };
      return { file: { path: file, text: '', bytes, modifiedMs: info.mtimeMs, sizeBytes: info.size } };
    }
    const decoded = decodeText(await readFile(file));
    if ('reason' in decoded) return { skipped: { path: file, reason: decoded.reason, detail: decoded.detail } };
    return { file: { path: file, text: decoded.text, modifiedMs: info.mtimeMs, sizeBytes: info.size } };
  } catch (error) {
    const code = errorCode(error);
    return { skipped: { path: file, reason: code === 'ENOENT' ? 'broken-link' : 'unreadable', detail: code } };
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** True when a file's size and modification time are what they were when it was indexed. */
export async function looksUnchanged(file: string, known: { size: number; modifiedMs: number }): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && info.size === known.size && info.mtimeMs === known.modifiedMs;
}
