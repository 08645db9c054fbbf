/**
 * A benchmark corpus as a user's library: a folder of Markdown files
 * (written once under .bench/) and the index the extension saves for it,
 * so that timed runs start as a user's next session does — from the saved
 * index, with every file checked for changes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RawSource } from '../src/core/corpus';
import { LibraryEngine, type EngineOptions, type LoadReport } from '../src/node/libraryEngine';
import { BENCH_DIR, ROOT } from './options';

/** The default of briefing.sources.maxFileSizeKB. */
const MAX_FILE_BYTES = 2048 * 1024;

export interface LibrarySetup {
  /** The folder of Markdown files, one per document. */
  readonly folder: string;
  /** Where the extension keeps its saved index (its storage folder). */
  readonly storage: string;
  /** What the extension passes the index worker for this library, with the settings the child gives it. */
  readonly engineOptions: EngineOptions;
  /** The extension's version, which the saved index is tied to. */
  readonly version: string;
  readonly files: number;
  readonly passages: number;
  /** Sources a draft cites, which search ranks first. */
  readonly citedDocIds: readonly string[];
  /** True when the saved index had to be built in this run (first run, or a new version of Briefing). */
  readonly built: boolean;
  readonly prepareMs: number;
  readonly cacheMB: number;
}

/** Writes each source as a Markdown file under .bench/files-SIZE/ (once). */
export function writeLibraryFolder(size: number, sources: readonly RawSource[]): string {
  const folder = path.join(BENCH_DIR, `files-${size}`);
  if (!existsSync(path.join(folder, '.complete'))) {
    mkdirSync(folder, { recursive: true });
    sources.forEach((source, index) => writeFileSync(path.join(folder, `${String(index).padStart(5, '0')}.md`), `# ${source.hints.title ?? source.hints.id}\n\n${source.raw}`));
    writeFileSync(path.join(folder, '.complete'), '');
  }
  return folder;
}

/**
 * The folder as the extension's library, without the bundled sources (the
 * corpus already holds their passages): loads it once as the extension's
 * worker would, which builds and saves the index the first time and
 * checks it afterwards.
 */
export async function prepareLibrary(size: number, sources: readonly RawSource[]): Promise<LibrarySetup> {
  const folder = writeLibraryFolder(size, sources);
  const storage = path.join(BENCH_DIR, `library-${size}`);
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const engineOptions: EngineOptions = {
    extensionPath: ROOT,
    roots: [folder],
    includeBundled: false,
    maxFileBytes: MAX_FILE_BYTES,
    cachePath: path.join(storage, 'index-cache.json'),
    version,
  };
  const started = performance.now();
  const engine = new LibraryEngine(engineOptions);
  const report: LoadReport = await engine.load();
  const prepareMs = performance.now() - started;
  if (report.skipped.length > 0 || report.problems.length > 0) {
    throw new Error(`the ${size} library folder did not index cleanly: ${[...report.skipped.map((skip) => `${skip.path}: ${skip.reason}`), ...report.problems].slice(0, 3).join('; ')}`);
  }
  if (!engine.saved && !report.fromCache) throw new Error(`the ${size} library's index could not be saved: ${report.notes.join('; ')}`);
  const documents = engine.index.corpus.documents;
  // Two sources cited in the draft, from the middle of the library (neither the first nor the last file).
  const citedDocIds = [documents[Math.floor(documents.length / 3)], documents[Math.floor((2 * documents.length) / 3)]].filter((d) => d !== undefined).map((d) => d.meta.id);
  return {
    folder,
    storage,
    engineOptions,
    version,
    files: report.userFiles,
    passages: report.passages,
    citedDocIds,
    built: !report.fromCache || report.reread > 0,
    prepareMs,
    cacheMB: readFileSync(engineOptions.cachePath!).length / 1e6,
  };
}
