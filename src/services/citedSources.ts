import type { DraftTracker } from '../editor/draftTracker';
import type { Library } from './library';

/** Which sources the draft being written already cites, so they can rank first. */
export class CitedSources {
  constructor(
    private readonly drafts: DraftTracker,
    private readonly library: Library,
  ) {}

  /** Ids of the documents cited in the current draft, by Briefing's marker or by their in-text citation. */
  async docIds(): Promise<string[]> {
    const editor = this.drafts.target();
    if (!editor) return [];
    return this.library.citedDocIds(editor.document.getText());
  }
}
