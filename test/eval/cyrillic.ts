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
import { crossLanguageFigures, crossScriptMerges, fixturePeople, nerUkPeople, nerUkSpeakers, type Ratio } from './cyrillicBriefEval';

const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, misses: { type: 'boolean', default: false } } });
const splits: CyrillicSplit[] = values.split === 'all' ? ['dev', 'heldout'] : [values.split as CyrillicSplit];
const english = buildBundle(readManifestSources(path.resolve(__dirname, '..', '..', 'data'))).corpus.documents;
for (const split of splits) {
  const figures = evaluateCyrillic(split, english);
  for (const [kind, figure] of Object.entries(figures)) {
    console.log(`${split} ${kind}: hit@3 ${figure.hits}/${figure.total} = ${(figure.hits / figure.total).toFixed(2)}`);
    for (const miss of figure.misses) console.log(`   miss: ${miss}`);
  }
}

// The briefing: people, one entity per person, speakers and cross-script merges.
const ratio = (figure: Ratio): string => `${figure.hits}/${figure.total} = ${figure.total ? (figure.hits / figure.total).toFixed(2) : '–'}`;
const verbose = process.argv.includes('--misses');
const show = (label: string, figure: Ratio): void => {
  console.log(`${label}: ${ratio(figure)}`);
  if (verbose) for (const miss of figure.misses) console.log(`   miss: ${miss}`);
};
for (const split of splits) {
  const people = fixturePeople(split);
  show(`${split} briefing people found (fixtures)`, people.found);
  show(`${split} briefing one entity per person (fixtures)`, people.oneEntity);
  console.log(`${split} briefing people not in the key (fixtures): ${people.extra.length}${people.extra.length ? ` — ${people.extra.join('; ')}` : ''}`);
  show(`${split} English draft figures against Cyrillic sources, outcome as keyed`, crossLanguageFigures(split));
  const part = split === 'dev' ? 'dev' : 'test';
  const ner = nerUkPeople(part);
  if (!ner) {
    console.log(`${split} ner-uk: skipped (set NER_UK_DIR to a local copy of lang-uk/ner-uk v2.0 data with split.txt)`);
    continue;
  }
  show(`${split} ner-uk ${part} people mention precision`, ner.precision);
  show(`${split} ner-uk ${part} people mention recall`, ner.recall);
  if (split === 'heldout') {
    const speakers = nerUkSpeakers();
    if (speakers) show('heldout ner-uk test speakers right', speakers);
    const merges = crossScriptMerges(english);
    if (merges) {
      show('heldout cross-script merges with the bundled English people', merges.merged);
      console.log(`heldout wrong cross-script merges: ${merges.wrong.length}${merges.wrong.length ? ` — ${merges.wrong.join('; ')}` : ''}`);
    }
  }
}
