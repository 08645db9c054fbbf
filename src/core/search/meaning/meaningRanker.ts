/**
 * Ranks candidate passages by meaning. Each query word is matched against
 * the words of each sentence: its own word counts 1, a near word (an
 * expansion, or any word whose vector is close) counts its nearness; the
 * words' matches are weighted by how much each query word tells (idf),
 * and the cosine of the sentence's and the query's mean vectors is added
 * (with the direction every text of the library shares taken out).
 * A passage scores its best sentence, so a long passage that touches
 * every word somewhere does not beat the one sentence that says it all;
 * a fragment of a few words (a table row, a heading) is scaled down.
 */
import type { Passage } from '../../model';
import { splitSentences } from '../../text/sentences';
import { toTerm } from '../../text/terms';
import { words } from '../../text/tokens';
import { MEANING_TUNING, MeaningModel } from './meaningModel';

/** A query word as the ranker reads it: the terms that are the user's word itself, and those of its aliases. */
export interface MeaningQueryWord {
  readonly terms: readonly string[];
  readonly aliases: readonly string[];
}

interface PassageWords {
  /** Per sentence: its distinct terms and their vector rows (-1 without one). */
  readonly sentences: readonly { readonly terms: readonly string[]; readonly rows: Int32Array; readonly vector: Float32Array | undefined }[];
  readonly length: number;
}

/** Passages read and kept (each sentence's terms, rows and vector: about 2 KB a passage). */
const CACHE = 5_000;

export class MeaningRanker {
  private readonly passages = new Map<string, PassageWords>();

  constructor(readonly model: MeaningModel) {}

  /** The index changed. */
  clear(): void {
    this.passages.clear();
  }

  /**
   * Scores a passage for the query, 0–1 before the share of words matched
   * exactly: `lexical` is its word score from the index, scaled 0–1. A
   * `role` (a few words, "chief diplomat", matched against a question) is
   * not scaled down for its shortness, and its vector counts in full.
   */
  score(query: readonly MeaningQueryWord[], passage: Passage, lexical: number, kind: 'passage' | 'role' = 'passage'): number {
    const { model } = this;
    const { vectors } = model;
    const tuning = MEANING_TUNING;
    const read = this.read(passage);
    const prepared = query.map((word) => {
      const expansions = new Map<string, number>();
      for (const term of word.terms) for (const expansion of model.expansions(term)) expansions.set(expansion.term, Math.max(expansions.get(expansion.term) ?? 0, expansion.weight / tuning.expansionWeight));
      // An alias ("the Fed" for "the Federal Reserve") counts as a near word, for less the more passages hold it.
      for (const alias of word.aliases) expansions.set(alias, Math.max(expansions.get(alias) ?? 0, tuning.aliasNearness * model.rarity(alias)));
      const rows = word.terms.map((term) => vectors.id(term)).filter((row) => row >= 0);
      const weight = Math.max(...word.terms.map((term) => model.idfShare(term)), 0.05);
      return { own: new Set(word.terms), expansions, rows, weight };
    });
    const total = prepared.reduce((sum, word) => sum + word.weight, 0);
    if (total === 0) return 0;
    const queryMean = tuning.sentenceVectorWeight > 0 ? model.meanVector(query.flatMap((word) => word.terms)) : undefined;
    const queryVector = queryMean && model.centred(queryMean);
    let best = 0;
    for (const sentence of read.sentences) {
      let sum = 0;
      for (const word of prepared) {
        let match = 0;
        for (let i = 0; i < sentence.terms.length && match < 1; i++) {
          const term = sentence.terms[i];
          if (word.own.has(term)) {
            match = 1;
            break;
          }
          let near = word.expansions.get(term) ?? 0;
          const row = sentence.rows[i];
          if (row >= 0) {
            for (const own of word.rows) {
              const cosine = vectors.cosine(own, row);
              if (cosine >= tuning.softCosine) near = Math.max(near, cosine);
            }
          }
          // A near word never counts as much as the word itself.
          match = Math.max(match, Math.min(near, tuning.nearCap));
        }
        sum += word.weight * match;
      }
      let score = sum / total;
      // In a passage the sentence's vector stands in only for the words it lacks: a sentence holding every word of
      // the query as written is never passed by one that is merely about the same thing.
      const vectorShare = kind === 'passage' ? 1 - score : 1;
      if (queryVector && sentence.vector) score += tuning.sentenceVectorWeight * vectorShare * Math.max(0, MeaningModel.similarity(queryVector, sentence.vector));
      best = Math.max(best, score);
    }
    const shortness = kind === 'passage' ? Math.min(1, read.length / tuning.shortPassageWords) : 1;
    return (best + tuning.lexicalWeight * lexical) * shortness;
  }

  private read(passage: Passage): PassageWords {
    let entry = this.passages.get(passage.id);
    if (!entry) {
      const { text } = passage;
      const parts = splitSentences(text).map((span) => text.slice(span.start, span.end));
      if (passage.heading) parts.push(passage.heading);
      const sentences = parts.map((part) => {
        const terms = [...new Set(words(part).map(toTerm).filter((term): term is string => term !== null))];
        const mean = this.model.meanVector(terms);
        return {
          terms,
          rows: Int32Array.from(terms, (term) => this.model.vectors.id(term)),
          vector: mean && this.model.centred(mean),
        };
      });
      entry = { sentences, length: words(text).length };
      if (this.passages.size >= CACHE) this.passages.clear();
      this.passages.set(passage.id, entry);
    }
    return entry;
  }
}
