/**
 * One search over the local library and the shared archive, for the quick
 * pick and the panel. Local hits never wait for the archive: when the
 * archive has not answered within a moment, the local ones are shown
 * first and the merged list replaces them when it does. A slow or broken
 * archive costs nothing but its own hits.
 */
import { mergeHits } from '../core/archive/mergeHits';
import type { SearchHit } from '../core/search/searchIndex';
import type { ArchiveLink } from './archiveLink';
import type { Library } from './library';
import { settings } from './settings';

/** How long local hits wait for the archive's before they are shown alone. */
const ARCHIVE_GRACE_MS = 120;
/** A pause in typing this long lets the search by meaning run. */
export const MEANING_PAUSE_MS = 250;
/** The latest search started: a search superseded during the pause skips its pass by meaning. */
let latestSearch = 0;

/**
 * Calls `show` with the hits, once or twice (`final` false the first of
 * two times); resolves after the last call.
 */
export async function searchEverywhere(
  library: Library,
  archive: ArchiveLink,
  query: string,
  limit: number,
  preferredDocIds: readonly string[],
  show: (hits: SearchHit[], final: boolean) => void,
  /** Resolve only after the pass by meaning (for a caller that reads the last hits); else it follows on its own. */
  awaitMeaning = false,
): Promise<void> {
  const search = ++latestSearch;
  const byMeaning = settings.searchMeaning();
  const fromArchive = archive.enabled ? archive.search(query, limit, preferredDocIds).catch((): SearchHit[] => []) : undefined;
  const local = await library.search(query, limit, preferredDocIds, false);
  let last = local;
  const shown = (hits: SearchHit[], final: boolean): void => {
    last = hits;
    show(hits, final && !byMeaning);
  };
  if (!fromArchive) shown(local, true);
  else {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const early = await Promise.race([fromArchive, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ARCHIVE_GRACE_MS)))]);
    clearTimeout(timer);
    if (early) shown(mergeHits(query, local, early, limit), true);
    else {
      shown(local, false);
      shown(mergeHits(query, local, await fromArchive, limit), true);
    }
  }
  if (!byMeaning) return;
  const byMeaningPass = (async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, MEANING_PAUSE_MS));
    if (search !== latestSearch) return show(last, true);
    const meant = await library.search(query, limit, preferredDocIds, true).catch(() => undefined);
    // A failed pass by meaning leaves the words' hits in place.
    show(meant ? (fromArchive ? mergeHits(query, meant, await fromArchive, limit) : meant) : last, true);
  })();
  if (awaitMeaning) await byMeaningPass;
}

/** The merged hits, once the archive has answered (or given up). */
export async function searchAll(library: Library, archive: ArchiveLink, query: string, limit: number, preferredDocIds: readonly string[]): Promise<SearchHit[]> {
  let last: SearchHit[] = [];
  await searchEverywhere(library, archive, query, limit, preferredDocIds, (hits) => (last = hits), true);
  return last;
}
