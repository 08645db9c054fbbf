import type { Corpus } from '../corpus';
import type { Passage, PassageKind, SourceDocument, SourceMeta } from '../model';
import { passageLanguage } from '../text/passageLanguage';
import type { CyrillicLanguage } from '../text/language';
import { toTerm } from '../text/terms';
import { words } from '../text/tokens';
import { sourceWordTerms } from '../text/wordTerms';
import { aliasesFor, type AliasTable } from './aliasTable';
import { exactTerms } from './exactTerms';
import { MEANING_TUNING, MeaningModel } from './meaning/meaningModel';
import { MeaningRanker, type MeaningQueryWord } from './meaning/meaningRanker';
import type { Synonyms } from './meaning/synonyms';
import type { WordVectors } from './meaning/wordVectors';
import { boundedQuery, MAX_TERM_CHARS, planQuery, type QueryGroup } from './queryPlan';
import { makeSnippet, type Snippet } from './snippet';
import { termRarity } from './termRarity';
import { TermIndex, type ClauseSpec, type GroupSpec, type TermHit } from './termIndex';

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
  /** Rank by meaning too (when word vectors are loaded); true when not given. */
  readonly meaning?: boolean;
}

/** A role the briefing read for a person, with the passages that say it ("White House press secretary"). */
export interface RoleEntry {
  readonly person: string;
  readonly role: string;
  readonly passageIds: readonly string[];
}

/** An alias of the word typed ("fed" for "federal reserve") counts this much at most, less the commoner it is; the word itself counts 1. */
const ALIAS_WEIGHT = 0.8;

/**
 * A role must match a "who" question this well (its word match plus its vector closeness) for its passages to
 * answer it: set on 18 development questions (bench/meaning/whoQuestions.ts), 13 answered right from 0.6 to 0.8.
 */
const ROLE_MATCH = 0.7;

/** A completion of what the user is typing. */
export interface Suggestion {
  readonly text: string;
  readonly score: number;
}

/** Field boosts in the index's field order: title, heading, text. */
const BOOSTS = [1.5, 2, 1];
const KIND_WEIGHT: Readonly<Record<PassageKind, number>> = {
  paragraph: 1,
  'question-answer': 1,
  'table-row': 0.9,
  callout: 0.6,
};
const MIN_PREFIX_LENGTH = 3;
const MIN_FUZZY_LENGTH = 5;
const OR_PASS_WEIGHT = 0.5;
/** How many passages suggestions are drawn from. */
const SUGGEST_PASSAGES = 500;

/**
 * A passage's index terms per field (title, heading, text) and each
 * field's length in distinct words; Russian and Ukrainian words add their
 * stems in the passage's language, and names their cross-script keys.
 */
function passageFields(passage: Passage, title: string, language: CyrillicLanguage | undefined): { terms: string[][]; lengths: number[] } {
  const terms: string[][] = [];
  const lengths: number[] = [];
  for (const text of [title, passage.heading ?? '', passage.text]) {
    const tokens = words(text);
    lengths.push(new Set(tokens).size);
    const fieldTerms: string[] = [];
    for (const token of tokens) for (const term of sourceWordTerms(token, language)) fieldTerms.push(term);
    terms.push(fieldTerms);
  }
  return { terms, lengths };
}

/**
 * The passage index: compact posting arrays with minisearch's radix tree
 * as the term dictionary (see termIndex.ts), and a query plan shaped for
 * typing. Terms are combined with AND; only the word being typed is
 * matched as a prefix; one-edit typos are tried only when exact matching
 * comes up short; an OR pass fills the list last, ranked below every AND
 * hit.
 */
export class SearchIndex {
  private meaning: MeaningRanker | undefined;
  /** The alias table for the library as it is (the bundled corpus's while its documents are in), worked out again when it changes. */
  private aliasTable: AliasTable | undefined;

