import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAllEditors, eventually, openDraft, setSetting, type InsertionResult } from './helpers';

// The minute-to-minute loop of a journalist writing on the talks: what the
// lenses, hovers and quick fixes say and do, quotes of a speaker's words,
// and where sources open.

const WRONG_FIGURE = "Defense spending is 7.5% of Russia's GDP.\n";
/** A note citing World Today News's article, in whatever style the draft's notes take. */
const WTN_NOTE = /\n\[\^[\w-]+\]: [^\n]*Ukraine Peace Talks Stall[^\n]*World Today News/i;

const briefingDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Briefing');

async function lensTitles(document: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return lenses.map((lens) => lens.command?.title ?? '');
}

async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  return hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n')
    .replace(/&nbsp;/g, ' ');
}

async function codeActions(document: vscode.TextDocument, start: number, end = start + 1): Promise<vscode.CodeAction[]> {
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
}

async function run(action: vscode.CodeAction): Promise<void> {
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('the writing loop', function () {
  this.timeout(30_000);
  before(activate);
  afterEach(closeAllEditors);

  describe('a figure the sources contradict', () => {
    it('gets a lens that says what the source gives instead, never that the source supports it', async () => {
      const editor = await openDraft(WRONG_FIGURE, 'markdown', 5);
      const titles = await lensTitles(editor.document);
      assert.equal(titles.length, 1, titles.join(' | '));
      assert.doesNotMatch(titles[0], /support|cite/i);
      assert.match(titles[0], /6\.3%/);
      assert.match(titles[0], /7\.5%/);
    });

    it('and a date the sources give otherwise get the same lens: what the source gives, and a click to replace', async () => {
      const editor = await openDraft('Russia annexed Crimea in 2015.\n', 'markdown', 5);
      const titles = await lensTitles(editor.document);
      assert.equal(titles.length, 1, titles.join(' | '));
      assert.match(titles[0], /gives 2014, not 2015 · replace/);
    });

    it('gets a hover that offers the source’s figure, not a citation of the source for the wrong one', async () => {
      const editor = await openDraft(WRONG_FIGURE, 'markdown');
      await vscode.commands.executeCommand('briefing.checkDraft');
      const text = await hoverText(editor.document, WRONG_FIGURE.indexOf('7.5') + 1);
      assert.match(text, /Replace 7\.5% with 6\.3%/);
      assert.doesNotMatch(text, /\[Cite\]/);
    });

    it('is replaced by the source’s figure and cited in one undo step by the quick fix', async () => {
      const editor = await openDraft(WRONG_FIGURE, 'markdown');
      await vscode.commands.executeCommand('briefing.checkDraft');
      const actions = await codeActions(editor.document, WRONG_FIGURE.indexOf('7.5'));
      const fix = actions.find((action) => action.title === 'Replace 7.5% with 6.3% and cite World Today News');
      assert.ok(fix, `actions: ${actions.map((action) => action.title).join('; ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(!actions.some((action) => /^Cite /.test(action.title)), 'no action cites the source for the wrong figure');
      await run(fix);
      const text = editor.document.getText();
      assert.match(text, /^Defense spending is 6\.3% of Russia's GDP\.\[\^[\w-]+\]\n\n/);
      assert.match(text, WTN_NOTE);
      await eventually(() => briefingDiagnostics(editor.document.uri).length === 0, 'the warning to clear');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), WRONG_FIGURE);
    });
  });

  it('never offers to cite a source for a sentence whose other figure that source contradicts', async () => {
    const draft = 'Russia spends $180 billion on defense, 6.3% of its GDP.\n';
    const editor = await openDraft(draft, 'markdown');
    await vscode.commands.executeCommand('briefing.checkDraft');
    const actions = await codeActions(editor.document, draft.indexOf('6.3%'));
    assert.ok(!actions.some((action) => action.title === 'Cite World Today News for this figure'), `actions: ${actions.map((action) => action.title).join('; ')}`);
    assert.doesNotMatch(await hoverText(editor.document, draft.indexOf('6.3%') + 1), /\[Cite\]/);
    const fix = (await codeActions(editor.document, draft.indexOf('$180'))).find((action) => action.title === 'Replace $180 billion with $172 billion and cite World Today News');
    assert.ok(fix, 'the contradicted figure offers its correction');
  });

  it('offers to attribute a misattributed quote to the speaker the sources give', async () => {
    const draft = 'Putin called the negotiations “very difficult”.\n';
    const editor = await openDraft(draft, 'markdown');
    await vscode.commands.executeCommand('briefing.checkDraft');
    const actions = await codeActions(editor.document, draft.indexOf('very'));
    const fix = actions.find((action) => action.title === 'Attribute to Dmitry Peskov');
    assert.ok(fix, `actions: ${actions.map((action) => action.title).join('; ')}`);
    await run(fix);
    assert.equal(editor.document.getText(), 'Peskov called the negotiations “very difficult”.\n');
  });

  it('prefers citing a figure the sources state', async () => {
    const draft = 'Russia spends 13.5 trillion rubles on defense.\n';
    const editor = await openDraft(draft, 'markdown');
    await vscode.commands.executeCommand('briefing.checkDraft');
    const actions = await codeActions(editor.document, draft.indexOf('13.5'));
    const cite = actions.find((action) => action.title === 'Cite World Today News for this figure');
    assert.ok(cite, `actions: ${actions.map((action) => action.title).join('; ')}`);
    assert.equal(cite.isPreferred, true);
  });

  describe('lenses', () => {
    it('never sit on an empty line of a block quote', async () => {
      const draft =
        'Putin on the cost:\n\n> “It’s a lot,” Putin acknowledged.\n>\n> — World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025\n';
      const editor = await openDraft(draft, 'markdown', draft.indexOf('a lot'));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      assert.ok(lenses.length > 0, 'the quoted sentence still gets its lens');
      for (const lens of lenses) assert.match(editor.document.lineAt(lens.range.start.line).text, /\p{L}/u, `a lens on line ${lens.range.start.line}: ${lens.command?.title}`);
    });

    it('and checks never run in a source document opened to show a passage', async () => {
      await openDraft('A draft beside the source.\n', 'markdown');
      const uri = await vscode.commands.executeCommand<vscode.Uri>('briefing.openSource', { passageId: 'wtn-talks-stall#economic-impact-on-russia' });
      const source = vscode.window.activeTextEditor;
      assert.ok(source && source.document.uri.toString() === uri.toString());
      assert.deepEqual(await lensTitles(source.document), []);
      await vscode.commands.executeCommand('briefing.checkDraft');
      assert.deepEqual(briefingDiagnostics(uri), []);
      assert.equal(await hoverText(source.document, source.document.getText().indexOf('6.3%') + 1), '');
    });
  });

  describe('quotes', () => {
    it('quote a speaker’s own words with their name and verb, the full name the first time', async () => {
      const passageId = 'istanbul-talks-blog#intro-2';
      const first = await openDraft('The Kremlin sounded gloomy. ', 'markdown');
      const result = await vscode.commands.executeCommand<InsertionResult>('briefing.insertQuote', { passageId, speakerWords: 'very difficult' });
      assert.equal(result.inserted, true);
      assert.match(first.document.getText(), /^The Kremlin sounded gloomy\. Dmitry Peskov called the negotiations “very difficult”\[\^[\w-]+\]\n\n\[\^[\w-]+\]: .*Russia and Ukraine Meet in Istanbul/i);

      const again = await openDraft('Peskov was gloomy. ', 'markdown');
      await vscode.commands.executeCommand('briefing.insertQuote', { passageId, speakerWords: 'very difficult' });
      assert.match(again.document.getText(), /^Peskov was gloomy\. Peskov called the negotiations “very difficult”\[\^[\w-]+\]/);
    });

    it('never quote a table row: it is cited as a figure', async () => {
      const editor = await openDraft('Prisoners freed by each side: ', 'markdown');
      const result = await vscode.commands.executeCommand<InsertionResult>('briefing.insertQuote', { passageId: 'wtn-talks-stall#prisoners-exchanged-each-side' });
      assert.equal(result.inserted, true);
      const text = editor.document.getText();
      assert.match(text, /^Prisoners freed by each side: over 1,000\[\^[\w-]+\]\n\n/);
      assert.match(text, WTN_NOTE);
      assert.doesNotMatch(text.split('\n')[0], /[“|>]/, 'no quote marks, no table cells, no block quote');
    });
  });

  it('opens every source in one column beside the draft, reused', async () => {
    const draft = await openDraft('Claim.\n', 'markdown');
    await vscode.commands.executeCommand('briefing.openSource', { passageId: 'wtn-talks-stall#economic-impact-on-russia' });
    const first = vscode.window.activeTextEditor;
    assert.ok(first && first.document.uri.scheme === 'briefing-source');
    // From the source itself, another source: it takes the source's column, not a third one.
    await vscode.commands.executeCommand('briefing.openSource', { passageId: 'latest-updates-lennon#obstacles-to-a-ceasefire' });
    const second = vscode.window.activeTextEditor;
    assert.ok(second && second.document.uri.toString() !== first.document.uri.toString());
    assert.equal(second.viewColumn, first.viewColumn);
    const columns = new Set(vscode.window.visibleTextEditors.map((editor) => editor.viewColumn));
    assert.deepEqual([...columns].sort(), [draft.viewColumn, first.viewColumn].sort());
  });

  it('exports a briefing under a name made of its topic and the date, with no internal ids in it', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('briefing.exportBriefing', { topic: 'prisoner exchanges' });
    assert.equal(document.uri.scheme, 'untitled');
    assert.match(path.basename(document.uri.path), /^briefing-prisoner-exchanges-\d{4}-\d{2}-\d{2}\.md$/);
    const text = document.getText();
    assert.match(text, /^# Briefing: prisoner exchanges/);
    assert.doesNotMatch(text, /Passage `|`[\w-]+(#[\w-]+)?`/);
    assert.doesNotMatch(text, /wtn-talks-stall|latest-updates-lennon|istanbul-talks-blog/);
  });

  it('leaves out the sources’ ids from a user source’s own file name in its export too', async () => {
    await setSetting('sources.include', ['clippings']);
    try {
      await eventually(async () => {
        const document = await vscode.commands.executeCommand<vscode.TextDocument>('briefing.exportBriefing', { topic: 'grain corridor' });
        const text = document.getText();
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        return /Harbour Gazette/.test(text) && !/\bu-[\w-]+#|`u-/.test(text);
      }, 'the export to cite the clipping by name', 15_000);
    } finally {
      await setSetting('sources.include', undefined);
    }
  });
});
