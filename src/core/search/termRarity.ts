/**
 * How much a term tells by how few passages hold it: 1 for a term in at
 * most a tenth of the passages, falling with its idf beyond that. An
 * alias or an expansion to a word most passages contain counts for little.
 */

/** What rarity reads from an index. */
export interface TermCounts {
  readonly documentCount: number;
  documentFrequency(term: string): number;
}

/** A term in no more than this share of the passages keeps its whole weight. */
export const RARE_SHARE = 0.1;

/** Inverse document frequency as BM25 reads it. */
export function idf(passages: number, holding: number): number {
  return Math.log(1 + (passages - holding + 0.5) / (holding + 0.5));
}

/** 1 for a term in few passages, less the more passages hold it. */
export function termRarity(counts: TermCounts, term: string, rareShare = RARE_SHARE): number {
  const n = Math.max(1, counts.documentCount);
  return Math.min(1, idf(n, counts.documentFrequency(term)) / idf(n, rareShare * n));
}
