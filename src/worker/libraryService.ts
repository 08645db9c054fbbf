import { bibliographiesNamedIn } from '../core/cite/draftBibliography';
import { citedSourceIds } from '../core/cite/footnotes';
import type { SourceLookup } from '../core/cite/sourceLookup';
import { LibraryEngine } from '../node/libraryEngine';
import { userDocumentId } from '../core/sources/userSource';
import { cardFromPassage } from '../views/passageCards';
import { citationAt } from '../core/checks/citationAt';
import { citedDocIdsInOrder } from '../core/checks/tidyFootnotes';
import { localCitations, type CitationCalls, type CitationSources } from './citationCalls';
import { exportSources, lookupOf } from './citationService';
import type { LibraryApi } from './libraryApi';
import { PreferredPassages } from './preferredPassages';
import { isArchiveId } from '../core/archive/archiveIds';
import type { Corpus } from '../core/corpus';
import type { Passage } from '../core/model';
import type { PassageCard } from '../protocol';
import type { ArchiveReader } from '../node/archive/archiveReader';
import { ArchiveService, type ArchiveStatus } from '../node/archive/archiveService';
import { loadMeaningResources, type MeaningResources } from '../node/meaningResources';
import type { SearchIndex } from '../core/search/searchIndex';

// The briefing and the writing checks bring the NLP libraries (compromise, chrono-node): most of the worker's
// start-up. They load on first use, so the first search does not wait for them; so does what merges the archive's share into them.
const briefing = () => import('../core/brief/briefing');
// The home's statements and a passage's speaker's words read sentences with compromise too.
const briefingHome = () => import('../core/briefingHome');
const statements = () => import('../core/statements/speakerWords');
const statementsFromStance = () => import('../core/statements/fromStance');
const briefingMarkdown = () => import('../core/brief/markdown');
const draftReport = () => import('./draftReport');
const archiveSide = () => import('./archiveSide');

/**
 * The library's answers, computed where the index lives: in the worker for
 * the extension, in-process for the CLI.
 */
