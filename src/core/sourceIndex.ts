import { checkCache } from './cacheValidation';
import { Corpus } from './corpus';
import type { LoadedBundle } from './bundle';
import type { SourceDocument } from './model';
import { SearchIndex } from './search/searchIndex';
import { fileHash, type SourceOutcome } from './sources/readSource';
import type { UserFile } from './sources/userSource';

/** Bumped whenever what a cache holds changes meaning; older caches are rebuilt. */
export const CACHE_FORMAT = 5;

/** What Briefing knows about a user's file it indexed. */
export interface FileRecord {
  readonly path: string;
  readonly hash: string;
  readonly docId: string;
  readonly size: number;
  readonly modifiedMs: number;
}

/** The persisted index: documents, search index, and the hashes it was built from. */
export interface IndexCache {
  readonly format: number;
  /** Hash of the bundled corpus (or "none" when it is switched off), mixed with the extension's version when the engine knows it. */
  readonly bundledHash: string;
  readonly files: readonly FileRecord[];
  readonly documents: readonly SourceDocument[];
  readonly index: unknown;
}

/** What changed when a file was indexed again. */
export interface FileUpdate {
  readonly docId: string;
  readonly problems: readonly string[];
  /** Passage ids of the file's previous version mapped to the new ones, where the text is unchanged. */
  readonly renamedPassages: ReadonlyMap<string, string>;
}

/**
 * The bundled corpus and the user's own files in one searchable index,
 * updated file by file, and saved with the content hashes it was built
 * from so the next start re-reads only what changed.
 */
export class SourceIndex {
  private readonly files = new Map<string, FileRecord>();

  private constructor(
    readonly corpus: Corpus,
    readonly index: SearchIndex,
    readonly bundledHash: string,
  ) {}

  /** Starts from the bundled corpus (or from nothing, when it is switched off). */
  static fromBundle(bundle: LoadedBundle | undefined, bundledHash: string): SourceIndex {
    if (!bundle) {
      const corpus = new Corpus([]);
      return new SourceIndex(corpus, SearchIndex.build(corpus), bundledHash);
    }
    return new SourceIndex(bundle.corpus, bundle.index, bundledHash);
  }

  /**
   * Restores a saved index, or says in a sentence why it cannot be trusted.
   * The cache is untrusted input: every field is checked (cacheValidation.ts);
   * documents without a file record are pruned, and `pruned` says what was.
   */
  static fromCache(json: string, bundledHash: string, bundledIds: ReadonlySet<string> = new Set()): { sourceIndex: SourceIndex; pruned: readonly string[] } | { problem: string } {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return { problem: 'the saved index is truncated or corrupt (not valid JSON)' };
    }
    const header = parsed as Partial<IndexCache> | null;
    if (header?.format !== CACHE_FORMAT) return { problem: `the saved index has format ${String(header?.format).slice(0, 40)}, this version reads ${CACHE_FORMAT}` };
    if (header.bundledHash !== bundledHash) return { problem: 'the saved index was built from another version of the bundled sources or of Briefing' };
    const checked = checkCache(parsed, bundledIds);
    if ('problem' in checked) return checked;
    try {
      const corpus = new Corpus(checked.cache.documents);
      const index = checked.indexUsable ? SearchIndex.load(corpus, checked.cache.index) : SearchIndex.build(corpus);
      const sourceIndex = new SourceIndex(corpus, index, bundledHash);
      for (const record of checked.cache.files) sourceIndex.files.set(record.path, record);
      return { sourceIndex, pruned: checked.pruned };
    } catch (error) {
      return { problem: `the saved index could not be read (${(error as Error).message})` };
    }
  }

  toCache(): IndexCache {
    return {
      format: CACHE_FORMAT,
      bundledHash: this.bundledHash,
      files: [...this.files.values()],
      documents: this.corpus.documents,
      index: this.index.toJSON(),
    };
  }

  /** The user files indexed, by path. */
  fileRecords(): ReadonlyMap<string, FileRecord> {
    return this.files;
  }

  /** True when the file's content hash matches what was indexed. */
  isCurrent(file: UserFile): boolean {
    return this.files.get(file.path)?.hash === fileHash(file);
  }

  /** Indexes a file read into a document (see readUserSource), replacing its previous version; unchanged passages keep their ids' mapping for pins. */
  upsertFile(file: UserFile, read: Extract<SourceOutcome, { document: unknown }>, previous?: SourceDocument): FileUpdate {
    const { document, problems } = read;
    const old = previous ?? this.corpus.document(document.meta.id);
    this.index.addDocument(document);
    this.files.set(file.path, {
      path: file.path,
      hash: fileHash(file),
      docId: document.meta.id,
      size: file.sizeBytes ?? file.text.length,
      modifiedMs: file.modifiedMs ?? 0,
    });
    return { docId: document.meta.id, problems: [...problems], renamedPassages: matchPassages(old, document) };
  }

  /** Records a file's new size and modification time when its content is unchanged; true when the record changed. */
  touch(path: string, size: number, modifiedMs: number): boolean {
    const record = this.files.get(path);
    if (!record || (record.size === size && record.modifiedMs === modifiedMs)) return false;
    this.files.set(path, { ...record, size, modifiedMs });
    return true;
  }

  /** Forgets a file and its passages; returns the document it had, for rename detection. */
  removeFile(path: string): SourceDocument | undefined {
    const record = this.files.get(path);
    if (!record) return undefined;
    this.files.delete(path);
    const document = this.corpus.document(record.docId);
    this.index.removeDocument(record.docId);
    return document;
  }

  /** The hash of a file's content, to recognise a removed file again under a new name. */
  static hashOf(file: UserFile): string {
    return fileHash(file);
  }
}

/** Old passage id → new passage id, for passages whose text did not change. */
function matchPassages(old: SourceDocument | undefined, current: SourceDocument): Map<string, string> {
  const renamed = new Map<string, string>();
  if (!old) return renamed;
  const byText = new Map<string, string[]>();
  for (const passage of current.passages) byText.set(passage.text, [...(byText.get(passage.text) ?? []), passage.id]);
  for (const passage of old.passages) {
    const candidates = byText.get(passage.text);
    const match = candidates?.shift();
    if (match && match !== passage.id) renamed.set(passage.id, match);
  }
  return renamed;
}
