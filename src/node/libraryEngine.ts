import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { hashSources, loadOrBuildBundle } from '../core/bundle';
import type { RawSource } from '../core/corpus';
import { parseManifest } from '../core/manifest';
import type { SourceDocument } from '../core/model';
import type { SkippedFile } from '../core/sources/fileContent';
import { analyseCorpus, type CorpusAnalysis } from '../core/brief/briefing';
import { defaultTopics, parseTopics } from '../core/brief/topics';
import type { Topic } from '../core/brief/types';
import { SourceIndex } from '../core/sourceIndex';
import { collectSourceFiles, looksUnchanged, readSourceFile } from './userFiles';

/** Where the sources are and how to treat them. */
export interface EngineOptions {
  /** The extension (or repository) folder holding data/ and dist/bundled-index.json. */
  readonly extensionPath: string;
  /** Folders and files of the user's own sources. */
  readonly roots: readonly string[];
  readonly includeBundled: boolean;
  readonly maxFileBytes: number;
  /** Where the index is saved between sessions; none for a one-off (the CLI). */
  readonly cachePath?: string;
  /** A JSON file of extra briefing topics (briefing.topics.file). */
  readonly topicsPath?: string;
}

/** How loading went, for the status bar and the output channel. */
export interface LoadReport {
  readonly documents: number;
  readonly passages: number;
  readonly userFiles: number;
  readonly reread: number;
  readonly skipped: readonly SkippedFile[];
  readonly problems: readonly string[];
  readonly fromCache: boolean;
  readonly cancelled: boolean;
  readonly notes: readonly string[];
}

/** What a batch of file changes did. */
export interface UpdateReport {
  readonly updated: number;
  readonly removed: number;
  readonly skipped: readonly SkippedFile[];
  readonly problems: readonly string[];
  /** Old passage id → new passage id for passages that moved with a renamed or edited file. */
  readonly renamedPassages: ReadonlyArray<readonly [string, string]>;
}

const PROGRESS_EVERY = 25;

/**
 * Builds and maintains the searchable index of the bundled corpus and the
 * user's files: loads the saved index when it matches, re-reads only files
 * whose content changed, skips what cannot be indexed (with the reason),
 * and saves the result. Used by the index worker and the CLI alike.
 */
export class LibraryEngine {
  private sourceIndex: SourceIndex | undefined;
  private bundledRaw = new Map<string, string>();
  private cancelRequested = false;
  private analysis: CorpusAnalysis | undefined;
  private topicList: { topics: readonly Topic[]; problem?: string } | undefined;

  constructor(private readonly options: EngineOptions) {}

