/**
 * Measures meaning search: hit@3, hit@10 and MRR on the paraphrase
 * questions (development and held-out parts apart), and hit@3 on
 * exact-word queries drawn from the same texts, with meaning off and on.
 * Run: npm run eval:meaning (after npm run build, which makes the vectors).
 *
 * Exact-word queries: the two rarest words (of four letters or more) of a
 * sentence drawn with a fixed seed; a hit is a passage in the top three
 * that holds both words. Odd-numbered ones are held out.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildBundle, type LoadedBundle } from '../../src/core/bundle';
import { MEANING_TUNING } from '../../src/core/search/meaning/meaningModel';
import { Synonyms } from '../../src/core/search/meaning/synonyms';
import { WordVectors } from '../../src/core/search/meaning/wordVectors';
import { toTerm } from '../../src/core/text/terms';
import { words } from '../../src/core/text/tokens';
import { sentencesOf } from '../corpus/prose';
import { Random } from '../corpus/random';
import { EVAL_CORPORA, evalSources, type EvalCorpusName } from './corpora';
import { FRESH_QUESTIONS } from './freshQuestions';
import { isHeldOut, PARAPHRASE_QUESTIONS } from './questions';
import { WHO_QUESTIONS } from './whoQuestions';
import { analyseCorpus } from '../../src/core/brief';

const root = path.resolve(__dirname, '..', '..');
const EXACT_PER_CORPUS = 40;
const SEED = 19;

interface Tally {
  count: number;
  hit3: number;
  hit10: number;
  rr: number;
}

const termsOf = (text: string): string[] => words(text).map(toTerm).filter((term): term is string => term !== null);

function main(): void {
  const vectors = WordVectors.decode(readFileSync(path.join(root, 'dist', 'word-vectors.bin')));
  const synonyms = process.env.NO_WORDNET ? undefined : Synonyms.decode(readFileSync(path.join(root, 'dist', 'synonyms.txt'), 'utf8'));
  // Tuning experiments: TUNE='{"closenessWeight":0.3}' (development questions only).
  Object.assign(MEANING_TUNING, JSON.parse(process.env.TUNE ?? '{}'));
  const bundles = new Map<EvalCorpusName, LoadedBundle>();
  for (const name of EVAL_CORPORA) bundles.set(name, buildBundle(evalSources(root, name)));
  const verbose = process.argv.includes('--verbose');
  const showHeldOut = process.argv.includes('--held-out');
  // The second held-out set (freshQuestions.ts): scored only when asked for, never while tuning.
  const showFresh = process.argv.includes('--fresh');

  // Questions that share a content word with their answer are flagged, not dropped: the set says what it is.
  [...PARAPHRASE_QUESTIONS, ...(showFresh ? FRESH_QUESTIONS : [])].forEach((q, i) => {
    const bundle = bundles.get(q.corpus)!;
    const answerPassage = bundle.corpus.passages.find((p) => q.answers.some((a) => p.text.includes(a)));
    if (!answerPassage) console.log(`question ${i}: no passage holds its answer "${q.answers[0]}"`);
  });

  for (const meaning of [false, true]) {
    const tallies = { dev: blank(), heldOut: blank() };
    PARAPHRASE_QUESTIONS.forEach((q, i) => {
      const bundle = bundles.get(q.corpus)!;
      bundle.index.useMeaning(meaning ? vectors : undefined, synonyms);
      const hits = bundle.index.search(`${q.question} `, { limit: 10 });
      const rank = hits.findIndex((hit) => q.answers.some((a) => hit.passage.text.includes(a)));
      const part = isHeldOut(i) ? tallies.heldOut : tallies.dev;
      count(part, rank);
      if (verbose && (!isHeldOut(i) || showHeldOut)) {
        console.log(`${rank >= 0 && rank < 3 ? 'ok  ' : 'MISS'} [${rank}] ${q.question}`);
        if (rank < 0 || rank >= 3) for (const hit of hits.slice(0, 3)) console.log(`        ${hit.score.toFixed(2)} ${hit.passage.text.slice(0, 110)}`);
      }
    });
    const fresh = blank();
    if (showFresh) {
      for (const q of FRESH_QUESTIONS) {
        const bundle = bundles.get(q.corpus)!;
        bundle.index.useMeaning(meaning ? vectors : undefined, synonyms);
        const hits = bundle.index.search(`${q.question} `, { limit: 10 });
        const rank = hits.findIndex((hit) => q.answers.some((a) => hit.passage.text.includes(a)));
        count(fresh, rank);
        if (verbose) console.log(`fresh ${rank >= 0 && rank < 3 ? 'ok  ' : 'MISS'} [${rank}] ${q.question}`);
      }
    }
    const exact = { dev: blank(), heldOut: blank() };
    for (const name of EVAL_CORPORA.filter((corpus) => corpus !== 'sotu2000s')) {
      const bundle = bundles.get(name)!;
      bundle.index.useMeaning(meaning ? vectors : undefined, synonyms);
      exactQueries(bundle, name).forEach((query, i) => {
        const hits = bundle.index.search(`${query.join(' ')} `, { limit: 10 });
        const rank = hits.findIndex((hit) => {
          const held = new Set(termsOf(`${hit.passage.heading ?? ''} ${hit.passage.text} ${hit.meta.title}`));
          return query.every((word) => held.has(toTerm(word)!));
        });
        count(i % 2 === 1 ? exact.heldOut : exact.dev, rank);
      });
    }
    // The held-out figures are printed only when asked for: tuning looks at the development part alone.
    const heldOut = (t: Tally): string => (showHeldOut ? ` | held-out ${line(t)}` : '');
    console.log(`meaning ${meaning ? 'on ' : 'off'} | paraphrase dev ${line(tallies.dev)}${heldOut(tallies.heldOut)}`);
    console.log(`            | exact-word dev ${line(exact.dev)}${heldOut(exact.heldOut)}`);
    if (showFresh) console.log(`            | second held-out set (SOTU 2001–2008) ${line(fresh)}`);
    if (meaning) whoAccuracy(bundles.get('bundled')!);
  }
}

function exactQueries(bundle: LoadedBundle, name: EvalCorpusName): string[][] {
  const random = new Random(SEED + name.length);
  const passages = bundle.corpus.passages.filter((p) => p.kind === 'paragraph' && p.text.length > 80);
  const queries: string[][] = [];
  for (let tries = 0; queries.length < EXACT_PER_CORPUS && tries < 1000; tries++) {
    const sentence = random.pick(sentencesOf(random.pick(passages).text));
    const candidates = [...new Set(words(sentence).filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w) && toTerm(w) !== null))];
    if (candidates.length < 2) continue;
    const rarity = (w: string): number => bundle.corpus.passages.filter((p) => p.text.includes(w)).length;
    queries.push(candidates.sort((a, b) => rarity(a) - rarity(b)).slice(0, 2));
  }
  return queries;
}

/**
 * "Who" questions: the person of the best-matching role, when it matches at
 * least the threshold, against the key (none where no role can say). Printed
 * for a range of thresholds, to set ROLE_MATCH on.
 */
