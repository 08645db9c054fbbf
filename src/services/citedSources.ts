import type { Corpus } from '../core/corpus';
import { citedSourceIds } from '../core/cite/footnotes';
import { formatCitation, type CitationStyle } from '../core/cite/styles';
import type { DraftTracker } from '../editor/draftTracker';
import { settings } from './settings';

/** Which sources the draft being written already cites, so they can rank first. */
export class CitedSources {
  constructor(private readonly drafts: DraftTracker) {}

  /** Ids of the documents cited in the current draft, by marker or by their in-text citation. */
  docIds(corpus: Corpus): Set<string> {
    const editor = this.drafts.target();
    if (!editor) return new Set();
    const text = editor.document.getText();
    const ids = citedSourceIds(text);
    const style: CitationStyle = settings.citationStyle(editor.document.languageId);
    for (const document of corpus.documents) {
      const first = document.passages[0];
      if (!first || ids.has(document.meta.id)) continue;
      const { inText } = formatCitation(first, document.meta, style);
      const sourceOnly = inText.replace(/, “[^”]*”\)$/, ')');
      if (inText && (text.includes(inText) || (sourceOnly.length > 4 && text.includes(sourceOnly)))) ids.add(document.meta.id);
    }
    return ids;
  }

  /** Passages of the cited documents. */
  passageIds(corpus: Corpus): Set<string> {
    const ids = new Set<string>();
    for (const docId of this.docIds(corpus)) for (const passage of corpus.document(docId)?.passages ?? []) ids.add(passage.id);
    return ids;
  }
}
