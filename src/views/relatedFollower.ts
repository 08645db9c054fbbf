import * as vscode from 'vscode';
import { paragraphAt } from '../core/text/paragraph';
import { relatedQuery, withoutMarkupOf } from '../core/search/relatedQuery';
import { isDraft } from '../editor/draftTracker';
import { settings } from '../services/settings';
import type { PanelProvider } from './panelProvider';

const DEBOUNCE_MS = 400;
const RELATED_CARDS = 5;

/**
 * Keeps the panel's "related to what you are writing" section on the
 * paragraph around the cursor (or the selection), debounced, for prose files.
 */
export class RelatedFollower implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastQuery: string | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly panel: PanelProvider,
    private readonly onError: (error: unknown) => void,
  ) {
    const schedule = (): void => this.schedule();
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection(schedule),
      vscode.window.onDidChangeActiveTextEditor(schedule),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('briefing.panel')) {
          this.lastQuery = undefined;
          schedule();
        }
      }),
      panel.onDidBecomeReady(() => {
        this.lastQuery = undefined;
        this.update().catch((error: unknown) => this.onError(error));
      }),
    ];
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update().catch((error: unknown) => this.onError(error)), DEBOUNCE_MS);
  }

  /** Recomputes the related passages now; exposed for the panel's first load. */
  async update(): Promise<void> {
    if (!this.panel.isVisible) return;
    if (!settings.followCursor()) {
      this.lastQuery = undefined;
      this.panel.post({ type: 'related', context: '', cards: [] });
      return;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isDraft(editor.document) || !settings.followLanguages().includes(editor.document.languageId)) return;
    const document = editor.document;
    const text = document.getText();
    const span = editor.selection.isEmpty ? paragraphAt(text, document.offsetAt(editor.selection.active)) : { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
    const paragraph = text.slice(span.start, span.end);
    const query = relatedQuery(paragraph);
    if (query === this.lastQuery) return;
    this.lastQuery = query;
    const cards = query ? await this.panel.search(query, RELATED_CARDS) : [];
    const caption = withoutMarkupOf(paragraph);
    this.panel.post({ type: 'related', context: caption.length > 80 ? `${caption.slice(0, 79)}…` : caption, cards });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
