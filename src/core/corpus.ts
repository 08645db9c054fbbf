import type { Passage, SourceDocument, SourceMeta } from './model';
import { parseDocument, type SourceHints } from './parse/parseDocument';

/** A raw text and what is known about it before parsing. */
export interface RawSource {
  readonly raw: string;
  readonly hints: SourceHints;
}

/** The parsed documents and their passages, looked up by id; documents can be added and removed. */
export class Corpus {
  private readonly passagesById = new Map<string, Passage>();
  private readonly documentsById = new Map<string, SourceDocument>();
  private revision = 0;

  constructor(documents: readonly SourceDocument[]) {
    for (const document of documents) this.add(document);
  }

  get documents(): SourceDocument[] {
    return [...this.documentsById.values()];
  }

  /** Changes with every document added or removed: what is worked out from the corpus can be kept until it does. */
  get version(): number {
    return this.revision;
  }

  /** Adds a document, replacing one with the same id. */
  add(document: SourceDocument): void {
    this.remove(document.meta.id);
    this.revision++;
    this.documentsById.set(document.meta.id, document);
    for (const passage of document.passages) this.passagesById.set(passage.id, passage);
  }

  /** Removes a document and its passages; returns what was removed. */
  remove(docId: string): SourceDocument | undefined {
    const document = this.documentsById.get(docId);
    if (!document) return undefined;
    this.revision++;
    this.documentsById.delete(docId);
    for (const passage of document.passages) this.passagesById.delete(passage.id);
    return document;
  }

  static parse(sources: readonly RawSource[]): Corpus {
    return new Corpus(sources.map((source) => parseDocument(source.raw, source.hints)));
  }

  get passages(): Passage[] {
    return [...this.passagesById.values()];
  }

  get passageCount(): number {
    return this.passagesById.size;
  }

  passage(id: string): Passage | undefined {
    return this.passagesById.get(id);
  }

  document(id: string): SourceDocument | undefined {
    return this.documentsById.get(id);
  }

  meta(docId: string): SourceMeta | undefined {
    return this.documentsById.get(docId)?.meta;
  }
}
