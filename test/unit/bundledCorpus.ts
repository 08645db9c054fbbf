import * as path from 'node:path';
import { buildBundle, type LoadedBundle } from '../../src/core/bundle';
import type { RawSource } from '../../src/core/corpus';
import type { Passage, SourceDocument } from '../../src/core/model';
import { readManifestSources } from '../../src/node/bundledSources';

export const repoRoot = path.resolve(__dirname, '..', '..');

let cached: { sources: RawSource[]; bundle: LoadedBundle } | undefined;

/** The bundled corpus, parsed and indexed once for all unit tests. */
export function bundled(): { sources: RawSource[]; bundle: LoadedBundle } {
  if (!cached) {
    const sources = readManifestSources(path.join(repoRoot, 'data'));
    cached = { sources, bundle: buildBundle(sources) };
  }
  return cached;
}

export function documentOf(id: string): SourceDocument {
  const document = bundled().bundle.corpus.document(id);
  if (!document) throw new Error(`no bundled document ${id}`);
  return document;
}

export function rawOf(id: string): string {
  const source = bundled().sources.find((candidate) => candidate.hints.id === id);
  if (!source) throw new Error(`no bundled source ${id}`);
  return source.raw;
}

export function passageOf(id: string): Passage {
  const passage = bundled().bundle.corpus.passage(id);
  if (!passage) throw new Error(`no passage ${id}`);
  return passage;
}