  private constructor(
    private readonly corpus: Corpus,
    private readonly index: TermIndex,
  ) {}

  static build(corpus: Corpus): SearchIndex {
    const index = new TermIndex(BOOSTS);
    for (const document of corpus.documents) SearchIndex.addPassages(index, document);
    index.scoreAll();
    return new SearchIndex(corpus, index);
  }

  private static addPassages(index: TermIndex, document: SourceDocument): void {
    for (const passage of document.passages) {
      const { terms, lengths } = passageFields(passage, document.meta.title, passageLanguage(passage.text, document.meta.lang));
      index.add(passage.id, terms, lengths, KIND_WEIGHT[passage.kind] ?? 1);
    }
  }

  /** Adds a document to the corpus and the index, replacing an earlier version with the same id. */
  addDocument(document: SourceDocument): void {
    this.removeDocument(document.meta.id);
    this.corpus.add(document);
    SearchIndex.addPassages(this.index, document);
    this.meaningChanged();
  }

  /** Removes a document and its passages from the corpus and the index. */
  removeDocument(docId: string): void {
    const removed = this.corpus.remove(docId);
    for (const passage of removed?.passages ?? []) this.index.discard(passage.id);
    this.meaningChanged();
  }

  /** Word vectors for meaning search, or undefined for exact words only. */
  useMeaning(vectors: WordVectors | undefined, synonyms?: Synonyms): void {
    this.meaning = vectors ? new MeaningRanker(new MeaningModel(vectors, synonyms, this.index)) : undefined;
  }

  get hasMeaning(): boolean {
    return this.meaning !== undefined;
  }

  /** The alias table this library's queries are read with; also the archive's, searched beside it. */
  get aliases(): AliasTable {
    this.aliasTable ??= aliasesFor(this.corpus);
    return this.aliasTable;
  }

  /** Reads a query with this library's alias table. */
  plan(query: string): QueryGroup[] {
    return planQuery(query, this.aliases);
  }

  private meaningChanged(): void {
    this.aliasTable = undefined;
    this.meaning?.model.invalidate();
    this.meaning?.clear();
  }

  /** Restores an index from `toJSON()`; throws when the data is not an index of this version or not of this corpus. */
  static load(corpus: Corpus, serialized: unknown): SearchIndex {
    const index = TermIndex.load(serialized, BOOSTS);
    if (index.documentCount !== corpus.passageCount) {
      throw new Error(`index holds ${index.documentCount} passages but the corpus has ${corpus.passageCount}`);
    }
    return new SearchIndex(corpus, index);
  }

  toJSON(): unknown {
    return this.index.toJSON();
  }

