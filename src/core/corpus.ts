import type { Passage, SourceDocument, SourceMeta } from './model';
import { parseDocument, type SourceHints } from './parse/parseDocument';

/** A raw text and what is known about it before parsing. */
export interface RawSource {
  readonly raw: string;
  readonly hints: SourceHints;
}

/** The parsed documents and their passages, looked up by id. */
export class Corpus {
  readonly documents: readonly SourceDocument[];
  private readonly passagesById = new Map<string, Passage>();
  private readonly documentsById = new Map<string, SourceDocument>();

  constructor(documents: readonly SourceDocument[]) {
    this.documents = documents;
    for (const document of documents) {
      this.documentsById.set(document.meta.id, document);
      for (const passage of document.passages) this.passagesById.set(passage.id, passage);
    }
  }

  static parse(sources: readonly RawSource[]): Corpus {
    return new Corpus(sources.map((source) => parseDocument(source.raw, source.hints)));
  }

  get passages(): Passage[] {
    return this.documents.flatMap((document) => document.passages);
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
