/**
 * How well Briefing reads saved web pages, beside Mozilla Readability in the
 * same run: article text against each page's expected.html (the
 * article-extraction benchmark's own metric: 4-token shingles, precision and
 * recall per page, F1 of the means), and title, byline and published date
 * against expected-metadata.json.
 *
 * The pages are Readability's own test pages (test/test-pages/* of the
 * mozilla/readability repository, Apache-2.0), read from a folder given on
 * the command line; they are not committed. Pages are split once, by a hash
 * of their name, into a development part (tuned on) and a held-out part
 * (reported); `--part dev|held-out|all` picks one.
 *
 *   npm run eval:articles -- /path/to/readability/test/test-pages [--part held-out] [--json]
 *
 * Not run in CI: it needs the fetched pages.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseWithLinkedom, readHtmlPage, type DomParser } from '../src/core/sources/htmlPage';
import { scanHtml } from '../src/core/sources/htmlScan';
import { parseUserFile } from '../src/core/sources/userSource';
import { contentHash } from '../src/core/text/hash';
import { shingleMatch, textScores } from './shingleF1';

interface Page {
  readonly name: string;
  readonly html: string;
  readonly expectedText: string;
  readonly expected: { title?: string | null; byline?: string | null; publishedTime?: string | null };
}

interface Outcome {
  readonly text: string;
  readonly title?: string;
  readonly byline?: string;
  readonly outlet?: string;
  readonly date?: string;
  readonly ms: number;
}

type Extractor = (page: Page) => Outcome;

/** The held-out part: about a third of the pages, fixed by their names before any tuning. */
export function isHeldOut(name: string): boolean {
  return parseInt(contentHash(`readability-split:${name}`).slice(0, 1), 16) < 5;
}

const parseWithJsdom: DomParser = (html) => new JSDOM(html).window.document;

function readabilityWith(parseDom: DomParser): Extractor {
  return (page) => {
    const started = performance.now();
    const result = new Readability(parseDom(page.html)).parse();
    const ms = performance.now() - started;
    return {
      text: result?.content ? scanHtml(result.content).text : '',
      ...(result?.title ? { title: result.title } : {}),
      ...(result?.byline ? { byline: result.byline } : {}),
      ...(result?.siteName ? { outlet: result.siteName } : {}),
      ...(result?.publishedTime ? { date: result.publishedTime } : {}),
      ms,
    };
  };
}

/** Briefing as it indexes a page: the passages (and the section headings above them) of the parsed file. */
function briefingWith(parseDom: DomParser): Extractor {
  return (page) => {
    const started = performance.now();
    const read = readHtmlPage(page.html, { parseDom });
    if ('reason' in read) return { text: '', ms: performance.now() - started };
    const { document } = parseUserFile({ path: `/eval/${page.name}.html`, text: page.html }, read);
    const ms = performance.now() - started;
    const lines: string[] = [];
    let section: string | undefined;
    for (const passage of document.passages) {
      if (passage.section !== section && passage.section) lines.push(passage.section);
      section = passage.section;
      if (passage.kind === 'question-answer' && passage.heading) lines.push(passage.heading);
      lines.push(passage.text);
    }
    return {
      text: lines.join('\n'),
      title: document.meta.title,
      ...(document.meta.author ? { byline: document.meta.author } : {}),
      ...(document.meta.outlet ? { outlet: document.meta.outlet } : {}),
      ...(document.meta.date.from ? { date: document.meta.date.from } : {}),
      ms,
    };
  };
}

// --- metadata keys

function sameText(a: string | undefined, b: string | undefined): boolean {
  const norm = (text: string | undefined): string =>
    (text ?? '')
      .toLowerCase()
      .replace(/^(written )?by:?\s+/, '')
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[\s\u00a0]+/g, ' ')
      .replace(/,? and /g, ', ')
      .trim();
  return norm(a) !== '' && norm(a) === norm(b);
}

/** A title that leaves out only the site's name the expected one carries ("Talks resume" for "Talks resume | The Courier"). */
function sameTitleButSite(expected: string | undefined, found: string | undefined): boolean {
  if (!expected || !found) return false;
  if (sameText(expected, found)) return true;
  const norm = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();
  const [whole, part] = [norm(expected), norm(found)];
  const rest = whole.startsWith(part) ? whole.slice(part.length) : whole.endsWith(part) ? whole.slice(0, whole.length - part.length) : undefined;
  return rest !== undefined && /^\s*[|\-–—·:»•/]\s*[^|]{1,60}$|^[^|]{1,60}\s*[|\-–—·:»•/]\s*$/.test(rest) && rest.split(/\s+/).filter(Boolean).length <= 7;
}

function sameDay(expected: string, found: string | undefined): boolean {
  return found !== undefined && expected.slice(0, 10) === found.slice(0, 10);
}

// --- the run

