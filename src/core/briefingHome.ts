import type { CorpusAnalysis } from './brief/briefing';
import type { Citation, Entity, Fact, Stance, Topic, TopicPage } from './brief/types';
import { spokenSentenceOf } from './statements/fromStance';
import { statementOf } from './statements/statement';
import type { Corpus } from './corpus';
import type { BriefingHome, FactSummary, PassageCard, PersonSummary, StanceSummary, TopicView } from '../protocol';

const MAX_FACTS = 12;
const MAX_PEOPLE = 16;
const MAX_STANCES = 14;
const SEVERITY_ORDER: Readonly<Record<string, number>> = { conflict: 0, nuance: 1, variant: 2, precision: 3 };

/**
 * What the panel shows with nothing typed: the documents, topics, key
 * facts, people, who said what, the timeline and where sources differ —
 * each item keeping the passage ids it came from.
 */
export function buildHome(corpus: Corpus, analysis: CorpusAnalysis, topics: readonly Topic[]): BriefingHome {
  const sourceOf = sourceNamer(corpus);
  return {
    documents: corpus.documents.map(({ meta, passages }) => ({
      docId: meta.id,
      title: meta.title,
      kind: meta.kind,
      ...(meta.outlet === undefined ? {} : { outlet: meta.outlet }),
      ...(meta.author === undefined ? {} : { author: meta.author }),
      date: meta.date.label,
      passages: passages.length,
      origin: meta.origin,
    })),
    topics: topics.map(({ id, title, description }) => ({ id, title, description })),
    // The figures most sources state come first: they are the ones a reporter can lean on. A small count
    // spelled out ("two sides") is the story's frame rather than one of its figures, so it comes after them.
    facts: analysis.facts
      .filter((fact) => fact.kind !== 'date')
      .map((fact, order) => ({ summary: factSummary(fact, sourceOf), order, frame: isSmallCount(fact) }))
      .sort((a, b) => Number(a.frame) - Number(b.frame) || b.summary.passageIds.length - a.summary.passageIds.length || a.order - b.order)
      .map(({ summary }) => summary)
      .slice(0, MAX_FACTS),
    people: personSummaries(analysis.entities).slice(0, MAX_PEOPLE),
    // A statement from each speaker in turn, those quoting their own words first, then those listing demands,
    // so the home's first rows are quotes.
    stances: roundRobin(
      analysis.stances
        .map((group) =>
          uniqueBy(
            [...group.stances].sort((a, b) => voice(b) - voice(a)).map((stance) => stanceSummary(stance, sourceOf, analysis.entities)),
            (stance) => `${stance.words.join('|')}|${stance.sentence}`,
          ),
        )
        .map((summaries, index) => ({ summaries, voice: Math.max(0, ...analysis.stances[index].stances.map(voice)) }))
        .sort((a, b) => b.voice - a.voice)
        .map(({ summaries }) => summaries),
    ).slice(0, MAX_STANCES),
    timeline: analysis.timeline.map((event) => ({
      when: event.when,
      event: event.event,
      ...(event.relativeTo === undefined ? {} : { relativeTo: event.relativeTo }),
      inferred: event.date?.inferred ?? false,
      status: event.status,
      passageIds: unique(event.citations.map((citation) => citation.passageId)),
      sources: unique(event.citations.map(sourceOf)),
    })),
    // Where sources agree (one only more precise) is no difference to show.
    differences: analysis.disagreements
      .filter((difference) => difference.severity !== 'precision')
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
      .map((difference) => ({
      subject: difference.subject,
      severity: difference.severity,
      note: difference.note,
      sides: difference.sides.map((side) => ({
        says: side.says,
        source: unique(side.citations.map(sourceOf)).join(', '),
        passageIds: unique(side.citations.map((citation) => citation.passageId)),
      })),
    })),
  };
}

/** A topic page as the panel shows it; cards come without the reader's pins, which the host adds. */
export function buildTopicView(corpus: Corpus, page: TopicPage, card: (passageId: string, quote: string) => PassageCard | undefined): TopicView {
  const sourceOf = sourceNamer(corpus);
  return {
    id: page.topic.id,
    title: page.topic.title,
    description: page.topic.description,
    freeText: page.freeText,
    cards: page.passages.flatMap((passage) => card(passage.passageId, passage.citation.quote) ?? []),
    facts: page.facts.filter((fact) => fact.kind !== 'date').map((fact) => factSummary(fact, sourceOf)),
    people: personSummaries(page.entities),
    stances: page.stances.map((stance) => stanceSummary(stance, sourceOf, page.entities)),
  };
}

function factSummary(fact: Fact, sourceOf: (citation: Citation) => string): FactSummary {
  return {
    label: fact.measures,
    value: fact.asWritten[0] ?? String(fact.value),
    passageIds: unique(fact.citations.map((citation) => citation.passageId)),
    sources: unique(fact.citations.map(sourceOf)),
  };
}

/** A count under ten that every source spells out in words ("two sides", "four regions"), as news style writes small numbers. */
function isSmallCount(fact: Fact): boolean {
  return fact.kind === 'count' && fact.value !== null && fact.value < 10 && fact.asWritten.every((written) => !/\d/.test(written));
}

function personSummaries(entities: readonly Entity[]): PersonSummary[] {
  return [...entities]
    .sort((a, b) => Number(b.kind === 'person') - Number(a.kind === 'person') || b.mentionCount - a.mentionCount)
    .map((entity) => ({
      name: entity.name,
      ...(entity.roles[0] ? { role: entity.roles[0].role } : {}),
      kind: entity.kind,
      mentions: entity.mentionCount,
      variants: entity.variants.map((variant) => variant.text).filter((text) => text !== entity.name),
      passageIds: entity.passageIds,
    }));
}

function stanceSummary(stance: Stance, sourceOf: (citation: Citation) => string, entities: readonly Entity[]): StanceSummary {
  return {
    speaker: stance.speaker,
    verb: stance.verb,
    statement: statementOf(spokenSentenceOf(stance, entities)),
    words: stance.quotes.length > 0 ? stance.quotes : stance.items,
    sentence: stance.citation.quote,
    passageId: stance.citation.passageId,
    source: sourceOf(stance.citation),
  };
}

/** How much of a speaker's own voice a statement carries: quoted words, then listed demands, then none. */
function voice(stance: Stance): number {
  return stance.quotes.length > 0 ? 2 : stance.items.length > 0 ? 1 : 0;
}

function sourceNamer(corpus: Corpus): (citation: Citation) => string {
  return (citation) => {
    const meta = corpus.meta(citation.docId);
    return meta ? (meta.outlet ?? meta.author ?? meta.title) : citation.docId;
  };
}

/** One item from each list in turn, so that no single speaker fills the section. */
function roundRobin<T>(lists: readonly (readonly T[])[]): T[] {
  const result: T[] = [];
  for (let round = 0; lists.some((list) => round < list.length); round++) {
    for (const list of lists) if (round < list.length) result.push(list[round]);
  }
  return result;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
