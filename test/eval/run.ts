/**
 * `npm run eval:brief [-- --split dev|heldout|heldout2|all] [--story NAME] [--verbose]`:
 * prints the briefing's and the checks' figures on the news development set.
 * Tune on `dev` only; `heldout` and `heldout2` (a second held-out set, made after
 * `heldout` had been looked at several times) are for reporting.
 */
import { parseArgs } from 'node:util';
import { emptyTally, evaluate, figuresOf, report, type Split, type Tally } from './newsEval';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, story: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } } });
  const splits: Split[] = values.split === 'all' ? ['dev', 'heldout', 'heldout2'] : [values.split as Split];
  for (const split of splits) {
    if (split !== 'dev' && split !== 'heldout' && split !== 'heldout2') throw new Error(`--split must be dev, heldout, heldout2 or all, not "${split}"`);
    const started = performance.now();
    let shown: Tally | undefined;
    const total = await evaluate(split, (story, tally) => {
      if (values.story === story) shown = tally;
      else if (!values.story && values.verbose) console.log(report(`${split}/${story}`, tally, true));
    });
    if (values.story) {
      console.log(report(`${split}/${values.story}`, shown ?? emptyTally(), true));
      continue;
    }
    console.log(report(`${split}: all stories`, total, false));
    console.log(`  (${Math.round(performance.now() - started)} ms)`);
    console.log(`EVAL_JSON ${JSON.stringify({ split, ...figuresOf(total) })}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
