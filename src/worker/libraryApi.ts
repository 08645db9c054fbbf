import type { ExportFormat } from '../core/cite/exportSources';
import type { Passage, SourceDocument, SourceMeta } from '../core/model';
import type { SearchHit, Suggestion } from '../core/search/searchIndex';
import type { EngineOptions, LoadReport, UpdateReport } from '../node/libraryEngine';
import type { ClipResult } from '../node/clipPage';
import type { PageFetchOptions } from '../node/pageFetch';
import type { Briefing } from '../core/brief/types';
import type { BriefingHome, TopicView } from '../protocol';
import type { CitationTarget } from '../core/checks/citationAt';
import type { TidyResult } from '../core/checks/tidyFootnotes';
import type { CitationPlan, CitationRequest, StyleOptions } from './citationService';
import type { ClaimReport, DraftCheckOptions, DraftFinding } from './draftReport';
import type { SpeakerWords } from '../core/statements/speakerWords';
import type { ArchiveAnswer, ArchiveConfig, ArchiveStatus } from '../node/archive/archiveService';

/** A document as lists show it: metadata, sections and size, without the text. */
export interface DocumentOverview {
  readonly meta: SourceMeta;
  readonly sections: readonly string[];
  readonly passages: number;
}

/** A passage together with its source's metadata. */
export interface CitablePassage {
  readonly passage: Passage;
  readonly meta: SourceMeta;
}

/**
 * What the index worker answers. Every value crossing it is plain data;
 * the same object implements it in-process for the CLI.
 */
export interface LibraryApi {
  load(options: EngineOptions): Promise<LoadReport>;
  cancel(): Promise<void>;
  update(changed: readonly string[], deleted: readonly string[]): Promise<UpdateReport>;
  /** Ranked hits; by meaning too when `meaning` is true and the setting is on (it waits for the vectors then), else by words. */
  search(query: string, limit: number, preferredDocIds: readonly string[], meaning?: boolean): Promise<SearchHit[]>;
  /**
   * Meaning search on or off (briefing.search.meaning). On (once the
   * library is loaded), its word vectors are read; a search by meaning waits
   * for them, one by words never does. Resolves with a problem to report, if any.
   */
  setMeaning(enabled: boolean): Promise<string | null>;
  suggest(query: string): Promise<Suggestion[]>;
  citable(passageId: string): Promise<CitablePassage | null>;
  documents(): Promise<DocumentOverview[]>;
  document(docId: string): Promise<SourceDocument | null>;
  rawText(docId: string): Promise<string | null>;
  /** The sources a draft cites (by note label, Pandoc key, former marker, or in-text citation). */
  citedDocIds(draft: string): Promise<string[]>;
  /** What the panel shows with nothing typed. */
  home(): Promise<BriefingHome>;
  /** A topic's page (a listed topic's id or title, or free text); cards carry no pins yet. */
  topic(topicOrText: string): Promise<TopicView>;
  /** The whole briefing, or a topic's. */
  briefing(topic?: string): Promise<Briefing>;
  /** The briefing as a Markdown document with footnote citations. */
  briefingMarkdown(topic?: string): Promise<string>;
  /** Figures and quotes of a draft checked against the sources. */
  checkDraft(draft: string, options?: DraftCheckOptions): Promise<DraftFinding[]>;
  /** How the sources support each sentence of the paragraph at `offset`. */
  claims(draft: string, offset: number): Promise<ClaimReport[]>;
  /** The edits that tidy a draft's footnotes and references, Briefing's notes in the style given. */
  tidy(draft: string, style?: StyleOptions): Promise<TidyResult>;
  /** The edits that insert a citation or a quote (and a Pandoc bibliography file's new text). */
  planCitation(request: CitationRequest): Promise<CitationPlan>;
  /** Builds a citation style ahead of its first use, on the citation thread (never in a search's way). */
  warmCitations(style: StyleOptions): Promise<void>;
  /** A passage's citation as text to copy. */
  citationText(passageId: string, options: StyleOptions & { readonly pandoc?: boolean; readonly locator?: string }): Promise<string>;
  /** The bibliography files a draft's YAML front matter names. */
  bibliographiesNamedIn(draft: string): Promise<string[]>;
  /** The sources (all, or these documents) as CSL JSON, BibTeX or RIS. */
  exportSources(format: ExportFormat, docIds?: readonly string[]): Promise<string>;
  /** The source of the citation at `offset`, if there is one. */
  citationAt(draft: string, offset: number): Promise<CitationTarget | null>;
  /** The quotes of a passage as its speakers' own words, each with the verb phrase that frames it. */
  speakerWords(passageId: string): Promise<SpeakerWords[]>;
  /** Connects to the shared archive (null: none); resolves with its status once it has answered or failed. */
  configureArchive(config: ArchiveConfig | null): Promise<ArchiveStatus>;
  /** Tries to reach the archive again now. */
  reconnectArchive(): Promise<ArchiveStatus>;
  /** The archive's hits for a query, or why there are none; answers at once when the archive is down. */
  archiveSearch(query: string, limit: number, preferredDocIds: readonly string[]): Promise<ArchiveAnswer<SearchHit[]>>;
  /** Fetches a web page, saves its article as a Markdown clipping in `folder` and indexes it. */
  clip(url: string, folder: string, options: PageFetchOptions): Promise<ClipOutcome>;
}

/** A clipping saved and indexed, or the one line that says why not. */
export type ClipOutcome = (ClipResult & { readonly docId: string; readonly passages: number }) | { readonly problem: string };

export type LibraryMethod = keyof LibraryApi;

/** Host → worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly method: LibraryMethod;
  readonly params: readonly unknown[];
}

/** Worker → host: an answer to a request, or a progress event while loading. */
export type WorkerReply =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: string }
  | { readonly event: 'progress'; readonly done: number; readonly total: number }
  | { readonly event: 'archive'; readonly status: ArchiveStatus }
  /** Limits an analysis reached (src/core/limits.ts), for the output channel. */
  | { readonly event: 'notes'; readonly notes: readonly string[] };
