/**
 * The phrases a query word also stands for, read at query time only (the
 * index keeps the sources' own words). Two kinds: spellings of one word
 * ("per cent" for "percent"), each as good as the word typed; and aliases,
 * a writer's other names for what the sources call otherwise, which a
 * search weighs below the word typed and by how rare they are. The table
 * of `src/` holds only what holds in any English text; a corpus's own
 * names (its people, places and subjects) come with its knowledge, from
 * `data/`, and apply only while that corpus is searched.
 */
import type { Corpus } from '../corpus';
import { knowledgeOfBundledCorpus } from '../brief/knowledge';
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';

/** Spellings of one word in any English text: a unit written out, an abbreviation, an irregular plural. */
const GENERAL_SPELLINGS: readonly (readonly string[])[] = [
  ['percent', 'per cent'],
  ['gdp', 'gross domestic product'],
  ['child', 'children'],
];

/** The longest phrase looked up, in words. */
const MAX_PHRASE_WORDS = 4;

/** What a run of query words stands for besides itself. */
export interface AliasMatch {
  /** How many query words the phrase took. */
  readonly length: number;
  /** Other spellings of the same word, as term sequences: as good as the word typed. */
  readonly spellings: readonly (readonly string[])[];
  /** Other names for it, as term sequences: weighted below the word typed. */
  readonly aliases: readonly (readonly string[])[];
}

type Phrase = readonly string[];

export class AliasTable {
  /** Each phrase's spelling group (itself included), by its terms joined with spaces. */
  private readonly spellingGroup = new Map<string, readonly Phrase[]>();
  /** Each spelling group's other names, by the group's first phrase. */
  private readonly otherNames = new Map<string, Phrase[]>();

  constructor(spellingGroups: readonly (readonly string[])[], aliasGroups: readonly (readonly string[])[]) {
    for (const group of spellingGroups) {
      const phrases = group.map(phraseTerms).filter((terms) => terms.length > 0);
      for (const terms of phrases) this.spellingGroup.set(terms.join(' '), phrases);
    }
    for (const group of aliasGroups) {
      const phrases = group.map(phraseTerms).filter((terms) => terms.length > 0);
      for (const terms of phrases) {
        const names = this.otherNames.get(this.canonical(terms)) ?? [];
        // Another name brings its spellings along (a capital standing for its country, in each of its transliterations).
        for (const other of phrases) for (const spelling of this.spellingsOf(other)) if (!names.some((known) => same(known, spelling))) names.push(spelling);
        this.otherNames.set(this.canonical(terms), names);
      }
    }
  }

  private spellingsOf(terms: Phrase): readonly Phrase[] {
    return this.spellingGroup.get(terms.join(' ')) ?? [terms];
  }

  private canonical(terms: Phrase): string {
    return this.spellingsOf(terms)[0].join(' ');
  }

  private lookup(terms: Phrase): AliasMatch | undefined {
    const spellings = this.spellingsOf(terms);
    const names = this.otherNames.get(this.canonical(terms)) ?? [];
    if (spellings.length === 1 && names.length === 0) return undefined;
    return {
      length: 0,
      spellings: spellings.filter((spelling) => !same(spelling, terms)),
      aliases: names.filter((name) => !spellings.some((spelling) => same(spelling, name))),
    };
  }

  /** The longest phrase of the table starting at `words[start]`, or undefined. */
  match(words: readonly string[], start: number): AliasMatch | undefined {
    for (let length = Math.min(MAX_PHRASE_WORDS, words.length - start); length >= 1; length--) {
      const terms = phraseTerms(words.slice(start, start + length).join(' '));
      if (terms.length === 0) continue;
      const found = this.lookup(terms);
      if (found) return { ...found, length };
    }
    return undefined;
  }
}

function same(a: Phrase, b: Phrase): boolean {
  return a.length === b.length && a.every((term, i) => term === b[i]);
}

function phraseTerms(phrase: string): string[] {
  return tokenize(phrase)
    .map((token) => toTerm(token.word))
    .filter((term): term is string => term !== null);
}

/** What any library gets: the general spellings only. */
export const GENERAL_ALIASES = new AliasTable(GENERAL_SPELLINGS, []);

let bundled: AliasTable | undefined;
/** The general spellings with the bundled corpus's own names and spellings, from data/knowledge.json. */
export function bundledAliases(): AliasTable {
  if (!bundled) {
    const knowledge = knowledgeOfBundledCorpus();
    bundled = new AliasTable([...GENERAL_SPELLINGS, ...knowledge.searchSpellings], knowledge.searchAliases);
  }
  return bundled;
}

/** The table for a library: the bundled corpus's while any of its documents is included, else the general one. */
export function aliasesFor(corpus: Corpus): AliasTable {
  return corpus.documents.some((document) => document.meta.origin === 'bundled') ? bundledAliases() : GENERAL_ALIASES;
}

/** The table for hits already found (the extension's merge of local and archive hits): the bundled one when any is bundled. */
export function aliasesForOrigins(origins: Iterable<string | undefined>): AliasTable {
  for (const origin of origins) if (origin === 'bundled') return bundledAliases();
  return GENERAL_ALIASES;
}
