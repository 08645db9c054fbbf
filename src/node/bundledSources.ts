import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RawSource } from '../core/corpus';
import { loadOrBuildBundle, type LoadedBundle } from '../core/bundle';
import { parseManifest } from '../core/manifest';

/** Reads the bundled corpus's texts and manifest from a `data/` folder. */
export function readManifestSources(dataDir: string): RawSource[] {
  const manifestPath = path.join(dataDir, 'sources.json');
  const hints = parseManifest(readText(manifestPath));
  return hints.map((hint) => ({ raw: readText(path.join(dataDir, hint.file)), hints: hint }));
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

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}
