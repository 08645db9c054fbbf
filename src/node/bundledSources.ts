import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { RawSource } from '../core/corpus';
import { loadOrBuildBundle, type LoadedBundle } from '../core/bundle';
import { parseManifest } from '../core/manifest';
import { decodeText, type SkippedFile } from '../core/sources/fileContent';
import { describeFileKind, isInside } from './userFiles';

/** The largest text a manifest may name, unless the caller says otherwise (the CLI's --max-kb). */
const MANIFEST_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads a folder's `sources.json` and the texts it names. A manifest is
 * untrusted input: it may only name regular files inside its own folder
 * (not `../../etc/passwd`, not `/dev/zero`, not a link leading out), each
 * within the size limit and decoded as any source file is; an entry that
 * is not is skipped with its reason.
 */
export function readManifestFolder(dir: string, maxBytes = MANIFEST_FILE_BYTES): { sources: RawSource[]; skipped: SkippedFile[] } {
  const manifestPath = path.join(dir, 'sources.json');
  const manifest = readConfined(manifestPath, dir, maxBytes);
  if ('skipped' in manifest) throw new Error(`cannot read ${manifestPath}: it ${manifest.skipped.detail}`);
  const sources: RawSource[] = [];
  const skipped: SkippedFile[] = [];
  for (const hint of parseManifest(manifest.text)) {
    const read = readConfined(path.resolve(dir, hint.file), dir, maxBytes);
    if ('skipped' in read) skipped.push(read.skipped);
    else sources.push({ raw: read.text, hints: hint });
  }
  return { sources, skipped };
}

/** Reads the bundled corpus's texts and manifest from a `data/` folder; any entry that cannot be read is an error. */
export function readManifestSources(dataDir: string): RawSource[] {
  const { sources, skipped } = readManifestFolder(dataDir);
  if (skipped.length > 0) throw new Error(`cannot read ${skipped[0].path}: it ${skipped[0].detail}`);
  return sources;
}

/**
 * Loads the bundled corpus from its prebuilt index, rebuilding in memory
 * (and saying why through `warn`) when the index is missing, stale or corrupt.
 */
export function loadBundledCorpus(extensionRoot: string, warn: (message: string) => void): LoadedBundle {
  const sources = readManifestSources(path.join(extensionRoot, 'data'));
  const indexPath = path.join(extensionRoot, 'dist', 'bundled-index.json');
  const serialized = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined;
  const { bundle, rebuiltBecause } = loadOrBuildBundle(serialized, sources);
  if (rebuiltBecause) warn(`Rebuilt the search index of the bundled corpus: ${rebuiltBecause}.`);
  return bundle;
}

/** A regular file inside `dir` (links resolved), opened without blocking and read no further than `maxBytes`. */
function readConfined(file: string, dir: string, maxBytes: number): { text: string } | { skipped: SkippedFile } {
  const skip = (reason: SkippedFile['reason'], detail: string): { skipped: SkippedFile } => ({ skipped: { path: file, reason, detail } });
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return skip(code === 'ENOENT' ? 'broken-link' : 'unreadable', code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`);
  }
  if (!isInside({ realRoots: [realpathSync(dir)], followLinksOutside: false }, real)) {
    return skip('outside-sources', `is outside the manifest's folder (${real}); a sources.json may only name files inside its folder`);
  }
  let fd: number | undefined;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return skip('not-a-file', `is ${describeFileKind(info)}; only regular files are read`);
    if (info.size > maxBytes) return skip('too-large', `is ${info.size} bytes, over the ${maxBytes} byte limit`);
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, info.size + 1));
    let filled = 0;
    for (let read = -1; read !== 0 && filled < buffer.length; filled += read) read = readSync(fd, buffer, filled, buffer.length - filled, filled);
    if (filled > maxBytes) return skip('too-large', `is over the ${maxBytes} byte limit`);
    const decoded = decodeText(buffer.subarray(0, filled));
    return 'reason' in decoded ? skip(decoded.reason, decoded.detail) : decoded;
  } catch (error) {
    return skip('unreadable', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
