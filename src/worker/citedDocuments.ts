import { citedSourceIds } from '../core/cite/footnotes';
import { formatCitation, type CitationStyle } from '../core/cite/styles';
import type { Corpus } from '../core/corpus';

/**
 * Which sources a draft cites: by Briefing's own markers, or by a
 * source's in-text citation written into the draft. The in-text form of
 * every source is worked out once per library version and style, and the
 * answer is kept for the draft last asked about: the panel asks on every
 * keystroke of a search while the draft stays the same.
 */
export class CitedDocuments {
  private inText: { corpus: Corpus; version: number; style: CitationStyle; forms: ReadonlyArray<readonly [string, string]> } | undefined;
  private last: { corpus: Corpus; version: number; style: CitationStyle; draft: string; ids: readonly string[] } | undefined;

  ids(corpus: Corpus, draft: string, style: CitationStyle): string[] {
    const last = this.last;
    if (last && last.corpus === corpus && last.version === corpus.version && last.style === style && last.draft === draft) return [...last.ids];
    const ids = citedSourceIds(draft);
    for (const [docId, form] of this.inTextForms(corpus, style)) if (!ids.has(docId) && draft.includes(form)) ids.add(docId);
    this.last = { corpus, version: corpus.version, style, draft, ids: [...ids] };
    return [...ids];
  }

  /** Each source's in-text citation, as a draft would show it; the section part differs from passage to passage, so it is left out. */
  private inTextForms(corpus: Corpus, style: CitationStyle): ReadonlyArray<readonly [string, string]> {
    const cached = this.inText;
    if (cached && cached.corpus === corpus && cached.version === corpus.version && cached.style === style) return cached.forms;
    const forms: Array<readonly [string, string]> = [];
    for (const document of corpus.documents) {
      const first = document.passages[0];
      if (!first) continue;
      // Without the page, which differs from passage to passage as the section does.
      const { page: _page, lastPage: _lastPage, ...withoutPage } = first;
      const form = formatCitation(withoutPage, document.meta, style).inText.replace(/, “[^”]*”\)$/, ')');
      if (form.length > 4) forms.push([document.meta.id, form]);
    }
    this.inText = { corpus, version: corpus.version, style, forms };
    return forms;
  }
}