  get passageCount(): number {
    return this.index.documentCount;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const groups = this.plan(query);
    if (groups.length === 0) return [];
    const preferred = options.preferred && options.preferred.size > 0 ? options.preferred : undefined;

    const ranked = new Map<string, TermHit & { pass: number }>();
    let pass = 0;
    const take = (results: TermHit[], weight: number): void => {
      for (const result of results) {
        if (!ranked.has(result.id)) ranked.set(result.id, { ...result, score: result.score * weight, pass });
      }
      pass++;
    };
    const run = (combineWith: 'AND' | 'OR', fuzzy: boolean): TermHit[] =>
      this.index.search(this.specs(groups, fuzzy), { combineWith, limit: limit - ranked.size, exclude: ranked, preferred });
    take(run('AND', false), 1);
    if (ranked.size < limit) take(run('AND', true), 1);
    if (ranked.size < limit && groups.length > 1) take(run('OR', true), OR_PASS_WEIGHT);

    // With meaning, the candidates come in the meaning ranker's order; without, in the order the word passes found them.
    const ranker = options.meaning === false ? undefined : this.meaning;
    const ordered: Array<TermHit & { pass?: number }> = ranker ? this.byMeaning(ranker, groups, ranked, preferred) : [...ranked.values()];
    // Passages with the query's figures and names as typed first; then every word matched before fewer (the passes
    // in order); preferred passages (cited in the draft) first only among equals, never above a better match.
    // By meaning, only figures come first and the ranker's order stands otherwise: a name has other names (a capital
    // for its country, a building for the staff in it) that the ranker weighs, scoring the name itself above them,
    // and only the words' own hits carry a pass.
    const exact = exactTerms(query, { names: !ranker });
    const missing = (terms: readonly string[]): number => exact.filter((term) => !terms.includes(term)).length;
    const passOf = (result: TermHit & { pass?: number }): number => (ranker ? 0 : (result.pass ?? 0));
    const results = ordered
      .map((result, order) => ({ result, order, missing: missing(result.terms), preferred: preferred?.has(result.id) ? 0 : 1 }))
      .sort((a, b) => a.missing - b.missing || passOf(a.result) - passOf(b.result) || a.preferred - b.preferred || a.order - b.order)
      .map(({ result }) => result);
    return results.slice(0, limit).flatMap((result) => {
      const passage = this.corpus.passage(result.id);
      const meta = passage && this.corpus.meta(passage.docId);
      if (!passage || !meta) return [];
      const matched = new Set(result.terms);
      return [{ passage, meta, score: result.score, snippet: makeSnippet(passage.text, matched), matchedTerms: result.terms }];
    });
  }

  /**
   * Re-ranks by meaning: the words' hits so far and the best passages of an
   * OR search in which every finished word also stands for its nearest
   * terms in meaning (see meaningRanker.ts for the score).
   */
  private byMeaning(ranker: MeaningRanker, groups: readonly QueryGroup[], lexical: ReadonlyMap<string, TermHit>, preferred: ReadonlySet<string> | undefined): TermHit[] {
    const { model } = ranker;
    const expanded: GroupSpec[] = this.specs(groups, false).map((spec, g) => ({
      alternatives: spec.alternatives.map((alternative) =>
        alternative.length === 1 && !groups[g].typing && (alternative[0].weight ?? 1) === 1 ? [{ ...alternative[0], expansions: model.expansions(alternative[0].term) }] : alternative,
      ),
    }));
    const candidates = new Map<string, TermHit>();
    for (const hit of this.index.search(expanded, { combineWith: 'OR', limit: MEANING_TUNING.candidates, preferred })) candidates.set(hit.id, hit);
    for (const hit of lexical.values()) if (!candidates.has(hit.id)) candidates.set(hit.id, hit);
    const query = this.meaningQuery(groups);
    if (query.length === 0) return [...lexical.values()];
    let best = 0;
    for (const hit of candidates.values()) best = Math.max(best, hit.score);
    const scored = [...candidates.values()].flatMap((hit) => {
      const passage = this.corpus.passage(hit.id);
      return passage ? [{ ...hit, score: ranker.score(query, passage, best > 0 ? hit.score / best : 0) }] : [];
    });
    return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /**
   * The passages that answer a "who" question ("who speaks for the
   * Pentagon") from the roles the briefing read: each role is matched by
   * meaning against the question's words, and the passages cited for the
   * roles that match well come first. Empty without meaning search.
   */
  answerWho(question: string, roles: readonly RoleEntry[], limit = 3): SearchHit[] {
    const matched = this.roleMatches(question, roles).filter((entry) => entry.score >= ROLE_MATCH);
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const { role, score } of matched) {
      for (const id of role.passageIds) {
        const passage = this.corpus.passage(id);
        const meta = passage && this.corpus.meta(passage.docId);
        if (!passage || !meta || seen.has(id) || hits.length >= limit) continue;
        seen.add(id);
        const terms = words(`${role.person} ${role.role}`).map(toTerm).filter((term): term is string => term !== null);
        hits.push({ passage, meta, score: 1 + score, snippet: makeSnippet(passage.text, new Set(terms)), matchedTerms: terms });
      }
    }
    return hits;
  }

