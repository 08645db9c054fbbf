import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { userDocumentId } from '../../src/core/sources/userSource';
import { activate, closeAllEditors, eventually, openDraft, setSetting, type InsertionResult } from './helpers';

const folder = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const clipping = (name: string): string => path.join(folder(), 'clippings', name);

/** Whether Briefing knows a passage, asked without touching any draft (copying its citation). */
async function knows(passageId: string): Promise<boolean> {
  // Harvard's engine builds in milliseconds; Chicago's and APA's take seconds on a busy machine.
  return (await vscode.commands.executeCommand<string | undefined>('briefing.copyCitation', { passageId, style: 'harvard' })) !== undefined;
}

async function citeInto(editor: vscode.TextEditor, passageId: string): Promise<InsertionResult | undefined> {
  await vscode.window.showTextDocument(editor.document);
  return vscode.commands.executeCommand<InsertionResult | undefined>('briefing.insertCitation', { passageId, style: 'harvard' });
}

describe('your own sources', function () {
  this.timeout(30_000);
  before(async () => {
    await activate();
    await setSetting('sources.include', ['clippings']);
  });
  after(async () => {
    await setSetting('sources.include', undefined);
    await setSetting('sources.includeBundled', undefined);
    await closeAllEditors();
  });

  it('cites a Markdown clipping with the metadata of its front matter', async () => {
    const passageId = `${userDocumentId(clipping('grain-deal.md'))}#insurance`;
    const editor = await openDraft('Premiums fell.', 'markdown');
    await eventually(async () => (await citeInto(editor, passageId))?.inserted === true, 'the clipping to be indexed', 15_000);
    assert.match(editor.document.getText(), /^Premiums fell\. \(Kovalenko, 2025\)\n\n## References\n\n- Kovalenko, M\. \(2025\) “Grain corridor talks resume in Ankara/);
  });

  it('finds your clipping from the quick pick, beside the bundled sources', async function () {
    this.timeout(300_000); // the default style's engine (Chicago notes) is built in the worker: seconds on a busy machine
    const editor = await openDraft('Barges crowd the Danube.', 'plaintext');
    await vscode.commands.executeCommand('briefing.search', { query: 'Izmail barge traffic' });
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await eventually(() => /Harbour notes/i.test(editor.document.getText()), 'the citation of the HTML clipping', 240_000);
  });

  it('opens your own file at the passage', async () => {
    const passageId = `${userDocumentId(clipping('grain-deal.md'))}#insurance`;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('briefing.openSource', { passageId });
    assert.equal(uri?.fsPath, clipping('grain-deal.md'));
    const editor = vscode.window.activeTextEditor!;
    const offset = editor.document.offsetAt(editor.selection.start);
    assert.ok(editor.document.getText().slice(offset).startsWith('Underwriters said premiums'));
  });

  it('cites into the draft, never into your own source opened to show a passage', async () => {
    const passageId = `${userDocumentId(clipping('grain-deal.md'))}#insurance`;
    const source = clipping('grain-deal.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(source)));
    await closeAllEditors();
    const draft = await openDraft('Premiums fell sharply.', 'markdown');
    await vscode.commands.executeCommand('briefing.openSource', { passageId });
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, source);
    assert.equal((await vscode.commands.executeCommand<InsertionResult>('briefing.insertCitation', { passageId, style: 'harvard' }))?.inserted, true);
    assert.match(draft.document.getText(), /^Premiums fell sharply\. \(Kovalenko, 2025\)/);
    const sourceDocument = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === source)!;
    assert.equal(sourceDocument.getText(), before, 'the source is untouched');

    await closeAllEditors();
    await vscode.commands.executeCommand('briefing.openSource', { passageId });
    const alone = await vscode.commands.executeCommand<InsertionResult>('briefing.insertCitation', { passageId });
    assert.equal(alone?.inserted, false);
    assert.match(alone?.problem ?? '', /one of your sources/);
  });

  it('cites at the offset of a check only into the draft it checked, and only while that draft is unchanged', async () => {
    const passageId = `${userDocumentId(clipping('grain-deal.md'))}#insurance`;
    await closeAllEditors();
    const checked = await openDraft('Premiums fell. Ships waited.', 'markdown');
    const at = { at: 'Premiums fell.'.length, uri: checked.document.uri.toString(), version: checked.document.version };
    const other = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'Another draft.', language: 'markdown' }), vscode.ViewColumn.Two);
    assert.equal(vscode.window.activeTextEditor?.document, other.document, 'the other draft is where the cursor is');
    const cite = (): Thenable<InsertionResult | undefined> => vscode.commands.executeCommand<InsertionResult>('briefing.insertCitation', { passageId, style: 'harvard', ...at });
    assert.equal((await cite())?.inserted, true);
    assert.match(checked.document.getText(), /^Premiums fell\. \(Kovalenko, 2025\) Ships waited\.\n\n## References\n\n- Kovalenko/);
    assert.equal(other.document.getText(), 'Another draft.');
    const stale = await cite();
    assert.equal(stale?.inserted, false, 'the draft changed since the offset was computed');
    assert.match(stale?.problem ?? '', /changed since the check/);
    assert.equal((checked.document.getText().match(/\(Kovalenko, 2025\)/g) ?? []).length, 1);
  });

  it('picks up a new file and forgets a deleted one, as they happen', async () => {
    const file = clipping('late-night.md');
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode('# Late night call\n\nA negotiator said the grain talks would go on past midnight.\n'));
    const passageId = `${userDocumentId(file)}#intro`;
    await eventually(() => knows(passageId), 'the new file to be indexed', 15_000);
    const editor = await openDraft('Talks ran late.', 'markdown');
    assert.equal((await citeInto(editor, passageId))?.inserted, true);
    await vscode.workspace.fs.delete(vscode.Uri.file(file));
    await eventually(async () => !(await knows(passageId)), 'the deleted file to be forgotten', 15_000);
    const other = await openDraft('Still there?', 'markdown');
    assert.equal(await citeInto(other, passageId), undefined);
    assert.equal(other.document.getText(), 'Still there?');
  });

  it('can leave out the bundled sources', async () => {
    const bundledPassage = 'wtn-talks-stall#economic-impact-on-russia';
    await setSetting('sources.includeBundled', false);
    await eventually(async () => !(await knows(bundledPassage)), 'the bundled corpus to be switched off', 15_000);
    const editor = await openDraft('Spending rose.', 'markdown');
    assert.equal(await citeInto(editor, bundledPassage), undefined);
    assert.equal(editor.document.getText(), 'Spending rose.');
    assert.ok(await knows(`${userDocumentId(clipping('grain-deal.md'))}#insurance`), 'your own sources stay');
    await setSetting('sources.includeBundled', undefined);
    await eventually(() => knows(bundledPassage), 'the bundled corpus to come back', 15_000);
  });
});
