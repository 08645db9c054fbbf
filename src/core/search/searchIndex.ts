import MiniSearch, { type Query, type SearchResult as MiniSearchResult } from 'minisearch';
import type { Corpus } from '../corpus';
import type { Passage, PassageKind, SourceDocument, SourceMeta } from '../model';
import { toTerm } from '../text/terms';
import { words } from '../text/tokens';
import { planQuery, type QueryGroup } from './queryPlan';
import { makeSnippet, type Snippet } from './snippet';

/** A passage that matched a query, with the sentences to show and cite. */
export interface SearchHit {
  readonly passage: Passage;
  readonly meta: SourceMeta;
  readonly score: number;
  readonly snippet: Snippet;
  /** Index terms of the passage that matched. */
  readonly matchedTerms: readonly string[];
}

export interface SearchOptions {
  /** How many hits at most; 10 when not given. */
  readonly limit?: number;
  /** Passages to rank first among equals, e.g. already cited in the draft or pinned. */
  readonly preferred?: ReadonlySet<string>;
}

/** A completion of what the user is typing. */
export interface Suggestion {
  readonly text: string;
  readonly score: number;
}

interface IndexedPassage {
  readonly id: string;
  readonly title: string;
  readonly heading: string;
  readonly text: string;
}

const FIELDS = ['title', 'heading', 'text'];
const KIND_WEIGHT: Readonly<Record<PassageKind, number>> = {
  paragraph: 1,
  'question-answer': 1,
  'table-row': 0.9,
  callout: 0.6,
};
const MIN_PREFIX_LENGTH = 3;
const MIN_FUZZY_LENGTH = 5;
const OR_PASS_WEIGHT = 0.5;

function indexedPassages(document: SourceDocument): IndexedPassage[] {
  return document.passages.map((passage) => ({ id: passage.id, title: document.meta.title, heading: passage.heading ?? '', text: passage.text }));
}

const processTerm = (term: string): string | null => toTerm(term);
const tokenize = (text: string): string[] => words(text);

/**
 * The passage index: minisearch with a query plan shaped for typing.
 * Terms are combined with AND; only the word being typed is matched as a
 * prefix; one-edit typos are tried only when exact matching comes up
 * short; an OR pass fills the list last, ranked below every AND hit.
 */
export class SearchIndex {
  private constructor(
    private readonly corpus: Corpus,
    private readonly index: MiniSearch<IndexedPassage>,
  ) {}

  static build(corpus: Corpus): SearchIndex {
    const index = new MiniSearch<IndexedPassage>(SearchIndex.options());
    index.addAll(corpus.documents.flatMap((document) => indexedPassages(document)));
    return new SearchIndex(corpus, index);
  }

  /** Adds a document to the corpus and the index, replacing an earlier version with the same id. */
  addDocument(document: SourceDocument): void {
    this.removeDocument(document.meta.id);
    this.corpus.add(document);
    this.index.addAll(indexedPassages(document));
  }

  /** Removes a document and its passages from the corpus and the index. */
  removeDocument(docId: string): void {
    const removed = this.corpus.remove(docId);
    for (const passage of removed?.passages ?? []) this.index.discard(passage.id);
  }

  /** Restores an index from `toJSON()`; throws when the data is not a minisearch index. */
  static load(corpus: Corpus, serialized: unknown): SearchIndex {
    const index = MiniSearch.loadJS<IndexedPassage>(serialized as Parameters<typeof MiniSearch.loadJS>[0], SearchIndex.options());
    if (index.documentCount !== corpus.passageCount) {
      throw new Error(`index holds ${index.documentCount} passages but the corpus has ${corpus.passageCount}`);
    }
    return new SearchIndex(corpus, index);
  }

  private static options(): ConstructorParameters<typeof MiniSearch<IndexedPassage>>[0] {
    return { fields: FIELDS, storeFields: [], tokenize, processTerm };
  }

  toJSON(): unknown {
    return this.index.toJSON();
  }

  get passageCount(): number {
    return this.index.documentCount;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const groups = planQuery(query);
    if (groups.length === 0) return [];

    const ranked = new Map<string, MiniSearchResult>();
    const take = (results: MiniSearchResult[], weight: number): void => {
      for (const result of results) {
        if (!ranked.has(result.id)) ranked.set(result.id, { ...result, score: result.score * weight });
      }
    };
    take(this.run(groups, 'AND', false), 1);
    if (ranked.size < limit) take(this.run(groups, 'AND', true), 1);
    if (ranked.size < limit && groups.length > 1) take(this.run(groups, 'OR', true), OR_PASS_WEIGHT);

    const preferred = options.preferred;
    const results = [...ranked.values()];
    if (preferred && preferred.size > 0) {
      results.sort((a, b) => Number(preferred.has(b.id)) - Number(preferred.has(a.id)));
    }
    return results.slice(0, limit).flatMap((result) => {
      const passage = this.corpus.passage(result.id);
      const meta = passage && this.corpus.meta(passage.docId);
      if (!passage || !meta) return [];
      const matched = new Set(result.terms);
      return [{ passage, meta, score: result.score, snippet: makeSnippet(passage.text, matched), matchedTerms: result.terms }];
    });
  }

  /** Completions for the query being typed: whole queries whose words all occur together. */
  suggest(query: string, limit = 8): Suggestion[] {
    if (planQuery(query).length === 0) return [];
    return this.index
      .autoSuggest(query, {
        combineWith: 'AND',
        prefix: (_term, index, terms) => index === terms.length - 1,
        fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? 1 : false),
        boost: { heading: 2, title: 1.5 },
      })
      .slice(0, limit)
      .map((suggestion) => ({ text: suggestion.suggestion, score: suggestion.score }));
  }

  private run(groups: readonly QueryGroup[], combineWith: 'AND' | 'OR', fuzzy: boolean): MiniSearchResult[] {
    const query: Query = {
      combineWith,
      queries: groups.map((group) => ({
        combineWith: 'OR',
        prefix: group.typing && group.alternatives[0].join(' ').length >= MIN_PREFIX_LENGTH,
        fuzzy: fuzzy ? (term: string) => (term.length >= MIN_FUZZY_LENGTH && !/\d/.test(term) ? 1 : false) : false,
        queries: group.alternatives.map((terms) =>
          terms.length === 1 ? terms[0] : { combineWith: 'AND', queries: [...terms] },
        ),
      })),
    };
    return this.index.search(query, {
      fields: FIELDS,
      boost: { heading: 2, title: 1.5 },
      boostDocument: (id: string) => KIND_WEIGHT[this.corpus.passage(id)?.kind ?? 'paragraph'],
    });
  }
}
