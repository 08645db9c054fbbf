import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { hashSources, loadOrBuildBundle } from '../core/bundle';
import type { RawSource } from '../core/corpus';
import type { SourceDocument } from '../core/model';
import { isBinaryFormat, sourceFormatOf, type SkippedFile } from '../core/sources/fileContent';
import { readUserSource, shownTextOf } from '../core/sources/readSource';
import type { CorpusAnalysis } from '../core/brief/briefing';
import { defaultTopics, parseTopics } from '../core/brief/topics';
import type { Topic } from '../core/brief/types';
import { SourceIndex } from '../core/sourceIndex';
import { asciiJson } from '../core/text/asciiJson';
import { contentHash } from '../core/text/hash';
import { readManifestSources } from './bundledSources';
import { collectSourceFiles, looksUnchanged, readSourceFile, sourceArea, type SourceArea } from './userFiles';

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
  /** The extension's version: a saved index from another version is rebuilt (its parser may differ). */
  readonly version?: string;
  /** briefing.sources.followLinksOutside: links in the source folders may lead outside them. */
  readonly followLinksOutside?: boolean;
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
  /** Where the time went, in ms: reading the saved index, restoring it, checking the files, re-reading changed ones, saving. */
  readonly phasesMs: { readonly read: number; readonly restore: number; readonly check: number; readonly reread: number; readonly save: number };
}

/** What a batch of file changes did. */
export interface UpdateReport {
  readonly updated: number;
  readonly removed: number;
  readonly skipped: readonly SkippedFile[];
  readonly problems: readonly string[];
  /** Old passage id → new passage id for passages that moved with a renamed or edited file. */
  readonly renamedPassages: ReadonlyArray<readonly [string, string]>;
  /** What went wrong beside the files themselves (the index could not be saved). */
  readonly notes: readonly string[];
}