  get index(): SourceIndex {
    if (!this.sourceIndex) throw new Error('the library is not loaded yet');
    return this.sourceIndex;
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  /** People, facts, stances, timeline and differences of the whole corpus, computed once per change. */
  analyse(): CorpusAnalysis {
    this.analysis ??= analyseCorpus(this.index.corpus);
    return this.analysis;
  }

  /** The bundled topics and the user's own (a bad topics file is reported, not fatal). */
  async topics(): Promise<{ topics: readonly Topic[]; problem?: string }> {
    if (this.topicList) return this.topicList;
    const path = this.options.topicsPath;
    if (!path) return (this.topicList = { topics: defaultTopics() });
    try {
      const extra = parseTopics(await readFile(path, 'utf8'));
      const ids = new Set(extra.map((topic) => topic.id));
      this.topicList = { topics: [...defaultTopics().filter((topic) => !ids.has(topic.id)), ...extra] };
    } catch (error) {
      this.topicList = { topics: defaultTopics(), problem: `Could not read the topics file ${path}: ${(error as Error).message}` };
    }
    return this.topicList;
  }

  async load(onProgress: (done: number, total: number) => void = () => {}): Promise<LoadReport> {
    this.cancelRequested = false;
    const notes: string[] = [];
    const bundled = this.options.includeBundled ? await this.readBundledSources() : [];
    const bundledHash = bundled.length > 0 ? hashSources(bundled) : 'none';

    let sourceIndex: SourceIndex | undefined;
    let fromCache = false;
    if (this.options.cachePath) {
      const cached = await readFile(this.options.cachePath, 'utf8').catch(() => undefined);
      if (cached !== undefined) {
        const restored = SourceIndex.fromCache(cached, bundledHash);
        if ('sourceIndex' in restored) {
          sourceIndex = restored.sourceIndex;
          fromCache = true;
        } else {
          notes.push(`Discarded the saved index and rebuilt it: ${restored.problem}.`);
        }
      }
    }
    if (!sourceIndex) {
      const serialized = await readFile(path.join(this.options.extensionPath, 'dist', 'bundled-index.json'), 'utf8').catch(() => undefined);
      const bundle = bundled.length > 0 ? loadOrBuildBundle(serialized, bundled) : undefined;
      if (bundle?.rebuiltBecause && serialized !== undefined) notes.push(`Rebuilt the bundled index: ${bundle.rebuiltBecause}.`);
      sourceIndex = SourceIndex.fromBundle(bundle?.bundle, bundledHash);
    }
    this.sourceIndex = sourceIndex;

    const { files, skipped } = await collectSourceFiles(this.options.roots);
    const problems: string[] = [];
    const wanted = new Set(files);
    for (const known of [...sourceIndex.fileRecords().keys()]) if (!wanted.has(known)) sourceIndex.removeFile(known);
    let reread = 0;
    let done = 0;
    for (const file of files) {
      if (this.cancelRequested) break;
      const known = sourceIndex.fileRecords().get(file);
      if (known && (await looksUnchanged(file, known))) {
        if (++done % PROGRESS_EVERY === 0 || done === files.length) onProgress(done, files.length);
        continue;
      }
      const read = await readSourceFile(file, this.options.maxFileBytes);
      if ('skipped' in read) {
        skipped.push(read.skipped);
        sourceIndex.removeFile(file);
      } else if (!sourceIndex.isCurrent(file, read.file.text)) {
        const update = sourceIndex.upsertFile(read.file);
        problems.push(...update.problems.map((problem) => `${file}: ${problem}`));
        reread++;
      }
      if (++done % PROGRESS_EVERY === 0 || done === files.length) onProgress(done, files.length);
    }
    if (reread > 0 || !fromCache) await this.save();
    this.analysis = undefined;
    const topics = await this.topics();
    if (topics.problem) notes.push(topics.problem);
    return {
      documents: sourceIndex.corpus.documents.length,
      passages: sourceIndex.corpus.passageCount,
      userFiles: sourceIndex.fileRecords().size,
      reread,
      skipped,
      problems,
      fromCache,
      cancelled: this.cancelRequested,
      notes,
    };
  }

  /**
   * Applies a batch of file changes (a save, a `git checkout`): changed
   * files are re-read, deleted ones dropped; a file deleted and created
   * elsewhere with the same text keeps its passages' pins.
   */
  async update(changed: readonly string[], deleted: readonly string[]): Promise<UpdateReport> {
    const index = this.index;
    const removed = new Map<string, SourceDocument>();
    for (const file of deleted) {
      const record = index.fileRecords().get(file);
      const document = index.removeFile(file);
      if (record && document) removed.set(record.hash, document);
    }
    const { files, skipped } = await collectSourceFiles(changed.filter((file) => !deleted.includes(file)));
    const problems: string[] = [];
    const renamedPassages: Array<readonly [string, string]> = [];
    let updated = 0;
    for (const file of files) {
      const read = await readSourceFile(file, this.options.maxFileBytes);
      if ('skipped' in read) {
        skipped.push(read.skipped);
        index.removeFile(file);
        continue;
      }
      if (index.isCurrent(file, read.file.text)) continue;
      const previous = removed.get(SourceIndex.hashOf(read.file.text));
      const result = index.upsertFile(read.file, previous);
      problems.push(...result.problems.map((problem) => `${file}: ${problem}`));
      renamedPassages.push(...result.renamedPassages);
      updated++;
    }
    if (updated > 0 || deleted.length > 0) {
      this.analysis = undefined;
      await this.save();
    }
    return { updated, removed: deleted.length, skipped, problems, renamedPassages };
  }

  /** The text of a document as its file has it. */
  async rawText(docId: string): Promise<string | undefined> {
    const bundled = this.bundledRaw.get(docId);
    if (bundled !== undefined) return bundled;
    const meta = this.index.corpus.meta(docId);
    if (!meta || meta.origin !== 'user') return undefined;
    return readFile(meta.file, 'utf8').catch(() => undefined);
  }

  private async readBundledSources(): Promise<RawSource[]> {
    const dataDir = path.join(this.options.extensionPath, 'data');
    const hints = parseManifest(await readFile(path.join(dataDir, 'sources.json'), 'utf8'));
    const sources = await Promise.all(hints.map(async (hint) => ({ raw: await readFile(path.join(dataDir, hint.file), 'utf8'), hints: hint })));
    this.bundledRaw = new Map(sources.map((source) => [source.hints.id, source.raw]));
    return sources;
  }

  /** Writes the cache atomically: a crash mid-write leaves the old cache, never half a file. */
  private async save(): Promise<void> {
    const cachePath = this.options.cachePath;
    if (!cachePath) return;
    await mkdir(path.dirname(cachePath), { recursive: true });
    const temporary = `${cachePath}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.index.toCache()));
    await rename(temporary, cachePath);
  }
}
