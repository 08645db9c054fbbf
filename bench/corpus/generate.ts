/**
 * Benchmark corpora of 1k, 10k or 100k passages of English news-like
 * prose, generated reproducibly (fixed seed) and cached under .bench/.
 *
 * The pool: the bundled documents' passages as parsed, then the Brown
 * corpus, the State of the Union addresses and SpamAssassin ham, cut at
 * sentence ends into passages of 40–160 words (short paragraphs merged,
 * long ones split). A size within the pool is a seeded sample of it; past
 * the pool (100k), passages are recombined from shuffled sentence windows
 * of pool passages of the same source — never duplicated.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RawSource } from '../../src/core/corpus';
import { Corpus } from '../../src/core/corpus';
import { boilerplateReason, parseByline } from '../../src/core/parse/boilerplate';
import { readManifestSources } from '../../src/node/bundledSources';
import { readBrown, readMail, readSotu, sentencesOf, type ProseDocument, type ProseSource } from './prose';
import { Random } from './random';

/** Bumped whenever the generator's output changes, so stale caches are never used. */
export const GENERATOR_VERSION = 1;
export const PASSAGES_PER_DOCUMENT = 20;
const MIN_WORDS = 40;
const MAX_WORDS = 160;

export interface PoolPassage {
  readonly source: ProseSource;
  /** Title of the document the passage was cut from. */
  readonly title: string;
  readonly text: string;
}

export interface BenchDocument {
  readonly title: string;
  readonly source: ProseSource;
  readonly passages: readonly string[];
}

export interface BenchCorpus {
  readonly version: number;
  readonly size: number;
  readonly seed: number;
  readonly documents: readonly BenchDocument[];
  /** How many passages came straight from the pool and how many were recombined. */
  readonly fromPool: number;
  readonly recombined: number;
  readonly bySource: Readonly<Record<string, number>>;
}

const countWords = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length;

/**
 * A passage the parser keeps as one paragraph passage: not a heading, a
 * question, a byline, a table row, a callout or boilerplate.
 */