function loadPages(folder: string): Page[] {
  return readdirSync(folder)
    .sort()
    .filter((name) => existsSync(path.join(folder, name, 'source.html')))
    .map((name) => {
      const read = (file: string): string => readFileSync(path.join(folder, name, file), 'utf8');
      const expected = existsSync(path.join(folder, name, 'expected-metadata.json')) ? JSON.parse(read('expected-metadata.json')) : {};
      return { name, html: read('source.html'), expectedText: scanHtml(read('expected.html')).text, expected };
    });
}

function main(): void {
  const args = process.argv.slice(2);
  const folder = args.find((arg) => !arg.startsWith('--'));
  const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'held-out';
  if (!folder || !existsSync(folder)) {
    process.stderr.write('usage: npm run eval:articles -- <readability test-pages folder> [--part dev|held-out|all] [--json] [--pages]\n');
    process.exitCode = 2;
    return;
  }
  const pages = loadPages(folder).filter((page) => part === 'all' || (part === 'held-out') === isHeldOut(page.name));
  const extractors: Array<[string, Extractor]> = [
    ...(process.env.EVAL_FAST ? [] : ([['Readability + jsdom', readabilityWith(parseWithJsdom)]] as Array<[string, Extractor]>)),
    ['Readability + linkedom', readabilityWith(parseWithLinkedom)],
    ['Briefing (linkedom)', briefingWith(parseWithLinkedom)],
    ...(process.env.EVAL_FAST ? [] : ([['Briefing (jsdom)', briefingWith(parseWithJsdom)]] as Array<[string, Extractor]>)),
  ];
  const rows: Array<Record<string, unknown>> = [];
  const perPage: string[] = [];
  for (const [name, extract] of extractors) {
    // Warm up once so the first page does not pay for compiling the libraries.
    extract(pages[0]);
    const pairs: Array<[number, number, number]> = [];
    let titles = 0;
    let titlesButSite = 0;
    let titlePages = 0;
    let bylines = 0;
    let bylinePages = 0;
    let dates = 0;
    let datePages = 0;
    let totalMs = 0;
    for (const page of pages) {
      const outcome = extract(page);
      const match = shingleMatch(page.expectedText, outcome.text);
      pairs.push(match);
      totalMs += outcome.ms;
      if (page.expected.title) {
        titlePages++;
        if (sameText(page.expected.title, outcome.title)) titles++;
        if (sameTitleButSite(page.expected.title, outcome.title)) titlesButSite++;
      }
      if (page.expected.byline) {
        bylinePages++;
        // An organisation named as the author is Briefing's outlet (citations name it all the same).
        if (sameText(page.expected.byline, outcome.byline) || (!outcome.byline && sameText(page.expected.byline, outcome.outlet))) bylines++;
      }
      if (page.expected.publishedTime) {
        datePages++;
        if (sameDay(page.expected.publishedTime, outcome.date)) dates++;
      }
      if (args.includes('--pages') && name.startsWith('Briefing (linkedom)')) {
        const scores = textScores([match]);
        perPage.push(`${page.name.padEnd(44)} F1 ${scores.f1.toFixed(3)}  title ${sameTitleButSite(page.expected.title ?? undefined, outcome.title) || !page.expected.title ? 'ok' : `“${outcome.title}” ≠ “${page.expected.title}”`}  byline ${page.expected.byline ? (sameText(page.expected.byline, outcome.byline) || (!outcome.byline && sameText(page.expected.byline, outcome.outlet)) ? 'ok' : `“${outcome.byline}” ≠ “${page.expected.byline}”`) : '-'}  date ${page.expected.publishedTime ? (sameDay(page.expected.publishedTime, outcome.date) ? 'ok' : `${outcome.date} ≠ ${page.expected.publishedTime}`) : '-'}`);
      }
    }
    const scores = textScores(pairs);
    rows.push({
      extractor: name,
      pages: pages.length,
      precision: Number(scores.precision.toFixed(3)),
      recall: Number(scores.recall.toFixed(3)),
      f1: Number(scores.f1.toFixed(3)),
      title: `${titles}/${titlePages}`,
      titleButSite: `${titlesButSite}/${titlePages}`,
      byline: `${bylines}/${bylinePages}`,
      date: `${dates}/${datePages}`,
      msPerPage: Number((totalMs / pages.length).toFixed(1)),
    });
  }
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ part, rows }, null, 2) + '\n');
    return;
  }
  if (perPage.length > 0) process.stdout.write(perPage.join('\n') + '\n\n');
  process.stdout.write(`Readability test pages, ${part} part (${pages.length} pages)\n\n`);
  process.stdout.write('| extractor | text P | text R | text F1 | title exact | title but site name | byline | date | ms/page |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n');
  for (const row of rows) process.stdout.write(`| ${row.extractor} | ${row.precision} | ${row.recall} | ${row.f1} | ${row.title} | ${row.titleButSite} | ${row.byline} | ${row.date} | ${row.msPerPage} |\n`);
}

main();
