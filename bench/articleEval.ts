/**
 * How well Briefing reads saved web pages, beside Mozilla Readability in the
 * same run, on either of two sets of pages (see bench/articleDatasets.ts):
 *
 * - the article-extraction benchmark (scrapinghub/article-extraction-benchmark):
 *   article text against its ground truth with the benchmark's own metric
 *   (bench/shingleF1.ts, checked against its evaluate.py), and the page's own
 *   title, published date and author against keys written by hand
 *   (bench/articles/);
 * - Mozilla Readability's test pages: text against expected.html, metadata
 *   against expected-metadata.json (Readability's own output, so Readability
 *   scores near 1.000 there by construction).
 *
 *   npm run eval:articles -- <folder> [--part dev|held-out|all] [--pages] [--json] [--only NAME] [--benchmark-output DIR]
 *
 * `--pages` lists each page (Briefing beside Readability) for the
 * development part only: the held-out part is for reporting, not for
 * looking at page by page. `--benchmark-output DIR` writes each extractor's
 * text in the benchmark's output format (for its evaluate.py). Not run in
 * CI: it needs the fetched pages.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { datasetKind, isHeldOut, loadBenchmarkPages, loadReadabilityPages, type DatasetKind, type EvalPage } from './articleDatasets';
import { briefing, readabilityOnJsdom, readabilityOnLinkedom, type Extraction, type Extractor } from './articleExtractors';
import { sameAuthor, sameDay, sameTitle, sameTitleButSite } from './articleScores';
import { shingleMatch, textScores } from './shingleF1';

interface Tally {
  pairs: Array<[number, number, number]>;
  titles: number;
  titlesButSite: number;
  titlePages: number;
  dates: number;
  datesLenient: number;
  datePages: number;
  authors: number;
  authorPages: number;
  ms: number[];
}

function main(): void {
  const args = process.argv.slice(2);
  const valueOf = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const folder = args.find((arg, i) => !arg.startsWith('--') && !['--part', '--only', '--benchmark-output'].includes(args[i - 1] ?? ''));
  const part = valueOf('--part') ?? 'held-out';
  const kind = folder && existsSync(folder) ? datasetKind(folder) : undefined;
  if (!folder || !kind || !['dev', 'held-out', 'all'].includes(part)) {
    process.stderr.write(
      'usage: npm run eval:articles -- <article-extraction-benchmark folder | readability test-pages folder> [--part dev|held-out|all] [--pages] [--json] [--only NAME] [--benchmark-output DIR]\n',
    );
    process.exitCode = 2;
    return;
  }
  const pages = (kind === 'benchmark' ? loadBenchmarkPages(folder) : loadReadabilityPages(folder)).filter(
    (page) => part === 'all' || (part === 'held-out') === isHeldOut(kind, page.name),
  );
  const only = valueOf('--only')?.toLowerCase();
  const extractors = [readabilityOnJsdom, readabilityOnLinkedom, briefing].filter((extractor) => !only || extractor.name.toLowerCase().includes(only));
  const outputDir = valueOf('--benchmark-output');

  const results = new Map<string, Extraction[]>();
  const rows: Array<Record<string, unknown>> = [];
  for (const extractor of extractors) {
    // Warm up once so the first page does not pay for compiling the libraries.
    extractor.extract(pages[0]);
    const extractions = pages.map((page) => extractor.extract(page));
    results.set(extractor.name, extractions);
    rows.push(summarize(extractor, pages, extractions, kind));
    if (outputDir) writeBenchmarkOutput(outputDir, extractor, pages, extractions);
  }

  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ dataset: kind, part, pages: pages.length, rows }, null, 2) + '\n');
    return;
  }
  if (args.includes('--pages')) {
    if (part === 'dev') process.stdout.write(pageLines(pages, results) + '\n\n');
    else process.stderr.write('(--pages lists the development part only: run with --part dev)\n');
  }
  const title = kind === 'benchmark' ? 'Article-extraction benchmark' : "Readability's test pages";
  process.stdout.write(`${title}, ${part} part (${pages.length} pages)\n\n`);
  process.stdout.write('| extractor | text P | text R | text F1 | title | title, site name aside | date | date, same moment | author | ms/page (median) |\n');
  process.stdout.write('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n');
  for (const row of rows) {
    process.stdout.write(
      `| ${row.extractor} | ${row.precision} | ${row.recall} | ${row.f1} | ${row.title} | ${row.titleButSite} | ${row.date} | ${row.dateLenient} | ${row.author} | ${row.msPerPage} |\n`,
    );
  }
}

function summarize(extractor: Extractor, pages: readonly EvalPage[], extractions: readonly Extraction[], kind: DatasetKind): Record<string, unknown> {
  const tally: Tally = { pairs: [], titles: 0, titlesButSite: 0, titlePages: 0, dates: 0, datesLenient: 0, datePages: 0, authors: 0, authorPages: 0, ms: [] };
  pages.forEach((page, i) => {
    const found = extractions[i];
    tally.pairs.push(shingleMatch(page.key.text, found.text));
    tally.ms.push(found.ms);
    if (page.key.title) {
      tally.titlePages++;
      if (sameTitle(page.key.title, found.title)) tally.titles++;
      if (sameTitleButSite(page.key.title, found.title)) tally.titlesButSite++;
    }
    if (page.key.date) {
      tally.datePages++;
      if (sameDay(page.key.date, found.date)) tally.dates++;
      if (sameDay(page.key.date, found.date) || sameDay(page.key.dateAlso, found.date)) tally.datesLenient++;
    }
    if (page.key.author) {
      tally.authorPages++;
      // On Readability's pages an organisation given as the author counts when it is named as the outlet.
      if (sameAuthor(page.key.author, found.author) || (kind === 'readability' && !found.author && sameAuthor(page.key.author, found.outlet))) tally.authors++;
    }
  });
  const scores = textScores(tally.pairs);
  const sorted = [...tally.ms].sort((a, b) => a - b);
  return {
    extractor: extractor.name,
    pages: pages.length,
    precision: Number(scores.precision.toFixed(3)),
    recall: Number(scores.recall.toFixed(3)),
    f1: Number(scores.f1.toFixed(3)),
    title: `${tally.titles}/${tally.titlePages}`,
    titleButSite: `${tally.titlesButSite}/${tally.titlePages}`,
    date: `${tally.dates}/${tally.datePages}`,
    dateLenient: `${tally.datesLenient}/${tally.datePages}`,
    author: `${tally.authors}/${tally.authorPages}`,
    msPerPage: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)),
  };
}

/** Each development page: Briefing's text F1 beside Readability's, and what Briefing found where it differs from the key. */
function pageLines(pages: readonly EvalPage[], results: ReadonlyMap<string, Extraction[]>): string {
  const ours = results.get(briefing.name);
  const theirs = results.get(readabilityOnJsdom.name);
  const lines = pages.map((page, i) => {
    const f1 = (found: Extraction | undefined): string => (found ? textScores([shingleMatch(page.key.text, found.text)]).f1.toFixed(3) : '  -  ');
    const mine = ours?.[i];
    const cells = [page.name.slice(0, 16).padEnd(16), `B ${f1(mine)}`, `R ${f1(theirs?.[i])}`];
    if (mine) {
      const { precision, recall } = textScores([shingleMatch(page.key.text, mine.text)]);
      cells.push(`P ${precision.toFixed(2)} R ${recall.toFixed(2)}`);
      if (page.key.title && !sameTitle(page.key.title, mine.title)) cells.push(`title “${mine.title}” ≠ “${page.key.title}”`);
      if (page.key.date && !sameDay(page.key.date, mine.date) && !sameDay(page.key.dateAlso, mine.date)) cells.push(`date ${mine.date} ≠ ${page.key.date}`);
      if (page.key.author && !sameAuthor(page.key.author, mine.author)) cells.push(`author “${mine.author}” ≠ “${page.key.author}”`);
    }
    return cells.join('  ');
  });
  return lines.join('\n');
}

/** The benchmark's output format (`{version, output: {id: {articleBody}}}`), so its own evaluate.py can score the same text. */
function writeBenchmarkOutput(dir: string, extractor: Extractor, pages: readonly EvalPage[], extractions: readonly Extraction[]): void {
  mkdirSync(dir, { recursive: true });
  const output = Object.fromEntries(pages.map((page, i) => [page.name, { articleBody: extractions[i].text }]));
  const file = extractor.name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  writeFileSync(path.join(dir, `${file}.json`), JSON.stringify({ version: 'eval', output }) + '\n');
}

main();
