import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'briefing-dev.briefing';

/** Result of the insert commands, as the extension returns it. */
export interface InsertionResult {
  readonly inserted: boolean;
  readonly marker?: string;
  readonly problem?: string;
}

const EXTENSIONS: Readonly<Record<string, string>> = { markdown: 'md', plaintext: 'txt', latex: 'tex' };
let draftCount = 0;

/**
 * Opens a new draft file in the test workspace with the given text and
 * language, the cursor at `cursor` (default: the end). Files, not untitled
 * documents: VS Code reuses untitled names, and a closed one can linger.
 */
export async function openDraft(text: string, language = 'markdown', cursor?: number): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the tests run with a workspace folder open');
  const uri = vscode.Uri.joinPath(folder, `drafts/draft-${Date.now()}-${++draftCount}.${EXTENSIONS[language] ?? 'txt'}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  const position = document.positionAt(cursor ?? text.length);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** Selects [start, end) of the editor's text. */
export function select(editor: vscode.TextEditor, start: number, end: number): void {
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
}

export async function closeAllEditors(): Promise<void> {
  // A dirty draft would ask to be saved, and dialogs do not show in a test run: discard each one first.
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Waits until `check` passes or the time is up, then asserts it once more for a clear message. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(await check(), `timed out waiting for ${what}`);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('briefing').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function activate(): Promise<void> {
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
}