export function keepsAsParagraph(text: string): boolean {
  if (text.length === 0 || text.endsWith('?') || text.startsWith('|') || text.startsWith('#')) return false;
  if (/^(did you know\?|pro tip:|fact check:|note:|key takeaway:)/i.test(text)) return false;
  if (/^(table of contents|contents|in this article)$/i.test(text)) return false;
  const words = countWords(text);
  if (text.length <= 100 && words <= 14 && !/[.!?,;"”’]$/.test(text)) return false;
  return boilerplateReason(text) === undefined && parseByline(text) === undefined;
}

/** Cuts a document's sentences into passages of 40–160 words at sentence ends. */
export function cutPassages(document: ProseDocument, random: Random): string[] {
  const sentences: string[] = [];
  for (const paragraph of document.paragraphs) {
    for (const sentence of paragraph) {
      const words = sentence.split(/\s+/).filter((w) => w.length > 0);
      // A run-on "sentence" longer than a passage is cut at word boundaries.
      for (let i = 0; i < words.length; i += MAX_WORDS) sentences.push(words.slice(i, i + MAX_WORDS).join(' '));
    }
  }
  const passages: string[] = [];
  let current: string[] = [];
  let currentWords = 0;
  let target = random.passageWords();
  for (const sentence of sentences) {
    const words = countWords(sentence);
    if (currentWords + words > MAX_WORDS && currentWords >= MIN_WORDS) {
      passages.push(current.join(' '));
      current = [];
      currentWords = 0;
      target = random.passageWords();
    }
    if (currentWords + words > MAX_WORDS) {
      current = [];
      currentWords = 0;
    }
    current.push(sentence);
    currentWords += words;
    if (currentWords >= target) {
      passages.push(current.join(' '));
      current = [];
      currentWords = 0;
      target = random.passageWords();
    }
  }
  if (currentWords >= MIN_WORDS) passages.push(current.join(' '));
  else if (currentWords > 0 && passages.length > 0 && countWords(passages[passages.length - 1]) + currentWords <= MAX_WORDS) {
    passages[passages.length - 1] += ' ' + current.join(' ');
  }
  return passages;
}

/** Every passage the sources give, deduplicated, in source order. */
export function buildPool(root: string, seed: number): PoolPassage[] {
  const random = new Random(seed ^ 0x5eed);
  const pool: PoolPassage[] = [];
  const seen = new Set<string>();
  const add = (source: ProseSource, title: string, text: string): void => {
    if (seen.has(text) || !keepsAsParagraph(text)) return;
    seen.add(text);
    pool.push({ source, title, text });
  };
  // The bundled documents, through the real parser, passage by passage.
  const bundled = Corpus.parse(readManifestSources(path.join(root, 'data')));
  for (const document of bundled.documents) {
    for (const passage of document.passages) add('bundled', document.meta.title, passage.text.replace(/\s+/g, ' '));
  }
  for (const document of [...readBrown(root), ...readSotu(root), ...readMail(root)]) {
    for (const text of cutPassages(document, random)) add(document.source, document.title, text);
  }
  return pool;
}

/** A new passage from shuffled sentence windows of a few pool passages of one source. */
function recombine(pool: readonly PoolPassage[], random: Random, sentenceCache: Map<number, string[]>): PoolPassage {
  const first = random.int(0, pool.length - 1);
  const source = pool[first].source;
  const target = random.passageWords();
  const pieces: string[] = [];
  let words = 0;
  for (let attempt = 0; attempt < 12 && words < target; attempt++) {
    let index = attempt === 0 ? first : random.int(0, pool.length - 1);
    if (pool[index].source !== source) index = first;
    let sentences = sentenceCache.get(index);
    if (!sentences) {
      sentences = sentencesOf(pool[index].text);
      sentenceCache.set(index, sentences);
    }
    const length = random.int(1, 3);
    const start = random.int(0, Math.max(0, sentences.length - length));
    for (const sentence of sentences.slice(start, start + length)) {
      const n = countWords(sentence);
      if (words + n > MAX_WORDS) break;
      pieces.push(sentence);
      words += n;
    }
  }
  random.shuffle(pieces);
  return { source, title: pool[first].title, text: pieces.join(' ') };
}

/** Draws a corpus of `size` passages from the pool (seeded), recombining past its end. */
export function generateCorpus(size: number, seed: number, pool: readonly PoolPassage[]): BenchCorpus {
  const random = new Random(seed + size);
  // Bundled passages always come first; the rest is a seeded sample kept in source order.
  const bundledCount = pool.filter((passage) => passage.source === 'bundled').length;
  const rest = random.shuffle([...pool.keys()].slice(bundledCount));
  const chosen = [...pool.keys()].slice(0, Math.min(bundledCount, size));
  chosen.push(...rest.slice(0, Math.max(0, size - chosen.length)).sort((a, b) => a - b));
  const selected: PoolPassage[] = chosen.map((index) => pool[index]);
  const seen = new Set(selected.map((passage) => passage.text));
  const fromPool = selected.length;
  const sentenceCache = new Map<number, string[]>();
  const recombinable = pool.filter((passage) => passage.source !== 'bundled');
  while (selected.length < size) {
    const passage = recombine(recombinable, random, sentenceCache);
    if (countWords(passage.text) < MIN_WORDS || seen.has(passage.text) || !keepsAsParagraph(passage.text)) continue;
    seen.add(passage.text);
    selected.push(passage);
  }

  // One document per 20 consecutive passages, named after its first passage's source document.
  const documents: BenchDocument[] = [];
  for (let i = 0; i < selected.length; i += PASSAGES_PER_DOCUMENT) {
    const passages = selected.slice(i, i + PASSAGES_PER_DOCUMENT);
    documents.push({ title: passages[0].title, source: passages[0].source, passages: passages.map((passage) => passage.text) });
  }
  const bySource: Record<string, number> = {};
  for (const passage of selected) bySource[passage.source] = (bySource[passage.source] ?? 0) + 1;
  return { version: GENERATOR_VERSION, size, seed, documents, fromPool, recombined: size - fromPool, bySource };
}

/** The corpus of `size` passages, from .bench/ when cached, else generated and cached. */
export function benchCorpus(root: string, size: number, seed: number, pool: () => readonly PoolPassage[]): { corpus: BenchCorpus; cached: boolean } {
  const dir = path.join(root, '.bench');
  const file = path.join(dir, `corpus-v${GENERATOR_VERSION}-seed${seed}-${size}.json`);
  if (existsSync(file)) {
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as BenchCorpus;
    if (corpus.version === GENERATOR_VERSION && corpus.size === size && corpus.seed === seed) return { corpus, cached: true };
  }
  const corpus = generateCorpus(size, seed, pool());
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(corpus));
  return { corpus, cached: false };
}

/** The corpus as raw sources, so the real parser and index are measured. */
export function toRawSources(corpus: BenchCorpus): RawSource[] {
  return corpus.documents.map((document, index) => {
    const id = `bench-${document.source}-${index + 1}`;
    return {
      raw: document.passages.join('\n\n') + '\n',
      hints: { id, file: `${id}.txt`, kind: 'article', date: { label: 'n.d.' }, origin: 'user', title: document.title, titleFromText: false },
    };
  });
}
