import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAllEditors, EXTENSION_ID, eventually, openDraft, type InsertionResult } from './helpers';

const PASSAGE = 'wtn-talks-stall#economic-impact-on-russia';

describe('commands', () => {
  before(activate);
  afterEach(closeAllEditors);

  it('registers every command the manifest contributes, each under the Briefing category', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command, category } of manifest.contributes.commands) {
      assert.ok(registered.has(command), `${command} is registered`);
      assert.equal(category, 'Briefing');
    }
    assert.ok(manifest.contributes.commands.length >= 7);
  });

  it('copies a citation to the clipboard', async function () {
    this.timeout(300_000); // the APA engine is built in the worker: seconds on a busy machine
    const text = await vscode.commands.executeCommand<string>('briefing.copyCitation', { passageId: PASSAGE, style: 'apa' });
    assert.equal(text, 'Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds. (2025, June). World Today News.');
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  it('pins and unpins a passage', async () => {
    assert.equal(await vscode.commands.executeCommand('briefing.togglePin', { passageId: PASSAGE, pinned: true }), true);
    assert.equal(await vscode.commands.executeCommand('briefing.togglePin', { passageId: PASSAGE }), false);
  });

  it('shows the panel', async () => {
    await vscode.commands.executeCommand('briefing.showPanel');
    // The view's own focus command exists once the view is contributed and resolved.
    assert.ok((await vscode.commands.getCommands(true)).includes('briefing.panel.focus'));
  });

  it('reports an unknown passage id without changing the draft', async () => {
    const editor = await openDraft('Untouched text.');
    const result = await vscode.commands.executeCommand<InsertionResult | undefined>('briefing.insertCitation', { passageId: 'no-such#passage' });
    assert.equal(result, undefined, 'the command fails with a message, not a result');
    assert.equal(editor.document.getText(), 'Untouched text.');
  });

  it('rejects an unknown citation style instead of guessing', async () => {
    const editor = await openDraft('Text.');
    assert.equal(await vscode.commands.executeCommand('briefing.insertCitation', { passageId: PASSAGE, style: 'vancouver' }), undefined);
    assert.equal(editor.document.getText(), 'Text.');
  });

  it('exports a topic briefing as a Markdown document whose every footnote names a source', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('briefing.exportBriefing', { topic: 'prisoner exchanges' });
    assert.ok(document, 'a document was opened');
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /^# Briefing: /);
    for (const heading of ['## Sources', '## Key facts', '## Who said what', '## Timeline']) assert.ok(text.includes(heading), heading);
    const markers = new Set([...text.matchAll(/\[\^(\d+)\](?!:)/g)].map((match) => match[1]));
    const definitions = new Set([...text.matchAll(/^\[\^(\d+)\]:/gm)].map((match) => match[1]));
    assert.ok(markers.size > 0);
    assert.deepEqual([...markers].filter((marker) => !definitions.has(marker)), [], 'every marker has its definition');
    assert.match(text, /3,000/);
  });

  describe('search in the quick pick', () => {
    it('inserts a citation of the top result when the user presses Enter', async function () {
      this.timeout(300_000); // the Chicago notes engine is built in the worker: seconds on a busy machine
      const editor = await openDraft('Both sides have swapped prisoners.', 'markdown');
      await vscode.commands.executeCommand('briefing.search', { query: 'prisoner exchange' });
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await eventually(() => editor.document.getText().includes('[^worldtodaynews2025ukraine]'), 'the citation', 240_000);
      assert.equal(
        editor.document.getText(),
        'Both sides have swapped prisoners.[^worldtodaynews2025ukraine]\n\n[^worldtodaynews2025ukraine]: “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” *World Today News*, June 2025.\n',
      );
    });

    it('finds sources for the selected claim and cites them after the selection', async function () {
      this.timeout(300_000);
      const claim = 'Putin said NATO members pledging 5% of GDP for defense was aggressive';
      const editor = await openDraft(`${claim}. More text.`, 'plaintext');
      editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(claim.length));
      await vscode.commands.executeCommand('briefing.findSourcesForSelection');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await eventually(() => editor.document.getText() !== `${claim}. More text.`, 'the citation', 240_000);
      const text = editor.document.getText();
      assert.ok(text.startsWith(`${claim} (“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” World Today News, June 2025.)`), text);
      assert.ok(text.endsWith('). More text.'), 'the citation goes right after the selection; the rest is untouched');
    });
  });
});
