/**
 * The bounds on the work one input can cause (issue #17). What cannot be
 * done in time close to linear in its input is capped here, and every cap
 * that is reached says so: per file through the file's problems, and for
 * the analyses through `noteLimit`, which the worker and the CLI drain into
 * the output channel or stderr.
 */
export const LIMITS = {
  /** A "sentence" longer than this (a text without stops) is cut into pieces of at most this length. */
  sentenceChars: 2_000,
  /** A paragraph longer than this becomes several passages. */
  passageChars: 6_000,
  /** Passages read from one file; the rest of the file is not indexed. */
  passagesPerFile: 10_000,
  /** Lines dropped as boilerplate kept per file (they are only shown, not searched). */
  droppedLinesPerFile: 2_000,
  /** Section headings kept per file. */
  sectionsPerFile: 2_000,
  /** Characters of one document whose sentences are tagged for names (compromise reads 15–30 KB a second). */
  nlpCharsPerDocument: 20_000,
  /** Figures read per document for the briefing's facts. */
  statementsPerDocument: 2_000,
  /** Figures of a draft checked against the sources. */
  figuresPerDraft: 5_000,
  /** Sentences of the paragraph at the cursor whose support is shown. */
  claimSentences: 40,
  /** Quotations of a draft checked against the sources. */
  quotesPerDraft: 500,
} as const;

const noted = new Map<string, string>();

/** Records that a limit was reached (once per kind until drained), for the output channel. */
export function noteLimit(kind: string, message: string): void {
  if (!noted.has(kind)) noted.set(kind, message);
}

/** The limits reached since the last call, each once. */
export function takeLimitNotes(): string[] {
  const notes = [...noted.values()];
  noted.clear();
  return notes;
}
