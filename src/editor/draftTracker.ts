import * as vscode from 'vscode';
import { SOURCE_SCHEME } from './sourceViewer';

/**
 * Remembers the editor the user is writing in, so that a citation chosen
 * in the panel or the quick pick (which take focus) lands in the draft,
 * not in a source opened beside it.
 */
export class DraftTracker implements vscode.Disposable {
  private lastDraft: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(readonly isSourceView: (document: vscode.TextDocument) => boolean) {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  /** The active editor if it is a draft, else the last draft editor still visible. */
  target(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && this.isWritable(active)) return active;
    if (this.lastDraft && !this.lastDraft.document.isClosed) {
      const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === this.lastDraft?.document);
      if (visible) return visible;
    }
    return active;
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && this.isWritable(editor)) this.lastDraft = editor;
  }

  private isWritable(editor: vscode.TextEditor): boolean {
    return isDraft(editor.document) && !this.isSourceView(editor.document);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** A document a user writes in: not a source view, not an output or debug pane. */
export function isDraft(document: vscode.TextDocument): boolean {
  return !['output', 'debug', 'vscode-settings', SOURCE_SCHEME].includes(document.uri.scheme) && !document.uri.scheme.startsWith('git');
}
