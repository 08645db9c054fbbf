import type { Corpus } from '../corpus';
import type { SearchIndex } from '../search/searchIndex';
import { cite, slugOf } from './context';
import type { Topic, TopicPassage } from './types';
import bundledTopics from '../../../data/topics.json';

/** Reads a topics file: `{ "topics": [...] }` or a bare array. Throws an Error naming the first problem. */
export function parseTopics(json: string): Topic[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`topics: not valid JSON (${(error as Error).message})`);
  }
  return validateTopics(value);
}

/** Checks already-parsed topics, e.g. from a setting; throws an Error naming the first problem. */
export function validateTopics(value: unknown): Topic[] {
  const list = Array.isArray(value) ? value : isObject(value) ? value.topics : undefined;
  if (!Array.isArray(list)) throw new Error('topics: expected an array of topics, or an object with a "topics" array');
  const seen = new Set<string>();
  return list.map((item: unknown, index): Topic => {
    const where = `topics[${index}]`;
    if (!isObject(item)) throw new Error(`${where}: expected an object with id, title, description and queries`);
    const field = (name: string): string => {
      const text = item[name];
      if (typeof text !== 'string' || text.trim().length === 0) throw new Error(`${where}.${name}: expected a non-empty string`);
      return text.trim();
    };
    const id = field('id');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`${where}.id: "${id}" should be lowercase letters, digits and hyphens`);
    if (seen.has(id)) throw new Error(`${where}.id: "${id}" is used by an earlier topic`);
    seen.add(id);
    const queries = item.queries;
    if (!Array.isArray(queries) || queries.length === 0 || queries.some((query) => typeof query !== 'string' || query.trim().length === 0)) {
      throw new Error(`${where}.queries: expected a non-empty array of non-empty strings`);
    }
    const description = item.description === undefined ? '' : field('description');
    return { id, title: field('title'), description, queries: queries.map((query: string) => query.trim()) };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let defaults: Topic[] | undefined;
/** The topics shipped in data/topics.json. */
export function defaultTopics(): readonly Topic[] {
  defaults ??= validateTopics(bundledTopics);
  return defaults;
}

/** The topic a user means: a listed topic by id or title, else a free-text topic searched as typed. */
export function resolveTopic(topicOrFreeText: string | Topic, topics: readonly Topic[] = defaultTopics()): { topic: Topic; freeText: boolean } {
  if (typeof topicOrFreeText !== 'string') return { topic: topicOrFreeText, freeText: false };
  const wanted = topicOrFreeText.trim().toLowerCase();
  const listed = topics.find((topic) => topic.id === wanted || topic.title.toLowerCase() === wanted);
  if (listed) return { topic: listed, freeText: false };
  const text = topicOrFreeText.trim();
  return { topic: { id: `free-${slugOf(text) || 'topic'}`, title: text, description: `Passages matching “${text}”.`, queries: [text] }, freeText: true };
}

export interface TopicSearchOptions {
  /** How many passages at most; 8 when not given. */
  readonly maxPassages?: number;
  /** How many passages of one document at most, so a page spans sources; 2 when not given. */
  readonly perDocument?: number;
}

/**
 * The best passages for a topic across sources: each query's hits scored
 * relative to that query's best, summed over queries, at most a few per
 * document.
 */
export function topicPassages(corpus: Corpus, index: SearchIndex, topic: Topic, options: TopicSearchOptions = {}): TopicPassage[] {
  const maxPassages = options.maxPassages ?? 8;
  const perDocument = options.perDocument ?? 2;
  const scored = new Map<string, { score: number; hit: ReturnType<SearchIndex['search']>[number] }>();
  for (const query of topic.queries) {
    const hits = index.search(query, { limit: 12 });
    const best = hits[0]?.score ?? 0;
    if (best <= 0) continue;
    for (const hit of hits) {
      const entry = scored.get(hit.passage.id);
      const score = hit.score / best;
      if (entry) entry.score += score;
      else scored.set(hit.passage.id, { score, hit });
    }
  }
  const perDoc = new Map<string, number>();
  const picked: TopicPassage[] = [];
  for (const { score, hit } of [...scored.values()].sort((a, b) => b.score - a.score)) {
    if (picked.length >= maxPassages) break;
    const count = perDoc.get(hit.passage.docId) ?? 0;
    if (count >= perDocument) continue;
    perDoc.set(hit.passage.docId, count + 1);
    const passage = corpus.passage(hit.passage.id) ?? hit.passage;
    picked.push({ passageId: passage.id, docId: passage.docId, score: Math.round(score * 1000) / 1000, citation: cite(passage, hit.snippet.span) });
  }
  return picked;
}
