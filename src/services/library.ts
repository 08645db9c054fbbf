import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportFormat } from '../core/cite/exportSources';
import type { SourceDocument } from '../core/model';
import type { SearchHit, Suggestion } from '../core/search/searchIndex';
import type { LoadReport, UpdateReport } from '../node/libraryEngine';
import type { BriefingHome, TopicView } from '../protocol';
import type { CitablePassage, ClipOutcome, DocumentOverview } from '../worker/libraryApi';
import type { PageFetchOptions } from '../node/pageFetch';
import type { CitationPlan, CitationRequest, StyleOptions } from '../worker/citationService';
import type { ClaimReport, DraftCheckOptions, DraftFinding } from '../worker/draftReport';
import type { CitationTarget } from '../core/checks/citationAt';
import type { TidyResult } from '../core/checks/tidyFootnotes';
import type { SpeakerWords } from '../core/statements/speakerWords';
import type { ArchiveAnswer, ArchiveConfig, ArchiveStatus } from '../node/archive/archiveService';
import type { Log } from './log';
import { settings } from './settings';
import { resolveSourceRoots } from './sourceRoots';
import { WorkerClient } from './workerClient';

export type { CitablePassage };

/**
 * The sources Briefing searches: the bundled corpus and the user's own
 * folders, indexed in a worker thread so the extension host never stalls.
 * Loads on first use, not at activation.
 */
