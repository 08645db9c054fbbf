/**
 * Local and archive hits in one list. Their scores are not comparable
 * (BM25 on the writer's machine, ts_rank_cd on the server), so the lists
 * are interleaved by rank, local first: hits with every word of the query
 * before hits with only some, so a weak local match never pushes a full
 * archive match down (or the reverse). An archive passage with the same
 * text as a local one (the same article in both) is shown once, as local.
 */
import { aliasesForOrigins } from '../search/aliasTable';
import { planQueryWithoutNameKeys as planQuery } from '../search/queryPlan';
import type { SearchHit } from '../search/searchIndex';
import { coversEveryGroup } from './archiveQuery';

export function mergeHits(query: string, local: readonly SearchHit[], archive: readonly SearchHit[], limit: number): SearchHit[] {
  if (archive.length === 0) return local.slice(0, limit);
  // Read with the alias table the local hits were found with: the bundled corpus's when they come from it.
  const groups = planQuery(query, aliasesForOrigins(local.map((hit) => hit.meta.origin)));
  const localTexts = new Set(local.map((hit) => hit.passage.text));
  const fresh = archive.filter((hit) => !localTexts.has(hit.passage.text));
  const full = (hit: SearchHit): boolean => coversEveryGroup(groups, new Set(hit.matchedTerms));
  const merged: SearchHit[] = [];
  for (const tier of [true, false]) {
    const a = local.filter((hit) => full(hit) === tier);
    const b = fresh.filter((hit) => full(hit) === tier);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i < a.length) merged.push(a[i]);
      if (i < b.length) merged.push(b[i]);
    }
  }
  return merged.slice(0, limit);
}
