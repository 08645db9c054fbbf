import type { Corpus } from '../corpus';
import type { Passage } from '../model';
import type { SearchIndex } from '../search/searchIndex';
import { BriefContext } from './context';
import { findDisagreements } from './disagreements';
import { extractEntities } from './entities';
import { extractFacts } from './facts';
import { extractStances } from './stances';
import { buildTimeline } from './timeline';
import { knowledgeFor, type CorpusKnowledge } from './knowledge';
import { defaultTopics, resolveTopic, topicPassages, type TopicSearchOptions } from './topics';
import type { Briefing, BriefingSource, Citation, Disagreement, Entity, Fact, FactCitation, StanceGroup, TimelineEvent, Topic, TopicPage } from './types';

export interface BriefingOptions extends TopicSearchOptions {
  /** Topics a name may refer to; the bundled data/topics.json when not given. */
  readonly topics?: readonly Topic[];
  /** What is known about the corpus beyond its words; the bundled corpus's own when its documents are included. */
  readonly knowledge?: CorpusKnowledge;
}

/** Everything the briefing reads from the whole corpus, before any narrowing to a topic. */
export interface CorpusAnalysis {
  readonly entities: readonly Entity[];
  readonly facts: readonly Fact[];
  readonly stances: readonly StanceGroup[];
  readonly timeline: readonly TimelineEvent[];
  readonly disagreements: readonly Disagreement[];
  /** The knowledge the analysis used (none for a corpus of the user's own). */
  readonly knowledge: CorpusKnowledge;
}

