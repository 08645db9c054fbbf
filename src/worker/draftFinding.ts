/**
 * What the writing checks find in a draft, as plain data for the editor,
 * the command line and the worker protocol; no checking code here, so the
 * extension host can read findings without loading the checks.
 */
import type { SourceMeta, Span } from '../core/model';

/** Where a source says something: enough for a hover, a related-information link and a citation. */
export interface SourceRef {
  readonly passageId: string;
  /** Who the words come from: outlet, else author, else title. */
  readonly source: string;
  readonly meta: SourceMeta;
  /** The sentence, verbatim. */
  readonly quote: string;
  /** Where the sentence is in the source's file. */
  readonly fileSpan: Span;
}

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

/** What a quick fix needs: what the sources say instead, and where. */
export type FindingFix =
  /** A figure or date the sources give otherwise: their figure as written, where it is in the passage and in the file. */
  | { readonly kind: 'figure'; readonly sourceText: string; readonly passageId: string; readonly passageSpan: Span; readonly fileSpan: Span }
  /** A quote the sources give to someone else: who, as the briefing names them. */
  | { readonly kind: 'speaker'; readonly speakerId: string; readonly speaker: string; readonly passageId: string }
  /** A quote not word for word in the sources: the closest source sentence. */
  | { readonly kind: 'quote'; readonly sourceText: string; readonly passageId: string; readonly fileSpan: Span };

/** One thing a check found in a draft, ready to become a diagnostic, a hover and a quick fix. */
export interface DraftFinding {
  readonly kind: 'figure' | 'quote' | 'date';
  /** supported/verbatim are quiet (hover and quick fix only); not-found is a misquote, or, as information, words the sources do not hold at all. */
  readonly status: 'supported' | 'contradicted' | 'verbatim' | 'misattributed' | 'not-found';
  /** A warning for what the sources contradict; information for a quote they do not hold (configurable); quiet findings are information too. */
  readonly severity: FindingSeverity;
  /** Why a quote was not found: close to a source sentence (a misquote), or nothing close (not in your sources). */
  readonly reason?: 'misquote' | 'not-in-sources';
  /** The draft's words the finding is about. */
  readonly text: string;
  readonly span: Span;
  /** Where a citation of it goes: the end of its sentence. */
  readonly citeAt: number;
  readonly message: string;
  readonly sources: readonly SourceRef[];
  /** Who the draft says spoke, as written. */
  readonly attributedTo?: string;
  /** Who the sources say spoke the words. */
  readonly sourceSpeaker?: { readonly id: string; readonly name: string };
  readonly fix?: FindingFix;
}

export interface DraftCheckOptions {
  /** How loud a quote given to someone and found nowhere in the sources is; "off" leaves it out. Information by default: reporters quote their own interviews. */
  readonly unsourcedQuoteSeverity?: FindingSeverity | 'off';
}

/** How well the sources support a sentence of the paragraph at the cursor. */
export interface ClaimReport {
  readonly span: Span;
  readonly documents: number;
  readonly outlets: readonly string[];
  readonly singleOutlet: boolean;
  readonly best?: SourceRef;
}

/** Findings a writer should look at: a warning or an error (what the sources contradict). */
export function isProblem(finding: DraftFinding): boolean {
  return finding.severity === 'warning' || finding.severity === 'error';
}

