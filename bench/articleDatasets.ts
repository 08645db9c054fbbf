/**
 * The two sets of saved web pages the article eval reads, each from a
 * folder fetched outside the repo (neither is committed), each split once
 * by a fixed hash into a development part (tuned on) and a held-out part
 * (reported, never tuned on):
 *
 * - Mozilla Readability's test pages (test/test-pages/* of mozilla/readability,
 *   Apache-2.0): source.html, expected.html (Readability's own output) and
 *   expected-metadata.json for each page.
 * - The article-extraction benchmark (scrapinghub/article-extraction-benchmark,
 *   MIT): 181 real news pages as html/<id>.html.gz, the article text of each
 *   in ground-truth.json (`articleBody`, `url`). It has no titles or dates: those
 *   keys were written by hand (bench/articles/benchmark-keys.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { scanHtml } from '../src/core/sources/htmlScan';
import { contentHash } from '../src/core/text/hash';

/** What a page's key says: the article text, and (where known) its title, author and published day. */
export interface PageKey {
  readonly text: string;
  readonly title?: string;
  readonly author?: string;
  /** The published day, `YYYY-MM-DD` (or a year-month / year when that is all the page shows). */
  readonly date?: string;
  /** Another day naming the same publication (the UTC day of a late-evening timestamp), accepted in a lenient count. */
  readonly dateAlso?: string;
}

export interface EvalPage {
  readonly name: string;
  readonly html: string;
  readonly key: PageKey;
  /** The page's address, given to the DOM builder as the benchmark's own Readability run does. */
  readonly url?: string;
}

export type DatasetKind = 'readability' | 'benchmark';

/** Which set a folder holds: the benchmark has ground-truth.json and html/, Readability's test pages one folder per page. */
export function datasetKind(folder: string): DatasetKind | undefined {
  if (existsSync(path.join(folder, 'ground-truth.json')) && existsSync(path.join(folder, 'html'))) return 'benchmark';
  if (readdirSync(folder).some((name) => existsSync(path.join(folder, name, 'source.html')))) return 'readability';
  return undefined;
}

/** Readability's test pages: the held-out part is about a third of them, fixed by their names before any tuning. */
export function isReadabilityHeldOut(name: string): boolean {
  return parseInt(contentHash(`readability-split:${name}`).slice(0, 1), 16) < 5;
}

/** The benchmark's pages: the held-out part is about half of them (100 of 181), fixed by their ids before any tuning. */
export function isBenchmarkHeldOut(id: string): boolean {
  return parseInt(contentHash(`benchmark-split:${id}`).slice(0, 1), 16) < 8;
}

export function isHeldOut(kind: DatasetKind, name: string): boolean {
  return kind === 'benchmark' ? isBenchmarkHeldOut(name) : isReadabilityHeldOut(name);
}

export function loadReadabilityPages(folder: string): EvalPage[] {
  return readdirSync(folder)
    .sort()
    .filter((name) => existsSync(path.join(folder, name, 'source.html')))
    .map((name) => {
      const read = (file: string): string => readFileSync(path.join(folder, name, file), 'utf8');
      const expected: { title?: string | null; byline?: string | null; publishedTime?: string | null } = existsSync(path.join(folder, name, 'expected-metadata.json'))
        ? JSON.parse(read('expected-metadata.json'))
        : {};
      const key: PageKey = {
        text: scanHtml(read('expected.html')).text,
        ...(expected.title ? { title: expected.title } : {}),
        ...(expected.byline ? { author: expected.byline } : {}),
        ...(expected.publishedTime ? { date: expected.publishedTime.slice(0, 10) } : {}),
      };
      return { name, html: read('source.html'), key };
    });
}

/** A hand-written key for one benchmark page (see bench/articles/README.md). */
interface HandKey {
  readonly part: 'dev' | 'held-out';
  readonly title: string;
  readonly date?: string | null;
  readonly dateAlso?: string;
  readonly author?: string | null;
}

/** The hand-written title, date and author keys of the benchmark's pages, by page id. */
function loadBenchmarkKeys(): Readonly<Record<string, HandKey>> {
  return JSON.parse(readFileSync(path.join(__dirname, 'articles', 'benchmark-keys.json'), 'utf8')) as Record<string, HandKey>;
}

/** The benchmark's pages with its article text and the hand-made title, date and author keys. */
export function loadBenchmarkPages(folder: string): EvalPage[] {
  const handKeys = loadBenchmarkKeys();
  const truth = JSON.parse(readFileSync(path.join(folder, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.keys(truth)
    .sort()
    .filter((id) => existsSync(path.join(folder, 'html', `${id}.html.gz`)))
    .map((id) => {
      // The benchmark's own scripts read the pages as UTF-8.
      const html = gunzipSync(readFileSync(path.join(folder, 'html', `${id}.html.gz`))).toString('utf8');
      const hand = handKeys[id];
      if (hand && (hand.part === 'held-out') !== isBenchmarkHeldOut(id)) throw new Error(`benchmark-keys.json puts ${id} in the wrong part`);
      const key: PageKey = {
        text: truth[id].articleBody ?? '',
        ...(hand?.title ? { title: hand.title } : {}),
        ...(hand?.author ? { author: hand.author } : {}),
        ...(hand?.date ? { date: hand.date } : {}),
        ...(hand?.dateAlso ? { dateAlso: hand.dateAlso } : {}),
      };
      return { name: id, html, key, ...(truth[id].url ? { url: truth[id].url } : {}) };
    });
}
