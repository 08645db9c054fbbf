/**
 * What identifies a page of the panel beyond the home, small enough to keep
 * in the saved webview state: enough to ask the extension for it again.
 */
import { MAX_QUERY_LENGTH } from '../src/protocol';

/** A topic page (a listed topic's id, or free text), or passages under a title. */
export type PageRef =
  | { readonly kind: 'topic'; readonly topic: string; readonly scrollTop: number }
  | {
      readonly kind: 'passages';
      readonly title: string;
      readonly passageIds: readonly string[];
      /** Words to mark in the passages: what the item shown is about. */
      readonly marks: readonly string[];
      readonly scrollTop: number;
    };

/** How deep the back stack may grow; older pages fall off the bottom. */
export const MAX_PAGES = 8;
/** The protocol accepts at most this many ids in one `showPassages`. */
export const MAX_PASSAGE_IDS = 200;

/** Page references from saved state, checked field by field: they may come from an older panel. */
export function parsePageRefs(raw: unknown): PageRef[] {
  if (!Array.isArray(raw)) return [];
  const refs: PageRef[] = [];
  for (const item of raw.slice(-MAX_PAGES)) {
    if (typeof item !== 'object' || item === null) continue;
    const candidate = item as Record<string, unknown>;
    const scrollTop = typeof candidate.scrollTop === 'number' && Number.isFinite(candidate.scrollTop) ? Math.max(0, candidate.scrollTop) : 0;
    if (candidate.kind === 'topic' && typeof candidate.topic === 'string' && candidate.topic.trim()) {
      refs.push({ kind: 'topic', topic: candidate.topic.slice(0, MAX_QUERY_LENGTH), scrollTop });
    } else if (candidate.kind === 'passages' && typeof candidate.title === 'string' && Array.isArray(candidate.passageIds)) {
      const passageIds = candidate.passageIds.filter((id): id is string => typeof id === 'string').slice(0, MAX_PASSAGE_IDS);
      const marks = Array.isArray(candidate.marks) ? candidate.marks.filter((mark): mark is string => typeof mark === 'string').slice(0, 20) : [];
      refs.push({ kind: 'passages', title: candidate.title.slice(0, MAX_QUERY_LENGTH), passageIds, marks, scrollTop });
    }
  }
  return refs;
}
