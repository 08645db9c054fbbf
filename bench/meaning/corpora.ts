/**
 * The texts the meaning evaluation searches: the bundled corpus, the State
 * of the Union addresses of 2010–2020 (and of 2001–2008 for the second held-out set) and the Brown corpus's press
 * reportage (category A, 44 texts of 1961 news). Neither keeps paragraph
 * breaks, so every four sentences make a passage. All three come from files already in the
 * repository or its devDependencies, so the evaluation runs offline.
 */
import * as path from 'node:path';
import type { RawSource } from '../../src/core/corpus';
import { readManifestSources } from '../../src/node/bundledSources';
import { readBrown, readSotu } from '../corpus/prose';

export type EvalCorpusName = 'bundled' | 'sotu' | 'brown' | 'sotu2000s';
export const EVAL_CORPORA: readonly EvalCorpusName[] = ['bundled', 'sotu', 'brown', 'sotu2000s'];

/** The development set's addresses, and the second held-out set's (freshQuestions.ts). */
const SOTU_YEARS: Readonly<Record<'sotu' | 'sotu2000s', { from: number; to: number }>> = { sotu: { from: 2010, to: 2020 }, sotu2000s: { from: 2001, to: 2008 } };
const SENTENCES_PER_PASSAGE = 4;

export function evalSources(root: string, name: EvalCorpusName): RawSource[] {
  if (name === 'bundled') return readManifestSources(path.join(root, 'data'));
  if (name === 'sotu' || name === 'sotu2000s') {
    const years = SOTU_YEARS[name];
    return readSotu(root)
      .map((document) => ({ document, year: Number(/(\d{4})$/.exec(document.title)?.[1]) }))
      .filter(({ year }) => year >= years.from && year <= years.to)
      .map(({ document, year }) => source(`sotu-${year}`, document.title, inFours(document.paragraphs.flat())));
  }
  return readBrown(root)
    .filter((document) => /\(Brown ca\d\d\)$/.test(document.title))
    .map((document) => source(`brown-${/(ca\d\d)\)$/.exec(document.title)![1]}`, document.title, inFours(document.paragraphs.flat())));
}

/** Passages of four sentences: neither text keeps its paragraph breaks (a speech is one line in the package). */
function inFours(sentences: readonly string[]): string[] {
  const passages: string[] = [];
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PASSAGE) passages.push(sentences.slice(i, i + SENTENCES_PER_PASSAGE).join(' '));
  return passages;
}

function source(id: string, title: string, paragraphs: readonly string[]): RawSource {
  return {
    raw: paragraphs.join('\n\n') + '\n',
    hints: { id, file: `${id}.txt`, kind: 'article', date: { label: 'n.d.' }, origin: 'user', title, titleFromText: false },
  };
}
