/**
 * Search in Russian and Ukrainian, measured on the real news excerpts in
 * test/fixtures/cyrillic against answer keys written before any search
 * ran (queries.json): hit@3 per split and kind of query. Used by
 * `npm run eval:cyrillic` and by a unit test that holds the targets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import type { SourceDocument } from '../../src/core/model';
import { SearchIndex } from '../../src/core/search/searchIndex';
import { parseUserFile } from '../../src/core/sources/userSource';

export const fixturesRoot = path.resolve(__dirname, '..', 'fixtures', 'cyrillic');

interface DocQuery {
  readonly query: string;
  readonly answers: readonly string[];
}
interface PatternQuery {
  readonly query: string;
  readonly pattern: string;
}
interface SplitKeys {
  readonly inflected: readonly DocQuery[];
  readonly latinNames: readonly DocQuery[];
  readonly toLatin: readonly PatternQuery[];
}
export type CyrillicSplit = 'dev' | 'heldout';

export interface KindFigure {
  readonly hits: number;
  readonly total: number;
  readonly misses: readonly string[];
}

export function loadKeys(): Record<CyrillicSplit, SplitKeys> {
  return JSON.parse(readFileSync(path.join(fixturesRoot, 'queries.json'), 'utf8')) as Record<CyrillicSplit, SplitKeys>;
}

/** The 16 fixture documents, read as a user's Markdown files are. */
export function fixtureDocuments(): SourceDocument[] {
  const documents: SourceDocument[] = [];
  for (const split of ['dev', 'heldout']) {
    const dir = path.join(fixturesRoot, split);
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      documents.push(parseUserFile({ path: file, text: readFileSync(file, 'utf8') }).document);
    }
  }
  return documents;
}

const fileStem = (file: string): string => path.basename(file).replace(/\.md$/, '');

/** hit@3 of document-answered queries over an index of the fixtures. */
function docHits(index: SearchIndex, queries: readonly DocQuery[]): KindFigure {
  const misses: string[] = [];
  let hits = 0;
  for (const { query, answers } of queries) {
    const top = index.search(query, { limit: 3 }).map((hit) => fileStem(hit.meta.file));
    if (top.some((file) => answers.includes(file))) hits++;
    else misses.push(`${query} → ${top.join(', ') || 'nothing'}`);
  }
  return { hits, total: queries.length, misses };
}

/** hit@3 of Cyrillic queries over an index of English sources, answered by passages matching a pattern. */
function patternHits(index: SearchIndex, queries: readonly PatternQuery[]): KindFigure {
  const misses: string[] = [];
  let hits = 0;
  for (const { query, pattern } of queries) {
    const top = index.search(query, { limit: 3 });
    if (top.some((hit) => new RegExp(pattern).test(hit.passage.text))) hits++;
    else misses.push(`${query} → ${top.map((hit) => hit.passage.text.slice(0, 40)).join(' | ') || 'nothing'}`);
  }
  return { hits, total: queries.length, misses };
}

export function evaluateCyrillic(split: CyrillicSplit, english: SourceDocument[]): Record<keyof SplitKeys, KindFigure> {
  const keys = loadKeys()[split];
  const cyrillic = SearchIndex.build(new Corpus(fixtureDocuments()));
  const englishIndex = SearchIndex.build(new Corpus(english));
  return {
    inflected: docHits(cyrillic, keys.inflected),
    latinNames: docHits(cyrillic, keys.latinNames),
    toLatin: patternHits(englishIndex, keys.toLatin),
  };
}
