import * as vscode from 'vscode';
import type { DraftTracker } from '../editor/draftTracker';
import type { Command } from './command';
import type { PassagePicker } from './passagePicker';

const MAX_QUERY_CHARS = 300;

/**
 * Briefing: Find Sources for Selection — searches for the selected claim;
 * Enter cites the chosen passage right after the selection.
 */
export class FindSourcesForSelectionCommand implements Command {
  readonly id = 'briefing.findSourcesForSelection';

  constructor(
    private readonly drafts: DraftTracker,
    private readonly picker: PassagePicker,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    const editor = this.drafts.target();
    const selected = typeof arg === 'string' ? arg : editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
    if (!selected.trim()) {
      void vscode.window.showInformationMessage('Briefing: select the words of a claim first, then run “Find Sources for Selection”.');
      return;
    }
    // A finished query (trailing space): every word counts whole, none as a prefix.
    const query = `${selected.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS)} `;
    await this.picker.show({ query, title: 'Briefing: Sources for the Selection' });
  }
}
