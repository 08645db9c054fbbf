/**
 * What is known about a corpus beyond its words: an alias table of who
 * and what its texts name (under every spelling and stand-in), words
 * that look like names there but are not, words every text of it uses,
 * and a writer's synonyms for its words. The methods of `src/` work
 * without any of it; the bundled corpus brings its own, from
 * `data/knowledge.json`, used only when the bundled sources are included.
 */
import type { Corpus } from '../corpus';
import type { EntityKind } from './types';
import bundled from '../../../data/knowledge.json';

/** An entity the knowledge names, with every way its texts write it. */
export interface KnownEntity {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  /** Every way a text may write the name; the longest match wins. */
  readonly aliases: readonly string[];
  /** Adjectives that stand for the entity as a speaker: "a Ukrainian official", "the Russian side". */
  readonly demonyms?: readonly string[];
  readonly note?: string;
}

export interface CorpusKnowledge {
  readonly entities: readonly KnownEntity[];
  /** Capitalised words of these texts that are no names ("Guys", "Pro Tip"). */
  readonly notNames: readonly string[];
  /** Words every text uses: they tell nothing about which figure, event or claim a sentence is about. */
  readonly everywhere: readonly string[];
  /** Aliases that are also ordinary lowercase words: matched only as written ("Bath", not "bath"). */
  readonly caseSensitive: readonly string[];
  /** A writer's word → the word these texts use for it, as search terms. */
  readonly synonyms: Readonly<Record<string, string>>;
  /** Spellings of one name (transliterations), each as good as the others in a search. */
  readonly searchSpellings: readonly (readonly string[])[];
  /** A writer's names for what these texts call otherwise ("the Fed" for "the Federal Reserve"), as groups of phrases a search expands to. */
  readonly searchAliases: readonly (readonly string[])[];
}

/** Knowing nothing beyond the words: what every corpus of the user's own gets. */
export const NO_KNOWLEDGE: CorpusKnowledge = { entities: [], notNames: [], everywhere: [], caseSensitive: [], synonyms: {}, searchSpellings: [], searchAliases: [] };

let bundledKnowledge: CorpusKnowledge | undefined;
/** The bundled corpus's knowledge, from data/knowledge.json. */
export function knowledgeOfBundledCorpus(): CorpusKnowledge {
  bundledKnowledge ??= validateKnowledge(bundled);
  return bundledKnowledge;
}

/** The knowledge that applies to a corpus: the bundled corpus's when its documents are included, else none. */
export function knowledgeFor(corpus: Corpus): CorpusKnowledge {
  return corpus.documents.some((document) => document.meta.origin === 'bundled') ? knowledgeOfBundledCorpus() : NO_KNOWLEDGE;
}

/** Checks the shape of a knowledge file; throws an Error naming the first problem. */
export function validateKnowledge(value: unknown): CorpusKnowledge {
  const object = value as Partial<Record<keyof CorpusKnowledge, unknown>>;
  const strings = (name: string, list: unknown): string[] => {
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) throw new Error(`knowledge: ${name} must be an array of strings`);
    return list as string[];
  };
  const groups = (name: string, list: unknown): string[][] => {
    if (!Array.isArray(list)) throw new Error(`knowledge: ${name} must be an array of arrays of strings`);
    return list.map((group: unknown, index: number) => strings(`${name}[${index}]`, group));
  };
  if (!Array.isArray(object.entities)) throw new Error('knowledge: entities must be an array');
  const entities = object.entities.map((item: unknown, index: number): KnownEntity => {
    const entity = item as Partial<KnownEntity>;
    if (typeof entity.id !== 'string' || typeof entity.name !== 'string' || !['person', 'place', 'organisation'].includes(entity.kind as string)) {
      throw new Error(`knowledge: entities[${index}] needs an id, a name and a kind (person, place or organisation)`);
    }
    return {
      id: entity.id,
      name: entity.name,
      kind: entity.kind as EntityKind,
      aliases: strings(`entities[${index}].aliases`, entity.aliases),
      ...(entity.demonyms ? { demonyms: strings(`entities[${index}].demonyms`, entity.demonyms) } : {}),
      ...(typeof entity.note === 'string' ? { note: entity.note } : {}),
    };
  });
  const synonyms = object.synonyms ?? {};
  if (typeof synonyms !== 'object' || Object.values(synonyms as object).some((word) => typeof word !== 'string')) throw new Error('knowledge: synonyms must map words to words');
  return {
    entities,
    notNames: strings('notNames', object.notNames ?? []).map((word) => word.toLowerCase()),
    everywhere: strings('everywhere', object.everywhere ?? []),
    caseSensitive: strings('caseSensitive', object.caseSensitive ?? []),
    synonyms: synonyms as Record<string, string>,
    searchSpellings: groups('searchSpellings', object.searchSpellings ?? []),
    searchAliases: groups('searchAliases', object.searchAliases ?? []),
  };
}
