/**
 * Queries typed as users type them, drawn reproducibly from a corpus's
 * own vocabulary: the prefixes of a word while it is typed, single words,
 * 2–3-word phrases, phrases whose last word is still being typed, one-edit
 * typos, names, and the alias words a writer uses (Washington, Kremlin,
 * "a thousand").
 */
import type { Passage } from '../src/core/model';
import { STOP_WORDS } from '../src/core/text/terms';
import { Random } from './corpus/random';

export type QueryKind = 'prefix' | 'word' | 'phrase' | 'phrase-typing' | 'typo' | 'name' | 'alias';
export const QUERY_KINDS: readonly QueryKind[] = ['prefix', 'word', 'phrase', 'phrase-typing', 'typo', 'name', 'alias'];

export interface BenchQuery {
  readonly kind: QueryKind;
  readonly text: string;
  /** For a typo: the word it was made from. */
  readonly intended?: string;
}

/** What a writer types for the things the sources call otherwise; the search expands them. */
const ALIAS_QUERIES = [
  'Washington', 'Kremlin', 'a thousand', 'White House', 'United Nations', 'per cent', 'cease fire', 'Kiev',
  'three thousand bodies', 'Moscow', 'prisoner swap', 'European Union', 'America', 'truce', 'Washington role in the peace talks',
];

const COUNTS: Readonly<Record<Exclude<QueryKind, 'prefix' | 'alias'>, number>> = {
  word: 40,
  phrase: 40,
  'phrase-typing': 40,
  typo: 30,
  name: 30,
};
const TYPED_WORDS = 10;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

interface WordStat {
  word: string;
  count: number;
  /** Times seen capitalized other than at a sentence start. */
  capitalized: number;
}

function oneEdit(word: string, random: Random): string {
  const at = random.int(1, word.length - 1);
  switch (random.int(0, 3)) {
    case 0: // substitution
      return word.slice(0, at) + random.pick([...LETTERS].filter((c) => c !== word[at])) + word.slice(at + 1);
    case 1: // deletion
      return word.slice(0, at) + word.slice(at + 1);
    case 2: // insertion
      return word.slice(0, at) + random.pick([...LETTERS]) + word.slice(at);
    default: // transposition
      return at + 1 < word.length && word[at] !== word[at + 1] ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
  }
}

/** At least 200 queries for a corpus, the same ones for the same corpus and seed. */
export function makeQueries(passages: readonly Passage[], seed: number): BenchQuery[] {
  const random = new Random(seed ^ 0x9e3779b9);
  const stats = new Map<string, WordStat>();
  const wordRuns: string[][] = [];
  for (const passage of passages) {
    const tokens = passage.text.match(/[A-Za-z]+(?:'[a-z]+)?|[.!?;:,"()]/g) ?? [];
    let sentenceStart = true;
    let run: string[] = [];
    for (const token of tokens) {
      if (!/^[A-Za-z]/.test(token)) {
        if (/[.!?]/.test(token)) sentenceStart = true;
        if (run.length > 0) wordRuns.push(run);
        run = [];
        continue;
      }
      run.push(token);
      const lower = token.toLowerCase();
      const stat = stats.get(lower) ?? { word: lower, count: 0, capitalized: 0 };
      stat.count++;
      if (!sentenceStart && /^[A-Z][a-z]{3,}$/.test(token)) stat.capitalized++;
      stats.set(lower, stat);
      sentenceStart = false;
    }
    if (run.length > 0) wordRuns.push(run);
  }
  const content = [...stats.values()].filter((s) => !STOP_WORDS.has(s.word) && /^[a-z]+$/.test(s.word) && s.word.length >= 3);
  content.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
  // Words a writer would search for: neither the rarest hapaxes nor only the most common.
  const useful = content.filter((s) => s.count >= 3);
  const queries: BenchQuery[] = [];

  // Words typed letter by letter, from the third letter on.
  const longWords = useful.filter((s) => s.word.length >= 8 && s.count >= 5);
  const typed = new Set<string>(stats.has('negotiations') ? ['negotiations'] : []);
  while (typed.size < Math.min(TYPED_WORDS, longWords.length)) typed.add(random.pick(longWords).word);
  for (const word of typed) for (let n = 3; n <= word.length; n++) queries.push({ kind: 'prefix', text: word.slice(0, n) });

  // Single words across the frequency range: half from the 2,000 most common, half from the rest.
  const common = useful.slice(0, 2000);
  for (let i = 0; i < COUNTS.word; i++) queries.push({ kind: 'word', text: random.pick(i % 2 === 0 ? common : useful).word });

  // Phrases as they stand in the text, with at least two words that are not stop words.
  const phrase = (): string[] => {
    for (;;) {
      const run = random.pick(wordRuns);
      const length = random.int(2, 3);
      if (run.length < length) continue;
      const start = random.int(0, run.length - length);
      const words = run.slice(start, start + length);
      const meaningful = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()) && w.length >= 3);
      if (meaningful.length >= 2 && !STOP_WORDS.has(words[words.length - 1].toLowerCase())) return words;
    }
  };
  for (let i = 0; i < COUNTS.phrase; i++) queries.push({ kind: 'phrase', text: phrase().join(' ') });
  for (let i = 0; i < COUNTS['phrase-typing']; i++) {
    const words = phrase();
    const last = words[words.length - 1];
    if (last.length < 4) {
      i--;
      continue;
    }
    words[words.length - 1] = last.slice(0, random.int(3, last.length - 1));
    queries.push({ kind: 'phrase-typing', text: words.join(' ') });
  }

  const typoSource = useful.filter((s) => s.word.length >= 5);
  for (let i = 0; i < COUNTS.typo; i++) {
    const word = random.pick(typoSource).word;
    const typo = oneEdit(word, random);
    if (typo === word || stats.has(typo)) {
      i--;
      continue;
    }
    queries.push({ kind: 'typo', text: typo, intended: word });
  }

  // Names: words mostly written capitalized inside sentences, alone or as a first and last name.
  const names = [...stats.values()].filter((s) => s.capitalized >= 3 && s.capitalized >= 0.8 * s.count && !STOP_WORDS.has(s.word));
  const nameSet = new Set(names.map((s) => s.word));
  const pairs: string[] = [];
  for (const run of wordRuns) {
    for (let i = 0; i + 1 < run.length; i++) {
      if (/^[A-Z][a-z]{2,}$/.test(run[i]) && /^[A-Z][a-z]{2,}$/.test(run[i + 1]) && nameSet.has(run[i].toLowerCase()) && nameSet.has(run[i + 1].toLowerCase())) {
        pairs.push(`${run[i]} ${run[i + 1]}`);
      }
    }
  }
  for (let i = 0; i < COUNTS.name; i++) {
    if (i % 3 === 2 && pairs.length > 0) queries.push({ kind: 'name', text: random.pick(pairs) });
    else {
      const word = random.pick(names).word;
      queries.push({ kind: 'name', text: word[0].toUpperCase() + word.slice(1) });
    }
  }

  for (const text of ALIAS_QUERIES) queries.push({ kind: 'alias', text });
  return queries;
}

/** The words a plain substring scan looks for: the query's words, lowercased, stop words dropped. */
export function scanTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return kept.length > 0 ? kept : words;
}
