import * as vscode from 'vscode';
import type { TidySummary } from '../core/checks/tidyFootnotes';
import type { TextEdit } from '../core/cite/textEdit';
import { citationSetupOf } from '../editor/citationTarget';
import type { Library } from '../services/library';
import type { StyleOptions } from '../worker/citationService';
import type { Command } from './command';

/**
 * Briefing: Tidy Footnotes and References — renumbers footnotes in order of
 * first use, merges duplicate sources, removes unused definitions and stale
 * reference entries, in one undo step; nothing else in the text changes.
 */
export class TidyCitationsCommand implements Command {
  readonly id = 'briefing.tidyCitations';

  constructor(private readonly library: Library) {}

  async execute(): Promise<TidySummary | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Briefing: open a Markdown draft to tidy its footnotes.');
      return undefined;
    }
    const document = editor.document;
    const { edits, summary } = await this.library.tidy(document.getText(), styleOf(document));
    if (edits.length === 0) {
      void vscode.window.setStatusBarMessage('$(check) Briefing: footnotes are already tidy', 4000);
      return summary;
    }
    const applied = await editor.edit((builder) => {
      for (const edit of edits) builder.replace(rangeOf(document, edit), edit.text);
    });
    if (!applied) throw new Error('the editor did not accept the changes: the draft may have changed meanwhile, or be read-only; try again.');
    void vscode.window.setStatusBarMessage(`$(check) Briefing: ${describe(summary)}`, 5000);
    return summary;
  }
}

/** Tidies Markdown footnotes as a draft is saved, when the user opted in. */
export function tidyOnSave(library: Library, enabled: () => boolean): vscode.Disposable {
  return vscode.workspace.onWillSaveTextDocument((event) => {
    if (!enabled() || event.document.languageId !== 'markdown' || event.reason === vscode.TextDocumentSaveReason.AfterDelay) return;
    const document = event.document;
    event.waitUntil(library.tidy(document.getText(), styleOf(document)).then(({ edits }) => edits.map((edit) => vscode.TextEdit.replace(rangeOf(document, edit), edit.text))));
  });
}

/** The style the draft's notes are written in, for its language. */
function styleOf(document: vscode.TextDocument): StyleOptions {
  const setup = citationSetupOf(document);
  return { style: setup.settings.style, locale: setup.settings.locale, ...(setup.baseFolder ? { baseFolder: setup.baseFolder } : {}) };
}

function rangeOf(document: vscode.TextDocument, edit: TextEdit): vscode.Range {
  return new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
}

function describe(summary: TidySummary): string {
  const parts = [
    summary.renumbered && `${summary.renumbered} renumbered`,
    summary.merged && `${summary.merged} merged`,
    summary.removed && `${summary.removed} unused removed`,
    summary.referencesRemoved && `${summary.referencesRemoved} stale references removed`,
    summary.split && `${summary.split} shared notes given their own`,
    summary.rewritten && `${summary.rewritten} notes rewritten full or short`,
  ].filter(Boolean);
  return `footnotes tidied (${parts.join(', ')})`;
}
