/**
 * The webview side of the VS Code API, typed with the panel's protocol.
 * `acquireVsCodeApi` may be called only once per page, so this module owns it.
 */
import { MAX_QUERY_LENGTH, type FromWebview } from '../src/protocol';
import { parsePageRefs, type PageRef } from './pageRef';

interface WebviewApi<State> {
  postMessage(message: FromWebview.Message): void;
  getState(): State | undefined;
  setState<T extends State>(state: T): T;
}

declare function acquireVsCodeApi<State = unknown>(): WebviewApi<State>;

/** What the panel keeps across reloads (hidden views are torn down unless retained). */
export interface PersistedState {
  readonly query: string;
  readonly scrollTop: number;
  /** Ids of the sections the user collapsed. */
  readonly collapsed: readonly string[];
  /** Ids of the sections the user opened that start collapsed. */
  readonly expanded: readonly string[];
  /** Ids of the sections whose every item the user asked to see ("Show all"). */
  readonly showAll: readonly string[];
  /** The pages opened over the home (topic, passages), oldest first; the last one shows. */
  readonly pages: readonly PageRef[];
}

const api = acquireVsCodeApi<unknown>();

/** Sends a message to the extension host. */
export function post(message: FromWebview.Message): void {
  api.postMessage(message);
}

/** The saved state, checked field by field: it may come from an older version of the panel. */
export function loadState(): PersistedState {
  const raw = api.getState();
  const saved = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    query: typeof saved.query === 'string' ? saved.query.slice(0, MAX_QUERY_LENGTH) : '',
    scrollTop: typeof saved.scrollTop === 'number' && Number.isFinite(saved.scrollTop) ? Math.max(0, saved.scrollTop) : 0,
    collapsed: ids(saved.collapsed),
    expanded: ids(saved.expanded),
    showAll: ids(saved.showAll),
    pages: parsePageRefs(saved.pages),
  };
}

function ids(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string').slice(0, 50) : [];
}

export function saveState(state: PersistedState): void {
  api.setState(state);
}
