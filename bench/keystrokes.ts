/**
 * The queries as a user types them, keystroke by keystroke: "p", "pr",
 * "pri", … up to the whole query, then the next query. Every string is
 * timed once — the first time it is typed — so a string's caches are cold
 * when it is searched, as they are the first time a user types it.
 */
import type { BenchQuery, QueryKind } from './queries';

export interface Keystroke {
  /** The text in the search box after this keystroke. */
  readonly text: string;
  /** The kind of query being typed. */
  readonly kind: QueryKind;
  /** Which query (index into the query list) is being typed. */
  readonly query: number;
  /** True when this keystroke completes the query. */
  readonly complete: boolean;
}

export function typingOrder(queries: readonly BenchQuery[]): Keystroke[] {
  const typed = new Set<string>();
  const keystrokes: Keystroke[] = [];
  queries.forEach((query, index) => {
    for (let length = 1; length <= query.text.length; length++) {
      const text = query.text.slice(0, length);
      // A space typed after a word is a keystroke too ("prisoner " asks for the finished word), but a space alone is not.
      if (typed.has(text) || text.trim().length === 0) continue;
      typed.add(text);
      keystrokes.push({ text, kind: query.kind, query: index, complete: length === query.text.length });
    }
  });
  return keystrokes;
}