function whoAccuracy(bundle: LoadedBundle): void {
  const roles = analyseCorpus(bundle.corpus).entities.flatMap((entity) =>
    entity.kind === 'person' ? entity.roles.map((role) => ({ person: entity.name, role: role.role, passageIds: role.citations.map((citation) => citation.passageId) })) : [],
  );
  const matches = WHO_QUESTIONS.map((q) => ({ q, best: bundle.index.roleMatches(q.question, roles)[0] }));
  if (process.argv.includes('--verbose')) for (const { q, best } of matches) console.log(`who: ${q.question} → ${best?.role.person}: ${best?.role.role} ${best?.score.toFixed(2)} (key: ${q.person})`);
  const cells: string[] = [];
  for (let threshold = 0.3; threshold <= 1.31; threshold += 0.1) {
    const right = matches.filter(({ q, best }) => ((best?.score ?? 0) >= threshold ? best.role.person : null) === q.person).length;
    cells.push(`${threshold.toFixed(1)}: ${right}/${matches.length}`);
  }
  console.log(`"who" questions answered right, by role-match threshold | ${cells.join('  ')}`);
}

const blank = (): Tally => ({ count: 0, hit3: 0, hit10: 0, rr: 0 });
function count(tally: Tally, rank: number): void {
  tally.count++;
  if (rank >= 0 && rank < 3) tally.hit3++;
  if (rank >= 0) {
    tally.hit10++;
    tally.rr += 1 / (rank + 1);
  }
}
const line = (t: Tally): string => `n=${t.count} hit@3 ${(t.hit3 / t.count).toFixed(2)} hit@10 ${(t.hit10 / t.count).toFixed(2)} MRR ${(t.rr / t.count).toFixed(2)}`;

main();
