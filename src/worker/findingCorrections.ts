/**
 * Corrections a check can offer with its warning: the figure the sources
 * give, cited; the quote given to the speaker the sources name. Built from
 * the checks' findings here, so the editor layer only applies them.
 */
import type { FigureFinding } from '../core/checks/figureCheck';
import type { QuoteFinding } from '../core/checks/quoteCheck';
import type { Corpus } from '../core/corpus';
import { correctAttribution } from '../core/fixes/attributionFix';
import { correctFigure } from '../core/fixes/figureFix';
import type { FindingCorrection } from './draftFinding';

/** The source's figure in place of the draft's, cited; the statement compared comes first, prose passages before table rows. */
export function figureCorrection(draft: string, finding: FigureFinding, corpus: Corpus): FindingCorrection | undefined {
  if (finding.status !== 'contradicted') return undefined;
  const statements = [finding.statement, ...finding.citations.filter((citation) => citation !== finding.statement)];
  const citations = statements.sort((a, b) => rowLast(a.passageId, corpus) - rowLast(b.passageId, corpus));
  for (const citation of citations) {
    const correction = correctFigure(draft, finding.figure, citation.asWritten);
    const meta = corpus.meta(citation.docId);
    if (!correction || !meta) continue;
    const source = meta.outlet ?? meta.author ?? meta.title;
    return {
      title: `Replace ${correction.from} with ${correction.to} and cite ${source}`,
      ...correction,
      cite: { passageId: citation.passageId, source },
    };
  }
  return undefined;
}

/** The quote given to the speaker the sources name, written as the draft named its speaker. */
export function attributionCorrection(draft: string, finding: QuoteFinding): FindingCorrection | undefined {
  const { sourceSpeaker, quote } = finding;
  const attributionSpan = quote.attributionSpan;
  // A speaker carried over from an earlier sentence ("he said") also speaks there: changing it would change that too.
  if (finding.status !== 'misattributed' || !attributionSpan || !sourceSpeaker || quote.attributionCarried) return undefined;
  const edit = correctAttribution(draft, attributionSpan, sourceSpeaker.name);
  if (!edit) return undefined;
  return { title: `Attribute to ${sourceSpeaker.name}`, edit, from: draft.slice(edit.start, edit.end), to: edit.text };
}

function rowLast(passageId: string, corpus: Corpus): number {
  return corpus.passage(passageId)?.kind === 'table-row' ? 1 : 0;
}
