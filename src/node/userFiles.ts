import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
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
/** Folders of the system that hold no sources and never end (/proc/self/root leads back to /). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];
/** How deep below a source folder files are looked for. */
export const MAX_DEPTH = 20;
/** How many folder entries one walk looks at before it stops, saying so. */
export const MAX_ENTRIES = 200_000;

/** How far reading may go: the source folders, and whether links may lead out of them. */
export interface SourceArea {
  /** The real paths (links resolved) of the folders and files the user included. */
  readonly realRoots: readonly string[];
  /** briefing.sources.followLinksOutside: a link may lead outside the source folders. */
  readonly followLinksOutside: boolean;
}

/** The area of the given folders and files (those that exist). */
export async function sourceArea(roots: readonly string[], followLinksOutside = false): Promise<SourceArea> {
  const realRoots: string[] = [];
  for (const root of roots) {
    const real = await realpath(path.resolve(root)).catch(() => undefined);
    if (real) realRoots.push(real);
  }
  return { realRoots, followLinksOutside };
}

/** True when a real path is one of the area's roots or inside one. */
export function isInside(area: SourceArea, realPath: string): boolean {
  return area.realRoots.some((root) => realPath === root || realPath.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

function systemFolder(realPath: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  return SYSTEM_FOLDERS.find((folder) => realPath === folder || realPath.startsWith(folder + '/'));
}

/** What a file that is not a regular file or a folder is, in words. */
export const describeFileKind = (info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string =>
  info.isFIFO() ? 'a FIFO (named pipe)' : info.isSocket() ? 'a socket' : info.isCharacterDevice() ? 'a character device' : info.isBlockDevice() ? 'a block device' : 'not a regular file';

/**
 * The Markdown, text and HTML files under the given folders and files,
 * and the entries that could not be used, each with its reason. Each file
 * is listed once, by the path it was first reached through (a real file
 * before a link to it); links are resolved to real paths, so a link loop
 * (`loop -> .`) is read once; a link leading outside `area` is skipped
 * unless the area allows it; FIFOs, devices and sockets are never opened;
 * folders deeper than MAX_DEPTH and walks past MAX_ENTRIES stop, saying so.
 */
export async function collectSourceFiles(entries: readonly string[], area?: SourceArea): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const within = area ?? (await sourceArea(entries));
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Map<string, string>();
  const links: Array<{ entry: string; depth: number }> = [];
  let budget = MAX_ENTRIES;
  let exhausted = false;

  const addFile = (entry: string, real: string): void => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(entry);
  };
  const walkFolder = async (folder: string, real: string, depth: number): Promise<void> => {
    const system = systemFolder(real);
    if (system) {
      skipped.push({ path: folder, reason: 'ignored-folder', detail: `is a system folder (${system}), not sources` });
      return;
    }
    const firstPath = seenFolders.get(real);
    if (firstPath !== undefined) {
      if (firstPath !== folder) skipped.push({ path: folder, reason: 'already-read', detail: `leads to ${firstPath}, which is read already (a link loop?)` });
      return;
    }
    seenFolders.set(real, folder);
    if (depth > MAX_DEPTH) {
      skipped.push({ path: folder, reason: 'too-deep', detail: `is more than ${MAX_DEPTH} folders below the source folder; its files are not read` });
      return;
    }
    let names: Dirent[];
    try {
      names = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: folder, reason: 'unreadable', detail: errorCode(error) });
      return;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of names) {
      if (budget-- <= 0) {
        if (!exhausted) skipped.push({ path: folder, reason: 'too-many-files', detail: `the source folders hold more than ${MAX_ENTRIES.toLocaleString('en-US')} entries; the rest are not read` });
        exhausted = true;
        return;
      }
      const entry = path.join(folder, dirent.name);
      const realEntry = path.join(real, dirent.name);
      if (dirent.name.startsWith('.') || IGNORED_DIRECTORIES.has(dirent.name)) {
        if (dirent.isDirectory()) skipped.push({ path: entry, reason: 'ignored-folder', detail: dirent.name.startsWith('.') ? 'is a hidden folder' : `is a ${dirent.name} folder, never sources` });
        continue;
      }
      // Some file systems do not say an entry's type when listing; lstat does.
      const known = dirent.isSymbolicLink() || dirent.isDirectory() || dirent.isFile() ? dirent : await lstat(entry).catch(() => undefined);
      if (!known) continue;
      if (known.isSymbolicLink()) links.push({ entry, depth: depth + 1 });
      else if (known.isDirectory()) await walkFolder(entry, realEntry, depth + 1);
      else if (known.isFile()) {
        if (sourceFormatOf(entry)) addFile(entry, realEntry);
      } else {
        const info = 'dev' in known ? known : await lstat(entry).catch(() => undefined);
        skipped.push({ path: entry, reason: 'not-a-file', detail: `is ${info ? describeFileKind(info) : 'not a regular file'}; only regular files are read` });
      }
    }
  };
  /** A link, or an entry the user named (itself possibly a link). */
  const follow = async (entry: string, depth: number, named: boolean): Promise<void> => {
    let real: string;
    try {
      real = await realpath(entry);
    } catch (error) {
      const code = errorCode(error);
      const link = await lstat(entry).then((info) => info.isSymbolicLink(), () => false);
      skipped.push(link || code === 'ENOENT' ? { path: entry, reason: 'broken-link', detail: code === 'ELOOP' ? 'is a link loop' : 'is a link to nothing' } : { path: entry, reason: 'unreadable', detail: code });
      return;
    }
    if (!within.followLinksOutside && !isInside(within, real)) {
      const what = real === entry ? 'is outside the source folders' : `is a link to ${real}, outside the source folders (the setting briefing.sources.followLinksOutside allows it)`;
      skipped.push({ path: entry, reason: 'outside-sources', detail: what });
      return;
    }
    let info;
    try {
      info = await stat(real);
    } catch (error) {
      skipped.push({ path: entry, reason: 'unreadable', detail: errorCode(error) });
      return;
    }
    if (info.isDirectory()) await walkFolder(entry, real, depth);
    else if (info.isFile()) {
      if (sourceFormatOf(entry) || (named && sourceFormatOf(real))) {
        if (seenFiles.has(real) && !named) skipped.push({ path: entry, reason: 'already-read', detail: `is a link to ${real}, which is read already` });
        addFile(entry, real);
      } else if (named) skipped.push({ path: entry, reason: 'unsupported-type', detail: 'is not .md, .txt, .html, .pdf or .docx' });
    } else skipped.push({ path: entry, reason: 'not-a-file', detail: `is ${describeFileKind(info)}; only regular files are read` });
  };

  for (const root of entries) await follow(path.resolve(root), 0, true);
  // Links last, so a file is listed by its own path before any link to it.
  while (links.length > 0 && !exhausted) {
    const { entry, depth } = links.shift()!;
    await follow(entry, depth, false);
  }
  return { files, skipped };
}

