import type * as vscode from 'vscode';
import type { DraftTracker } from '../editor/draftTracker';
import type { Library } from './library';

/**
 * Which sources the draft being written already cites, so they can rank
 * first. The answer is kept until the draft or the library changes: the
 * panel asks on every keystroke of a search.
 */
export class CitedSources implements vscode.Disposable {
  private cached: { readonly key: string; readonly ids: Promise<string[]> } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly drafts: DraftTracker,
    private readonly library: Library,
  ) {
    this.subscription = library.onDidChange(() => (this.cached = undefined));
  }

  /** Ids of the documents cited in the current draft, by Briefing's marker or by their in-text citation. */
  async docIds(): Promise<string[]> {
    const editor = this.drafts.target();
    if (!editor) return [];
    const { document } = editor;
    const key = `${document.uri.toString()}\n${document.version}`;
    if (this.cached?.key !== key) {
      const ids = this.library.citedDocIds(document.getText());
      const entry = { key, ids };
      this.cached = entry;
      // A failed answer is not kept: the next call asks again.
      ids.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return [...(await this.cached.ids)];
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
