import type { CorpusAnalysis } from '../core/brief/briefing';
import type { Citation } from '../core/brief/types';
import { checkClaims } from '../core/checks/claimCheck';
import { checkFigures } from '../core/checks/figureCheck';
import { checkQuotes } from '../core/checks/quoteCheck';
import type { Corpus } from '../core/corpus';
import { fileOffsetOf, type SourceMeta, type Span } from '../core/model';
import type { SearchIndex } from '../core/search/searchIndex';

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

/** One thing a check found in a draft, ready to become a diagnostic, a hover and a quick fix. */
export interface DraftFinding {
  readonly kind: 'figure' | 'quote' | 'date';
  /** supported/verbatim findings are quiet (hover and quick fix only); the others are diagnostics. */
  readonly status: 'supported' | 'contradicted' | 'verbatim' | 'misattributed' | 'not-found';
  /** How loud the finding is: a warning for what the sources contradict, information for what they confirm or do not hold. */
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  /** For misattributed quotes: who the sources say spoke the words. */
  readonly sourceSpeaker?: { readonly id: string; readonly name: string };
  readonly span: Span;
  /** Where a citation of it goes: the end of its sentence. */
  readonly citeAt: number;
  readonly message: string;
  readonly sources: readonly SourceRef[];
}

/** How well the sources support a sentence of the paragraph at the cursor. */
export interface ClaimReport {
  readonly span: Span;
  readonly documents: number;
  readonly outlets: readonly string[];
  readonly singleOutlet: boolean;
  readonly best?: SourceRef;
}

/** Figures and quotes of a draft checked against the sources. */
export function checkDraft(draft: string, corpus: Corpus, analysis: CorpusAnalysis): DraftFinding[] {
  const ref = refMaker(corpus);
  const figures = checkFigures(draft, analysis, corpus).map((finding): DraftFinding => ({
    kind: finding.kind,
    status: finding.status,
    severity: finding.status === 'contradicted' ? 'warning' : 'information',
    span: finding.figure.span,
    citeAt: finding.sentence.end,
    message: finding.message,
    sources: finding.citations.flatMap((citation) => ref(citation) ?? []),
  }));
  const quotes = checkQuotes(draft, corpus, analysis).flatMap((finding): DraftFinding[] => {
    if (finding.status === 'unsourced') return [];
    const citations = finding.citations.length > 0 ? finding.citations : finding.closest ? [finding.closest.citation] : [];
    return [
      {
        kind: 'quote',
        status: finding.status,
        severity: finding.status === 'verbatim' ? 'information' : 'warning',
        ...(finding.sourceSpeaker ? { sourceSpeaker: finding.sourceSpeaker } : {}),
        span: finding.quote.span,
        citeAt: finding.quote.sentence.end,
        message: finding.message,
        sources: citations.flatMap((citation) => ref(citation) ?? []),
      },
    ];
  });
  return [...figures, ...quotes].sort((a, b) => a.span.start - b.span.start);
}

/** Support for each sentence of the paragraph at `offset`. */
export function claimReports(draft: string, offset: number, corpus: Corpus, index: SearchIndex): ClaimReport[] {
  const ref = refMaker(corpus);
  return checkClaims(draft, offset, index, corpus).map((claim) => {
    const top = claim.passages[0];
    const best = top ? ref({ passageId: top.passage.id, docId: top.passage.docId, span: top.snippet.span, quote: top.snippet.text }) : undefined;
    return { span: claim.sentence, documents: claim.documents, outlets: claim.outlets, singleOutlet: claim.singleOutlet, ...(best ? { best } : {}) };
  });
}

function refMaker(corpus: Corpus): (citation: Citation) => SourceRef | undefined {
  return (citation) => {
    const passage = corpus.passage(citation.passageId);
    const meta = passage && corpus.meta(passage.docId);
    if (!passage || !meta) return undefined;
    // Offsets within the passage's text map onto its span of the file, past any removed reference markers.
    const start = fileOffsetOf(passage, citation.span.start);
    const end = fileOffsetOf(passage, citation.span.end, 'end');
    return { passageId: passage.id, source: meta.outlet ?? meta.author ?? meta.title, meta, quote: citation.quote, fileSpan: { start, end } };
  };
}