  /** How well each role matches a "who" question, best first; empty without meaning search or for another question. */
  roleMatches(question: string, roles: readonly RoleEntry[]): { role: RoleEntry; score: number }[] {
    const ranker = this.meaning;
    if (!ranker || !/^\s*who\b/i.test(question)) return [];
    const query = this.meaningQuery(this.plan(question.trimEnd() + ' '));
    if (query.length === 0) return [];
    return roles
      .map((role, i) => ({ role, score: ranker.score(query, { id: `role:${i}:${role.role}`, docId: '', text: role.role, kind: 'paragraph', span: { start: 0, end: 0 } } as unknown as Passage, 0, 'role') }))
      .sort((a, b) => b.score - a.score);
  }

  /** The finished words of a query as the meaning ranker reads them: each word's own terms and its aliases. */
  private meaningQuery(groups: readonly QueryGroup[]): MeaningQueryWord[] {
    return groups
      .filter((group) => !group.typing)
      .map((group) => {
        // The user's own words and their one-word spellings count as the word; the table's other names (and
        // spellings of several words, whose words apart mean something else: "united", "states") as near words.
        const usable = group.alternatives.filter((alternative) => !alternative.some((term) => term.startsWith('~')));
        const terms = [...new Set([...usable[0], ...usable.slice(1).filter((alternative) => alternative.length === 1).flat()])];
        const near = [...usable.slice(1).filter((alternative) => alternative.length > 1), ...(group.aliases ?? [])];
        return { terms, aliases: [...new Set(near.flat())].filter((term) => !terms.includes(term)) };
      });
  }

  /** Completions for the query being typed: whole queries whose words all occur together. */
  suggest(query: string, limit = 8): Suggestion[] {
    const groupCount = this.plan(query).length;
    if (groupCount === 0) return [];
    const terms = words(boundedQuery(query))
      .filter((word) => word.length <= MAX_TERM_CHARS)
      .map(toTerm)
      .filter((term): term is string => term !== null)
      .slice(0, groupCount);
    const groups: GroupSpec[] = terms.map((term, i) => ({
      alternatives: [[{ term, prefix: i === terms.length - 1, fuzzy: term.length >= MIN_FUZZY_LENGTH }]],
    }));
    // As minisearch's autoSuggest: passages grouped by the terms they matched, scored by their mean.
    const phrases = new Map<string, { score: number; count: number }>();
    for (const hit of this.index.search(groups, { combineWith: 'AND', limit: SUGGEST_PASSAGES })) {
      const phrase = hit.terms.join(' ');
      const entry = phrases.get(phrase);
      if (entry) {
        entry.score += hit.score;
        entry.count++;
      } else phrases.set(phrase, { score: hit.score, count: 1 });
    }
    return [...phrases]
      .map(([text, { score, count }]) => ({ text, score: score / count }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /**
   * The query plan as the index reads it: the typed word's group by prefix,
   * typos only on the fuzzy passes, and each alias below the word typed,
   * weighted by its rarity (an alias most passages hold tells little).
   */
  private specs(groups: readonly QueryGroup[], fuzzy: boolean): GroupSpec[] {
    return groups.map((group) => {
      const prefix = group.typing && group.alternatives[0].join(' ').length >= MIN_PREFIX_LENGTH;
      const clauses = (terms: readonly string[], weight: number): ClauseSpec[] =>
        terms.map((term) => ({ term, prefix, fuzzy: fuzzy && term.length >= MIN_FUZZY_LENGTH && !/\d/.test(term), ...(weight < 1 ? { weight } : {}) }));
      return {
        alternatives: [
          ...group.alternatives.map((terms) => clauses(terms, 1)),
          ...(group.aliases ?? []).map((terms) => clauses(terms, ALIAS_WEIGHT * Math.min(...terms.map((term) => termRarity(this.index, term))))),
        ],
      };
    });
  }
}
