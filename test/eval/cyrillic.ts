/**
 * `npm run eval:cyrillic [-- --split dev|heldout|all]`: hit@3 of Russian and
 * Ukrainian search on the fixture news texts (see cyrillicEval.ts). Tune on
 * `dev` only; `heldout` is for reporting.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle } from '../../src/core/bundle';
import { readManifestSources } from '../../src/node/bundledSources';
import { evaluateCyrillic, type CyrillicSplit } from './cyrillicEval';

const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' } } });
const splits: CyrillicSplit[] = values.split === 'all' ? ['dev', 'heldout'] : [values.split as CyrillicSplit];
const english = buildBundle(readManifestSources(path.resolve(__dirname, '..', '..', 'data'))).corpus.documents;
for (const split of splits) {
  const figures = evaluateCyrillic(split, english);
  for (const [kind, figure] of Object.entries(figures)) {
    console.log(`${split} ${kind}: hit@3 ${figure.hits}/${figure.total} = ${(figure.hits / figure.total).toFixed(2)}`);
    for (const miss of figure.misses) console.log(`   miss: ${miss}`);
  }
}
