import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAllEditors, eventually, openDraft, select, setSetting, type InsertionResult } from './helpers';

const WTN = 'wtn-talks-stall#economic-impact-on-russia';
const WTN_NATO = 'wtn-talks-stall#natos-response';
const LENNON = 'latest-updates-lennon#obstacles-to-a-ceasefire';
const WTN_FOOTNOTE = '[^1]: World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. <!-- briefing:wtn-talks-stall -->';

const cite = (passageId: string, style?: string): Thenable<InsertionResult | undefined> =>
  vscode.commands.executeCommand<InsertionResult | undefined>('briefing.insertCitation', style ? { passageId, style } : { passageId });

describe('citations and quotes in a real editor', () => {
  before(activate);
  afterEach(async () => {
    await setSetting('citation.style', undefined);
    await setSetting('quote.form', undefined);
    await closeAllEditors();
  });

  it('numbers footnotes over several insertions and reuses the number of a source cited again', async () => {
    const editor = await openDraft('Defense spending rose. Ceasefire talks stalled. NATO pledged more.', 'markdown', 22);
    assert.equal((await cite(WTN))?.marker, '[^1]');
    editor.selection = new vscode.Selection(editor.document.positionAt(editor.document.getText().indexOf('stalled.') + 8), editor.document.positionAt(editor.document.getText().indexOf('stalled.') + 8));
    assert.equal((await cite(LENNON))?.marker, '[^2]');
    const end = editor.document.getText().indexOf('more.') + 5;
    select(editor, end, end);
    assert.equal((await cite(WTN_NATO))?.marker, '[^1]', 'the same source keeps its number');
    assert.equal(
      editor.document.getText(),
      'Defense spending rose.[^1] Ceasefire talks stalled.[^2] NATO pledged more.[^1]\n\n' +
        `${WTN_FOOTNOTE}\n` +
        '[^2]: Jhon Lennon, “Russia-Ukraine Peace Talks: Latest Updates”, n.d. <!-- briefing:latest-updates-lennon -->\n',
    );
  });

  it('keeps existing footnotes and their numbers', async () => {
    const draft = 'Old claim.[^7] New claim.\n\n[^7]: An interview, 12 May.\n';
    const editor = await openDraft(draft, 'markdown', draft.indexOf('New claim.') + 10);
    await cite(WTN);
    assert.equal(editor.document.getText(), `Old claim.[^7] New claim.[^8]\n\n[^7]: An interview, 12 May.\n${WTN_FOOTNOTE.replace('[^1]', '[^8]')}\n`);
  });

  it('undoes a citation, marker and definition together, in one step', async () => {
    const draft = 'A claim that needs a source.';
    const editor = await openDraft(draft, 'markdown');
    await cite(WTN);
    assert.notEqual(editor.document.getText(), draft);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), draft);
  });

  it('writes each style, with a references section created once', async () => {
    const editor = await openDraft('First. Second.', 'markdown', 6);
    await cite(WTN, 'apa');
    select(editor, editor.document.getText().indexOf('Second.') + 7, editor.document.getText().indexOf('Second.') + 7);
    await cite(WTN_NATO, 'apa');
    const text = editor.document.getText();
    assert.equal(text, 'First. (World Today News, 2025) Second. (World Today News, 2025)\n\n## References\n\n- World Today News. (2025, June). *Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds*.\n');
    assert.equal(text.match(/## References/g)?.length, 1);

    const styles: Array<[string, RegExp]> = [
      ['inline', /^x \(World Today News, \*Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds\*, June 2025, “Economic Impact on Russia”\)$/],
      ['chicago', /^x \(World Today News 2025\)\n\n## References\n\n- World Today News\. 2025\. “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds\.”\n$/],
      ['plain', /^x \(Source: World Today News, "Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds", June 2025, section "Economic Impact on Russia"\)$/],
      ['latex', /^x\\footnote\{World Today News, \\emph\{Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds\}, June 2025, “Economic Impact on Russia”\.\}$/],
    ];
    for (const [style, expected] of styles) {
      const draft = await openDraft('x', 'markdown');
      await cite(WTN, style);
      assert.match(draft.document.getText(), expected, style);
    }
  });

  it('chooses the style by language unless the user set one, and follows a settings change at once', async () => {
    const latex = await openDraft('Spending rose.', 'latex');
    await cite(WTN);
    assert.match(latex.document.getText(), /^Spending rose\.\\footnote\{World Today News/);

    await setSetting('citation.style', 'chicago');
    const markdown = await openDraft('Spending rose.', 'markdown');
    await cite(WTN);
    assert.match(markdown.document.getText(), /^Spending rose\. \(World Today News 2025\)\n\n## References/);
  });

  it('inserts a citation after a selected claim, never over it', async () => {
    const claim = 'Russia spends 6.3% of its GDP on defense';
    const editor = await openDraft(`${claim}, analysts say.`, 'plaintext');
    select(editor, 0, claim.length);
    await cite(WTN);
    assert.ok(editor.document.getText().startsWith(`${claim} (Source: World Today News`));
    assert.ok(editor.document.getText().endsWith('), analysts say.'));
  });

  it('quotes the source verbatim, inline inside a sentence and as a block on an empty line', async () => {
    const quote = 'This increased expenditure has contributed to inflation within Russia, which the government is actively trying to combat.';
    const editor = await openDraft('The article notes:', 'markdown');
    const inline = await vscode.commands.executeCommand<InsertionResult>('briefing.insertQuote', { passageId: WTN, quote });
    assert.equal(inline.inserted, true);
    assert.equal(editor.document.getText(), `The article notes: “${quote}”[^1]\n\n${WTN_FOOTNOTE}\n`);

    const block = await openDraft('Putin on the cost:\n\n', 'markdown');
    // The whole passage, not Putin's words alone (which a quick pick would offer first).
    await vscode.commands.executeCommand('briefing.insertQuote', { passageId: 'wtn-talks-stall#economic-impact-on-russia-2', style: 'inline', speakerWords: false });
    assert.equal(
      block.document.getText(),
      'Putin on the cost:\n\n> “It’s a lot,” Putin acknowledged. “we paid for it with inflation, but now we are fighting this inflation.”\n>\n> — World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025\n',
    );
  });

  it('refuses a quote the source does not contain word for word', async () => {
    const editor = await openDraft('Quote:', 'markdown');
    const result = await vscode.commands.executeCommand('briefing.insertQuote', { passageId: WTN, quote: 'Defense spending is 7% of GDP.' });
    assert.equal(result, undefined);
    assert.equal(editor.document.getText(), 'Quote:');
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
    await eventually(() => draft.document.getText().startsWith('Claim.[^1]'), 'the citation in the draft');
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