/** Reads people, figures, positions, dates and differences from every passage of the corpus. */
export function analyseCorpus(corpus: Corpus, knowledge: CorpusKnowledge = knowledgeFor(corpus)): CorpusAnalysis {
  const context = new BriefContext(corpus);
  const extraction = extractEntities(context, knowledge);
  const facts = extractFacts(context, extraction, new Set(knowledge.everywhere));
  const timeline = buildTimeline(context, facts, knowledge.everywhere);
  const dateFacts = timeline.flatMap((event): Fact[] => {
    if (event.type !== 'absolute' || !event.date) return [];
    const citations: FactCitation[] = event.citations.map((citation) => {
      const asWritten = event.asWritten.find((text) => citation.quote.includes(text)) ?? event.asWritten[0];
      const at = citation.span.start + citation.quote.indexOf(asWritten);
      return { ...citation, asWritten, valueSpan: { start: at, end: at + asWritten.length }, qualifiers: [], measures: 'date' };
    });
    const { year, month, day } = event.date;
    const iso = year === undefined ? (month && day ? `--${pad(month)}-${pad(day)}` : month ? `--${pad(month)}` : undefined) : [year, month && pad(month), month && day && pad(day)].filter(Boolean).join('-');
    return [{
      id: `date-${event.id}`,
      eventId: event.id,
      kind: 'date',
      value: year ?? null,
      unit: 'date',
      ...(iso ? { iso } : {}),
      measures: `date: ${event.when}`,
      asWritten: event.asWritten,
      sentence: event.citations[0].quote,
      citations,
      notes: event.date.inferred ? ['The year is not in this phrase; it is inferred from the same source (see the timeline).'] : [],
    }];
  });
  return {
    entities: extraction.entities,
    facts: [...facts, ...dateFacts],
    stances: extractStances(context, extraction),
    timeline,
    disagreements: findDisagreements(extraction.entities, extraction.mentions, facts, timeline),
    knowledge,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The topics a corpus offers: the bundled corpus's own (data/topics.json) only when its documents are included. */
export function topicsFor(corpus: Corpus): readonly Topic[] {
  return corpus.documents.some((document) => document.meta.origin === 'bundled') ? defaultTopics() : [];
}

/** A topic's page: its best passages across sources and the figures, people and positions in them. */
export function buildTopicPage(
  corpus: Corpus,
  index: SearchIndex,
  topicOrFreeText: string | Topic,
  options: BriefingOptions = {},
  analysis: CorpusAnalysis = analyseCorpus(corpus, options.knowledge),
): TopicPage {
  const { topic, freeText } = resolveTopic(topicOrFreeText, options.topics ?? topicsFor(corpus));
  const passages = topicPassages(corpus, index, topic, options);
  const ids = new Set(passages.map((passage) => passage.passageId));
  const touches = (citations: readonly Citation[]): boolean => citations.some((citation) => ids.has(citation.passageId));
  return {
    topic,
    freeText,
    passages,
    facts: analysis.facts.filter((fact) => touches(fact.citations)),
    entities: analysis.entities.filter((entity) => entity.passageIds.some((id) => ids.has(id))),
    stances: analysis.stances.flatMap((group) => group.stances).filter((stance) => ids.has(stance.citation.passageId)),
  };
}

/**
 * The briefing on the whole corpus, or narrowed to a topic (a listed topic's
 * id or title, or free text): sources, people and organisations, key
 * figures, who said what, the timeline and where sources differ — each
 * item with the citations that support it.
 */
export function buildBriefing(corpus: Corpus, index: SearchIndex, topic?: string, options: BriefingOptions = {}): Briefing {
  const analysis = analyseCorpus(corpus, options.knowledge);
  if (topic === undefined || topic.trim().length === 0) {
    const { knowledge: _knowledge, ...found } = analysis;
    return withPassages(corpus, { sources: sourcesOf(corpus), ...found });
  }
  const page = buildTopicPage(corpus, index, topic, options, analysis);
  const ids = new Set(page.passages.map((passage) => passage.passageId));
  const touches = (citations: readonly Citation[]): boolean => citations.some((citation) => ids.has(citation.passageId));
  const stances = analysis.stances
    .map((group) => ({ ...group, stances: group.stances.filter((stance) => ids.has(stance.citation.passageId)) }))
    .filter((group) => group.stances.length > 0);
  return withPassages(corpus, {
    topic: page,
    sources: sourcesOf(corpus, new Set(page.passages.map((passage) => passage.docId))),
    entities: page.entities,
    facts: page.facts,
    stances,
    timeline: analysis.timeline.filter((event) => touches(event.citations)),
    disagreements: analysis.disagreements.filter((disagreement) => disagreement.sides.some((side) => touches(side.citations))),
  });
}

/** Every citation of a briefing, wherever it sits. */
export function citationsOf(briefing: Omit<Briefing, 'passages'>): Citation[] {
  return [
    ...(briefing.topic?.passages.map((passage) => passage.citation) ?? []),
    ...briefing.entities.flatMap((entity) => [...entity.citations, ...entity.roles.flatMap((role) => role.citations)]),
    ...briefing.facts.flatMap((fact) => fact.citations),
    ...briefing.stances.flatMap((group) => group.stances.map((stance) => stance.citation)),
    ...briefing.timeline.flatMap((event) => [...event.citations, ...(event.date?.evidence ? [event.date.evidence] : [])]),
    ...briefing.disagreements.flatMap((disagreement) => disagreement.sides.flatMap((side) => side.citations)),
  ];
}

function withPassages(corpus: Corpus, briefing: Omit<Briefing, 'passages'>): Briefing {
  const passages: Record<string, Passage> = {};
  for (const citation of citationsOf(briefing)) {
    const passage = corpus.passage(citation.passageId);
    if (passage) passages[passage.id] = passage;
  }
  return { ...briefing, passages };
}

function sourcesOf(corpus: Corpus, only?: ReadonlySet<string>): BriefingSource[] {
  return corpus.documents
    .filter((document) => !only || only.has(document.meta.id))
    .map(({ meta, passages }) => ({
      docId: meta.id,
      title: meta.title,
      ...(meta.outlet ? { outlet: meta.outlet } : {}),
      ...(meta.author ? { author: meta.author } : {}),
      kind: meta.kind,
      dateLabel: meta.date.label,
      passageCount: passages.length,
      meta,
    }));
}
