/**
 * The meaning signal: word vectors read against one index's vocabulary.
 * A query word is expanded to the index terms nearest it in meaning
 * ("truce" → "ceasefire", "kids" → "children"), each weighted by how near
 * it is and how much it tells (a term most passages hold counts for
 * little); and a passage is compared with the query as a whole by the
 * cosine of their idf-weighted mean vectors.
 */
import { idf, termRarity } from '../termRarity';
import type { Synonyms } from './synonyms';
import type { WordVectors } from './wordVectors';

/** What the model reads from the index: how many passages hold a term, and every term. */
export interface VocabularySource {
  readonly documentCount: number;
  documentFrequency(term: string): number;
  terms(): Iterable<[string, number]>;
  withPrefix(prefix: string): Iterable<string>;
}

export interface Expansion {
  readonly term: string;
  readonly weight: number;
}

/** Tuned on the development questions only. */
export const MEANING_TUNING = {
  /** Neighbours nearer than this cosine are expansions. */
  minCosine: 0.6,
  /** At most this many expansions per query word. */
  maxExpansions: 6,
  /** An expansion's weight is this times its nearness, times its share of the idf: always below the word's own 1. */
  expansionWeight: 0.6,
  /** The nearness of a WordNet synonym whose vectors say it is farther (or that has none). */
  synonymNearness: 0.6,
  /** An expansion in no more than this share of the passages keeps its whole weight; commoner ones count for less. */
  rareShare: 0.1,
  /** Meaning search re-ranks this many candidates. */
  candidates: 60,
  /** A sentence's word counts as near a query word from this cosine on. */
  softCosine: 0.45,
  /** How near an alias of the query word counts, before its rarity. */
  aliasNearness: 0.8,
  /** The most a near word counts for (the query word itself counts 1). */
  nearCap: 0.8,
  /** The weight of the index's own word score (scaled 0–1) beside the best sentence's match. */
  lexicalWeight: 0.1,
  /** A passage shorter than this many words (a table row, a heading) has its words' score scaled down. */
  shortPassageWords: 12,
  /** The weight of the cosine between the query's and the sentence's idf-weighted mean vectors. */
  sentenceVectorWeight: 0.8,
  /** How much of the library's common direction (the mean of its words' vectors) is taken out of both before that cosine. */
  commonRemoval: 1,
};

const EXPANSION_CACHE = 4096;
/** A synonym's other forms are at most this many letters longer ("child" → "children")… */
const MAX_FORM_LETTERS = 3;
/** …and this near it. */
const FORM_COSINE = 0.7;

export class MeaningModel {
  /** Table rows of the terms the index holds, refreshed when the index changes. */
  private rows: Int32Array | undefined;
  private readonly expansionCache = new Map<string, readonly Expansion[]>();
  /** The unit mean of the library's words' vectors: the direction every text shares, which says nothing of a sentence. */
  private common: Float32Array | undefined;

  constructor(
    readonly vectors: WordVectors,
    private readonly synonyms: Synonyms | undefined,
    private readonly vocabulary: VocabularySource,
  ) {}

  /** The index changed: neighbours and weights are worked out again. */
  invalidate(): void {
    this.rows = undefined;
    this.common = undefined;
    this.expansionCache.clear();
  }

  /** Inverse document frequency as BM25 reads it, scaled to 0–1 by the rarest possible term. */
  idfShare(term: string): number {
    const n = Math.max(1, this.vocabulary.documentCount);
    const df = this.vocabulary.documentFrequency(term);
    return idf(n, df) / idf(n, 0);
  }

  /** 1 for a term in few passages, less the more passages hold it: a word most passages contain tells little. */
  rarity(term: string): number {
    return termRarity(this.vocabulary, term, MEANING_TUNING.rareShare);
  }

