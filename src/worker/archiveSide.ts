/**
 * The archive's part of a topic page and of a draft's checks, computed in
 * the worker: the archive's top passages for the topic or the draft, read
 * by the same briefing and checking code as the local sources, then joined
 * with the local answer. An archive that is off or down adds nothing, and
 * the local answer stands.
 */
import { draftQueries, mergeTopicViews } from '../core/archive/archiveBriefs';
import { analyseCorpus, buildTopicPage } from '../core/brief/briefing';
import { resolveTopic } from '../core/brief/topics';
import type { Topic } from '../core/brief/types';
import { buildTopicView } from '../core/briefingHome';
import type { Corpus } from '../core/corpus';
import { SearchIndex } from '../core/search/searchIndex';
import type { ArchiveService } from '../node/archive/archiveService';
import type { PassageCard, TopicView } from '../protocol';
import { checkDraft, claimReports, type ClaimReport, type DraftCheckOptions, type DraftFinding } from './draftReport';
import { draftProse } from '../core/checks/draftText';
import { relatedQuery } from '../core/search/relatedQuery';
import { paragraphAt } from '../core/text/paragraph';

/** Passages per query the archive is asked for. */
const TOPIC_PASSAGES_PER_QUERY = 12;
const DRAFT_PASSAGES_PER_QUERY = 6;
const CLAIM_PASSAGES_PER_QUERY = 10;

/** The local topic page with the archive's passages, facts and people added when the archive answers. */
export async function withArchiveTopic(
  archive: ArchiveService,
  local: TopicView,
  topicOrText: string,
  topics: readonly Topic[],
  cardOf: (corpus: Corpus, passageId: string, quote: string) => PassageCard | undefined,
): Promise<TopicView> {
  if (archive.status.state !== 'connected') return local;
  const { topic } = resolveTopic(topicOrText, topics);
  const answer = await archive.use((reader) => reader.corpusFor(topic.queries, TOPIC_PASSAGES_PER_QUERY));
  if ('unavailable' in answer || answer.value.passageCount === 0) return local;
  const corpus = answer.value;
  const page = buildTopicPage(corpus, SearchIndex.build(corpus), topic, { topics }, analyseCorpus(corpus));
  return mergeTopicViews(local, buildTopicView(corpus, page, (passageId, quote) => cardOf(corpus, passageId, quote)));
}

/** A draft's findings with the archive's added: a quote or figure the archive supports counts as supported. */
export async function withArchiveFindings(
  archive: ArchiveService,
  draft: string,
  local: readonly DraftFinding[],
  options: DraftCheckOptions = {},
): Promise<DraftFinding[]> {
  if (archive.status.state !== 'connected') return [...local];
  const answer = await archive.use((reader) => reader.corpusFor(draftQueries(draft), DRAFT_PASSAGES_PER_QUERY));
  if ('unavailable' in answer || answer.value.passageCount === 0) return [...local];
  const corpus = answer.value;
  return mergeFindings(local, checkDraft(draft, corpus, analyseCorpus(corpus), options));
}

/** Support for the sentences at the cursor, counting the archive's sources too. */
export async function withArchiveClaims(archive: ArchiveService, draft: string, offset: number, local: readonly ClaimReport[]): Promise<ClaimReport[]> {
  if (archive.status.state !== 'connected' || local.length === 0) return [...local];
  const paragraph = paragraphAt(draft, offset);
  const prose = draftProse(draft);
  const queries = prose.sentences
    .filter((span) => span.start >= paragraph.start && span.end <= paragraph.end)
    .map((span) => relatedQuery(prose.text.slice(span.start, span.end)))
    .filter((query) => query.trim().length > 0);
  const answer = await archive.use((reader) => reader.corpusFor(queries, CLAIM_PASSAGES_PER_QUERY));
  if ('unavailable' in answer || answer.value.passageCount === 0) return [...local];
  const corpus = answer.value;
  const fromArchive = new Map(claimReports(draft, offset, corpus, SearchIndex.build(corpus)).map((report) => [`${report.span.start}:${report.span.end}`, report]));
  return local.map((report) => {
    const other = fromArchive.get(`${report.span.start}:${report.span.end}`);
    if (!other || other.documents === 0) return report;
    const outlets = [...new Set([...report.outlets, ...other.outlets])];
    const best = report.best ?? other.best;
    return { span: report.span, documents: report.documents + other.documents, outlets, singleOutlet: outlets.length === 1, ...(best ? { best } : {}) };
  });
}

const STATUS_RANK: Readonly<Record<DraftFinding['status'], number>> = { verbatim: 2, supported: 2, misattributed: 1, contradicted: 1, 'not-found': 0 };

/**
 * A draft's findings against local sources and against the archive, as
 * one list: where both checked the same figure or quote, the better
 * supported finding stands (a quote not found locally but found verbatim
 * in the archive is verbatim), with the other's sources added.
 */
export function mergeFindings(local: readonly DraftFinding[], archive: readonly DraftFinding[]): DraftFinding[] {
  const key = (finding: DraftFinding): string => `${finding.kind}:${finding.span.start}:${finding.span.end}`;
  const merged = new Map(local.map((finding) => [key(finding), finding]));
  for (const finding of archive) {
    // "Not found" among a few archive passages says nothing; the local check has the say.
    if (finding.status === 'not-found') continue;
    const mine = merged.get(key(finding));
    if (!mine) merged.set(key(finding), finding);
    else if (STATUS_RANK[finding.status] > STATUS_RANK[mine.status]) merged.set(key(finding), { ...finding, sources: [...finding.sources, ...mine.sources] });
    else if (STATUS_RANK[finding.status] === STATUS_RANK[mine.status]) merged.set(key(finding), { ...mine, sources: [...mine.sources, ...finding.sources] });
  }
  return [...merged.values()].sort((a, b) => a.span.start - b.span.start);
}