export class Library implements vscode.Disposable {
  private readonly client: WorkerClient;
  private loading: Promise<LoadReport> | undefined;
  private progress: ((done: number, total: number) => void) | undefined;
  /** Updates and reloads run one after another: an update never interleaves with another, or with a reload. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  /** When the worker stopped lately, to tell a crash loop from a crash. */
  private stops: number[] = [];
  private disposed = false;
  private readonly renamed = new vscode.EventEmitter<ReadonlyArray<readonly [string, string]>>();
  /** Fires after the sources were loaded again or updated. */
  readonly onDidChange = this.changed.event;
  /** Fires with old → new passage ids when a file's passages moved (a rename, an edit above them). */
  readonly onDidRenamePassages = this.renamed.event;
  private readonly archiveStatusChanged = new vscode.EventEmitter<ArchiveStatus>();
  /** Fires when the shared archive connects, fails, or asks for a password. */
  readonly onDidChangeArchiveStatus = this.archiveStatusChanged.event;
  /** The archive the worker was last told to use; told again after a worker restart. */
  private archiveConfig: ArchiveConfig | null = null;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly storageUri: vscode.Uri,
    private readonly log: Log,
    /** The extension's version: the saved index of another version is rebuilt. */
    private readonly version?: string,
  ) {
    this.client = new WorkerClient(
      vscode.Uri.joinPath(extensionUri, 'dist', 'indexWorker.js').fsPath,
      (done, total) => this.progress?.(done, total),
      (reason) => this.workerStopped(reason),
      { onNotes: (notes) => notes.forEach((note) => log.warn(note)), onArchiveStatus: (status) => this.archiveStatusChanged.fire(status) },
    );
  }

  /**
   * The worker died (out of memory, a crash): its calls failed with the
   * reason. It is started again and the sources loaded (from the saved
   * index), so the editor keeps working; after three deaths in two minutes
   * it is left stopped until the next call, so one bad input cannot make it
   * restart forever.
   */
  private workerStopped(reason: string): void {
    const wasLoaded = this.loading !== undefined;
    this.loading = undefined;
    if (this.disposed || (reason === 'exit code 1' && !wasLoaded)) return;
    const now = Date.now();
    this.stops = [...this.stops.filter((at) => now - at < 120_000), now];
    if (this.stops.length > 3) {
      this.log.error(`The index worker stopped (${reason}), the fourth time in two minutes; it is not restarted until the next search.`);
      return;
    }
    this.log.error(`The index worker stopped (${reason}); restarting it.`);
    if (wasLoaded) void this.ready().catch(() => undefined);
  }

  /** Loads the sources if they are not loaded yet; resolves with how it went. */
  ready(): Promise<LoadReport> {
    if (!this.loading) {
      this.loading = this.load().catch((error: unknown) => {
        this.loading = undefined;
        this.log.error('Could not load the sources', error);
        throw error;
      });
      // Once loaded, whatever waits on the sources (the checks of drafts already open) can run.
      this.loading.then(() => this.changed.fire(), () => undefined);
    }
    return this.loading;
  }

  /** True once loading has started. */
  get started(): boolean {
    return this.loading !== undefined;
  }

  /** Reloads with the current settings (sources added or removed, bundled corpus switched). */
  reload(): Promise<LoadReport> {
    return this.serially(async () => {
      await this.client.api.cancel().catch(() => undefined);
      this.loading = undefined;
      const report = await this.ready();
      this.changed.fire();
      return report;
    });
  }

  /** Tells the worker whether to rank by meaning (briefing.search.meaning); a problem loading its resources is logged. */
  async applyMeaning(): Promise<void> {
    const problem = await this.client.api.setMeaning(settings.searchMeaning()).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (problem) this.log.warn(problem);
  }

  /** Ranked hits; by meaning too when `meaning` is true and the setting is on, else by words, as while the user types. */
  async search(query: string, limit: number, preferredDocIds: readonly string[] = [], meaning?: boolean): Promise<SearchHit[]> {
    await this.ready();
    return this.client.api.search(query, limit, preferredDocIds, meaning);
  }

  /** Uses a shared archive (null: none); resolves with its status once it answered or failed. */
  async useArchive(config: ArchiveConfig | null): Promise<ArchiveStatus> {
    this.archiveConfig = config;
    return this.client.api.configureArchive(config);
  }

  reconnectArchive(): Promise<ArchiveStatus> {
    return this.client.api.reconnectArchive();
  }

  /** The archive's hits, or none (with the reason) when it is off, down or slow: never an exception. */
  async archiveSearch(query: string, limit: number, preferredDocIds: readonly string[] = []): Promise<ArchiveAnswer<SearchHit[]>> {
    if (!this.archiveConfig) return { unavailable: 'no archive is set up' };
    return this.client.api.archiveSearch(query, limit, preferredDocIds).catch((error: unknown) => ({ unavailable: error instanceof Error ? error.message : String(error) }));
  }

  async suggest(query: string): Promise<Suggestion[]> {
    await this.ready();
    return this.client.api.suggest(query);
  }

  /** A passage and its source, or a clear error for an unknown id. */
  async citable(passageId: string): Promise<CitablePassage> {
    await this.ready();
    const found = await this.client.api.citable(passageId);
    if (!found) throw new UnknownPassageError(passageId);
    return found;
  }

  /** The passages of these ids that exist, in order. */
  async citables(passageIds: readonly string[]): Promise<CitablePassage[]> {
    await this.ready();
    const found = await Promise.all(passageIds.map((id) => this.client.api.citable(id)));
    return found.filter((item): item is CitablePassage => item !== null);
  }

  async documents(): Promise<DocumentOverview[]> {
    await this.ready();
    return this.client.api.documents();
  }

  async document(docId: string): Promise<SourceDocument | undefined> {
    await this.ready();
    return (await this.client.api.document(docId)) ?? undefined;
  }

  /** The original text of a document, exactly as its file has it. */
  async rawText(docId: string): Promise<string | undefined> {
    await this.ready();
    return (await this.client.api.rawText(docId)) ?? undefined;
  }

  async home(): Promise<BriefingHome> {
    await this.ready();
    return this.client.api.home();
  }

  async topic(topicOrText: string): Promise<TopicView> {
    await this.ready();
    return this.client.api.topic(topicOrText);
  }

  async briefingMarkdown(topic?: string): Promise<string> {
    await this.ready();
    return this.client.api.briefingMarkdown(topic);
  }

  /** Checks a draft; `key` (the document's URI) lets a newer check of the same document replace one still queued. */
  async checkDraft(draft: string, options?: DraftCheckOptions, key?: string): Promise<DraftFinding[]> {
    await this.ready();
    return key === undefined ? this.client.api.checkDraft(draft, options) : this.client.callKeyed(key, 'checkDraft', draft, options);
  }

  async claims(draft: string, offset: number, key?: string): Promise<ClaimReport[]> {
    await this.ready();
    return key === undefined ? this.client.api.claims(draft, offset) : this.client.callKeyed(key, 'claims', draft, offset);
  }

  async tidy(draft: string, style?: StyleOptions): Promise<TidyResult> {
    await this.ready();
    return this.client.api.tidy(draft, style);
  }

  /** Plans a citation or quote in the worker (citeproc-js runs there, never on the extension host). */
  async planCitation(request: CitationRequest): Promise<CitationPlan> {
    await this.ready();
    return this.client.api.planCitation(request);
  }

  async citationText(passageId: string, options: StyleOptions & { readonly pandoc?: boolean; readonly locator?: string }): Promise<string> {
    await this.ready();
    return this.client.api.citationText(passageId, options);
  }

  /** The bibliography files a draft's front matter names (YAML is read in the worker, keeping it out of activation). */
  async bibliographiesNamedIn(draft: string): Promise<string[]> {
    return this.client.api.bibliographiesNamedIn(draft);
  }

  async exportSources(format: ExportFormat, docIds?: readonly string[]): Promise<string> {
    await this.ready();
    return this.client.api.exportSources(format, docIds);
  }

  async citationAt(draft: string, offset: number): Promise<CitationTarget | undefined> {
    await this.ready();
    return (await this.client.api.citationAt(draft, offset)) ?? undefined;
  }

  async speakerWords(passageId: string): Promise<SpeakerWords[]> {
    await this.ready();
    return this.client.api.speakerWords(passageId);
  }

  async citedDocIds(draft: string): Promise<string[]> {
    await this.ready();
    return this.client.api.citedDocIds(draft);
  }

  /** Clips a web page into `folder` (fetched and read in the worker) and indexes it. */
  async clip(url: string, folder: string, options: PageFetchOptions): Promise<ClipOutcome> {
    await this.ready();
    return this.serially(async () => {
      const outcome = await this.client.api.clip(url, folder, options);
      if (!('problem' in outcome)) this.changed.fire();
      return outcome;
    });
  }

  /** Applies a batch of file changes from the watcher. */
  applyChanges(changed: readonly string[], deleted: readonly string[]): Promise<UpdateReport | undefined> {
    return this.serially(async () => {
      if (!this.loading) return undefined;
      await this.loading;
      const report = await this.client.api.update(changed, deleted);
      this.reportSkips(report.skipped);
      for (const problem of report.problems) this.log.warn(problem);
      for (const note of report.notes) this.log.warn(note);
      if (report.updated + report.removed > 0) {
        this.log.info(`Updated ${report.updated} and removed ${report.removed} source file(s).`);
        if (report.renamedPassages.length > 0) this.renamed.fire(report.renamedPassages);
        this.changed.fire();
      }
      return report;
    });
  }

  /** Runs a task once the tasks queued before it have finished (whether or not they failed). */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async load(): Promise<LoadReport> {
    const started = Date.now();
    const roots = await resolveSourceRoots(settings.sourceEntries());
    for (const missing of roots.missing) this.log.warn(`Source "${missing}" matches no folder or file; skipped.`);
    const options = {
      extensionPath: this.extensionUri.fsPath,
      roots: roots.paths,
      includeBundled: settings.includeBundled(),
      maxFileBytes: settings.maxFileBytes(),
      followLinksOutside: settings.followLinksOutside(),
      cachePath: path.join(this.storageUri.fsPath, 'index-cache.json'),
      ...(settings.topicsFile() ? { topicsPath: settings.topicsFile() } : {}),
      ...(this.version ? { version: this.version } : {}),
    };
    // A restarted worker knows neither the meaning setting nor the archive yet: tell it again.
    void this.applyMeaning();
    if (this.archiveConfig) void this.client.api.configureArchive(this.archiveConfig).catch(() => undefined);
    const run = (): Promise<LoadReport> => this.client.api.load(options);
    const report =
      roots.paths.length === 0
        ? await run()
        : await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Briefing: indexing your sources', cancellable: true },
            async (progress, token) => {
              token.onCancellationRequested(() => void this.client.api.cancel());
              let reported = 0;
              this.progress = (done, total) => {
                progress.report({ message: `${done.toLocaleString()} of ${total.toLocaleString()} files`, increment: ((done - reported) / Math.max(total, 1)) * 100 });
                reported = done;
              };
              try {
                return await run();
              } finally {
                this.progress = undefined;
              }
            },
          );
    for (const note of report.notes) this.log.warn(note);
    for (const problem of report.problems) this.log.warn(problem);
    // Now the worker knows where its meaning resources are: a problem reading them is reported.
    void this.applyMeaning();
    // The citation style is built on its own thread now, so the first citation does not wait a second for citeproc-js.
    void this.client.api.warmCitations({ style: settings.defaultCitationStyle(), locale: settings.defaultCitationLocale() }).catch(() => undefined);
    this.reportSkips(report.skipped);
    const from = report.fromCache ? `from the saved index (${report.reread} file(s) re-read)` : 'freshly';
    this.log.info(
      `Loaded ${report.passages.toLocaleString()} passages from ${report.documents} documents (${report.userFiles} of your files) ${from} in ${Date.now() - started} ms${report.cancelled ? '; indexing was cancelled, so some files are missing' : ''}.`,
    );
    return report;
  }

  private reportSkips(skipped: LoadReport['skipped']): void {
    for (const skip of skipped) this.log.warn(`Skipped ${skip.path}: ${skip.detail ?? skip.reason} (${skip.reason}).`);
  }

  dispose(): void {
    this.disposed = true;
    this.client.dispose();
    this.changed.dispose();
    this.renamed.dispose();
    this.archiveStatusChanged.dispose();
  }
}

/** Thrown for a passage id no source has; its message is fit to show a user. */
export class UnknownPassageError extends Error {
  constructor(passageId: string) {
    super(`Briefing has no passage "${passageId.slice(0, 120)}".`);
  }
}