export function createLibraryService(
  onProgress: (done: number, total: number) => void,
  onArchiveStatus: (status: ArchiveStatus) => void = () => {},
  /** Where citeproc-js runs: in-process by default; the index worker gives it a thread of its own. */
  makeCitations: (extensionPath: string) => CitationCalls = localCitations,
): LibraryApi {
  const archive = new ArchiveService(onArchiveStatus);
  /** An archive answer when the id is an archive's and the archive answers; null otherwise. */
  const fromArchive = async <T>(id: string, read: (reader: ArchiveReader) => Promise<T | undefined>): Promise<T | null> => {
    if (!isArchiveId(id) || !archive.configured) return null;
    const answer = await archive.use(read);
    return 'value' in answer ? (answer.value ?? null) : null;
  };
  let latest: LibraryEngine | undefined;
  const preferredPassages = new PreferredPassages();
  // Meaning search: on unless the setting says otherwise; its resources are read once, when the extension says
  // the setting after the load (or a search by meaning asks), in the background.
  let meaningEnabled = true;
  let meaning: MeaningResources | undefined;
  let meaningLoad: Promise<string | null> | undefined;
  let extensionPath: string | undefined;
  const startMeaning = (): Promise<string | null> => {
    if (!meaningLoad && extensionPath) {
      meaningLoad = loadMeaningResources(extensionPath).then(
        (resources) => ((meaning = resources), null),
        (error: Error) => error.message,
      );
    }
    return meaningLoad ?? Promise.resolve(null);
  };
  /** The index with meaning search as the setting asks, once its resources are in. */
  const withMeaning = (index: SearchIndex): SearchIndex => {
    const wanted = meaningEnabled && meaning !== undefined;
    if (wanted && !index.hasMeaning) index.useMeaning(meaning!.vectors, meaning!.synonyms);
    else if (!wanted && index.hasMeaning) index.useMeaning(undefined);
    return index;
  };
  let loading: Promise<unknown> = Promise.resolve();
  let citations: CitationCalls | undefined;
  /** The sources as citations see them, made again after each load or update; `version` counts those states. */
  let lookup: { engine: LibraryEngine; lookup: SourceLookup } | undefined;
  let sourcesVersion = 0;
  const lookupFor = (engine: LibraryEngine): SourceLookup => {
    if (lookup?.engine !== engine) lookup = { engine, lookup: lookupOf(engine.index.corpus) };
    return lookup.lookup;
  };
  const sourcesChanged = (): void => {
    lookup = undefined;
    sourcesVersion++;
  };
  /**
   * The passage and sources a citation needs: the local ones, or, when the
   * passage or a source cited in the draft is the archive's, the archive's
   * passage and the metadata of those sources added.
   */
  const citationSources = async (engine: LibraryEngine, passageId: string, draft = ''): Promise<{ passage: Passage | undefined; sources: CitationSources }> => {
    const corpus = engine.index.corpus;
    const local = { passage: corpus.passage(passageId), sources: localSources(engine) };
    const archiveDocs = [...new Set([passageId.split('#')[0], ...citedSourceIds(draft)])].filter((id) => isArchiveId(id) && !corpus.meta(id));
    if (archiveDocs.length === 0 || !archive.configured) return local;
    const answer = await archive.use(async (reader) => ({ found: await reader.passage(passageId), metas: await reader.metas(archiveDocs) }));
    if ('unavailable' in answer) throw new Error(`the archive is unavailable: ${answer.unavailable}`);
    const { found, metas } = answer.value;
    return { passage: found ? found.passage : local.passage, sources: { metas: () => [...corpus.documents.map((document) => document.meta), ...metas] } };
  };
  /** The library's own sources, in this state of the library. */
  const localSources = (engine: LibraryEngine): CitationSources => ({ version: sourcesVersion, metas: () => engine.index.corpus.documents.map((document) => document.meta) });
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
      sourcesChanged();
      extensionPath = options.extensionPath;
      if (!citations) citations = makeCitations(options.extensionPath);
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
        sourcesChanged();
      }
    },
    async search(query, limit, preferredDocIds, meaning) {
      const engine = await current();
      const { corpus, index } = engine.index;
      // Only a search asked to be by meaning is: it waits for the vectors (read once, from setMeaning on); one by words never does.
      const byMeaning = meaning === true && meaningEnabled;
      if (byMeaning) await startMeaning();
      const hits = withMeaning(index).search(query, { limit, preferred: preferredPassages.of(corpus, preferredDocIds), meaning: byMeaning });
      if (!byMeaning || !index.hasMeaning || !/^\s*who\b/i.test(query)) return hits;
      // "Who …" by meaning: the people and roles the briefing read answer first, with the passages that say so.
      const roles = (await engine.analyse()).entities.flatMap((entity) =>
        entity.kind === 'person' ? entity.roles.map((role) => ({ person: entity.name, role: role.role, passageIds: role.citations.map((citation) => citation.passageId) })) : [],
      );
      const answers = index.answerWho(query, roles);
      const answered = new Set(answers.map((hit) => hit.passage.id));
      return [...answers, ...hits.filter((hit) => !answered.has(hit.passage.id))].slice(0, limit);
    },
    async setMeaning(enabled) {
      meaningEnabled = enabled;
      return enabled ? startMeaning() : null;
    },
    async suggest(query) {
      return (await current()).index.index.suggest(query);
    },
    async citable(passageId) {
      const { corpus } = (await current()).index;
      const passage = corpus.passage(passageId);
      const meta = passage && corpus.meta(passage.docId);
      return passage && meta ? { passage, meta } : fromArchive(passageId, (reader) => reader.passage(passageId));
    },
    async documents() {
      return (await current()).index.corpus.documents.map((document) => ({ meta: document.meta, sections: document.sections, passages: document.passages.length }));
    },
    async document(docId) {
      return (await current()).index.corpus.document(docId) ?? fromArchive(docId, (reader) => reader.document(docId));
    },
    async rawText(docId) {
      const engine = await current();
      return (await engine.rawText(docId)) ?? fromArchive(docId, (reader) => reader.rawText(docId));
    },
    async home() {
      const engine = await current();
      const { buildHome } = await briefingHome();
      return buildHome(engine.index.corpus, await engine.analyse(), (await engine.topics()).topics);
    },
    async topic(topicOrText) {
      const engine = await current();
      const { corpus, index } = engine.index;
      const [{ buildTopicPage }, { withArchiveTopic }] = await Promise.all([briefing(), archiveSide()]);
      const page = buildTopicPage(corpus, index, topicOrText, { topics: (await engine.topics()).topics }, await engine.analyse());
      const { buildTopicView } = await briefingHome();
      const local = buildTopicView(corpus, page, (passageId, quote) => topicCard(corpus, passageId, quote));
      return withArchiveTopic(archive, local, topicOrText, (await engine.topics()).topics, topicCard);
    },
    async briefing(topic) {
      const engine = await current();
      const { buildBriefing } = await briefing();
      return buildBriefing(engine.index.corpus, engine.index.index, topic, { topics: (await engine.topics()).topics });
    },
    async briefingMarkdown(topic) {
      const engine = await current();
      const [{ buildBriefing }, { briefingToMarkdown }] = await Promise.all([briefing(), briefingMarkdown()]);
      return briefingToMarkdown(buildBriefing(engine.index.corpus, engine.index.index, topic, { topics: (await engine.topics()).topics }));
    },
    async checkDraft(draft, options) {
      const engine = await current();
      const [{ checkDraft }, { withArchiveFindings }] = await Promise.all([draftReport(), archiveSide()]);
      return withArchiveFindings(archive, draft, checkDraft(draft, engine.index.corpus, await engine.analyse(), options), options);
    },
    async claims(draft, offset) {
      const { corpus, index } = (await current()).index;
      const [{ claimReports }, { withArchiveClaims }] = await Promise.all([draftReport(), archiveSide()]);
      return withArchiveClaims(archive, draft, offset, claimReports(draft, offset, corpus, index));
    },
    async tidy(draft, style) {
      const engine = await current();
      return citations!.tidy(draft, style, localSources(engine));
    },
    async citationAt(draft, offset) {
      const engine = await current();
      return citationAt(draft, offset, engine.index.corpus, lookupFor(engine)) ?? null;
    },
    async speakerWords(passageId) {
      const [analysis, { spokenSentenceOf }, { speakerWords }] = await Promise.all([(await current()).analyse(), statementsFromStance(), statements()]);
      const seen = new Set<string>();
      return analysis.stances
        .flatMap((group) => group.stances)
        .filter((stance) => stance.citation.passageId === passageId)
        .flatMap((stance) => speakerWords(spokenSentenceOf(stance, analysis.entities)))
        .filter((words) => !seen.has(words.words) && seen.add(words.words) !== undefined);
    },
    async configureArchive(config) {
      return archive.configure(config);
    },
    async reconnectArchive() {
      return archive.reconnect();
    },
    async archiveSearch(query, limit, preferredDocIds) {
      // Read with the library's alias table when the library is loaded (an archive search never waits for it).
      return archive.search(query, limit, preferredDocIds, latest?.index.index.aliases);
    },
    async clip(url, folder, options) {
      // Fetching and reading pages (an HTTP client, a DOM) loads on first use, not with the worker.
      const [{ clipPage }, { PageFetchError }] = await Promise.all([import('../node/clipPage'), import('../node/pageFetch')]);
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
      sourcesChanged();
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
      const { passage, sources } = await citationSources(engine, request.passageId, request.draft);
      return citations!.plan(request, passage, sources);
    },
    async warmCitations(style) {
      await current();
      return citations!.warm(style);
    },
    async citationText(passageId, options) {
      const engine = await current();
      const { passage, sources } = await citationSources(engine, passageId);
      return citations!.text(passageId, passage, options, sources);
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

/** A topic page's card: the passage with the sentence the page is about as its snippet; no reader's pins yet. */
function topicCard(corpus: Corpus, passageId: string, quote: string): PassageCard | undefined {
  const passage = corpus.passage(passageId);
  const meta = passage && corpus.meta(passage.docId);
  if (!passage || !meta) return undefined;
  const card = cardFromPassage(passage, meta, { pinned: new Set<string>(), citedDocs: new Set<string>() });
  return quote && passage.text.includes(quote) ? { ...card, snippet: quote } : card;
}