  /** Index terms near a query term in meaning, nearest first, with their weights; none for a term without a vector. */
  expansions(term: string): readonly Expansion[] {
    const cached = this.expansionCache.get(term);
    if (cached) return cached;
    const found = this.nearest(term);
    if (this.expansionCache.size >= EXPANSION_CACHE) this.expansionCache.clear();
    this.expansionCache.set(term, found);
    return found;
  }

  private nearest(term: string): Expansion[] {
    const { minCosine, maxExpansions, expansionWeight, synonymNearness } = MEANING_TUNING;
    const nearness = new Map<string, number>();
    const row = this.vectors.id(term);
    if (row >= 0) {
      const rows = this.indexRows();
      const near: { row: number; cosine: number }[] = [];
      for (let i = 0; i < rows.length; i++) {
        const other = rows[i];
        if (other === row) continue;
        const cosine = this.vectors.cosine(row, other);
        if (cosine >= minCosine) near.push({ row: other, cosine });
      }
      near.sort((a, b) => b.cosine - a.cosine);
      for (const { row: other, cosine } of near.slice(0, maxExpansions)) nearness.set(this.vectors.terms[other], cosine);
    }
    for (const synonym of this.synonyms?.of(term) ?? []) {
      // The synonym's forms the index keeps apart ("children" for "child"): a few letters longer, and near it in meaning.
      for (const form of this.vocabulary.withPrefix(synonym)) {
        if (form.length > synonym.length + MAX_FORM_LETTERS || form === term) continue;
        const other = this.vectors.id(form);
        const base = this.vectors.id(synonym);
        if (form !== synonym && (other < 0 || base < 0 || this.vectors.cosine(base, other) < FORM_COSINE)) continue;
        const cosine = row >= 0 && other >= 0 ? this.vectors.cosine(row, other) : 0;
        nearness.set(form, Math.max(nearness.get(form) ?? 0, cosine, synonymNearness));
      }
    }
    return [...nearness]
      .map(([expansion, near]) => ({ term: expansion, weight: expansionWeight * near * this.rarity(expansion) }))
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  }

  private indexRows(): Int32Array {
    if (!this.rows) {
      const rows: number[] = [];
      for (const [term, count] of this.vocabulary.terms()) {
        if (count === 0) continue;
        const row = this.vectors.id(term);
        if (row >= 0) rows.push(row);
      }
      this.rows = Int32Array.from(rows);
    }
    return this.rows;
  }

  /** The idf-weighted mean of the terms' vectors (unnormalized), or undefined when none has a vector. */
  meanVector(terms: Iterable<string>): Float32Array | undefined {
    const vector = new Float32Array(this.vectors.dimensions);
    let any = false;
    for (const term of new Set(terms)) {
      const row = this.vectors.id(term);
      if (row < 0) continue;
      this.vectors.addTo(vector, row, this.idfShare(term));
      any = true;
    }
    return any ? vector : undefined;
  }

  /**
   * A mean vector made unit length, with part of the library's common
   * direction taken out: ready for `similarity` with another made so.
   */
  centred(vector: Float32Array): Float32Array {
    const removal = MEANING_TUNING.commonRemoval;
    const common = this.commonDirection();
    let norm = 0;
    for (let d = 0; d < vector.length; d++) norm += vector[d] * vector[d];
    const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
    const out = new Float32Array(vector.length);
    for (let d = 0; d < vector.length; d++) out[d] = vector[d] * scale - removal * common[d];
    return out;
  }

  private commonDirection(): Float32Array {
    if (!this.common) {
      const common = new Float32Array(this.vectors.dimensions);
      for (const row of this.indexRows()) this.vectors.addTo(common, row, 1);
      let norm = 0;
      for (let d = 0; d < common.length; d++) norm += common[d] * common[d];
      this.common = common.map((value) => (norm === 0 ? 0 : value / Math.sqrt(norm)));
    }
    return this.common;
  }

  /** Cosine of two mean vectors. */
  static similarity(a: Float32Array, b: Float32Array): number {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
      na += a[d] * a[d];
      nb += b[d] * b[d];
    }
    return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
