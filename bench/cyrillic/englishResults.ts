/**
 * `node -r ./test/unit/register.cjs bench/cyrillic/englishResults.ts OUT [SIZE]`:
 * writes the top-20 passage ids of every bench query (plus the unit
 * tests' English queries' kinds: prefixes, phrases, typos, names,
 * aliases) over the bench's English corpus of SIZE passages. Run on two
 * versions of the code and compare the files: the Russian and Ukrainian
 * support must leave English results as they were.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildBundle } from '../../src/core/bundle';
import { benchCorpus, buildPool, toRawSources } from '../corpus/generate';
import { makeQueries } from '../queries';

const [out, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg ?? 10000);
const root = path.resolve(__dirname, '..', '..');
const seed = 20250606;
const { corpus } = benchCorpus(root, size, seed, () => buildPool(root, seed));
const bundle = buildBundle(toRawSources(corpus));
const queries = makeQueries(bundle.corpus.documents.flatMap((document) => document.passages), seed);
const lines = queries.map((query) => JSON.stringify([query.text, bundle.index.search(query.text, { limit: 20 }).map((hit) => hit.passage.id)]));
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${queries.length} queries over ${bundle.corpus.passageCount} passages → ${out}`);
