/**
 * The passage index behind search: compact posting arrays (one sorted run
 * of passage numbers per term, in typed arrays), BM25+ scoring with field
 * boosts as minisearch computes it, and a query evaluator that narrows
 * candidates before it scores: the cheapest group of a query is read in
 * full, every other group only probed for the passages still in the
 * running (galloping intersection), and only the top k are ranked.
 *
 * The term dictionary is minisearch's: a SearchableMap (radix tree) from
 * term to term number expands the word being typed (atPrefix) and one-edit
 * typos (fuzzyGet at Levenshtein distance 1; swaps of adjacent letters,
 * which Levenshtein counts as two edits, are looked up exactly beside it).
 * minisearch's own postings and scoring loop are not used: they have no
 * top-k cut and score every passage of every expanded term.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { base64ToBytes, bytesToBase64 } from './base64';
import { Scratch } from './scratch';

/** Fields in index order; a posting packs their term frequencies. */
export const FIELD_NAMES = ['title', 'heading', 'text'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
const FIELDS = FIELD_NAMES.length;

// minisearch's BM25+ parameters and term weights, so rankings stay as they were.
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** In an OR, a group with more postings than this (and than this share of the passages) is broad: see readAny. */
const BROAD_GROUP_POSTINGS = 4096;
const BROAD_GROUP_SHARE = 1 / 8;
/** Pending postings beyond this share of the index trigger a compaction right away. */
const COMPACT_SHARE = 0.25;
const SERIAL_ENGINE = 'briefing-postings';
const SERIAL_VERSION = 1;

/** One term of a query: matched exactly, and as a prefix or with one edit when asked. */
export interface ClauseSpec {
  readonly term: string;
  readonly prefix: boolean;
  readonly fuzzy: boolean;
  /** The term's own weight: 1 when not given; an alias of the word typed counts for less. */
  readonly weight?: number;
  /** Other terms that stand for this one (meaning search), each with its weight below the term's own 1. */
  readonly expansions?: readonly { readonly term: string; readonly weight: number }[];
}

/** Alternatives, any of which satisfies the group; each alternative's clauses must all match. */
export interface GroupSpec {
  readonly alternatives: readonly (readonly ClauseSpec[])[];
}

export interface TermHit {
  readonly id: string;
  readonly score: number;
  /** Index terms of the passage that matched, in query order. */
  readonly terms: string[];
}

export interface QueryOptions {
  readonly combineWith: 'AND' | 'OR';
  readonly limit: number;
  /** Passages not to return (already ranked by an earlier pass), by id. */
  readonly exclude?: { keys(): Iterable<string> };
  /** Passages ranked first among the matches. */
  readonly preferred?: ReadonlySet<string>;
}

/** The serialized form: varint-coded posting runs in base64, readable in a web worker. */
export interface SerializedTermIndex {
  readonly engine: typeof SERIAL_ENGINE;
  readonly version: number;
  readonly ids: readonly string[];
  readonly weights: readonly number[];
  /** Field lengths, FIELDS per passage, as varints in base64. */
  readonly lengths: string;
  readonly terms: readonly string[];
  /** Per term: its posting count, then (passage delta, packed frequencies) pairs, as varints in base64. */
  readonly postings: string;
  /** How many postings `postings` holds, so loading allocates exactly (older files lack it). */
  readonly postingCount?: number;
}

interface Derived {
  readonly term: number;
  readonly weight: number;
}

interface Clause {
  readonly derived: readonly Derived[];
  readonly bit: number;
  readonly cost: number;
}

interface Group {
  readonly alternatives: readonly (readonly Clause[])[];
  readonly cost: number;
}

/** Passages with their scores and the query terms they matched (bit mask), sorted by passage number. */
interface Candidates {
  docs: Int32Array;
  scores: Float64Array;
  masks: Uint32Array;
  length: number;
}

/** A posting packs its term frequencies: text in the low 16 bits, heading and title one byte each above. */
function fieldTf(packed: number, field: number): number {
  return field === 2 ? packed & 0xffff : field === 1 ? (packed >>> 16) & 0xff : packed >>> 24;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** First index in docs[from, to) whose value is ≥ target (galloping, then binary search). */
function gallop(docs: Int32Array, from: number, to: number, target: number): number {
  let step = 1;
  let low = from;
  let high = from;
  while (high < to && docs[high] < target) {
    low = high + 1;
    high += step;
    step <<= 1;
  }
  if (high > to) high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (docs[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class TermIndex {
  /** Exact term → term number: a hash map, since adding a passage looks up every word. */
  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  /**
   * minisearch's radix tree over the same terms, for prefix and fuzzy
   * expansion; made from the vocabulary when the index is ready (build and
   * load), then kept current as terms arrive.
   */
  private vocabulary: SearchableMap<number> | undefined;
  /** Marks the terms already taken while expanding one query term. */
  private termMark = new Int32Array(0);
  private termMarkValue = 0;

  // Postings of the compacted index: term t owns [offsets[t], offsets[t + 1]).
  private offsets = new Int32Array(1);
  private postDocs = new Int32Array(0);
  private postTfs = new Uint32Array(0);
  /** Documents per term and field, for idf. */
  private fieldDocs = new Int32Array(0);
  /** Postings added since the last compaction: per term, [doc, tf, doc, tf, …]. */
  private pending = new Map<number, number[]>();
  private pendingCount = 0;
  private deadSinceCompaction = 0;

  // Passages by number.
  private ids: string[] = [];
  private readonly docById = new Map<string, number>();
  private lengths: number[] = [];
  private weights: number[] = [];
  private alive: boolean[] = [];
  private live = 0;
  private readonly totalLength = new Float64Array(FIELDS);

  /** BM25 impact per posting (boosts and passage weight included), computed per term on first use. */
  private impacts = new Float32Array(0);
  private impactEpoch = new Int32Array(0);
  private epoch = 1;
  private norms = new Float64Array(0);
  private normsEpoch = 0;

  // Scratch space for dense accumulation, reused across queries.
  private stamp = new Int32Array(0);
  private stampValue = 0;
  private accScore = new Float64Array(0);
  /** The typed arrays one query works in, taken back when the next one starts. */
  private readonly scratch = new Scratch();
  /** The preferred passages of the last query, as passage numbers. */
  private preferredDocs: { ids: object; epoch: number; docs: ReadonlySet<number> } | undefined;

  constructor(private readonly boosts: readonly number[]) {}

  get documentCount(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.docById.has(id);
  }

  /** In how many passages a term occurs (any field); 0 for a term the index does not hold. */
  documentFrequency(term: string): number {
    this.ready();
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.postingCount(t);
  }

  /** The terms that begin with a prefix and still occur in some passage. */
  *withPrefix(prefix: string): IterableIterator<string> {
    this.ready();
    for (const t of this.dictionary().atPrefix(prefix).values()) if (this.postingCount(t) > 0) yield this.termText[t];
  }

  /** Every term the index has held, with its passage count (0 once its passages are gone). */
  *terms(): IterableIterator<[string, number]> {
    this.ready();
    for (let t = 0; t < this.termText.length; t++) yield [this.termText[t], this.postingCount(t)];
  }

  /**
   * Adds a passage: its terms per field (title, heading, text), each
   * field's length for BM25 (minisearch counts distinct words) and a weight
   * that multiplies its scores.
   */
  add(id: string, fields: readonly (readonly string[])[], fieldLengths: readonly number[], weight: number): void {
    if (this.docById.has(id)) this.discard(id);
    const doc = this.ids.length;
    this.ids.push(id);
    this.docById.set(id, doc);
    this.weights.push(weight);
    this.alive.push(true);
    this.live++;
    const counts = new Map<number, number>();
    for (let field = 0; field < FIELDS; field++) {
      const terms = fields[field] ?? [];
      const length = fieldLengths[field] ?? terms.length;
      this.lengths.push(length);
      this.totalLength[field] += length;
      for (const term of terms) {
        const termId = this.termId(term);
        const packed = counts.get(termId) ?? 0;
        const shift = field === 2 ? 0 : field === 1 ? 16 : 24;
        const mask = field === 2 ? 0xffff : 0xff;
        if (((packed >>> shift) & mask) < mask) counts.set(termId, packed + (1 << shift));
      }
    }
    for (const [termId, packed] of counts) {
      let run = this.pending.get(termId);
      if (!run) this.pending.set(termId, (run = []));
      run.push(doc, packed >>> 0);
      this.pendingCount++;
    }
    this.epoch++;
  }

  /** Forgets a passage; its postings are dropped at the next compaction. */
  discard(id: string): void {
    const doc = this.docById.get(id);
    if (doc === undefined) return;
    this.docById.delete(id);
    this.alive[doc] = false;
    this.live--;
    for (let field = 0; field < FIELDS; field++) this.totalLength[field] -= this.lengths[doc * FIELDS + field];
    this.deadSinceCompaction++;
    this.epoch++;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termText.length;
      this.termIds.set(term, id);
      this.termText.push(term);
      this.vocabulary?.set(term, id);
    }
    return id;
  }

  /** The radix tree of the vocabulary, made on first need. */
  private dictionary(): SearchableMap<number> {
    if (!this.vocabulary) {
      const vocabulary = new SearchableMap<number>();
      const text = this.termText;
      for (let t = 0; t < text.length; t++) vocabulary.set(text[t], t);
      this.vocabulary = vocabulary;
    }
    return this.vocabulary;
  }

  /** Merges pending postings into the compact arrays and drops those of discarded passages. */
  private compact(): void {
    if (this.pendingCount === 0 && this.deadSinceCompaction === 0 && this.offsets.length === this.termText.length + 1) return;
    const termCount = this.termText.length;
    const oldOffsets = this.offsets;
    const oldTerms = oldOffsets.length - 1;
    let total = 0;
    for (let t = 0; t < oldTerms; t++) total += oldOffsets[t + 1] - oldOffsets[t];
    total += this.pendingCount;
    const offsets = new Int32Array(termCount + 1);
    const docs = new Int32Array(total);
    const tfs = new Uint32Array(total);
    const fieldDocs = new Int32Array(termCount * FIELDS);
    let at = 0;
    for (let t = 0; t < termCount; t++) {
      offsets[t] = at;
      const keep = (doc: number, tf: number): void => {
        if (!this.alive[doc]) return;
        docs[at] = doc;
        tfs[at] = tf;
        at++;
        for (let field = 0; field < FIELDS; field++) if (fieldTf(tf, field) > 0) fieldDocs[t * FIELDS + field]++;
      };
      if (t < oldTerms) for (let i = oldOffsets[t]; i < oldOffsets[t + 1]; i++) keep(this.postDocs[i], this.postTfs[i]);
      const run = this.pending.get(t);
      if (run) for (let i = 0; i < run.length; i += 2) keep(run[i], run[i + 1]);
    }
    offsets[termCount] = at;
    this.offsets = offsets;
    this.postDocs = at === total ? docs : docs.slice(0, at);
    this.postTfs = at === total ? tfs : tfs.slice(0, at);
    this.fieldDocs = fieldDocs;
    this.pending = new Map();
    this.pendingCount = 0;
    this.deadSinceCompaction = 0;
    this.impacts = new Float32Array(at);
    this.impactEpoch = new Int32Array(termCount);
    this.epoch++;
  }

  /** Everything a query reads is compact and current; called by queries, and by builders once they are done adding. */
  ready(): void {
    if (this.pendingCount > 0 || this.deadSinceCompaction > 0 || this.offsets.length !== this.termText.length + 1) this.compact();
    this.dictionary();
    const docs = this.ids.length;
    if (this.stamp.length < docs) {
      const size = Math.max(docs, this.stamp.length * 2, 1024);
      this.stamp = new Int32Array(size);
      this.stampValue = 0;
      this.accScore = new Float64Array(size);
    }
  }

  /** True when adds since the last compaction are many enough that queries should not wait for them. */
  get needsCompaction(): boolean {
    return this.pendingCount > COMPACT_SHARE * Math.max(1024, this.postDocs.length);
  }

  /** BM25+ impacts of a term's postings, summed over fields with their boosts, times the passage weight. */
  private impactsOf(t: number): Float32Array {
    if (this.impactEpoch[t] !== this.epoch) this.computeImpacts(t);
    return this.impacts;
  }

  /** Each passage's BM25 length normalisation per field (k·(1 − b + b·length/average)), worked out once per index version. */
  private lengthNorms(): Float64Array {
    if (this.normsEpoch !== this.epoch) {
      const n = this.live;
      const docs = this.ids.length;
      const norms = this.norms.length >= docs * FIELDS ? this.norms : new Float64Array(Math.max(docs * FIELDS, this.norms.length * 2));
      for (let field = 0; field < FIELDS; field++) {
        const avg = n > 0 ? this.totalLength[field] / n : 0;
        for (let doc = 0; doc < docs; doc++) {
          const norm = avg > 0 ? this.lengths[doc * FIELDS + field] / avg : 1;
          norms[doc * FIELDS + field] = BM25_K * (1 - BM25_B + BM25_B * norm);
        }
      }
      this.norms = norms;
      this.normsEpoch = this.epoch;
    }
    return this.norms;
  }

  private computeImpacts(t: number): void {
    const n = this.live;
    const norms = this.lengthNorms();
    const idfOf = (field: number): number => {
      const matching = this.fieldDocs[t * FIELDS + field];
      return Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
    };
    const title = this.boosts[0] * idfOf(0);
    const heading = this.boosts[1] * idfOf(1);
    const text = this.boosts[2] * idfOf(2);
    const { postDocs, postTfs, impacts, weights } = this;
    for (let i = this.offsets[t], end = this.offsets[t + 1]; i < end; i++) {
      const doc = postDocs[i];
      const packed = postTfs[i];
      const base = doc * FIELDS;
      let score = 0;
      if (packed <= 0xffff) {
        // Most postings are in the text only.
        score = text * (BM25_D + (packed * (BM25_K + 1)) / (packed + norms[base + 2]));
      } else {
        const titleTf = packed >>> 24;
        const headingTf = (packed >>> 16) & 0xff;
        const textTf = packed & 0xffff;
        if (titleTf > 0) score += title * (BM25_D + (titleTf * (BM25_K + 1)) / (titleTf + norms[base]));
        if (headingTf > 0) score += heading * (BM25_D + (headingTf * (BM25_K + 1)) / (headingTf + norms[base + 1]));
        if (textTf > 0) score += text * (BM25_D + (textTf * (BM25_K + 1)) / (textTf + norms[base + 2]));
      }
      impacts[i] = score * weights[doc];
    }
    this.impactEpoch[t] = this.epoch;
  }

  /**
   * Scores every posting now, once, rather than each term on the first
   * query that touches it: called when an index is built or loaded, so the
   * first keystrokes of a session pay only for their own search. (After an
   * update, terms are scored again as queries touch them.)
   */
  scoreAll(): void {
    this.ready();
    for (let t = 0, terms = this.offsets.length - 1; t < terms; t++) if (this.impactEpoch[t] !== this.epoch) this.computeImpacts(t);
  }

  // --- expanding query terms ----------------------------------------------------------

  private postingCount(t: number): number {
    return this.offsets[t + 1] - this.offsets[t];
  }

  /**
   * The index terms a query term stands for, with minisearch's weights:
   * exact 1, prefix and one-edit less. Completions and typo matches come
   * from the radix tree; each set is put in alphabetical order so that
   * results do not depend on the order the terms were added in.
   */
  private expand(spec: ClauseSpec): Derived[] {
    const derived: Derived[] = [];
    if (this.termMark.length < this.termText.length) this.termMark = new Int32Array(Math.max(1024, this.termText.length * 2));
    const mark = ++this.termMarkValue;
    const text = this.termText;
    const takeId = (t: number, weight: number): void => {
      if (this.termMark[t] === mark || this.postingCount(t) === 0) return;
      this.termMark[t] = mark;
      derived.push({ term: t, weight });
    };
    const alphabetical = (ids: number[]): number[] => (ids.length > 1 ? ids.sort((a, b) => (text[a] < text[b] ? -1 : text[a] > text[b] ? 1 : 0)) : ids);
    const own = spec.weight ?? 1;
    const exact = this.termIds.get(spec.term);
    if (exact !== undefined) takeId(exact, own);
    for (const expansion of spec.expansions ?? []) {
      const t = this.termIds.get(expansion.term);
      if (t !== undefined) takeId(t, expansion.weight);
    }
    if (!spec.prefix && !spec.fuzzy) return derived;
    const vocabulary = this.dictionary();
    if (spec.prefix) {
      const length = spec.term.length;
      const completions: number[] = [];
      for (const t of vocabulary.atPrefix(spec.term).values()) if (text[t].length > length) completions.push(t);
      for (const t of alphabetical(completions)) {
        const termLength = text[t].length;
        takeId(t, (own * PREFIX_WEIGHT * termLength) / (termLength + 0.3 * (termLength - length)));
      }
    }
    // One-edit neighbours only for a word that matches nothing as typed: a word the sources use is taken as meant
    // (its neighbours — "place" for "peace" — are other words, and the costliest part of a query).
    if (spec.fuzzy && derived.length === 0) {
      const near: number[] = [];
      for (const [t, distance] of vocabulary.fuzzyGet(spec.term, 1).values()) if (distance > 0) near.push(t);
      // fuzzyGet counts edits as Levenshtein does, a swap of two adjacent letters as two; a typist makes it as one.
      const term = spec.term;
      for (let i = 0; i + 1 < term.length; i++) {
        if (term[i] === term[i + 1]) continue;
        const t = this.termIds.get(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
        if (t !== undefined) near.push(t);
      }
      for (const t of alphabetical(near)) {
        const termLength = text[t].length;
        takeId(t, (own * FUZZY_WEIGHT * termLength) / (termLength + 1));
      }
    }
    return derived;
  }

  private compile(groups: readonly GroupSpec[]): Group[] {
    const bits = new Map<string, number>();
    return groups.map((group) => {
      let cost = 0;
      const alternatives = group.alternatives.map((alternative) =>
        alternative.map((spec) => {
          let bit = bits.get(spec.term);
          if (bit === undefined) bits.set(spec.term, (bit = bits.size < 31 ? 1 << bits.size : 1 << 30));
          const derived = this.expand(spec);
          const clauseCost = derived.reduce((sum, d) => sum + this.postingCount(d.term), 0);
          cost += clauseCost;
          return { derived, bit, cost: clauseCost };
        }),
      );
      return { alternatives, cost };
    });
  }

  // --- evaluating -----------------------------------------------------------------------

  /** Every passage one clause matches, with its score: one term read straight, several merged densely. */
  private readClause(clause: Clause): Candidates {
    const { derived } = clause;
    if (derived.length === 1) {
      const { term, weight } = derived[0];
      const impacts = this.impactsOf(term);
      const start = this.offsets[term];
      const length = this.offsets[term + 1] - start;
      const out = this.newCandidates(length);
      for (let i = 0; i < length; i++) {
        out.docs[i] = this.postDocs[start + i];
        out.scores[i] = weight * impacts[start + i];
        out.masks[i] = clause.bit;
      }
      out.length = length;
      return out;
    }
    const stamp = this.nextStamp();
    let bound = 0;
    for (const { term } of derived) bound += this.offsets[term + 1] - this.offsets[term];
    const out = this.newCandidates(bound);
    let touched = 0;
    for (const { term, weight } of derived) {
      const impacts = this.impactsOf(term);
      for (let i = this.offsets[term], end = this.offsets[term + 1]; i < end; i++) {
        const doc = this.postDocs[i];
        if (this.stamp[doc] !== stamp) {
          this.stamp[doc] = stamp;
          this.accScore[doc] = 0;
          out.docs[touched++] = doc;
        }
        this.accScore[doc] += weight * impacts[i];
      }
    }
    if (touched * 8 > this.ids.length) {
      let at = 0;
      for (let doc = 0, docs = this.ids.length; doc < docs; doc++) if (this.stamp[doc] === stamp) out.docs[at++] = doc;
    } else {
      out.docs.subarray(0, touched).sort();
    }
    for (let i = 0; i < touched; i++) {
      out.scores[i] = this.accScore[out.docs[i]];
      out.masks[i] = clause.bit;
    }
    out.length = touched;
    return out;
  }

  /** Candidates with room for `length` passages, from this query's scratch memory. */
  private newCandidates(length: number): Candidates {
    return { docs: this.scratch.int32(length), scores: this.scratch.float64(length), masks: this.scratch.uint32(length), length: 0 };
  }

  /** Passages in either, scores added where both have one. */
  private union(a: Candidates, b: Candidates): Candidates {
    const out = this.newCandidates(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a.docs[i] < b.docs[j])) {
        out.docs[k] = a.docs[i];
        out.scores[k] = a.scores[i];
        out.masks[k++] = a.masks[i++];
      } else if (i >= a.length || b.docs[j] < a.docs[i]) {
        out.docs[k] = b.docs[j];
        out.scores[k] = b.scores[j];
        out.masks[k++] = b.masks[j++];
      } else {
        out.docs[k] = a.docs[i];
        out.scores[k] = a.scores[i] + b.scores[j];
        out.masks[k++] = a.masks[i++] | b.masks[j++];
      }
    }
    out.length = k;
    return out;
  }

  private nextStamp(): number {
    if (this.stampValue >= 0x7ffffff0) {
      this.stamp.fill(0);
      this.stampValue = 0;
    }
    return ++this.stampValue;
  }

  /**
   * For each candidate, whether the clause matches it and with what score.
   * Each derived term's postings are merged with the candidates, the
   * shorter side walked and the longer galloped; when the clause expands to
   * many terms (a prefix being typed), marking its postings in a dense
   * array and reading the candidates off it costs less.
   */
  private probeClause(clause: Clause, within: Candidates, hit: Uint8Array, score: Float64Array): void {
    const n = within.length;
    let mergeCost = 0;
    let postings = 0;
    for (const { term } of clause.derived) {
      const length = this.offsets[term + 1] - this.offsets[term];
      postings += length;
      mergeCost += Math.min(length, n) * (1 + Math.log2(1 + Math.max(length, n) / Math.max(1, Math.min(length, n))));
    }
    if (clause.derived.length > 1 && postings + n < mergeCost) {
      this.probeDensely(clause, within, hit, score);
      return;
    }
    for (const { term, weight } of clause.derived) {
      const start = this.offsets[term];
      const end = this.offsets[term + 1];
      if (end - start === 0) continue;
      const impacts = this.impactsOf(term);
      if (end - start < n) {
        // A short list: walk its postings, gallop through the candidates.
        let i = 0;
        for (let at = start; at < end && i < n; at++) {
          const doc = this.postDocs[at];
          if (within.docs[i] < doc) i = gallop(within.docs, i, n, doc);
          if (i < n && within.docs[i] === doc) {
            hit[i] = 1;
            score[i] += weight * impacts[at];
            i++;
          }
        }
        continue;
      }
      let at = start;
      for (let i = 0; i < n && at < end; i++) {
        const doc = within.docs[i];
        if (this.postDocs[at] < doc) at = gallop(this.postDocs, at, end, doc);
        if (at < end && this.postDocs[at] === doc) {
          hit[i] = 1;
          score[i] += weight * impacts[at];
          at++;
        }
      }
    }
  }

  /** probeClause through the dense scratch arrays: every posting of the clause marked once, then each candidate read. */
  private probeDensely(clause: Clause, within: Candidates, hit: Uint8Array, score: Float64Array): void {
    const stamp = this.nextStamp();
    for (const { term, weight } of clause.derived) {
      const impacts = this.impactsOf(term);
      for (let i = this.offsets[term], end = this.offsets[term + 1]; i < end; i++) {
        const doc = this.postDocs[i];
        if (this.stamp[doc] !== stamp) {
          this.stamp[doc] = stamp;
          this.accScore[doc] = 0;
        }
        this.accScore[doc] += weight * impacts[i];
      }
    }
    for (let i = 0; i < within.length; i++) {
      const doc = within.docs[i];
      if (this.stamp[doc] !== stamp) continue;
      hit[i] = 1;
      score[i] += this.accScore[doc];
    }
  }

  /** The candidates that also match the group, their scores increased by the group's. */
  private narrow(within: Candidates, group: Group): Candidates {
    const n = within.length;
    const groupHit = this.scratch.uint8(n);
    const groupScore = this.scratch.float64(n);
    const groupMask = this.scratch.uint32(n);
    for (const alternative of group.alternatives) {
      const matched = this.probeAlternative(alternative, within);
      if (!matched) continue;
      const { hit: altHit, score: altScore, mask: altMask } = matched;
      for (let i = 0; i < n; i++) {
        if (!altHit[i]) continue;
        groupHit[i] = 1;
        groupScore[i] += altScore[i];
        groupMask[i] |= altMask;
      }
    }
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (!groupHit[i]) continue;
      within.docs[kept] = within.docs[i];
      within.scores[kept] = within.scores[i] + groupScore[i];
      within.masks[kept] = within.masks[i] | groupMask[i];
      kept++;
    }
    within.length = kept;
    return within;
  }

  /** Which candidates match every clause of the alternative, with the scores they add and the clauses' bits; undefined for no clause. */
  private probeAlternative(alternative: Group['alternatives'][number], within: Candidates): { hit: Uint8Array; score: Float64Array; mask: number } | undefined {
    const n = within.length;
    let hit: Uint8Array | undefined;
    const score = this.scratch.float64(n);
    let mask = 0;
    for (const clause of alternative) {
      const clauseHit = this.scratch.uint8(n);
      this.probeClause(clause, within, clauseHit, score);
      if (hit) for (let i = 0; i < n; i++) hit[i] &= clauseHit[i];
      else hit = clauseHit;
      mask |= clause.bit;
    }
    return hit ? { hit, score, mask } : undefined;
  }

  /** Every passage the group matches: the cheapest clause of each alternative read, the rest probed. */
  private readGroup(group: Group): Candidates {
    let result: Candidates | undefined;
    for (const alternative of group.alternatives) {
      if (alternative.length === 0) continue;
      const ordered = [...alternative].sort((a, b) => a.cost - b.cost);
      let candidates = this.readClause(ordered[0]);
      for (const clause of ordered.slice(1)) {
        if (candidates.length === 0) break;
        candidates = this.narrow(candidates, { alternatives: [[clause]], cost: clause.cost });
      }
      result = result ? this.union(result, candidates) : candidates;
    }
    return result ?? this.newCandidates(0);
  }

  /**
   * Every passage any group matches, for an OR. A broad group (a common
   * word, an alias of a country, a prefix of three letters) brings in
   * passages that match only it, which rank last among partial matches:
   * when the other groups already bring enough, the broad ones only add
   * their scores to those passages instead of being read in full.
   */
  private readAny(groups: readonly Group[], options: QueryOptions): Candidates {
    const broadCost = Math.max(BROAD_GROUP_POSTINGS, this.live * BROAD_GROUP_SHARE);
    const selective = groups.filter((group) => group.cost <= broadCost);
    const broad = groups.filter((group) => group.cost > broadCost);
    const all = (some: readonly Group[]): Candidates => some.map((group) => this.readGroup(group)).reduce((a, b) => this.union(a, b));
    if (selective.length === 0 || broad.length === 0) return all(groups);
    const candidates = all(selective);
    const excluded = this.docsOf(options.exclude, false);
    let usable = 0;
    for (let i = 0; i < candidates.length && usable < options.limit; i++) if (!excluded?.has(candidates.docs[i])) usable++;
    if (usable < options.limit) return this.union(candidates, all(broad));
    for (const group of broad) this.addMatches(candidates, group);
    return candidates;
  }

  /** Adds the group's scores and terms to the candidates it matches, keeping the others. */
  private addMatches(within: Candidates, group: Group): void {
    const n = within.length;
    for (const alternative of group.alternatives) {
      const matched = this.probeAlternative(alternative, within);
      if (!matched) continue;
      const { hit: altHit, score: altScore, mask: altMask } = matched;
      for (let i = 0; i < n; i++) {
        if (!altHit[i]) continue;
        within.scores[i] += altScore[i];
        within.masks[i] |= altMask;
      }
    }
  }

  /** Ranks passages for the query groups; AND keeps passages every group matches, OR any. */
  search(groupSpecs: readonly GroupSpec[], options: QueryOptions): TermHit[] {
    this.ready();
    this.scratch.reset();
    const groups = this.compile(groupSpecs).filter((group) => group.alternatives.length > 0);
    if (groups.length === 0 || options.limit <= 0) return [];
    let candidates: Candidates;
    if (options.combineWith === 'AND') {
      if (groups.some((group) => group.cost === 0)) return [];
      const ordered = [...groups].sort((a, b) => a.cost - b.cost);
      candidates = this.readGroup(ordered[0]);
      for (const group of ordered.slice(1)) {
        if (candidates.length === 0) break;
        candidates = this.narrow(candidates, group);
      }
    } else {
      candidates = this.readAny(groups, options);
    }
    const top = this.topK(candidates, options);
    return this.withTerms(top, groups);
  }

  /** Passage numbers of these ids; the preferred set, asked for keystroke after keystroke, is converted once per index version. */
  private docsOf(ids: { keys(): Iterable<string> } | undefined, keep: boolean): ReadonlySet<number> | undefined {
    if (!ids) return undefined;
    if (keep && this.preferredDocs?.ids === ids && this.preferredDocs.epoch === this.epoch) return this.preferredDocs.docs;
    const docs = new Set<number>();
    for (const id of ids.keys()) {
      const doc = this.docById.get(id);
      if (doc !== undefined) docs.add(doc);
    }
    if (keep) this.preferredDocs = { ids, epoch: this.epoch, docs };
    return docs;
  }

  /** The best `limit` candidates by score × distinct query terms matched (minisearch's quality), preferred first. */
  private topK(candidates: Candidates, options: QueryOptions): Array<{ doc: number; score: number }> {
    const { limit } = options;
    const exclude = this.docsOf(options.exclude, false);
    const preferred = this.docsOf(options.preferred, true);
    const heap: Array<{ doc: number; score: number; rank: number }> = [];
    const better = (a: { rank: number; doc: number }, b: { rank: number; doc: number }): boolean => a.rank > b.rank || (a.rank === b.rank && a.doc < b.doc);
    const preferredBonus = 1e12;
    // The weakest kept so far, compared without building an entry for each candidate.
    let floorRank = -Infinity;
    let floorDoc = -1;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates.docs[i];
      if (!this.alive[doc]) continue;
      const score = candidates.scores[i] * (popcount(candidates.masks[i]) || 1);
      if (exclude?.has(doc)) continue;
      const rank = preferred?.has(doc) ? score + preferredBonus : score;
      if (heap.length >= limit && !(rank > floorRank || (rank === floorRank && doc < floorDoc))) continue;
      if (heap.length < limit) {
        heap.push({ doc, score, rank });
        for (let c = heap.length - 1; c > 0; ) {
          const p = (c - 1) >> 1;
          if (!better(heap[p], heap[c])) break;
          const swap = heap[p];
          heap[p] = heap[c];
          heap[c] = swap;
          c = p;
        }
      } else {
        // The weakest entry is dropped: reused for the new one.
        const entry = heap[0];
        entry.doc = doc;
        entry.score = score;
        entry.rank = rank;
        for (let p = 0; ; ) {
          const l = 2 * p + 1;
          const r = l + 1;
          let worst = p;
          if (l < heap.length && better(heap[worst], heap[l])) worst = l;
          if (r < heap.length && better(heap[worst], heap[r])) worst = r;
          if (worst === p) break;
          const swap = heap[p];
          heap[p] = heap[worst];
          heap[worst] = swap;
          p = worst;
        }
      }
      floorRank = heap[0].rank;
      floorDoc = heap[0].doc;
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).map(({ doc, score }) => ({ doc, score }));
  }

  /**
   * The index terms each hit matched, in query order; a term of an
   * alternative of several words counts only where the whole alternative
   * matched ("russian" of "russian president" is no match alone).
   */
  private withTerms(top: ReadonlyArray<{ doc: number; score: number }>, groups: readonly Group[]): TermHit[] {
    const order = top.map((_, i) => i).sort((a, b) => top[a].doc - top[b].doc);
    const docs = Int32Array.from(order.map((i) => top[i].doc));
    const terms: Array<Set<string>> = top.map(() => new Set());
    for (const group of groups) {
      for (const alternative of group.alternatives) {
        // For each hit (in passage order): the derived terms each clause matched.
        const matched = alternative.map((clause) => {
          const found: string[][] = docs.length > 0 ? Array.from(docs, () => []) : [];
          for (const { term } of clause.derived) {
            const end = this.offsets[term + 1];
            let at = this.offsets[term];
            for (let k = 0; k < docs.length && at < end; k++) {
              at = gallop(this.postDocs, at, end, docs[k]);
              if (at < end && this.postDocs[at] === docs[k]) found[k].push(this.termText[term]);
            }
          }
          return found;
        });
        for (let k = 0; k < docs.length; k++) {
          if (matched.every((found) => found[k].length > 0)) for (const found of matched) for (const term of found[k]) terms[order[k]].add(term);
        }
      }
    }
    return top.map((hit, i) => ({ id: this.ids[hit.doc], score: hit.score, terms: [...terms[i]] }));
  }

  // --- serializing ------------------------------------------------------------------------

  toJSON(): SerializedTermIndex {
    this.ready();
    // Live passages renumbered densely.
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const weights: number[] = [];
    const lengths = new VarintWriter();
    for (let doc = 0; doc < this.ids.length; doc++) {
      if (!this.alive[doc]) continue;
      renumber[doc] = ids.length;
      ids.push(this.ids[doc]);
      weights.push(this.weights[doc]);
      for (let field = 0; field < FIELDS; field++) lengths.write(this.lengths[doc * FIELDS + field]);
    }
    const postings = new VarintWriter();
    const terms: string[] = [];
    // In alphabetical order, so that load makes the radix tree from a sorted vocabulary.
    const text = this.termText;
    const sorted = Int32Array.from(text.keys()).sort((a, b) => (text[a] < text[b] ? -1 : text[a] > text[b] ? 1 : 0));
    for (const t of sorted) {
      const start = this.offsets[t];
      const end = this.offsets[t + 1];
      if (end === start) continue;
      terms.push(this.termText[t]);
      postings.write(end - start);
      let previous = 0;
      for (let i = start; i < end; i++) {
        const doc = renumber[this.postDocs[i]];
        postings.write(doc - previous);
        postings.write(this.postTfs[i]);
        previous = doc;
      }
    }
    return {
      engine: SERIAL_ENGINE,
      version: SERIAL_VERSION,
      ids,
      weights,
      lengths: bytesToBase64(lengths.bytes()),
      terms,
      postings: bytesToBase64(postings.bytes()),
      postingCount: this.offsets[this.offsets.length - 1],
    };
  }

  static load(serialized: unknown, boosts: readonly number[]): TermIndex {
    const data = serialized as Partial<SerializedTermIndex> | null;
    if (data?.engine !== SERIAL_ENGINE || data.version !== SERIAL_VERSION) {
      throw new Error(`the index is not a ${SERIAL_ENGINE} v${SERIAL_VERSION} index`);
    }
    const { ids, weights, terms } = data;
    if (!Array.isArray(ids) || !Array.isArray(weights) || !Array.isArray(terms) || typeof data.lengths !== 'string' || typeof data.postings !== 'string') {
      throw new Error('the index is incomplete');
    }
    const index = new TermIndex(boosts);
    const docCount = ids.length;
    index.ids = [...ids];
    index.weights = [...weights];
    index.alive = new Array<boolean>(docCount).fill(true);
    index.live = docCount;
    ids.forEach((id, doc) => index.docById.set(id, doc));
    const lengths = new VarintReader(base64ToBytes(data.lengths));
    index.lengths = new Array<number>(docCount * FIELDS);
    for (let i = 0; i < docCount * FIELDS; i++) {
      const length = lengths.read();
      index.lengths[i] = length;
      index.totalLength[i % FIELDS] += length;
    }
    terms.forEach((term, t) => {
      index.termIds.set(term, t);
      index.termText.push(term);
    });
    const { offsets, docs, tfs, fieldDocs } = decodePostings(base64ToBytes(data.postings), terms.length, docCount, data.postingCount);
    const at = offsets[terms.length];
    index.offsets = offsets;
    index.postDocs = docs;
    index.postTfs = tfs;
    index.fieldDocs = fieldDocs;
    index.impacts = new Float32Array(at);
    index.impactEpoch = new Int32Array(terms.length);
    index.dictionary();
    index.scoreAll();
    return index;
  }
}

/**
 * Reads the varint at bytes[p] into out[0] and returns the position after
 * it. Past the end of the data the value comes out NaN, which the caller
 * checks once per term rather than at every byte.
 */
function readVarint(bytes: Uint8Array, p: number, out: Float64Array): number {
  let value = 0;
  let scale = 1;
  let byte: number;
  do {
    byte = bytes[p++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte >= 0x80);
  out[0] = byte === undefined ? NaN : value;
  return p;
}

/**
 * The posting runs of a serialized index: per term its count, then
 * (passage delta, packed frequencies) pairs as varints. One-byte values
 * (most of them) are read inline; the loop reads every posting of the
 * index, so it keeps to plain locals and one small helper.
 */
function decodePostings(
  bytes: Uint8Array,
  termCount: number,
  docCount: number,
  postingCount: number | undefined,
): { offsets: Int32Array<ArrayBuffer>; docs: Int32Array<ArrayBuffer>; tfs: Uint32Array<ArrayBuffer>; fieldDocs: Int32Array<ArrayBuffer> } {
  // Every posting takes at least two bytes: a safe upper bound when the count is not given.
  const capacity = typeof postingCount === 'number' && postingCount >= 0 && postingCount <= bytes.length >>> 1 ? postingCount : bytes.length >>> 1;
  const docs = new Int32Array(capacity);
  const tfs = new Uint32Array(capacity);
  const offsets = new Int32Array(termCount + 1);
  const fieldDocs = new Int32Array(termCount * FIELDS);
  const value = new Float64Array(1);
  const length = bytes.length;
  let p = 0;
  let at = 0;
  for (let t = 0; t < termCount; t++) {
    offsets[t] = at;
    p = readVarint(bytes, p, value);
    const count = value[0];
    if (!(at + count <= capacity)) throw new Error(Number.isNaN(count) ? 'the index data ends early' : 'the index data is inconsistent');
    let doc = 0;
    let title = 0;
    let heading = 0;
    let text = 0;
    for (let i = 0; i < count; i++) {
      // Passage delta, then packed frequencies.
      let delta = bytes[p];
      if (delta < 0x80) p++;
      else {
        p = readVarint(bytes, p, value);
        delta = value[0];
      }
      let tf = bytes[p];
      if (tf < 0x80) p++;
      else {
        p = readVarint(bytes, p, value);
        tf = value[0] >>> 0;
      }
      doc += delta;
      docs[at] = doc;
      tfs[at] = tf;
      at++;
      if (tf > 0xffff) {
        if (tf >>> 24) title++;
        if ((tf >>> 16) & 0xff) heading++;
      }
      if (tf & 0xffff) text++;
    }
    // Past the end, reads give undefined: the data was cut short.
    if (p > length || Number.isNaN(doc)) throw new Error('the index data ends early');
    if (doc >= docCount) throw new Error('the index refers to a passage it does not hold');
    fieldDocs[t * FIELDS] = title;
    fieldDocs[t * FIELDS + 1] = heading;
    fieldDocs[t * FIELDS + 2] = text;
  }
  offsets[termCount] = at;
  return { offsets, docs: at === capacity ? docs : docs.slice(0, at), tfs: at === capacity ? tfs : tfs.slice(0, at), fieldDocs };
}

class VarintWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  write(value: number): void {
    if (this.length + 5 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

class VarintReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  read(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('the index data ends early');
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }
}
