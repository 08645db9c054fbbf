import * as vscode from 'vscode';
import type { Library } from '../services/library';
import type { Log } from '../services/log';
import { settings } from '../services/settings';

const DEBOUNCE_MS = 500;

/**
 * Above each sentence of the paragraph at the cursor: how many sources
 * support it (and whether a single outlet is all the support), with one
 * click to cite the best passage at the end of the sentence.
 */
export class ClaimLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly library: Library,
    private readonly log: Log,
  ) {
    this.subscription = vscode.window.onDidChangeTextEditorSelection((event) => {
      if (!settings.claimLensesEnabled() || !settings.checksEnabledFor(event.textEditor.document.languageId)) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(), DEBOUNCE_MS);
    });
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const editor = vscode.window.activeTextEditor;
    if (!settings.claimLensesEnabled() || !settings.checksEnabledFor(document.languageId) || editor?.document !== document) return [];
    const offset = document.offsetAt(editor.selection.active);
    const version = document.version;
    const claims = await this.library.claims(document.getText(), offset, document.uri.toString()).catch((error: unknown) => {
      this.log.error('Could not weigh the sources for the paragraph at the cursor', error);
      return [];
    });
    return claims.flatMap((claim) => {
      const range = new vscode.Range(document.positionAt(claim.span.start), document.positionAt(claim.span.start));
      // Headings are titles, not claims.
      if (/^\s*(#|\\(sub)*section\{)/.test(document.lineAt(range.start.line).text)) return [];
      if (!claim.best || claim.documents === 0) {
        return new vscode.CodeLens(range, { title: 'no support found in your sources', command: '' });
      }
      const sources = shortList(claim.outlets);
      const title = claim.singleOutlet ? `only ${sources} supports this · cite` : `${claim.documents} sources support this (${sources}) · cite`;
      return new vscode.CodeLens(range, {
        title,
        tooltip: `“${claim.best.quote}” — ${claim.best.source}`,
        command: 'briefing.insertCitation',
        // The offset holds for this version of this draft only: the command refuses it once the text changed.
        arguments: [{ passageId: claim.best.passageId, at: claim.span.end, uri: document.uri.toString(), version }],
      });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Source names for a lens: at most two, each cut short, then "+N". */
function shortList(names: readonly string[]): string {
  const cut = (name: string): string => (name.length <= 28 ? name : `${name.slice(0, 27).trimEnd()}…`);
  const shown = names.slice(0, 2).map(cut).join(', ');
  return names.length > 2 ? `${shown} +${names.length - 2}` : shown;
}
