/**
 * How much a word tells about what a sentence is about, in these
 * sources: its inverse document frequency over the passages. A word most
 * passages use ("people", or a topic's own name in a corpus about it) weighs little
 * or nothing; a rare one ("GDP", "hurricane") weighs much. Words the
 * corpus's knowledge lists as used everywhere weigh nothing. Computed once
 * per analysis, in one pass over the passages.
 */
import type { CorpusAnalysis } from '../brief/briefing';
import type { Corpus } from '../corpus';
import { stemsOf } from '../text/posTags';
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';

export interface WordWeights {
  /** The weight of a term's stem (0 for a word every passage uses, up to MAX for one no passage uses). */
  of(term: string): number;
}

const MAX = 3;
/** A word in more than this share of the passages tells nothing. */
const COMMON_SHARE = 0.4;

const cache = new WeakMap<CorpusAnalysis, WordWeights>();

export function wordWeights(analysis: CorpusAnalysis, corpus: Corpus | undefined): WordWeights {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const texts = corpus ? corpus.passages.map((passage) => passage.text) : analysis.facts.flatMap((fact) => fact.citations.map((citation) => citation.quote));
  const perText = texts.map((text) => new Set(tokenize(text).flatMap((token) => toTerm(token.word) ?? [])));
  const stem = stemsOf(perText.flatMap((terms) => [...terms]));
  const frequency = new Map<string, number>();
  for (const terms of perText) {
    const seen = new Set<string>();
    for (const term of terms) {
      const key = stem(term);
      if (!seen.has(key)) {
        seen.add(key);
        frequency.set(key, (frequency.get(key) ?? 0) + 1);
      }
    }
  }
  const everywhere = new Set(analysis.knowledge.everywhere.map((word) => stem(toTerm(word) ?? word)));
  const total = Math.max(1, texts.length);
  const weights: WordWeights = {
    of(term: string): number {
      if (everywhere.has(term)) return 0;
      const count = frequency.get(term) ?? 0;
      if (total >= 10 && count / total > COMMON_SHARE) return 0;
      return Math.min(MAX, Math.log((total + 1) / (count + 0.5)));
    },
  };
  cache.set(analysis, weights);
  return weights;
}
