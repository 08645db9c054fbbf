/**
 * The data model every layer shares: documents as parsed from raw text, the
 * citable passages cut from them, and the metadata a citation needs.
 * Plain data only (JSON-serializable), so it crosses the worker, the
 * serialized index and the webview unchanged.
 */

/** What kind of text a source is, as a citation names it. */
export type DocumentKind = 'article' | 'faq' | 'blog-post' | 'explainer' | 'transcript' | 'note';

/** When a source was written, only as far as its own text lets us say. */
export interface SourceDate {
  /** Human wording for citations, e.g. "June 2025" or "n.d.". */
  readonly label: string;
  /** ISO date (or year / year-month) of the earliest possible day, when known. */
  readonly from?: string;
  /** ISO date (or year / year-month) of the latest possible day, when known. */
  readonly to?: string;
  /** The sentence of evidence the date was inferred from. */
  readonly evidence?: string;
  /** Where the date was stated, e.g. "front matter", "JSON-LD datePublished", "PDF properties". */
  readonly source?: string;
}

/** What a citation needs to know about a document. */
export interface SourceMeta {
  readonly id: string;
  readonly title: string;
  /** True when the title is the document's own; false when an editor supplied it. */
  readonly titleFromText: boolean;
  readonly outlet?: string;
  readonly author?: string;
  readonly kind: DocumentKind;
  readonly date: SourceDate;
  readonly url?: string;
  /** When the source was read at its address (ISO date), for the accessed date some styles print with a URL. */
  readonly accessed?: string;
  /** File name (bundled) or path (user source) the text was read from. */
  readonly file: string;
  /** Where the text came from: the bundled corpus, a user's folder, or a shared archive on PostgreSQL. */
  readonly origin: 'bundled' | 'user' | 'archive';
  /** For an archive document, the collection it belongs to. */
  readonly collection?: string;
  /** The kind of file, for a user's source: how it was read and how it is shown. */
  readonly format?: SourceFormat;
  /** The day the file was last saved (ISO), shown as "saved": never a publication date. */
  readonly saved?: string;
}

/** The kinds of file Briefing reads. */
export type SourceFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

export type PassageKind = 'paragraph' | 'question-answer' | 'table-row' | 'callout';

/** Half-open range [start, end) of UTF-16 code units in the original file text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A paragraph-sized, citable piece of a document. */
export interface Passage {
  /** Stable id, `docId#slug`, e.g. `my-notes#first-meeting`. */
  readonly id: string;
  readonly docId: string;
  /** The section heading the passage sits under, if any. */
  readonly section?: string;
  /** What the passage answers or is about: the question for Q&A, else the section. */
  readonly heading?: string;
  readonly kind: PassageKind;
  /** The passage's words as in the source (line breaks of a hard-wrapped paragraph kept); only reference markers like `[[1]]` are removed. */
  readonly text: string;
  /** Where `text` sits in the original file. */
  readonly span: Span;
  /** Reference markers removed from the text: [offset in `text`, characters removed]. */
  readonly gaps?: ReadonlyArray<readonly [number, number]>;
  /** For question-answer passages, where the question sits. */
  readonly headingSpan?: Span;
  /** For a paginated source (PDF), the page the passage starts on (from 1), as the document numbers its pages in order. */
  readonly page?: number;
  /** The page it ends on, when that is a later one. */
  readonly lastPage?: number;
  /** Position in the document, from 0. */
  readonly order: number;
}

/** A metric stated in a table row of a source. */
export interface TableFact {
  readonly metric: string;
  readonly value: string;
  readonly passageId: string;
}

/** A parsed source: its metadata, sections and passages. */
export interface SourceDocument {
  readonly meta: SourceMeta;
  readonly sections: readonly string[];
  readonly passages: readonly Passage[];
  readonly tableFacts: readonly TableFact[];
  /** What the parser dropped, with the reason, so a user can check nothing of value was lost. */
  readonly dropped: readonly DroppedLine[];
}

export interface DroppedLine {
  readonly text: string;
  readonly reason: DropReason;
  readonly span: Span;
}

export type DropReason =
  | 'share-buttons'
  | 'see-also'
  | 'comments'
  | 'table-of-contents'
  | 'html-fragment'
  | 'subscribe'
  | 'reader-prompt'
  | 'byline'
  | 'title'
  | 'separator'
  | 'code'
  | 'cookie-notice'
  | 'advertising'
  | 'navigation';

/**
 * Where an offset of a passage's text falls in its file, accounting for
 * removed reference markers. The end of a span stops before a marker that
 * follows it; a start moves past it.
 */
export function fileOffsetOf(passage: Passage, textOffset: number, edge: 'start' | 'end' = 'start'): number {
  let offset = passage.span.start + textOffset;
  for (const [at, removed] of passage.gaps ?? []) if (at < textOffset || (at === textOffset && edge === 'start')) offset += removed;
  return Math.min(offset, passage.span.end);
}
