/** The benchmark's command line, its fixed parameters, and where it writes. */
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/** Where generated corpora, folders and saved indexes are kept between runs (ignored by git). */
export const BENCH_DIR = path.join(ROOT, '.bench');
export const SEED = 20250606;
/** Results per search, as the quick pick and the panel ask for by default (briefing.search.maxResults). */
export const LIMIT = 20;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

export const options = {
  /** The bench's own arguments, to run it again in a child process. */
  args,
  sizes: (option('sizes') ?? '1000,10000,100000').split(',').map(Number),
  /** Warm repeats of the whole typing sequence, after the cold pass. */
  warmRounds: Number(option('warm-rounds') ?? 2),
  /** Fresh processes per size for the cold passes; their samples are pooled. */
  coldRuns: Number(option('cold-runs') ?? 1),
  useRg: !args.includes('--no-rg'),
  /** Meaning search on (the default, as briefing.search.meaning) or off (--meaning=off): words only. */
  meaning: option('meaning') !== 'off',
  /** Set in a child process: which measurement it runs. */
  child: option('child'),
  /** A child's input, as a JSON file. */
  spec: option('spec'),
};

export const log = (line = ''): void => void process.stdout.write(line + '\n');
