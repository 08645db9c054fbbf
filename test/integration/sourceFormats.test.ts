import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { userDocumentId } from '../../src/core/sources/userSource';
import { makeDocx, makePdf } from '../unit/sourceFixtures';
import { activate, closeAllEditors, eventually, openDraft, setSetting, type InsertionResult } from './helpers';

type ClipResult = { path: string; docId: string; title: string; passages: number } | { problem: string };

const ARTICLE = `<!doctype html><html><head><title>Ports reopen after the storm - Coastal Post</title>
<meta property="og:site_name" content="Coastal Post"><meta name="author" content="Li Wei">
<meta property="article:published_time" content="2024-11-02T09:00:00Z"><script>analytics()</script></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav><div class="cookie-consent"><p>We use cookies. Accept all cookies?</p></div>
<article><h1>Ports reopen after the storm</h1>
<p>Three ports on the northern coast reopened on Saturday after the storm that closed them for four days had passed.</p>
<p>Harbour masters said 112 ships had waited offshore and that the queue would take a week to clear, with grain ships first.</p>
</article></body></html>`;

const workspace = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

/** Whether Briefing knows a passage, asked without touching any draft. */
async function knows(passageId: string): Promise<boolean> {
  return (await vscode.commands.executeCommand<string | undefined>('briefing.copyCitation', { passageId })) !== undefined;
}

async function cite(passageId: string, draftText: string, style: string): Promise<vscode.TextEditor> {
  const editor = await openDraft(draftText, 'markdown');
  const result = await vscode.commands.executeCommand<InsertionResult>('briefing.insertCitation', { passageId, style });
  assert.equal(result?.inserted, true, result?.problem);
  return editor;
}

describe('web pages, PDFs and Word files as sources', function () {
  this.timeout(60_000);
  let server: Server;
  let base: string;

  before(async function () {
    this.timeout(180_000);
    await activate();
    const pdf = await makePdf([{ heading: 'Storm report', paragraphs: [['The storm closed three ports.']] }]);
    server = createServer((request, response) => {
      if (request.url === '/story') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      else if (request.url === '/report.pdf') response.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf));
      else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The first citation in a session builds the style's engine (seconds on a busy machine); polls below then stay quick.
    assert.ok(await knows('wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts'), 'a bundled passage is cited');
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const config = vscode.workspace.getConfiguration('briefing');
    await config.update('sources.include', undefined, vscode.ConfigurationTarget.Workspace);
    await setSetting('sources.include', undefined);
    await setSetting('clippings.folder', undefined);
    await closeAllEditors();
  });

  it('adds a web page from its URL: a Markdown clipping with the page\'s metadata, indexed and cited', async () => {
    await setSetting('clippings.folder', 'web-clippings');
    const result = await vscode.commands.executeCommand<ClipResult>('briefing.addSourceFromUrl', { url: `${base}/story` });
    assert.ok(result && !('problem' in result), JSON.stringify(result));
    assert.equal(path.dirname(result.path), path.join(workspace(), 'web-clippings'));
    const clipping = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(result.path)));
    assert.match(clipping, new RegExp(`^---\\ntitle: Ports reopen after the storm\\noutlet: Coastal Post\\nauthor: Li Wei\\ndate: 2024-11-02\\nurl: ${base.replace(/\./g, '\\.')}/story\\nretrieved: `));
    assert.doesNotMatch(clipping, /cookies|Home/);
    const included = vscode.workspace.getConfiguration('briefing').inspect<string[]>('sources.include');
    assert.deepEqual(included?.workspaceValue, ['web-clippings'], 'the clippings folder became one of the sources');

    const editor = await cite(`${result.docId}#intro-2`, '112 ships waited.', 'chicago-note');
    const note = editor.document.getText().match(/^112 ships waited\.\[\^(\w+)\]\n\n\[\^(\w+)\]: (.*)\n$/);
    assert.ok(note && note[1] === note[2], editor.document.getText());
    assert.equal(note[3], `Li Wei, “Ports Reopen after the Storm,” *Coastal Post*, November 2, 2024, ${base}/story.`);
    // The workspace's own value would hide the sources the next tests set.
    await vscode.workspace.getConfiguration('briefing').update('sources.include', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('says in one line why a URL could not be clipped, and writes nothing', async () => {
    await setSetting('clippings.folder', 'failed-clippings');
    const missing = await vscode.commands.executeCommand<ClipResult>('briefing.addSourceFromUrl', { url: `${base}/missing` });
    assert.ok(missing && 'problem' in missing);
    assert.match(missing.problem, /^127\.0\.0\.1:\d+ answered 404 Not Found for \/missing$/);
    const pdf = await vscode.commands.executeCommand<ClipResult>('briefing.addSourceFromUrl', { url: `${base}/report.pdf` });
    assert.ok(pdf && 'problem' in pdf);
    assert.match(pdf.problem, /is not a web page \(application\/pdf\)/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.file(path.join(workspace(), 'failed-clippings')))), 'no folder was made');
  });

  it('cites a PDF passage with its page, and opens the PDF at that page', async () => {
    const file = path.join(workspace(), 'reports', 'harbour.pdf');
    const bytes = await makePdf(
      [
        { heading: 'Grain exports through the southern ports', paragraphs: [['The terminal handled 4.2 million tonnes of grain in the year.']] },
        { paragraphs: [['War-risk insurance remains the largest cost for shipowners using the port.']] },
      ],
      { author: 'Harbour Authority' },
    );
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), bytes);
    await setSetting('sources.include', ['reports']);
    const passageId = `${userDocumentId(file)}#intro-2`;
    await eventually(() => knows(passageId), 'the PDF to be indexed', 30_000);

    const editor = await cite(passageId, 'Insurance is the largest cost.', 'chicago-note');
    assert.match(editor.document.getText(), /^Insurance is the largest cost\.\[\^(\w+)\]\n\n\[\^\1\]: Harbour Authority, “Grain Exports through the Southern Ports,” March 15, 2024, 2\.\n$/);
    const apa = await cite(passageId, 'Insurance is the largest cost.', 'apa');
    assert.match(apa.document.getText(), /^Insurance is the largest cost\. \(Harbour Authority, 2024, p\. 2\)/);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('briefing.openSource', { passageId });
    assert.equal(uri?.scheme, 'briefing-source', 'a PDF opens as the text Briefing read from it');
    const shown = vscode.window.activeTextEditor!;
    const text = shown.document.getText();
    const at = shown.document.offsetAt(shown.selection.start);
    assert.ok(text.slice(at).startsWith('War-risk insurance remains the largest cost'));
    assert.ok(text.lastIndexOf('[Page 2]', at) > text.lastIndexOf('[Page 1]', at), 'the passage is shown on its page');
  });

  it('cites a Word file with the title and author of its properties', async () => {
    const file = path.join(workspace(), 'reports', 'visit.docx');
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), await makeDocx());
    await setSetting('sources.include', ['reports']);
    const passageId = `${userDocumentId(file)}#insurance`;
    await eventually(() => knows(passageId), 'the Word file to be indexed', 30_000);
    const editor = await cite(passageId, 'Premiums fell.', 'chicago-note');
    assert.match(editor.document.getText(), /^Premiums fell\.\[\^(\w+)\]\n\n\[\^\1\]: Mira Kovalenko, “Notes from the Harbour Visit,” n\.d\.\n$/);
  });
});