/**
 * Reads and decodes one source file, or says why it is skipped. The file
 * is opened without blocking and checked to be a regular file before a
 * byte is read (a FIFO would block forever, /dev/zero never ends), inside
 * `area` when given, and never read past `maxBytes`.
 */
export async function readSourceFile(file: string, textLimit: number, area?: SourceArea): Promise<{ file: UserFile } | { skipped: SkippedFile }> {
  const binary = isBinaryFormat(sourceFormatOf(file));
  const maxBytes = binary ? Math.max(textLimit, MAX_BINARY_SOURCE_BYTES) : textLimit;
  const tooLarge = (size: number): { skipped: SkippedFile } => ({
    skipped: {
      path: file,
      reason: 'too-large',
      detail: `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} ${binary ? 'limit for PDF and Word files' : 'limit (briefing.sources.maxFileSizeKB)'}`,
    },
  });
  let handle;
  try {
    if (area) {
      const real = await realpath(file);
      if (!area.followLinksOutside && !isInside(area, real)) {
        return { skipped: { path: file, reason: 'outside-sources', detail: `leads to ${real}, outside the source folders` } };
      }
    }
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { skipped: { path: file, reason: 'not-a-file', detail: `is ${describeFileKind(info)}; only regular files are read` } };
    if (info.size > maxBytes) return tooLarge(info.size);
    // Read to the limit, not to the size: a file may grow while read, and some report no size at all.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size + 1, 64 * 1024)));
    let filled = 0;
    let chunk = buffer;
    for (;;) {
      if (filled === chunk.length) {
        if (chunk.length > maxBytes) return tooLarge(filled);
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, filled);
        chunk = bigger;
      }
      const { bytesRead } = await handle.read(chunk, filled, chunk.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return tooLarge(filled);
    if (binary) {
      if (filled === 0) return { skipped: { path: file, reason: 'empty', detail: 'is empty' } };
      return { file: { path: file, text: '', bytes: new Uint8Array(chunk.buffer, chunk.byteOffset, filled), modifiedMs: info.mtimeMs, sizeBytes: info.size } };
    }
    const decoded = decodeText(chunk.subarray(0, filled));
    if ('reason' in decoded) return { skipped: { path: file, reason: decoded.reason, detail: decoded.detail } };
    return { file: { path: file, text: decoded.text, modifiedMs: info.mtimeMs, sizeBytes: info.size } };
  } catch (error) {
    const code = errorCode(error);
    return { skipped: { path: file, reason: code === 'ENOENT' ? 'broken-link' : 'unreadable', detail: code } };
  } finally {
    await handle?.close().catch(() => undefined);
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
  return info !== undefined && info.isFile() && info.size === known.size && info.mtimeMs === known.modifiedMs;
}
