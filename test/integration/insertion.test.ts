import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAllEditors, eventually, openDraft, select, setSetting, type InsertionResult } from './helpers';

const WTN = 'wtn-talks-stall#economic-impact-on-russia';
const WTN_NATO = 'wtn-talks-stall#natos-response';
const LENNON = 'latest-updates-lennon#obstacles-to-a-ceasefire';
const FULL = '“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” *World Today News*, June 2025.';
const SHORT = '*World Today News*, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.”';

const cite = (passageId: string, extra: Record<string, unknown> = {}): Thenable<InsertionResult | undefined> =>
  vscode.commands.executeCommand<InsertionResult | undefined>('briefing.insertCitation', { passageId, ...extra });

const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;

/** Sets a setting for one language only, as `"[latex]": {…}` in settings.json does. */
async function setLanguageSetting(language: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('briefing', { languageId: language }).update(key, value, vscode.ConfigurationTarget.Global, true);
}

describe('citations and quotes in a real editor', function () {
  // The Chicago and APA engines are built in the worker on first use: seconds on a busy machine.
  this.timeout(300_000);
  before(activate);
  afterEach(async () => {
    await setSetting('citation.style', undefined);
    await setSetting('citation.bibliography', undefined);
    await setSetting('quote.form', undefined);
    await setLanguageSetting('latex', 'citation.style', undefined);
    await setLanguageSetting('markdown', 'citation.style', undefined);
    await closeAllEditors();
  });

  it('writes a note per citation in Markdown: the full note first, short notes after, labelled by the source’s key', async () => {
    const editor = await openDraft('Defense spending rose. Ceasefire talks stalled. NATO pledged more.', 'markdown', 22);
    assert.equal((await cite(WTN))?.marker, '[^worldtodaynews2025ukraine]');
    const stalled = editor.document.getText().indexOf('stalled.') + 8;
    select(editor, stalled, stalled);
    assert.equal((await cite(LENNON))?.marker, '[^lennonrussia]');
    const end = editor.document.getText().indexOf('more.') + 5;
    select(editor, end, end);
    assert.equal((await cite(WTN_NATO))?.marker, '[^worldtodaynews2025ukraine-2]', 'a source cited again gets a note of its own');
    assert.equal(
      editor.document.getText(),
      'Defense spending rose.[^worldtodaynews2025ukraine] Ceasefire talks stalled.[^lennonrussia] NATO pledged more.[^worldtodaynews2025ukraine-2]\n\n' +
        `[^worldtodaynews2025ukraine]: ${FULL}\n` +
        '[^lennonrussia]: Jhon Lennon, *Russia-Ukraine Peace Talks: Latest Updates*, n.d.\n' +
        `[^worldtodaynews2025ukraine-2]: ${SHORT}\n`,
    );
  });

  it('undoes a citation, marker and note together, in one step', async () => {
    const draft = 'A claim that needs a source.';
    const editor = await openDraft(draft, 'markdown');
    await cite(WTN);
    assert.notEqual(editor.document.getText(), draft);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), draft);
  });

  it('writes an author-date style with a references section in the style’s order, created once', async () => {
    const editor = await openDraft('First. Second.', 'markdown', 6);
    await cite(WTN, { style: 'apa' });
    select(editor, editor.document.getText().indexOf('Second.') + 7, editor.document.getText().indexOf('Second.') + 7);
    await cite(LENNON, { style: 'apa' });
    assert.equal(
      editor.document.getText(),
      'First. (“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” 2025) Second. (Lennon, n.d.)\n\n## References\n\n' +
        '- Lennon, J. (n.d.). *Russia-Ukraine Peace Talks: Latest Updates*.\n' +
        '- Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds. (2025, June). *World Today News*.\n',
    );
  });

  it('reads the style for the draft’s language: \\footnote{} in LaTeX by default, a "[latex]" setting, never Markdown in a .tex file', async () => {
    const latex = await openDraft('\\begin{document}\nSpending rose.\n\\end{document}\n', 'latex', '\\begin{document}\nSpending rose.'.length);
    await cite(WTN);
    assert.equal(latex.document.getText(), `\\begin{document}\nSpending rose.\\footnote{“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” \\emph{World Today News}, June 2025.}\n\\end{document}\n`);

    await setLanguageSetting('latex', 'citation.style', 'harvard');
    const harvard = await openDraft('\\begin{document}\nSpending rose.\n\\end{document}\n', 'latex', '\\begin{document}\nSpending rose.'.length);
    await cite(LENNON);
    assert.equal(harvard.document.getText(), '\\begin{document}\nSpending rose. (Lennon, no date)\n\\section*{References}\n\nLennon, J. (no date) “Russia-Ukraine Peace Talks: Latest Updates.”\n\n\\end{document}\n');
    const markdown = await openDraft('Spending rose.', 'markdown');
    await cite(LENNON);
    assert.match(markdown.document.getText(), /^Spending rose\.\[\^lennonrussia\]/, 'the Markdown draft keeps the default notes');
  });

  it('never writes a citation into a .bib file', async () => {
    const bib = vscode.Uri.joinPath(folder(), 'drafts', `refs-${Date.now()}.bib`);
    await vscode.workspace.fs.writeFile(bib, new TextEncoder().encode('@book{a,\n  title = {A}\n}\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(bib));
    const result = await cite(WTN);
    assert.equal(result?.inserted, false);
    assert.match(result?.problem ?? '', /bibliography file/);
    assert.equal(editor.document.getText(), '@book{a,\n  title = {A}\n}\n');
  });

  it('writes [@key] in a Pandoc draft and adds the source to its bibliography once, keeping other entries', async () => {
    const name = `refs-${Date.now()}.json`;
    const refs = vscode.Uri.joinPath(folder(), 'drafts', name);
    await vscode.workspace.fs.writeFile(refs, new TextEncoder().encode('[\n  {"id": "smith2020", "type": "book", "title": "Mine"}\n]\n'));
    const editor = await openDraft(`---\nbibliography: ${name}\n---\n\nSpending rose. Talks stalled.`, 'markdown', `---\nbibliography: ${name}\n---\n\nSpending rose.`.length);
    assert.equal((await cite(WTN))?.marker, '[@worldtodaynews2025ukraine]');
    await cite(WTN_NATO, { locator: 'p. 12' });
    assert.ok(editor.document.getText().endsWith('Spending rose. [@worldtodaynews2025ukraine] [@worldtodaynews2025ukraine, p. 12] Talks stalled.'), editor.document.getText());
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(refs))) as Array<{ id: string }>;
    assert.deepEqual(items.map((item) => item.id), ['smith2020', 'worldtodaynews2025ukraine']);
  });

  it('creates the bibliography a setting names for a Markdown draft without front matter', async () => {
    const name = `drafts/made-${Date.now()}.bib`;
    await setSetting('citation.bibliography', name);
    const editor = await openDraft('Swaps resumed.', 'markdown');
    await cite(LENNON);
    assert.equal(editor.document.getText(), 'Swaps resumed. [@lennonrussia]');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), name)));
    assert.match(written, /^@online\{lennonrussia,\n {2}author = \{Lennon, Jhon\},/);
  });

  it('formats with the user’s own .csl file', async () => {
    const style = path.join(folder().fsPath, 'styles', 'briefing-test.csl');
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(style)));
    await vscode.workspace.fs.copy(vscode.Uri.file(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'csl', 'briefing-test.csl')), vscode.Uri.file(style), { overwrite: true });
    await setSetting('citation.style', 'styles/briefing-test.csl');
    const editor = await openDraft('Claim.', 'plaintext');
    await cite(WTN);
    assert.equal(editor.document.getText(), 'Claim. [Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds <2025>]\n\nReferences\n\nUKRAINE PEACE TALKS STALL AS RUSSIA AND UKRAINE REMAIN AT ODDS — World Today News.\n');
    await setSetting('citation.style', 'styles/missing.csl');
    const other = await openDraft('Claim.', 'markdown');
    const result = await cite(WTN);
    assert.equal(result?.inserted, false);
    assert.match(result?.problem ?? '', /Cannot read the citation style .*missing\.csl \(ENOENT\)/);
    assert.equal(other.document.getText(), 'Claim.');
  });

  it('inserts a citation after a selected claim, never over it', async () => {
    const claim = 'Russia spends 6.3% of its GDP on defense';
    const editor = await openDraft(`${claim}, analysts say.`, 'plaintext');
    select(editor, 0, claim.length);
    await cite(WTN, { style: 'harvard' });
    assert.ok(editor.document.getText().startsWith(`${claim} (World Today News, 2025), analysts say.`), editor.document.getText());
  });

  it('quotes verbatim: inline in a sentence, as a block with blank lines around on an empty line, a second block kept apart', async () => {
    const quote = 'This increased expenditure has contributed to inflation within Russia, which the government is actively trying to combat.';
    const editor = await openDraft('The article notes:', 'markdown');
    const inline = await vscode.commands.executeCommand<InsertionResult>('briefing.insertQuote', { passageId: WTN, quote });
    assert.equal(inline.inserted, true);
    assert.match(editor.document.getText(), /^The article notes: “This increased expenditure .* actively trying to combat\.”\[\^worldtodaynews2025ukraine\]\n\n\[\^worldtodaynews2025ukraine\]: .*, June 2025, para\. \d+\.\n$/);

    // The whole passage, not Putin's words alone (which a quick pick would offer first).
    const block = await openDraft('Putin on the cost:\n\nNext paragraph.\n', 'markdown', 'Putin on the cost:\n'.length);
    await vscode.commands.executeCommand('briefing.insertQuote', { passageId: 'wtn-talks-stall#economic-impact-on-russia-2', style: 'harvard', speakerWords: false });
    const once = block.document.getText();
    assert.match(once, /^Putin on the cost:\n\n> “It’s a lot,” Putin acknowledged\. “we paid for it with inflation, but now we are fighting this inflation\.”\n>\n> — World Today News \(\*World Today News\*, 2025, para\. \d+\)\n\nNext paragraph\.\n/);
    // The cursor on the line right below the quote (where issue #18 saw the new quote merge into it).
    const below = block.document.positionAt(once.indexOf('\nNext paragraph.'));
    block.selection = new vscode.Selection(below, below);
    await vscode.commands.executeCommand('briefing.insertQuote', { passageId: 'wtn-talks-stall#economic-impact-on-russia-2', style: 'harvard', speakerWords: false });
    assert.match(block.document.getText(), /para\. \d+\)\n\n> “It’s a lot,”[^\n]*\n>\n> — World Today News \(\*World Today News\*, 2025, para\. \d+\)\n\nNext paragraph\.\n/);
  });

  it('refuses a quote the source does not contain word for word', async () => {
    const editor = await openDraft('Quote:', 'markdown');
    const result = await vscode.commands.executeCommand('briefing.insertQuote', { passageId: WTN, quote: 'Defense spending is 7% of GDP.' });
    assert.equal(result, undefined);
    assert.equal(editor.document.getText(), 'Quote:');
  });

  it('exports the sources for Zotero', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'drafts', `sources-${Date.now()}.json`);
    const written = await vscode.commands.executeCommand<vscode.Uri>('briefing.exportSources', { format: 'csl-json', uri: uri.toString() });
    assert.equal(written?.toString(), uri.toString());
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Array<{ id: string; title: string }>;
    assert.ok(items.some((item) => item.id === 'worldtodaynews2025ukraine' && item.title === 'Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds'));
  });

  it('says so, and changes nothing, when no editor is open', async () => {
    await closeAllEditors();
    const result = await cite(WTN);
    assert.equal(result?.inserted, false);
    assert.match(result?.problem ?? '', /no open editor/);
  });

  it('says so, and changes nothing, when the only editor is read-only', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('briefing.openSource', { passageId: WTN });
    const before = vscode.window.activeTextEditor?.document.getText();
    const result = await cite(WTN_NATO);
    assert.equal(result?.inserted, false);
    assert.match(result?.problem ?? '', /read-only/);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), before);
  });

  it('cites into the draft, not into a source opened beside it', async () => {
    const draft = await openDraft('Claim.', 'markdown');
    await vscode.commands.executeCommand('briefing.openSource', { passageId: LENNON });
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'briefing-source');
    await cite(WTN);
    await eventually(() => draft.document.getText().startsWith('Claim.[^worldtodaynews2025ukraine]'), 'the citation in the draft');
  });

  it('opens the source document read-only at the passage, exactly as the file has it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('briefing.openSource', { passageId: WTN });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && uri);
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(uri.scheme, 'briefing-source');
    const text = editor.document.getText();
    assert.ok(text.startsWith('Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds\nTable of Contents'), 'the raw file, boilerplate and all');
    const start = editor.document.offsetAt(editor.selection.start);
    assert.ok(text.slice(start).startsWith('The ongoing conflict has placed a significant strain on the Russian economy.'));
    assert.ok(editor.visibleRanges.some((range) => range.contains(editor.selection.start)), 'the passage is scrolled into view');
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.equal(editor.document.getText(), text, 'typing into the source changes nothing');
  });
});