const PROGRESS_EVERY = 25;
/** How many files' sizes and times are asked for at once when the saved index is checked. */
const CHECKS_AT_ONCE = 64;
/** Makes each save's temporary file name unique (with the process and thread ids): concurrent saves never share one. */
let saveCount = 0;

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
  private analysis: Promise<CorpusAnalysis> | undefined;
  private topicList: { topics: readonly Topic[]; problem?: string } | undefined;
  /** Where files may be read from: the source folders (links resolved), set by load. */
  private area: SourceArea | undefined;

  constructor(private readonly options: EngineOptions) {}

  get index(): SourceIndex {
    if (!this.sourceIndex) throw new Error('the library is not loaded yet');
    return this.sourceIndex;
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  /**
   * People, facts, stances, timeline and differences of the whole corpus,
   * computed once per change. The analysis brings the NLP libraries, most
   * of the worker's start-up: loaded on first use, so a search never waits
   * for them.
   */
  analyse(): Promise<CorpusAnalysis> {
    if (this.analysis) return this.analysis;
    const corpus = this.index.corpus;
    const analysis = import('../core/brief/briefing').then(({ analyseCorpus }) => analyseCorpus(corpus));
    this.analysis = analysis;
    // A failure is not kept: the next call tries again.
    analysis.catch(() => {
      if (this.analysis === analysis) this.analysis = undefined;
    });
    return analysis;
  }

  /** The bundled topics (only with the bundled sources) and the user's own (a bad topics file is reported, not fatal). */
  async topics(): Promise<{ topics: readonly Topic[]; problem?: string }> {
    if (this.topicList) return this.topicList;
    const bundled = this.options.includeBundled ? defaultTopics() : [];
    const path = this.options.topicsPath;
    if (!path) return (this.topicList = { topics: bundled });
    try {
      const extra = parseTopics(await readFile(path, 'utf8'));
      const ids = new Set(extra.map((topic) => topic.id));
      this.topicList = { topics: [...bundled.filter((topic) => !ids.has(topic.id)), ...extra] };
    } catch (error) {
      this.topicList = { topics: bundled, problem: `Could not read the topics file ${path}: ${(error as Error).message}` };
    }
    return this.topicList;
  }

  async load(onProgress: (done: number, total: number) => void = () => {}): Promise<LoadReport> {
    this.cancelRequested = false;
    const notes: string[] = [];
    const phases = { read: 0, restore: 0, check: 0, reread: 0, save: 0 };
    let phaseStart = performance.now();
    const phaseEnd = (phase: keyof typeof phases): void => {
      const now = performance.now();
      phases[phase] += now - phaseStart;
      phaseStart = now;
    };
    const bundled = this.options.includeBundled ? await this.readBundledSources() : [];
    const bundledHash = bundled.length > 0 ? hashSources(bundled) : 'none';
    // The saved index is only trusted when built from the same bundled sources by the same version of Briefing.
    const cacheKey = this.options.version ? contentHash(`${bundledHash}\n${this.options.version}`) : bundledHash;

    let sourceIndex: SourceIndex | undefined;
    let fromCache = false;
    /** Something untrusted was dropped from the saved index: it is saved again without it. */
    let pruned = false;
    if (this.options.cachePath) {
      const cached = await readFile(this.options.cachePath, 'utf8').catch(() => undefined);
      phaseEnd('read');
      if (cached !== undefined) {
        const restored = SourceIndex.fromCache(cached, cacheKey, new Set(this.bundledRaw.keys()));
        if ('sourceIndex' in restored) {
          sourceIndex = restored.sourceIndex;
          fromCache = true;
          if (restored.pruned.length > 0) {
            pruned = true;
            const listed = restored.pruned.slice(0, 5).join('; ');
            notes.push(`Pruned from the saved index: ${listed}${restored.pruned.length > 5 ? `; and ${restored.pruned.length - 5} more` : ''}.`);
          }
        } else {
          notes.push(`Discarded the saved index and rebuilt it: ${restored.problem}.`);
        }
      }
    }
    if (!sourceIndex) {
      const serialized = await readFile(path.join(this.options.extensionPath, 'dist', 'bundled-index.json'), 'utf8').catch(() => undefined);
      const bundle = bundled.length > 0 ? loadOrBuildBundle(serialized, bundled) : undefined;
      if (bundle?.rebuiltBecause && serialized !== undefined) notes.push(`Rebuilt the bundled index: ${bundle.rebuiltBecause}.`);
      sourceIndex = SourceIndex.fromBundle(bundle?.bundle, cacheKey);
    }
    this.sourceIndex = sourceIndex;
    phaseEnd('restore');

    this.area = await sourceArea(this.options.roots, this.options.followLinksOutside ?? false);
    const { files, skipped } = await collectSourceFiles(this.options.roots, this.area);
    const problems: string[] = [];
    const wanted = new Set(files);
    let changed = 0;
    for (const known of [...sourceIndex.fileRecords().keys()]) {
      if (!wanted.has(known) && sourceIndex.removeFile(known)) changed++;
    }
    let reread = 0;
    let done = 0;
    const unchanged = await this.unchangedFiles(files, sourceIndex);
    for (const file of files) {
      if (this.cancelRequested) break;
      if (unchanged.has(file)) {
        if (++done % PROGRESS_EVERY === 0 || done === files.length) onProgress(done, files.length);
        continue;
      }
      phaseEnd('check');
      const read = await readSourceFile(file, this.options.maxFileBytes, this.area);
      if ('skipped' in read) {
        skipped.push(read.skipped);
        if (sourceIndex.removeFile(file)) changed++;
      } else if (!sourceIndex.isCurrent(read.file)) {
        const outcome = await readUserSource(read.file);
        if ('skipped' in outcome) {
          skipped.push({ path: file, ...outcome.skipped });
          if (sourceIndex.removeFile(file)) changed++;
        } else {
          const update = sourceIndex.upsertFile(read.file, outcome);
          problems.push(...update.problems.map((problem) => `${file}: ${problem}`));
          reread++;
        }
      } else if (sourceIndex.touch(file, read.file.sizeBytes ?? read.file.text.length, read.file.modifiedMs ?? 0)) {
        // Same text, new time stamp (a checkout, a copy): remember it so the file is not read again next start.
        changed++;
      }
      phaseEnd('reread');
      if (++done % PROGRESS_EVERY === 0 || done === files.length) onProgress(done, files.length);
    }
    phaseEnd('check');
    // A cancelled load holds part of the files: saving it would replace a complete index with a partial one.
    if (!this.cancelRequested && (reread > 0 || changed > 0 || pruned || !fromCache)) await this.save(notes);
    phaseEnd('save');
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
      phasesMs: { read: Math.round(phases.read), restore: Math.round(phases.restore), check: Math.round(phases.check), reread: Math.round(phases.reread), save: Math.round(phases.save) },
    };
  }

  /**
   * Adds a folder to where files may be read from, before the settings name
   * it: the clippings folder Briefing itself writes to at the user's request.
   */
  async includeFolder(folder: string): Promise<void> {
    const added = await sourceArea([folder]);
    const area = this.area ?? (await sourceArea(this.options.roots, this.options.followLinksOutside ?? false));
    this.area = { ...area, realRoots: [...area.realRoots, ...added.realRoots.filter((root) => !area.realRoots.includes(root))] };
  }

  /**
   * The files whose size and modification time are what the saved index
   * recorded: they are not read again (nor hashed). Asked many at a time,
   * since a library of thousands of files otherwise waits on one file
   * system call after another.
   */
  private async unchangedFiles(files: readonly string[], sourceIndex: SourceIndex): Promise<Set<string>> {
    const unchanged = new Set<string>();
    for (let start = 0; start < files.length && !this.cancelRequested; start += CHECKS_AT_ONCE) {
      const batch = files.slice(start, start + CHECKS_AT_ONCE);
      const same = await Promise.all(
        batch.map((file) => {
          const known = sourceIndex.fileRecords().get(file);
          return known ? looksUnchanged(file, known) : false;
        }),
      );
      batch.forEach((file, i) => {
        if (same[i]) unchanged.add(file);
      });
    }
    return unchanged;
  }

  /**
   * Applies a batch of file changes (a save, a `git checkout`): changed
   * files are re-read, deleted ones dropped; a file deleted and created
   * elsewhere with the same text keeps its passages' pins.
   */
  async update(changed: readonly string[], deleted: readonly string[]): Promise<UpdateReport> {
    const index = this.index;
    const removed = new Map<string, SourceDocument>();
    let removedFiles = 0;
    for (const deletedPath of deleted) {
      // A deleted folder comes as one event for the folder: its files go with it.
      const under = deletedPath + path.sep;
      const gone = [...index.fileRecords().values()].filter((record) => record.path === deletedPath || record.path.startsWith(under));
      for (const record of gone) {
        const document = index.removeFile(record.path);
        if (!document) continue;
        removed.set(record.hash, document);
        removedFiles++;
      }
    }
    const deletedSet = new Set(deleted);
    const { files, skipped } = await collectSourceFiles(changed.filter((file) => !deletedSet.has(file)), this.area);
    const problems: string[] = [];
    const renamedPassages: Array<readonly [string, string]> = [];
    let updated = 0;
    for (const file of files) {
      const read = await readSourceFile(file, this.options.maxFileBytes, this.area);
      if ('skipped' in read) {
        skipped.push(read.skipped);
        index.removeFile(file);
        continue;
      }
      if (index.isCurrent(read.file)) {
        // Saved with the next change; until then the next start reads this file once more.
        index.touch(file, read.file.sizeBytes ?? read.file.text.length, read.file.modifiedMs ?? 0);
        continue;
      }
      const outcome = await readUserSource(read.file);
      if ('skipped' in outcome) {
        skipped.push({ path: file, ...outcome.skipped });
        index.removeFile(file);
        continue;
      }
      const previous = removed.get(SourceIndex.hashOf(read.file));
      const result = index.upsertFile(read.file, outcome, previous);
      problems.push(...result.problems.map((problem) => `${file}: ${problem}`));
      renamedPassages.push(...result.renamedPassages);
      updated++;
    }
    const notes: string[] = [];
    if (updated > 0 || removedFiles > 0) {
      this.analysis = undefined;
      await this.save(notes);
    }
    return { updated, removed: removedFiles, skipped, problems, renamedPassages, notes };
  }

  /**
   * The text of a document as its file has it. Only a file the index holds
   * a record of is read, only inside the source folders, and only as any
   * source file is read (regular, within the size limit, decoded the same
   * way, so offsets match the passages).
   */
  async rawText(docId: string): Promise<string | undefined> {
    const bundled = this.bundledRaw.get(docId);
    if (bundled !== undefined) return bundled;
    const meta = this.index.corpus.meta(docId);
    if (!meta || meta.origin !== 'user') return undefined;
    const record = this.index.fileRecords().get(meta.file);
    if (!record || record.docId !== docId || !this.area) return undefined;
    const read = await readSourceFile(meta.file, this.options.maxFileBytes, this.area);
    if ('skipped' in read) return undefined;
    // A PDF or Word file is shown as the text Briefing read from it (passages point into that text).
    return isBinaryFormat(meta.format ?? sourceFormatOf(meta.file)) ? shownTextOf(read.file) : read.file.text;
  }

  private async readBundledSources(): Promise<RawSource[]> {
    // Six small files, read here in the worker: the same reader the CLI and the tests use.
    const sources = readManifestSources(path.join(this.options.extensionPath, 'data'));
    this.bundledRaw = new Map(sources.map((source) => [source.hints.id, source.raw]));
    return sources;
  }

  /**
   * Writes the cache atomically: a crash mid-write leaves the old cache, never half a file.
   * A cache that cannot be written (a full disk, read-only storage) is noted, not fatal:
   * the index in memory is fine, and the next start rebuilds what it cannot restore.
   */
  /** True once the index was last written to the cache file (false when it could not be). */
  saved = false;

  private async save(notes: string[]): Promise<void> {
    const cachePath = this.options.cachePath;
    if (!cachePath) return;
    this.saved = false;
    const temporary = `${cachePath}.${process.pid}-${threadId}-${++saveCount}.tmp`;
    try {
      await mkdir(path.dirname(cachePath), { recursive: true });
      await writeFile(temporary, asciiJson(this.index.toCache()));
      await rename(temporary, cachePath);
      this.saved = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      notes.push(`Could not save the index to ${cachePath} (${code ?? (error as Error).message}); searching works, but the next start may take longer.`);
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
