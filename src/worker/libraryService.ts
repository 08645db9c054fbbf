import { citedSourceIds } from '../core/cite/footnotes';
import { formatCitation } from '../core/cite/styles';
import { LibraryEngine } from '../node/libraryEngine';
import { buildBriefing, buildTopicPage } from '../core/brief/briefing';
import { briefingToMarkdown } from '../core/brief/markdown';
import { buildHome, buildTopicView } from '../core/briefingHome';
import { cardFromPassage } from '../views/passageCards';
import { citationAt } from '../core/checks/citationAt';
import { tidyFootnotes } from '../core/checks/tidyFootnotes';
import { checkDraft, claimReports } from './draftReport';
import type { LibraryApi } from './libraryApi';

/**
 * The library's answers, computed where the index lives: in the worker for
 * the extension, in-process for the CLI.
 */
export function createLibraryService(onProgress: (done: number, total: number) => void): LibraryApi {
  let engine: LibraryEngine | undefined;
  const loaded = (): LibraryEngine => {
    if (!engine) throw new Error('the library is not loaded yet');
    return engine;
  };
  return {
    async load(options) {
      engine?.cancel();
      engine = new LibraryEngine(options);
      return engine.load(onProgress);
    },
    async cancel() {
      engine?.cancel();
    },
    async update(changed, deleted) {
      return loaded().update(changed, deleted);
    },
    async search(query, limit, preferredDocIds) {
      const { corpus, index } = loaded().index;
      const docs = new Set(preferredDocIds);
      const preferred = new Set(corpus.passages.filter((passage) => docs.has(passage.docId)).map((passage) => passage.id));
      return index.search(query, { limit, preferred });
    },
    async suggest(query) {
      return loaded().index.index.suggest(query);
    },
    async citable(passageId) {
      const { corpus } = loaded().index;
      const passage = corpus.passage(passageId);
      const meta = passage && corpus.meta(passage.docId);
      return passage && meta ? { passage, meta } : null;
    },
    async documents() {
      return loaded().index.corpus.documents.map((document) => ({ meta: document.meta, sections: document.sections, passages: document.passages.length }));
    },
    async document(docId) {
      return loaded().index.corpus.document(docId) ?? null;
    },
    async rawText(docId) {
      return (await loaded().rawText(docId)) ?? null;
    },
    async home() {
      const current = loaded();
      return buildHome(current.index.corpus, current.analyse(), (await current.topics()).topics);
    },
    async topic(topicOrText) {
      const current = loaded();
      const { corpus, index } = current.index;
      const page = buildTopicPage(corpus, index, topicOrText, { topics: (await current.topics()).topics }, current.analyse());
      const noReader = { pinned: new Set<string>(), citedDocs: new Set<string>() };
      return buildTopicView(corpus, page, (passageId, quote) => {
        const passage = corpus.passage(passageId);
        const meta = passage && corpus.meta(passage.docId);
        if (!passage || !meta) return undefined;
        const card = cardFromPassage(passage, meta, noReader);
        const at = passage.text.indexOf(quote);
        return at >= 0 && quote ? { ...card, snippet: quote } : card;
      });
    },
    async briefing(topic) {
      const current = loaded();
      return buildBriefing(current.index.corpus, current.index.index, topic, { topics: (await current.topics()).topics });
    },
    async briefingMarkdown(topic) {
      const current = loaded();
      return briefingToMarkdown(buildBriefing(current.index.corpus, current.index.index, topic, { topics: (await current.topics()).topics }));
    },
    async checkDraft(draft) {
      const current = loaded();
      return checkDraft(draft, current.index.corpus, current.analyse());
    },
    async claims(draft, offset) {
      const { corpus, index } = loaded().index;
      return claimReports(draft, offset, corpus, index);
    },
    async tidy(draft) {
      return tidyFootnotes(draft, loaded().index.corpus);
    },
    async citationAt(draft, offset) {
      return citationAt(draft, offset, loaded().index.corpus) ?? null;
    },
    async citedDocIds(draft, style) {
      const ids = citedSourceIds(draft);
      for (const document of loaded().index.corpus.documents) {
        const first = document.passages[0];
        if (!first || ids.has(document.meta.id)) continue;
        // An in-text citation names the source; the section part differs from passage to passage.
        const inText = formatCitation(first, document.meta, style).inText.replace(/, “[^”]*”\)$/, ')');
        if (inText.length > 4 && draft.includes(inText)) ids.add(document.meta.id);
      }
      return [...ids];
    },
  };
}
