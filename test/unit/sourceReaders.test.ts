import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { pageF1 } from '../../bench/shingleF1';
import { defaultLocator, pageLocator } from '../../src/core/cite/locator';
import { SourceLookup } from '../../src/core/cite/sourceLookup';
import { CitationStyles } from '../../src/node/citationStyles';
import { fileOffsetOf, type Passage, type SourceDocument, type SourceMeta } from '../../src/core/model';
import { clippingMarkdown } from '../../src/core/sources/clipping';
import { normalizeDate, withoutSiteName } from '../../src/core/sources/documentMetadata';
import { readDocx } from '../../src/core/sources/docxText';
import { readHtmlPage } from '../../src/core/sources/htmlPage';
import { scanHtml } from '../../src/core/sources/htmlScan';
import { readPdf } from '../../src/core/sources/pdfText';
import { readUserSource, shownTextOf } from '../../src/core/sources/readSource';
import { parseUserFile } from '../../src/core/sources/userSource';
import { repoRoot } from './bundledCorpus';
import { makeDocx, makePdf, makeScannedPdf } from './sourceFixtures';

const fixture = (...parts: string[]): string => path.join(repoRoot, 'test', 'fixtures', 'pages', ...parts);

async function readDocument(file: string, content: string | Uint8Array): Promise<SourceDocument> {
  const outcome = await readUserSource(typeof content === 'string' ? { path: file, text: content } : { path: file, text: '', bytes: content });
  assert.ok('document' in outcome, `read ${file}: ${JSON.stringify('skipped' in outcome ? outcome.skipped : '')}`);
  return outcome.document;
}

/** The passage's words as the file has them: its span with the gaps (markup, collapsed spaces) taken out, entities decoded. */
function wordsInFile(file: string, passage: Passage): string {
  let text = '';
  for (let i = 0; i < passage.text.length; i++) text += file[fileOffsetOf(passage, i)];
  return text;
}

const NEWS_PAGE = `<!doctype html><html lang="en"><head>
<title>Grain corridor talks resume in Ankara | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier">
<meta property="og:title" content="Grain corridor talks resume in Ankara">
<meta property="article:published_time" content="2025-07-30T08:15:00+03:00">
<link rel="canonical" href="https://courier.example/world/grain-talks">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Daily Courier"},
{"@type":"NewsArticle","headline":"Grain corridor talks resume in Ankara","author":[{"@type":"Person","name":"Mira Kovalenko"}],
"datePublished":"2025-07-30T08:15:00+03:00","publisher":{"@type":"Organization","name":"The Daily Courier"}}]}</script>
<script>window.tracking = { id: 42 };</script>
</head><body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p><button>Accept</button></div>
<main id="main"><article>
<h1>Grain corridor talks resume in Ankara</h1>
<p class="byline">By <a rel="author" href="/people/mira">Mira Kovalenko</a></p>
<p>Negotiators from both countries met in Ankara on Tuesday to discuss reopening the Black Sea grain corridor, which carried <b>32.9 million tonnes</b> of food before it closed.</p>
<p>Turkish officials said the talks would focus on insurance for ships and on inspections at the Bosphorus, two questions that stalled the last round in the spring.</p>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<h2>Insurance</h2>
<p>Underwriters in London said war-risk premiums had fallen by a third since the corridor was first proposed, and that shipowners were ready to sail again &amp; carry grain.</p>
<p>A port official in Odesa said 84 ships were waiting at anchor, the highest number since the war began, and that crews had been told to expect a decision within weeks.</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great article, thanks for sharing this with us all!</p></section>
<aside class="related"><h3>More stories</h3><ul><li><a href="/a">Wheat prices fall</a></li><li><a href="/b">Ports reopen</a></li></ul></aside>
</main>
<footer><p>© 2025 The Daily Courier. All rights reserved.</p></footer>
</body></html>`;


const styles = new CitationStyles(repoRoot);
/** A passage's citation as a CSL style writes it in plain text, with the passage's default locator. */
function cite(passage: Passage, meta: SourceMeta, style: string): string {
  const item = new SourceLookup([meta]).item(meta.id)!;
  const locator = defaultLocator(passage, false);
  return styles.load(style, 'en-US').engine.cite(item, 'text', locator);
}

