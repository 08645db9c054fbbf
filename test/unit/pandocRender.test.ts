import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { tidyFootnotes } from '../../src/core/checks/tidyFootnotes';
import { applyEdits } from '../../src/core/cite/textEdit';
import { CitationStyles } from '../../src/node/citationStyles';
import { planInsertion, type CitationRequest } from '../../src/worker/citationService';
import { bundled, passageOf, repoRoot } from './bundledCorpus';
import { bundledLookup, citerFor } from './citer';

/**
 * Drafts built the way the editor builds them (the worker's own planning
 * call, one insertion after another), then rendered by the real pandoc:
 * every note resolves and none is repeated, no bookkeeping leaks into
 * HTML, LaTeX or docx, block quotes stay block quotes, references come in
 * the style's order, and a Pandoc draft renders against the bibliography
 * Briefing wrote.
 */

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const styles = new CitationStyles(repoRoot);

function pandoc(input: string, args: string[], cwd?: string): { stdout: string; stderr: string } {
  const result = spawnSync('pandoc', args, { input, encoding: 'utf8', ...(cwd ? { cwd } : {}) });
  assert.equal(result.status, 0, result.stderr);
  return { stdout: result.stdout, stderr: result.stderr };
}

const text = (html: string): string =>
  html
    .replace(/<a\s+href="#fnref\d+"[^>]*>.*?<\/a>/gs, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** Eight citations (one source three times) and three quotes (two block quotes, one right below the other), as a writer inserts them. */
const CITATIONS: ReadonlyArray<readonly [string, string]> = [
  ['GDP.', 'wtn-talks-stall#economic-impact-on-russia'],
  ['swapped.', 'latest-updates-lennon#obstacles-to-a-ceasefire'],
  ['Istanbul.', 'istanbul-talks-blog#intro-2'],
  ['role.', 'peace-talks-qa#what-role-is-the-u-s-playing-in-the-peace-talks'],
  ['negotiations.', 'us-russia-explainer#intro'],
  ['5%.', 'wtn-talks-stall#natos-response'],
  ['stalled.', 'latest-updates-lennon#conclusion'],
  ['again.', 'wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts'],
];
const START =
  '---\ntitle: Where the talks stand\n---\n\n# Where the talks stand\n\nDefense spending is 6.3% of GDP. Prisoners were swapped. The delegations met in Istanbul. Washington has a role. ' +
  'There were US-Russia negotiations. NATO pledged 5%. Talks stalled. Spending rose again.\n\nAnalysts agree:\n\nOn the cost:\n\nThe end.\n';

function buildDraft(style: string, start = START, bibliography?: { path: string; text?: string }): { draft: string; bibliography?: string } {
  const corpus = bundled().bundle.corpus;
  let draft = start;
  let bib = bibliography?.text;
  const insert = (at: number, passageId: string, quote?: CitationRequest['quote']): void => {
    const request: CitationRequest = {
      draft,
      at: { start: at, end: at },
      passageId,
      syntax: 'markdown',
      style,
      locale: 'en-US',
      baseFolder: repoRoot,
      ...(quote ? { quote } : {}),
      ...(bibliography ? { bibliography: { path: bibliography.path, ...(bib === undefined ? {} : { text: bib }) } } : {}),
    };
    const plan = planInsertion(request, corpus.passage(passageId), bundledLookup(), styles);
    if (plan.bibliography) bib = plan.bibliography.text;
    draft = applyEdits(draft, plan.edits);
  };
  for (const [after, passageId] of CITATIONS) insert(draft.indexOf(after) + after.length, passageId);
  const inline = passageOf('wtn-talks-stall#economic-impact-on-russia');
  const words = 'This increased expenditure has contributed to inflation within Russia';
  insert(draft.indexOf('Analysts agree:') + 'Analysts agree:'.length, inline.id, { text: words, form: 'inline' });
  const cost = passageOf('wtn-talks-stall#economic-impact-on-russia-2');
  insert(draft.indexOf('On the cost:\n') + 'On the cost:\n'.length + 1, cost.id, { text: cost.text, form: 'block' });
  // The cursor on the line right below the quote just inserted.
  const after = draft.indexOf('\nThe end.');
  insert(after, 'latest-updates-lennon#obstacles-to-a-ceasefire', { text: passageOf('latest-updates-lennon#obstacles-to-a-ceasefire').text.split(/(?<=\.)\s/)[0], form: 'block' });
  if (!bibliography) draft = applyEdits(draft, tidyFootnotes(draft, citerFor(style)).edits);
  return { draft, ...(bib === undefined ? {} : { bibliography: bib }) };
}

function assertNoBookkeeping(output: string, what: string): void {
  assert.doesNotMatch(output, /briefing:|<!--/, `${what}: no marker of Briefing's own`);
  assert.doesNotMatch(output, /\[\^/, `${what}: no unresolved note reference`);
}

describe('drafts rendered by pandoc', function () {
  // Engines for five styles are built here: seconds each on a busy machine.
  this.timeout(600_000);
  before(function () {
    if (hasPandoc) return;
    if (process.env.CI) throw new Error('pandoc is not installed; .ci/run installs it (apt-get install -y pandoc)');
    console.log('      pandoc is not installed: the rendering tests are skipped, not passed (apt-get install -y pandoc)');
    this.skip();
  });

  for (const style of ['chicago-note', 'apa', 'chicago-author-date', 'mla', 'harvard']) {
    it(`${style}: every note or citation once, the style’s form for a source cited again, no markers, block quotes, references in order`, () => {
      const { draft } = buildDraft(style);
      const { engine } = styles.load(style, 'en-US');
      const html = pandoc(draft, ['-f', 'markdown', '-t', 'html']).stdout;
      const latex = pandoc(draft, ['-f', 'markdown', '-t', 'latex']).stdout;
      assertNoBookkeeping(html, 'HTML');
      assertNoBookkeeping(latex, 'LaTeX');
      assert.equal(html.match(/<blockquote>/g)?.length, 2, 'two block quotes');
      assert.equal(latex.match(/\\begin\{quote\}/g)?.length, 2);
      assert.doesNotMatch(html, /&gt; /, 'no quote folded into a paragraph');
      const cited = [...new Set([...CITATIONS.map(([, id]) => id), 'wtn-talks-stall#economic-impact-on-russia-2', 'latest-updates-lennon#obstacles-to-a-ceasefire'].map((id) => passageOf(id).docId))];
      if (engine.isNoteStyle) {
        const refs = [...html.matchAll(/href="#(fn\d+)"/g)].map((match) => match[1]);
        const notes = [...html.matchAll(/<li id="(fn\d+)"[^>]*>(.*?)<\/li>/gs)].map((match) => ({ id: match[1], text: text(match[2]) }));
        assert.equal(refs.length, 11, 'eleven note references: eight citations, three quotes');
        assert.deepEqual(notes.map((note) => note.id), refs, 'every reference has its own note, none repeated');
        for (const docId of cited) {
          const full = engine.cite(bundledLookup().item(docId)!, 'text').replace(/\.$/, '');
          const fulls = notes.filter((note) => note.text.startsWith(full));
          assert.equal(fulls.length, 1, `one full note for ${docId} (${full}); the others short:\n${notes.map((note) => note.text).join('\n')}`);
        }
        assert.equal(latex.match(/\\footnote\{/g)?.length, 11);
      } else {
        assert.doesNotMatch(html, /class="footnote/, 'an author-date draft has no notes');
        const entries = [...html.matchAll(/<h2 id="references">References<\/h2>\s*<ul>(.*?)<\/ul>/gs)][0]?.[1];
        assert.ok(entries, 'a references section');
        const listed = [...entries.matchAll(/<li>(.*?)<\/li>/gs)].map((match) => text(match[1]));
        const expected = engine.bibliography(cited.map((id) => bundledLookup().item(id)!), 'text').map((entry) => entry.text);
        assert.deepEqual(listed, expected, 'the references in the style’s order');
        const first = engine.cite(bundledLookup().item('wtn-talks-stall')!, 'text');
        assert.equal(text(html).split(first).length - 1, 3, `the same author-date each of the three times the source is cited without a locator: ${first}`);
      }
      // docx: written by pandoc, read back as text.
      const dir = mkdtempSync(path.join(tmpdir(), 'briefing-pandoc-'));
      pandoc(draft, ['-f', 'markdown', '-o', path.join(dir, 'draft.docx')]);
      const docx = spawnSync('pandoc', [path.join(dir, 'draft.docx'), '-t', 'plain'], { encoding: 'utf8' });
      assertNoBookkeeping(docx.stdout, 'docx');
    });
  }

  it('a draft tidied from the old notes: the markers that leaked and the repeated notes are gone', () => {
    const former =
      'Spending rose.[^1] Swaps.[^2] Again.[^1]\n\n' +
      '[^1]: World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. <!-- briefing:wtn-talks-stall -->\n' +
      '[^2]: Jhon Lennon, “Russia-Ukraine Peace Talks: Latest Updates”, n.d. <!-- briefing:latest-updates-lennon -->\n';
    const before = pandoc(former, ['-f', 'markdown', '-t', 'html']).stdout;
    assert.match(before, /<!-- briefing:/, 'the old marker leaks into pandoc’s HTML');
    assert.equal(before.match(/<li id="fn/g)?.length, 3, 'and the reused label is a third, repeated note');
    const tidy = applyEdits(former, tidyFootnotes(former, citerFor('chicago-note')).edits);
    const after = pandoc(tidy, ['-f', 'markdown', '-t', 'html']).stdout;
    assertNoBookkeeping(after, 'HTML');
    const notes = [...after.matchAll(/<li id="fn\d+"[^>]*>(.*?)<\/li>/gs)].map((match) => text(match[1]));
    assert.deepEqual(notes, [
      '“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” World Today News, June 2025.',
      'Jhon Lennon, Russia-Ukraine Peace Talks: Latest Updates, n.d.',
      'World Today News, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.”',
    ]);
  });

  for (const file of ['refs.json', 'refs.bib', 'refs.yaml']) {
    it(`a [@key] draft with ${file} renders with --citeproc, every citation found, references in the style's order`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefing-pandoc-'));
      const bibPath = path.join(dir, file);
      // The writer's own entry is kept.
      const own = file.endsWith('.json') ? '[\n  {"id": "smith2020", "type": "book", "title": "My Own Book", "issued": {"date-parts": [[2020]]}}\n]\n' : file.endsWith('.bib') ? '@book{smith2020,\n  title = {My Own Book},\n  year = {2020}\n}\n' : 'references:\n- id: smith2020\n  type: book\n  title: My Own Book\n';
      writeFileSync(bibPath, own);
      const start = START.replace('title: Where the talks stand', `title: Where the talks stand\nbibliography: ${file}`).replace('The end.', 'My book says so [@smith2020]. The end.');
      const { draft, bibliography } = buildDraft('apa', start, { path: bibPath, text: own });
      writeFileSync(bibPath, bibliography!);
      assert.equal(draft.match(/\[@worldtodaynews2025ukraine[\],]/g)?.length, 5, 'WTN cited five times, by its key');
      const written = readFileSync(bibPath, 'utf8');
      assert.ok(written.includes('smith2020'), 'the writer’s entry kept');
      assert.equal(written.match(/worldtodaynews2025ukraine/g)?.length, 1, 'one entry per source');
      const { stdout, stderr } = pandoc(draft, ['--citeproc', '--csl', path.join(repoRoot, 'csl/styles/apa.csl'), '-f', 'markdown', '-t', 'html'], dir);
      assert.doesNotMatch(stderr, /not found|citeproc/i, stderr);
      assertNoBookkeeping(stdout, 'HTML');
      const entries = [...stdout.matchAll(/<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)<\/div>/gs)].map((match) => match[1]);
      const docIds = [...new Set([...CITATIONS.map(([, id]) => passageOf(id).docId), 'latest-updates-lennon'])];
      const expected = citerFor('apa').engine.bibliography([...docIds.map((id) => bundledLookup().item(id)!), { id: 'smith2020', type: 'book', title: 'My Own Book', ...(file.endsWith('.yaml') ? {} : { issued: { 'date-parts': [[2020]] } }) }], 'text').map((entry) => entry.id);
      assert.deepEqual(entries, expected);
      assert.equal(stdout.match(/<blockquote>/g)?.length, 2);
    });
  }
});
