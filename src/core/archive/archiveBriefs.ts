/**
 * Briefings and checks that draw on the archive: what to ask the archive
 * for (a topic's queries, a draft's quotes and paragraphs), and how the
 * answer, read by the same briefing and checking code as local sources,
 * joins the local one. The archive is asked only for its top passages,
 * never copied whole.
 */
import { findQuotes } from '../checks/quotes';
import { relatedQuery } from '../search/relatedQuery';
import type { FactSummary, PassageCard, PersonSummary, TopicView } from '../../protocol';

/** Queries that find the archive's passages a draft's checks need: each quote's words, then each paragraph's key words. */
export function draftQueries(draft: string, max = 24): string[] {
  const queries = new Set<string>();
  for (const quote of findQuotes(draft)) {
    const words = quote.text.trim();
    if (words.split(/\s+/).length >= 3) queries.add(`${words} `);
  }
  for (const paragraph of draft.split(/\n\s*\n/)) {
    const query = relatedQuery(paragraph);
    if (query) queries.add(query);
  }
  return [...queries].slice(0, max);
}

/** A topic page from local sources and one from the archive's top passages, as one page. */
export function mergeTopicViews(local: TopicView, archive: TopicView): TopicView {
  return {
    ...local,
    cards: interleaveCards(local.cards, archive.cards),
    facts: uniqueBy([...local.facts, ...archive.facts], (fact: FactSummary) => `${fact.label}\u0000${fact.value}`),
    people: mergePeople(local.people, archive.people),
    stances: [...local.stances, ...archive.stances],
  };
}

function interleaveCards(local: readonly PassageCard[], archive: readonly PassageCard[]): PassageCard[] {
  const shown = new Set(local.map((card) => card.snippet));
  const fresh = archive.filter((card) => !shown.has(card.snippet));
  const cards: PassageCard[] = [];
  for (let i = 0; i < Math.max(local.length, fresh.length); i++) {
    if (i < local.length) cards.push(local[i]);
    if (i < fresh.length) cards.push(fresh[i]);
  }
  return cards;
}

function mergePeople(local: readonly PersonSummary[], archive: readonly PersonSummary[]): PersonSummary[] {
  const byName = new Map(local.map((person) => [person.name, person]));
  for (const person of archive) {
    const mine = byName.get(person.name);
    byName.set(
      person.name,
      mine
        ? { ...mine, mentions: mine.mentions + person.mentions, variants: [...new Set([...mine.variants, ...person.variants])], passageIds: [...mine.passageIds, ...person.passageIds] }
        : person,
    );
  }
  return [...byName.values()];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}