describe('reading sources', () => {
  describe('web pages', () => {
    it('reads a real page as Readability does, each passage pointing at its words in the HTML', async () => {
      const html = readFileSync(fixture('v8-blog', 'source.html'), 'utf8');
      const document = await readDocument('/x/v8-blog.html', html);
      const indexed = document.passages.map((passage) => passage.text).join('\n');
      const expected = scanHtml(readFileSync(fixture('v8-blog', 'expected.html'), 'utf8')).text;
      assert.ok(pageF1(expected, indexed) >= 0.95, `F1 ${pageF1(expected, indexed).toFixed(3)} against Readability's expected text`);
      for (const passage of document.passages) {
        const words = wordsInFile(html, passage);
        for (let i = 0; i < passage.text.length; i++) {
          const [read, written] = [passage.text[i], words[i]];
          // A space stands for any run of white space; a character the page writes as an entity (&amp;) for the entity's "&".
          const same = read === written || (/\s/.test(read) && /\s/.test(written)) || written === '&';
          assert.ok(same, `passage ${passage.id}, character ${i}: "${read}" is "${written}" in the HTML`);
        }
      }
      assert.equal(document.meta.title, 'Outside the web: standalone WebAssembly binaries using Emscripten');
      assert.equal(document.meta.format, 'html');
    });

    it('keeps the article and drops navigation, the cookie notice, share links, comments and related stories', async () => {
      const document = await readDocument('/clips/grain.html', NEWS_PAGE);
      const texts = document.passages.map((passage) => passage.text);
      assert.deepEqual(texts.map((text) => text.slice(0, 31)), [
        'Negotiators from both countries',
        'Turkish officials said the talk',
        'Underwriters in London said war',
        'A port official in Odesa said 8',
      ]);
      assert.equal(document.passages[2].section, 'Insurance');
      for (const junk of ['Skip to content', 'cookies', 'Share on', 'Great article', 'Wheat prices', 'All rights reserved', 'tracking']) {
        assert.ok(!texts.some((text) => text.includes(junk)), `"${junk}" is not a passage`);
      }
      const passage = document.passages[2];
      assert.equal(NEWS_PAGE.slice(passage.span.start, passage.span.start + 11), 'Underwriter');
      const figure = passage.text.indexOf('again & carry');
      assert.equal(NEWS_PAGE.slice(fileOffsetOf(passage, figure), fileOffsetOf(passage, figure + 'again & carry'.length, 'end')), 'again &amp; carry');
    });

    it('takes title, author, date, outlet and URL from what the page states', async () => {
      const { meta } = await readDocument('/clips/grain.html', NEWS_PAGE);
      assert.equal(meta.title, 'Grain corridor talks resume in Ankara');
      assert.equal(meta.author, 'Mira Kovalenko');
      assert.equal(meta.outlet, 'The Daily Courier');
      assert.equal(meta.url, 'https://courier.example/world/grain-talks');
      assert.deepEqual(meta.date, { label: '2025-07-30', from: '2025-07-30', to: '2025-07-30', source: 'JSON-LD datePublished' });
      const citation = cite(document0(), meta, 'chicago-note');
      assert.match(citation, /^Mira Kovalenko, “Grain Corridor Talks Resume in Ankara,” The Daily Courier, July 30, 2025/);
    });

    it('finds the date in meta tags or a <time> element, and never takes "Skip to content" for the title', async () => {
      const page = (head: string, body: string): string => `<html><head>${head}</head><body><a href="#m">Skip to content</a><nav><a href="/">Home</a></nav><main id="m">${body}</main></body></html>`;
      const article = '<p>The ministry published its harvest estimate on Monday, saying the crop would be the smallest in a decade because of the drought.</p><p>Farmers said they had expected worse, and that rain in June had saved the late wheat in the north of the country.</p>';
      const withTime = await readDocument('/x/a.html', page('<title>Harvest estimate cut - Farm Weekly</title>', `<article><h1>Harvest estimate cut</h1><time datetime="2019-06-03">3 June</time>${article}</article>`));
      assert.equal(withTime.meta.title, 'Harvest estimate cut');
      assert.deepEqual([withTime.meta.date.from, withTime.meta.date.source], ['2019-06-03', '<time datetime>']);
      const withMeta = await readDocument('/x/b.html', page('<title>Skip to content</title><meta name="date" content="2019-06-04"><meta name="author" content="By Ana Petrova">', `<h1>Harvest estimate cut</h1>${article}`));
      assert.equal(withMeta.meta.title, 'Harvest estimate cut');
      assert.equal(withMeta.meta.author, 'Ana Petrova');
      assert.deepEqual([withMeta.meta.date.from, withMeta.meta.date.source], ['2019-06-04', 'meta date']);
      const undated = await readDocument('/x/c.html', page('<title>Harvest</title>', article));
      assert.deepEqual(undated.meta.date, { label: 'n.d.' });
    });

    it('lets front matter win over what a page says, and cites an undated Markdown file "n.d."', async () => {
      const markdown = '---\ntitle: Edited title\ndate: 2024-01-02\n---\n# Heading in the text\n\nA paragraph of the note that says what happened at the port.\n';
      const document = (await readDocument('/x/note.md', markdown)).meta;
      assert.deepEqual([document.title, document.date.label, document.date.source], ['Edited title', '2024-01-02', 'front matter']);
      const undated = parseUserFile({ path: '/x/plain.md', text: '# Plain\n\nNo date anywhere in this note.\n', modifiedMs: Date.UTC(2026, 0, 5) }).document.meta;
      assert.equal(undated.date.label, 'n.d.');
      assert.equal(undated.saved, '2026-01-05');
      assert.match(cite(parseUserFile({ path: '/x/plain.md', text: '# Plain\n\nNo date anywhere in this note.\n' }).document.passages[0], undated, 'apa'), /n\.d\./);
    });

    it('reads HTML that is not an article (notes exported as HTML) whole, short lines and lists included', async () => {
      const notes = '<html><head><title>Call notes</title></head><body><h1>Call notes</h1><h2>Monday</h2><ul><li>Port open</li><li>84 ships waiting</li><li>Insurance unclear</li></ul><p>Next call Friday.</p><h2>Tuesday</h2><p>Director confirmed the figure.</p></body></html>';
      const read = readHtmlPage(notes);
      assert.ok(!('reason' in read));
      assert.equal(read.method, 'page');
      const document = await readDocument('/x/notes.html', notes);
      assert.deepEqual(document.passages.map((passage) => [passage.section, passage.text]), [
        ['Monday', 'Port open'],
        ['Monday', '84 ships waiting'],
        ['Monday', 'Insurance unclear'],
        ['Monday', 'Next call Friday.'],
        ['Tuesday', 'Director confirmed the figure.'],
      ]);
    });

    it('says why a page has nothing to read, and still reads a page whose body sits in a <form>', async () => {
      const scripts = await readUserSource({ path: '/x/app.html', text: '<html><head><title>App</title><script>boot()</script></head><body><div id="root"></div><script src="app.js"></script></body></html>' });
      assert.deepEqual(scripts, { skipped: { reason: 'no-text', detail: 'has no text to read (only scripts)' } });
      const form = `<html><body><form id="aspnetForm" action="/page.aspx"><input type="hidden" name="__VIEWSTATE" value="x"><div class="content"><h1>Council approves budget</h1><p>The city council approved next year's budget on Thursday after a debate that lasted into the night, with 31 votes in favour.</p><p>The mayor said the plan would fund the repair of three bridges and keep bus fares unchanged for another year.</p></div></form></body></html>`;
      const document = await readDocument('/x/form.html', form);
      assert.ok(document.passages.some((passage) => passage.text.includes('31 votes in favour')));
    });

    it('reads a page too large for a DOM (8 MB here; 20 MB in the README) in one pass, saying so', () => {
      const paragraph = '<p>The committee heard from witnesses about the state of the harbour and the grain that waits there.</p>\n';
      const html = `<html><body><nav><a href="/">Home</a></nav><article>${paragraph.repeat(Math.ceil(8_000_000 / paragraph.length))}</article></body></html>`;
      const read = readHtmlPage(html);
      assert.ok(!('reason' in read));
      assert.equal(read.method, 'page');
      assert.match(read.problems?.[0] ?? '', /too large to look for the article/);
      assert.ok(read.blocks.length > 75_000);
    });

    it('cleans titles and dates as pages write them', () => {
      assert.equal(withoutSiteName('Talks resume | The Courier', 'The Courier'), 'Talks resume');
      assert.equal(withoutSiteName('The Courier - Talks resume in Ankara', 'The Courier'), 'Talks resume in Ankara');
      assert.equal(withoutSiteName('Evolve: Shared Mutable History — evolve extension for Mercurial'), 'Evolve: Shared Mutable History');
      assert.equal(withoutSiteName('Talks resume in Ankara, officials say'), 'Talks resume in Ankara, officials say');
      assert.equal(normalizeDate('2019-03-12T23:30:00-05:00'), '2019-03-12');
      assert.equal(normalizeDate('Tue, 12 Mar 2019 10:00:00 GMT'), '2019-03-12');
      assert.equal(normalizeDate('D:20190312103000Z'), '2019-03-12');
      assert.equal(normalizeDate('March 12, 2019'), '2019-03-12');
      assert.equal(normalizeDate('2019-13-40'), undefined);
      assert.equal(normalizeDate('0001-01-01'), undefined);
    });
  });

  describe('PDF', () => {
    const pages = [
      {
        heading: 'Grain exports through the southern ports',
        paragraphs: [
          ['The terminal handled 4.2 million tonnes of grain in the year, an in-', 'crease of a fifth on the year before, despite the attacks on the port.'],
          ['Dredging of the outer channel was finished in March, and the', 'authority expects larger ships to call from the autumn onwards and'],
        ],
      },
      { paragraphs: [['to stay longer, because berths can now take vessels of up to 80,000 tonnes.'], ['War-risk insurance remains the largest cost for shipowners using the port.']] },
      { paragraphs: [['The authority will publish its next report in the spring of 2025.']] },
    ];

    it('reads text in order with pages, drops running headers and footers, and joins hyphenated words', async () => {
      const bytes = await makePdf(pages, { title: 'Microsoft Word - report-final.docx', author: 'Harbour Authority' });
      const document = await readDocument('/reports/harbour.pdf', bytes);
      assert.equal(document.meta.title, 'Grain exports through the southern ports', 'a word processor\'s title is not the document\'s');
      assert.equal(document.meta.author, 'Harbour Authority');
      assert.deepEqual([document.meta.date.from, document.meta.date.source], ['2024-03-15', 'PDF creation date']);
      assert.deepEqual(
        document.passages.map((passage) => [passage.page, passage.lastPage, passage.text]),
        [
          [1, undefined, 'The terminal handled 4.2 million tonnes of grain in the year, an increase of a fifth on the year before, despite the attacks on the port.'],
          [1, 2, 'Dredging of the outer channel was finished in March, and the authority expects larger ships to call from the autumn onwards and to stay longer, because berths can now take vessels of up to 80,000 tonnes.'],
          [2, undefined, 'War-risk insurance remains the largest cost for shipowners using the port.'],
          [3, undefined, 'The authority will publish its next report in the spring of 2025.'],
        ],
      );
      const shown = await shownTextOf({ path: '/reports/harbour.pdf', text: '', bytes });
      assert.ok(shown);
      assert.ok(!shown.includes('Annual Report') && !shown.includes('Page 1 of 3'), 'the running header and footer are dropped');
      for (const passage of document.passages) assert.equal(wordsInFile(shown, passage).replace(/\s/g, ' '), passage.text, `passage on p. ${passage.page} maps onto the shown text`);
      assert.match(shown, /\[Page 3\]\n\nThe authority will publish/);
    });

    it('cites a PDF passage with its page, and exposes the page as a locator', async () => {
      const document = await readDocument('/reports/harbour.pdf', await makePdf(pages, { author: 'Harbour Authority' }));
      const [, runsOn, insurance] = document.passages;
      assert.deepEqual(pageLocator(insurance), { label: 'page', locator: '2' });
      assert.deepEqual(pageLocator(runsOn), { label: 'page', locator: '1–2' });
      assert.match(cite(insurance, document.meta, 'chicago-note'), /, 2\.$/);
      assert.match(cite(insurance, document.meta, 'apa'), /, 2024, p\. 2\)$/);
      assert.match(cite(insurance, document.meta, 'chicago-author-date'), /^\(Harbour Authority 2024, 2\)$/);
      assert.match(cite(runsOn, document.meta, 'apa'), /pp\. 1–2\)$/);
    });

    it('skips a scanned, an encrypted and a truncated PDF, each with its reason', async () => {
      assert.deepEqual(await readPdf(await makeScannedPdf(3)), { reason: 'no-text', detail: 'has no text layer (a scanned PDF? run OCR on it first)' });
      assert.deepEqual(await readPdf(new Uint8Array(readFileSync(fixture('encrypted.pdf')))), { reason: 'encrypted', detail: 'is password-protected' });
      const whole = await makePdf(pages);
      assert.equal(((await readPdf(whole.slice(0, Math.floor(whole.length * 0.6)))) as { reason: string }).reason, 'corrupt');
      assert.deepEqual(await readPdf(new TextEncoder().encode('<html>not a pdf</html>')), { reason: 'corrupt', detail: 'is not a PDF (no %PDF header)' });
    });

    it('reads at most the page limit and stops at the time limit, keeping what it read', async () => {
      const bytes = await makePdf([...pages, ...pages]);
      const capped = await readPdf(bytes, { maxPages: 2 });
      assert.ok(!('reason' in capped));
      assert.deepEqual(capped.problems, ['has 6 pages; the first 2 were read']);
      assert.ok(capped.blocks.every((block) => (block.pageBreaks ?? []).every(([, page]) => page <= 2)));
      let clock = 0;
      const timed = await readPdf(bytes, { timeLimitMs: 10, now: () => (clock += 4) });
      assert.ok(!('reason' in timed));
      assert.match(timed.problems?.[0] ?? '', /took too long to read; pages \d–6 were left out/);
    });
  });

  describe('Word files', () => {
    it('reads paragraphs and headings, with title and author from the document properties', async () => {
      const bytes = await makeDocx();
      const document = await readDocument('/notes/visit.docx', bytes);
      assert.equal(document.meta.title, 'Notes from the harbour visit');
      assert.equal(document.meta.author, 'Mira Kovalenko');
      assert.deepEqual(document.meta.date, { label: 'n.d.' });
      assert.deepEqual(document.passages.map((passage) => [passage.section, passage.text]), [
        [undefined, 'The port director said 84 ships waited at anchor on Tuesday.'],
        ['Insurance', 'Underwriters said war-risk premiums fell by a third after the corridor opened.'],
      ]);
      const shown = await shownTextOf({ path: '/notes/visit.docx', text: '', bytes });
      for (const passage of document.passages) assert.equal(shown!.slice(passage.span.start, passage.span.end), passage.text);
    });

    it('refuses a .docx that is not a zip, one without a document, and a zip bomb', async () => {
      assert.deepEqual(await readDocx(new TextEncoder().encode('plain text renamed .docx')), { reason: 'corrupt', detail: 'is not a Word document (not a zip archive)' });
      assert.deepEqual(await readDocx(zipSync({ 'readme.txt': new TextEncoder().encode('hello') })), { reason: 'corrupt', detail: 'is not a Word document (no word/document.xml inside)' });
      const bomb = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
      assert.ok(bomb.length < 64 * 1024, 'a small file');
      assert.deepEqual(await readDocx(bomb, { maxUnpackedBytes: 4 * 1024 * 1024 }), { reason: 'too-complex', detail: 'unpacks to more than 4 MB (a zip bomb?)' });
    });
  });

  describe('clippings', () => {
    it('writes the page as Markdown with front matter that Briefing reads back as the same metadata', async () => {
      const read = readHtmlPage(NEWS_PAGE);
      assert.ok(!('reason' in read));
      const markdown = clippingMarkdown(read, { url: 'https://courier.example/world/grain-talks?utm=x', retrieved: new Date(Date.UTC(2025, 7, 1)) });
      assert.match(markdown, /^---\ntitle: Grain corridor talks resume in Ankara\noutlet: The Daily Courier\nauthor: Mira Kovalenko\ndate: 2025-07-30\nurl: https:\/\/courier\.example\/world\/grain-talks\nretrieved: 2025-08-01\n---\n\n# Grain corridor talks resume in Ankara\n\nNegotiators/);
      assert.ok(!markdown.includes('cookies') && !markdown.includes('Great article'));
      const { document } = parseUserFile({ path: '/clips/grain.md', text: markdown });
      assert.deepEqual([document.meta.title, document.meta.author, document.meta.outlet, document.meta.date.label], ['Grain corridor talks resume in Ankara', 'Mira Kovalenko', 'The Daily Courier', '2025-07-30']);
      assert.deepEqual(document.sections, ['Insurance']);
      for (const passage of document.passages) assert.equal(markdown.slice(passage.span.start, passage.span.end), passage.text);
    });
  });
});

/** A passage-shaped stand-in for formatting a citation of the whole document. */
function document0(): Passage {
  return { id: 'x#intro', docId: 'x', kind: 'paragraph', text: '', span: { start: 0, end: 0 }, order: 0 };
}
