import { citedSourceIds } from '../core/cite/footnotes';
import { formatCitation } from '../core/cite/styles';
import { LibraryEngine } from '../node/libraryEngine';
import { clipPage } from '../node/clipPage';
import { PageFetchError } from '../node/pageFetch';
import { userDocumentId } from '../core/sources/userSource';
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
  let latest: LibraryEngine | undefined;
  let loading: Promise<unknown> = Promise.resolve();
  /** The engine once its load has finished; a call made during a (re)load waits for it, and for any load started meanwhile. */
  const current = async (): Promise<LibraryEngine> => {
    for (let awaited: Promise<unknown> | undefined; awaited !== loading; ) {
      awaited = loading;
      await awaited.catch(() => undefined);
    }
    if (!latest) throw new Error('the library is not loaded yet');
    return latest;
  };
  return {
    async load(options) {
      latest?.cancel();
      const next = new LibraryEngine(options);
      latest = next;
      const report = next.load(onProgress);
      loading = report;
      return report;
    },
    async cancel() {
      latest?.cancel();
    },
    async update(changed, deleted) {
      return (await current()).update(changed, deleted);
    },
    async search(query, limit, preferredDocIds) {
      const { corpus, index } = (await current()).index;
      const docs = new Set(preferredDocIds);
      const preferred = new Set(corpus.passages.filter((passage) => docs.has(passage.docId)).map((passage) => passage.id));
      return index.search(query, { limit, preferred });
    },
    async suggest(query) {
      return (await current()).index.index.suggest(query);
    },
    async citable(passageId) {
      const { corpus } = (await current()).index;
      const passage = corpus.passage(passageId);
      const meta = passage && corpus.meta(passage.docId);
      return passage && meta ? { passage, meta } : null;
    },
    async documents() {
      return (await current()).index.corpus.documents.map((document) => ({ meta: document.meta, sections: document.sections, passages: document.passages.length }));
    },
    async document(docId) {
      return (await current()).index.corpus.document(docId) ?? null;
    },
    async rawText(docId) {
      const engine = await current();
      return (await engine.rawText(docId)) ?? null;
    },
    async home() {
      const engine = await current();
      return buildHome(engine.index.corpus, engine.analyse(), (await engine.topics()).topics);
    },
    async topic(topicOrText) {
      const engine = await current();
      const { corpus, index } = engine.index;
      const page = buildTopicPage(corpus, index, topicOrText, { topics: (await engine.topics()).topics }, engine.analyse());
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
      const engine = await current();
      return buildBriefing(engine.index.corpus, engine.index.index, topic, { topics: (await engine.topics()).topics });
    },
    async briefingMarkdown(topic) {
      const engine = await current();
      return briefingToMarkdown(buildBriefing(engine.index.corpus, engine.index.index, topic, { topics: (await engine.topics()).topics }));
    },
    async checkDraft(draft) {
      const engine = await current();
      return checkDraft(draft, engine.index.corpus, engine.analyse());
    },
    async claims(draft, offset) {
      const { corpus, index } = (await current()).index;
      return claimReports(draft, offset, corpus, index);
    },
    async tidy(draft) {
      return tidyFootnotes(draft, (await current()).index.corpus);
    },
    async citationAt(draft, offset) {
      return citationAt(draft, offset, (await current()).index.corpus) ?? null;
    },
    async clip(url, folder, options) {
      let clipped;
      try {
        clipped = await clipPage(url, folder, options);
      } catch (error) {
        if (error instanceof PageFetchError) return { problem: error.message };
        throw error;
      }
      const engine = await current();
      // The clippings folder becomes a source folder (the command adds it to the settings next).
      await engine.includeFolder(folder);
      const report = await engine.update([clipped.path], []);
      const docId = userDocumentId(clipped.path);
      const document = engine.index.corpus.document(docId);
      if (!document) return { problem: report.skipped[0]?.detail ?? report.problems[0] ?? `the clipping ${clipped.path} was saved but could not be indexed` };
      return { ...clipped, docId, passages: document.passages.length };
    },
    async citedDocIds(draft, style) {
      const ids = citedSourceIds(draft);
      for (const document of (await current()).index.corpus.documents) {
        const first = document.passages[0];
        if (!first || ids.has(document.meta.id)) continue;
        // An in-text citation names the source; the section part differs from passage to passage.
        const { page: _page, lastPage: _lastPage, ...withoutPage } = first;
        const inText = formatCitation(withoutPage, document.meta, style).inText.replace(/, “[^”]*”\)$/, ')');
        if (inText.length > 4 && draft.includes(inText)) ids.add(document.meta.id);
      }
      return [...ids];
    },
  };
}
