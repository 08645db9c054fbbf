import * as vscode from 'vscode';
import type { Library } from '../services/library';
import { settings } from '../services/settings';

/**
 * Which documents the writing checks read: drafts in the checked
 * languages, never a source — neither one Briefing opened to show a
 * passage nor a file that is one of the user's sources.
 */
export class CheckScope implements vscode.Disposable {
  private sourceFiles = new Set<string>();
  private readonly subscription: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires once the sources were loaded again (and which files are sources is known). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly library: Library,
    private readonly isSourceView: (document: vscode.TextDocument) => boolean,
    onError: (error: unknown) => void,
  ) {
    this.subscription = library.onDidChange(() =>
      this.refresh()
        .catch(onError)
        .finally(() => this.changed.fire()),
    );
  }

  /** Whether the checks, hovers, quick fixes and lenses apply to `document`. */
  applies(document: vscode.TextDocument): boolean {
    return settings.checksEnabledFor(document.languageId) && !this.isSourceView(document) && !this.sourceFiles.has(document.uri.toString());
  }

  private async refresh(): Promise<void> {
    const documents = await this.library.documents();
    this.sourceFiles = new Set(documents.flatMap(({ meta }) => (meta.origin === 'user' ? [vscode.Uri.file(meta.file).toString()] : [])));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
