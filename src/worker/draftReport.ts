/**
 * A draft's figures, dates and quotes checked against the sources, as
 * findings ready for a diagnostic, a hover, a quick fix or a line of
 * `briefing check`: the one function the editor and the command line use.
 */
import type { CorpusAnalysis } from '../core/brief/briefing';
import type { Citation, FactCitation } from '../core/brief/types';
import { checkClaims } from '../core/checks/claimCheck';
import { draftProse } from '../core/checks/draftText';
import { checkFigures } from '../core/checks/figureCheck';
import { checkQuotes } from '../core/checks/quoteCheck';
import type { Corpus } from '../core/corpus';
import { fileOffsetOf } from '../core/model';
import type { SearchIndex } from '../core/search/searchIndex';

import type { ClaimReport, DraftCheckOptions, DraftFinding, FindingFix, SourceRef } from './draftFinding';

export type { ClaimReport, DraftCheckOptions, DraftFinding, FindingFix, FindingSeverity, SourceRef } from './draftFinding';
export { isProblem } from './draftFinding';

/** Figures, dates and quotes of a draft checked against the sources, in the order they appear. */
export function checkDraft(draft: string, corpus: Corpus, analysis: CorpusAnalysis, options: DraftCheckOptions = {}): DraftFinding[] {
  const ref = refMaker(corpus);
  const prose = draftProse(draft);
  const figures = checkFigures(draft, analysis, corpus, prose).map((finding): DraftFinding => {
    const statement = finding.statement;
    const fix = finding.status === 'contradicted' ? figureFix(corpus, statement) : undefined;
    return {
      kind: finding.kind,
      status: finding.status,
      severity: finding.status === 'contradicted' ? 'warning' : 'information',
      text: draft.slice(finding.figure.span.start, finding.figure.span.end),
      span: finding.figure.span,
      citeAt: finding.sentence.end,
      message: finding.message,
      // The statement compared first, then the fact's other statements.
      sources: [statement, ...finding.citations.filter((citation) => citation !== statement)].flatMap((citation) => ref(citation) ?? []),
      ...(fix ? { fix } : {}),
    };
  });
  const unsourcedSeverity = options.unsourcedQuoteSeverity ?? 'information';
  const quotes = checkQuotes(draft, corpus, analysis, {}, prose).flatMap((finding): DraftFinding[] => {
    const base = {
      kind: 'quote' as const,
      text: draft.slice(finding.quote.span.start, finding.quote.span.end),
      span: finding.quote.span,
      citeAt: finding.quote.sentence.end,
      ...(finding.attributedTo ? { attributedTo: finding.attributedTo } : {}),
      ...(finding.sourceSpeaker ? { sourceSpeaker: { id: finding.sourceSpeaker.id, name: finding.sourceSpeaker.name } } : {}),
    };
    if (finding.status === 'unsourced') {
      if (unsourcedSeverity === 'off' || !finding.attributedTo) return [];
      return [{ ...base, status: 'not-found', severity: unsourcedSeverity, reason: 'not-in-sources', message: finding.message, sources: [] }];
    }
    const citations = finding.citations.length > 0 ? finding.citations : finding.closest ? [finding.closest.citation] : [];
    const sources = citations.flatMap((citation) => ref(citation) ?? []);
    let fix: FindingFix | undefined;
    if (finding.status === 'misattributed' && finding.sourceSpeaker && citations[0]) {
      fix = { kind: 'speaker', speakerId: finding.sourceSpeaker.id, speaker: finding.sourceSpeaker.name, passageId: citations[0].passageId };
    } else if (finding.status === 'not-found' && sources[0]) {
      fix = { kind: 'quote', sourceText: sources[0].quote, passageId: sources[0].passageId, fileSpan: sources[0].fileSpan };
    }
    return [
      {
        ...base,
        status: finding.status,
        severity: finding.status === 'verbatim' ? 'information' : 'warning',
        ...(finding.status === 'not-found' ? { reason: 'misquote' as const } : {}),
        message: finding.message,
        sources,
        ...(fix ? { fix } : {}),
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

function figureFix(corpus: Corpus, statement: FactCitation): FindingFix | undefined {
  const passage = corpus.passage(statement.passageId);
  if (!passage) return undefined;
  const fileSpan = { start: fileOffsetOf(passage, statement.valueSpan.start), end: fileOffsetOf(passage, statement.valueSpan.end, 'end') };
  return { kind: 'figure', sourceText: statement.asWritten, passageId: statement.passageId, passageSpan: statement.valueSpan, fileSpan };
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
