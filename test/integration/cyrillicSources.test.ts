import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAllEditors, eventually, setSetting } from './helpers';

const folder = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const source = (name: string): string => path.join(folder(), 'cyrillic', name);

// Real excerpts (test/fixtures/cyrillic), added as a user adds notes: into a folder of their sources.
const RUSSIAN = `---
title: "Ми вистояли"
outlet: Президент України (Офіс Президента України)
date: 2022-02-26
---
Мы видим, что действительно есть выступления ваших граждан против войны. Мы знаем, что многие в России сейчас просто шокированы подлостью и жестокостью власти. Это очень правильная реакция. Я благодарю вас за эту реакцию. Спасибо Леониду Парфенову, Дмитрию Муратову, Юрию Дудю, Лии Ахеджаковой, Валерию Меладзе и тысячам, тысячам других россиян, чья совесть звучит громко.
`;
const UKRAINIAN = `---
title: Звернення Президента України
outlet: Полтавська обласна державна адміністрація
date: 2025-03-21
---
Цієї середи для всіх нас в Україні була дуже позитивна новина – вдалося повернути додому з російського полону ще 197 наших людей.

Ми пам’ятаємо про кожного, хто в полоні, про всіх наших військових, про всіх наших цивільних.
`;

/** Searches from the quick pick and opens the first result; true when it is the expected file. */
async function firstResultIs(query: string, file: string): Promise<boolean> {
  await closeAllEditors();
  await vscode.commands.executeCommand('briefing.search', { query });
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  try {
    await eventually(() => vscode.window.activeTextEditor !== undefined, 'a source to open', 3000);
  } catch {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    return false;
  }
  return vscode.window.activeTextEditor?.document.uri.fsPath === file;
}

describe('Russian and Ukrainian sources', function () {
  this.timeout(120_000);
  before(async () => {
    await activate();
    const write = (name: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.file(source(name)), new TextEncoder().encode(text));
    await write('zelensky-rossiyane.md', RUSSIAN);
    await write('poda-zvernennia.md', UKRAINIAN);
    await setSetting('sources.includeBundled', false);
    await setSetting('search.defaultAction', 'openSource');
    await setSetting('sources.include', ['cyrillic']);
  });
  after(async () => {
    await setSetting('sources.include', undefined);
    await setSetting('sources.includeBundled', undefined);
    await setSetting('search.defaultAction', undefined);
    await closeAllEditors();
  });

  it('finds a Ukrainian source by another case of its words, and the same word with another apostrophe', async () => {
    // "полоном" and "військовими" (instrumental) are not in the text: it says "полону", "полоні" and "військових".
    await eventually(() => firstResultIs('полоном', source('poda-zvernennia.md')), 'the inflected query to open the Ukrainian source', 90_000);
    assert.ok(await firstResultIs('військовими', source('poda-zvernennia.md')));
    assert.ok(await firstResultIs("пам'ятаємо", source('poda-zvernennia.md')), 'a straight apostrophe finds the curly one');
  });

  it('finds a Russian source by the Latin spelling of a name it inflects', async () => {
    await eventually(() => firstResultIs('Muratov', source('zelensky-rossiyane.md')), '"Muratov" to open the source that says "Муратову"', 90_000);
    assert.ok(await firstResultIs('выступлениями граждан', source('zelensky-rossiyane.md')), 'an inflected Russian query');
  });
});
