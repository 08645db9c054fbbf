import { bibliographiesNamedIn } from '../core/cite/draftBibliography';
import { citedSourceIds } from '../core/cite/footnotes';
import type { SourceLookup } from '../core/cite/sourceLookup';
import { DEFAULT_STYLE } from '../core/cite/styles';
import { CitationStyles } from '../node/citationStyles';
import { LibraryEngine } from '../node/libraryEngine';
import { clipPage } from '../node/clipPage';
import { PageFetchError } from '../node/pageFetch';
import { userDocumentId } from '../core/sources/userSource';
import { buildBriefing, buildTopicPage } from '../core/brief/briefing';
import { briefingToMarkdown } from '../core/brief/markdown';
import { buildHome, buildTopicView } from '../core/briefingHome';
import { cardFromPassage } from '../views/passageCards';
import { citationAt } from '../core/checks/citationAt';
import { citedDocIdsInOrder, tidyFootnotes } from '../core/checks/tidyFootnotes';
import { citationText, citerFor, exportSources, lookupOf, planInsertion } from './citationService';
import { checkDraft, claimReports } from './draftReport';
import type { LibraryApi } from './libraryApi';

/**
 * The library's answers, computed where the index lives: in the worker for
 * the extension, in-process for the CLI.
 */
export function createLibraryService(onProgress: (done: number, total: number) => void): LibraryApi {
  let latest: LibraryEngine | undefined;
  let loading: Promise<unknown> = Promise.resolve();
  let styles: CitationStyles | undefined;
  /** The sources as citations see them, made again after each load or update. */
  let lookup: { engine: LibraryEngine; lookup: SourceLookup } | undefined;
  const lookupFor = (engine: LibraryEngine): SourceLookup => {
    if (lookup?.engine !== engine) lookup = { engine, lookup: lookupOf(engine.index.corpus) };
    return lookup.lookup;
  };
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
      lookup = undefined;
      if (!styles) styles = new CitationStyles(options.extensionPath);
      const report = next.load(onProgress);
      loading = report;
      return report;
    },
    async cancel() {
      latest?.cancel();
    },
    async update(changed, deleted) {
      const engine = await current();
      try {
        return await engine.update(changed, deleted);
      } finally {
        lookup = undefined;
      }
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
    async tidy(draft, style) {
      const engine = await current();
      const notes: string[] = [];
      const citer = citerFor(lookupFor(engine), styles!, style ?? { style: DEFAULT_STYLE, locale: 'en-US' }, notes);
      return tidyFootnotes(draft, citer);
    },
    async citationAt(draft, offset) {
      const engine = await current();
      return citationAt(draft, offset, engine.index.corpus, lookupFor(engine)) ?? null;
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
    async citedDocIds(draft) {
      const engine = await current();
      const found = lookupFor(engine);
      const ids = new Set([...citedSourceIds(draft), ...citedDocIdsInOrder(draft, { lookup: found })]);
      // In-text citations ("(Lennon, n.d.)") and reference entries name their source.
      for (const match of draft.matchAll(/\((?:[^()\n]|\([^()\n]*\))*\)|^[-*+][ \t]+.+$/gm)) {
        const docId = found.docIdCitedBy(match[0]);
        if (docId) ids.add(docId);
      }
      return [...ids];
    },
    async planCitation(request) {
      const engine = await current();
      return planInsertion(request, engine.index.corpus, lookupFor(engine), styles!);
    },
    async citationText(passageId, options) {
      const engine = await current();
      return citationText(passageId, options, engine.index.corpus, lookupFor(engine), styles!);
    },
    async bibliographiesNamedIn(draft) {
      return bibliographiesNamedIn(draft);
    },
    async exportSources(format, docIds) {
      const engine = await current();
      return exportSources(format, engine.index.corpus, lookupFor(engine), docIds);
    },
  };
}
