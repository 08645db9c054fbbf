/**
 * Writes Wikinews articles into the news evaluation set (test/fixtures/news/<split>/<story>/)
 * in the form the existing stories have: front matter (title, outlet, date, url), the
 * dateline moved out, non-breaking spaces made spaces, runs of blank lines made one.
 *
 *   node test/eval/importWikinews.mjs CSV_DIR SPLIT STORY "Title one" "Title two" …
 *
 * CSV_DIR holds `wikinews_2019.csv` and `wikinews_2020.csv` of github.com/vanatteveldt/wikinews
 * (commit 347254178bf343f3801aac1d03c41cc09c35decb), CC BY 2.5. Not run by any test: the
 * articles it writes are committed, small, with their licence noted in the folder's README.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const [csvDir, split, story, ...titles] = process.argv.slice(2);
if (!csvDir || !split || !story || titles.length === 0) {
  console.error('usage: node test/eval/importWikinews.mjs CSV_DIR SPLIT STORY "Title" …');
  process.exit(2);
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const articles = [];
for (const year of ['2019', '2020']) {
  const [header, ...rows] = parseCsv(readFileSync(path.join(csvDir, `wikinews_${year}.csv`), 'utf8'));
  for (const row of rows) articles.push(Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

const slug = (title) =>
  title.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
const dateline = /^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}\s*\n/;

const folder = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'news', split, story);
mkdirSync(folder, { recursive: true });
for (const title of titles) {
  const article = articles.find((candidate) => candidate.title === title);
  if (!article) {
    console.error(`no article titled "${title}"`);
    process.exitCode = 1;
    continue;
  }
  const body = article.text.replace(dateline, '').replace(/\u00a0/g, ' ').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const url = article.url.replace('.org//wiki/', '.org/wiki/');
  const file = path.join(folder, `${article.date}-${slug(title)}.md`);
  writeFileSync(file, `---\ntitle: ${JSON.stringify(title)}\noutlet: Wikinews\ndate: ${article.date}\nurl: ${url}\n---\n\n${body}\n`);
  console.log(path.relative(process.cwd(), file));
}
