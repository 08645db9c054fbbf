import { Corpus, type RawSource } from './corpus';
import type { SourceDocument } from './model';
import { SearchIndex } from './search/searchIndex';
import { contentHash } from './text/hash';

/** Bumped whenever the parser, the terms or the index layout change, so old caches are never trusted. */
export const INDEX_FORMAT = 6;

/** A corpus and its search index, serialized together as one JSON file. */
export interface SerializedBundle {
  readonly format: number;
  /** Hash of every raw text and its hints the bundle was built from. */
  readonly sourceHash: string;
  readonly documents: readonly SourceDocument[];
  readonly index: unknown;
}

/** A ready-to-search corpus. */
export interface LoadedBundle {
  readonly corpus: Corpus;
  readonly index: SearchIndex;
}

/** The hash a bundle built from these sources would carry. */
export function hashSources(sources: readonly RawSource[]): string {
  return contentHash(`${INDEX_FORMAT}\n` + sources.map((source) => JSON.stringify(source.hints) + '\n' + source.raw).join('\u0000'));
}

export function buildBundle(sources: readonly RawSource[]): LoadedBundle {
  const corpus = Corpus.parse(sources);
  return { corpus, index: SearchIndex.build(corpus) };
}

export function serializeBundle(bundle: LoadedBundle, sourceHash: string): SerializedBundle {
  return { format: INDEX_FORMAT, sourceHash, documents: bundle.corpus.documents, index: bundle.index.toJSON() };
}

/**
 * Loads a serialized bundle when it was built from exactly these sources
 * by this version; otherwise rebuilds from the sources and says why, so a
 * stale or corrupt file is never trusted.
 */
export function loadOrBuildBundle(
  serialized: string | undefined,
  sources: readonly RawSource[],
): { bundle: LoadedBundle; rebuiltBecause?: string } {
  const loaded = loadBundle(serialized, hashSources(sources));
  if ('bundle' in loaded) return loaded;
  return { bundle: buildBundle(sources), rebuiltBecause: loaded.problem };
}

/** Reads a serialized bundle, or says in a sentence why it cannot be trusted. */
export function loadBundle(serialized: string | undefined, expectedHash: string): { bundle: LoadedBundle } | { problem: string } {
  if (serialized === undefined) return { problem: 'no prebuilt index was found' };
  let parsed: SerializedBundle;
  try {
    parsed = JSON.parse(serialized) as SerializedBundle;
  } catch {
    return { problem: 'the prebuilt index is not valid JSON (truncated or corrupt)' };
  }
  if (parsed?.format !== INDEX_FORMAT) {
    return { problem: `the prebuilt index has format ${String(parsed?.format)}, expected ${INDEX_FORMAT}` };
  }
  if (parsed.sourceHash !== expectedHash) return { problem: 'the prebuilt index was built from other source texts' };
  try {
    const corpus = new Corpus(parsed.documents);
    return { bundle: { corpus, index: SearchIndex.load(corpus, parsed.index) } };
  } catch (error) {
    return { problem: `the prebuilt index could not be read: ${(error as Error).message}` };
  }
}
