/**
 * Loads the resources of meaning search from the extension's dist/ folder:
 * the word vectors and the synonym table made at build time (see
 * scripts/wordVectors.ts and scripts/synonyms.ts). Read once per process,
 * in the index worker (or the CLI), never on the extension host.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Synonyms } from '../core/search/meaning/synonyms';
import { WordVectors } from '../core/search/meaning/wordVectors';

export interface MeaningResources {
  readonly vectors: WordVectors;
  readonly synonyms: Synonyms;
}

export const WORD_VECTORS_FILE = 'word-vectors.bin';
export const SYNONYMS_FILE = 'synonyms.txt';

const loaded = new Map<string, Promise<MeaningResources>>();

/** The resources under `extensionPath`/dist, read on first call; rejects with a clear reason when they are missing or damaged. */
export function loadMeaningResources(extensionPath: string): Promise<MeaningResources> {
  let resources = loaded.get(extensionPath);
  if (!resources) {
    const dist = path.join(extensionPath, 'dist');
    resources = (async () => {
      try {
        const [vectorBytes, synonymText] = await Promise.all([readFile(path.join(dist, WORD_VECTORS_FILE)), readFile(path.join(dist, SYNONYMS_FILE), 'utf8')]);
        return { vectors: WordVectors.decode(vectorBytes), synonyms: Synonyms.decode(synonymText) };
      } catch (error) {
        throw new Error(`meaning search is off: could not read its word vectors and synonyms in ${dist} (${(error as Error).message}); run npm run build`);
      }
    })();
    loaded.set(extensionPath, resources);
    resources.catch(() => loaded.delete(extensionPath));
  }
  return resources;
}
