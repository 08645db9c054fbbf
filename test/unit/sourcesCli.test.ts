import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LibraryEngine } from '../../src/node/libraryEngine';
import { repoRoot } from './bundledCorpus';
import { makeDocx, makePdf } from './sourceFixtures';

const cli = path.join(repoRoot, 'dist', 'cli.js');

/** Runs the CLI without blocking this process, so the test's own web server can answer it. */
function briefing(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const ARTICLE = `<!doctype html><html><head><title>Ports reopen after the storm - Coastal Post</title>
<meta property="og:site_name" content="Coastal Post"><meta name="author" content="Li Wei">
<meta property="article:published_time" content="2024-11-02T09:00:00Z"><script>analytics()</script></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>Ports reopen after the storm</h1>
<p>Three ports on the northern coast reopened on Saturday after the storm that closed them for four days had passed.</p>
<p>Harbour masters said 112 ships had waited offshore and that the queue would take a week to clear, with grain ships first.</p>
</article><div class="newsletter"><p>Sign up for our newsletter to get the news first.</p></div></body></html>`;

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('sources from the command line', function () {
  this.timeout(60_000);
  let server: Server;
  let base: string;
  before(async function () {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    const pdf = await makePdf([{ heading: 'Storm report', paragraphs: [['The storm closed three ports for four days.']] }]);
    server = createServer((request, response) => {
      if (request.url === '/story') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      else if (request.url === '/report.pdf') response.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf));
      else if (request.url === '/app') response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><div id="root"></div><script src="/app.js"></script></body></html>');
      else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('clips a web page into a Markdown file with front matter', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'briefing-clip-'));
    const result = await briefing('clip', `${base}/story`, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    const [name] = readdirSync(out);
    assert.equal(name, '2024-11-02-ports-reopen-after-the-storm.md');
    assert.equal(result.stdout, `Clipped “Ports reopen after the storm” → ${path.join(out, name)}\n`);
    const clipping = readFileSync(path.join(out, name), 'utf8');
    assert.match(clipping, new RegExp(`^---\\ntitle: Ports reopen after the storm\\noutlet: Coastal Post\\nauthor: Li Wei\\ndate: 2024-11-02\\nurl: ${base.replace(/[.]/g, '\\.')}/story\\nretrieved: \\d{4}-\\d{2}-\\d{2}\\n---\\n`));
    assert.match(clipping, /\n# Ports reopen after the storm\n\nThree ports on the northern coast/);
    assert.doesNotMatch(clipping, /newsletter|Home/);
    const again = await briefing('clip', `${base}/story`, '--out', out);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(readdirSync(out).sort(), [name.replace('.md', '-2.md'), name], 'a second clip never overwrites the first');
  });

  it('says in one line why a page cannot be clipped', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'briefing-clip-'));
    const cases: Array<[string, RegExp]> = [
      [`${base}/missing`, /^briefing: 127\.0\.0\.1:\d+ answered 404 Not Found for \/missing\n$/],
      [`${base}/report.pdf`, /is not a web page \(application\/pdf\); download it and add the file instead\n$/],
      [`${base}/app`, /has no text to read \(only scripts\), so there is nothing to clip\n$/],
      [`http://127.0.0.1:${await closedPort()}/closed`, /127\.0\.0\.1:\d+ refused the connection\n$/],
      ['ftp://example.com/x', /ftp: addresses cannot be clipped/],
    ];
    for (const [url, message] of cases) {
      const result = await briefing('clip', url, '--out', out);
      assert.equal(result.status, 2, `${url}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
    assert.deepEqual(readdirSync(out), [], 'nothing is written for a failed clip');
  });

  it('shows what Briefing read from each file: metadata with where the date came from, and the passages in order', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'briefing-docs-'));
    writeFileSync(path.join(folder, 'story.html'), ARTICLE);
    writeFileSync(path.join(folder, 'report.pdf'), await makePdf([{ heading: 'Storm report', paragraphs: [['The storm closed three ports for four days.']] }, { paragraphs: [['Damage to the quays was light.']] }], { author: 'Port Authority' }));
    writeFileSync(path.join(folder, 'visit.docx'), await makeDocx());
    writeFileSync(path.join(folder, 'broken.pdf'), '%PDF-1.7\n1 0 obj\n<<');
    const result = await briefing('docs', '--corpus', folder, '--json', '--text');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^briefing: skipped .*broken\.pdf: is damaged or truncated \(not a readable PDF\)\n$/);
    const documents = JSON.parse(result.stdout) as Array<Record<string, unknown> & { passages: Array<Record<string, unknown>>; date: Record<string, unknown> }>;
    const byFormat = Object.fromEntries(documents.map((document) => [document.format, document]));
    assert.deepEqual(Object.keys(byFormat).sort(), ['docx', 'html', 'pdf']);
    assert.deepEqual([byFormat.html.title, byFormat.html.author, byFormat.html.outlet, byFormat.html.date.label, byFormat.html.date.source], ['Ports reopen after the storm', 'Li Wei', 'Coastal Post', '2024-11-02', 'meta article:published_time']);
    assert.equal(byFormat.html.passages[0].text, 'Three ports on the northern coast reopened on Saturday after the storm that closed them for four days had passed.');
    assert.deepEqual(byFormat.pdf.passages.map((passage: Record<string, unknown>) => [passage.page, passage.text]), [[1, 'The storm closed three ports for four days.'], [2, 'Damage to the quays was light.']]);
    assert.deepEqual([byFormat.pdf.title, byFormat.pdf.author, byFormat.pdf.date.source], ['Storm report', 'Port Authority', 'PDF creation date']);
    assert.deepEqual([byFormat.docx.title, byFormat.docx.author, byFormat.docx.date.label], ['Notes from the harbour visit', 'Mira Kovalenko', 'n.d.']);
    assert.match(String(byFormat.docx.saved), /^\d{4}-\d{2}-\d{2}$/);

    const text = await briefing('docs', '--corpus', folder, '--text');
    assert.match(text.stdout, /\[p\. 2\] Damage to the quays was light\./);
    assert.match(text.stdout, /n\.d\. · saved \d{4}-\d{2}-\d{2}/);
  });

  it('indexes PDFs and Word files beside text, and shows a PDF as the text it read, page by page', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'briefing-engine-'));
    writeFileSync(path.join(folder, 'report.pdf'), await makePdf([{ paragraphs: [['Cargo fell by a tenth in the first quarter.']] }, { paragraphs: [['The quays at berth nine were repaired in May.']] }]));
    writeFileSync(path.join(folder, 'visit.docx'), await makeDocx());
    writeFileSync(path.join(folder, 'fake.docx'), 'not a zip');
    const engine = new LibraryEngine({ extensionPath: repoRoot, roots: [folder], includeBundled: false, maxFileBytes: 1024 });
    const report = await engine.load();
    assert.equal(report.userFiles, 2);
    assert.deepEqual(report.skipped.map((skip) => [path.basename(skip.path), skip.reason, skip.detail]), [['fake.docx', 'corrupt', 'is not a Word document (not a zip archive)']]);
    const [hit] = engine.index.index.search('quays berth nine', { limit: 1 });
    assert.equal(hit.passage.page, 2);
    const shown = await engine.rawText(hit.meta.id);
    assert.ok(shown);
    assert.equal(shown.slice(hit.passage.span.start, hit.passage.span.end), hit.passage.text);
    assert.ok(shown.lastIndexOf('[Page 2]', hit.passage.span.start) > 0, 'the page marker stands before the passage');
  });
});
