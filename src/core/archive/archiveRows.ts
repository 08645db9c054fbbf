/**
 * Documents as the archive stores them, and back: a parsed document is
 * given its archive id and origin, written as COPY rows for the documents
 * and passages tables (binary for a push, text for psql), and rows read
 * back become the same Passage and SourceMeta the local library uses, so
 * citing, quoting and opening work alike.
 */
import type { Passage, PassageKind, SourceDocument, SourceMeta } from '../model';
import { archiveDocId } from './archiveIds';
import { copyRow } from './copyText';
import { cslItem } from './cslItem';
import { BinaryCopy, type BinaryValue, type CopyColumnType } from './copyBinary';
import { searchVectorOf, termsOf, vectorText } from './searchVector';

/** Column lists in the order the COPY rows below write them, and their types for binary COPY. */
export const DOCUMENT_COLUMNS = ['id', 'collection', 'content_hash', 'source_path', 'csl', 'meta', 'sections', 'table_facts', 'raw', 'bytes', 'passage_count'] as const;
export const PASSAGE_COLUMNS = ['doc_id', 'id', 'collection', 'ord', 'kind', 'section', 'heading', 'text', 'span_start', 'span_end', 'heading_start', 'heading_end', 'gaps', 'search'] as const;
export const DOCUMENT_TYPES: readonly CopyColumnType[] = ['text', 'text', 'text', 'text', 'jsonb', 'jsonb', 'jsonb', 'jsonb', 'text', 'int', 'int'];
export const PASSAGE_TYPES: readonly CopyColumnType[] = ['text', 'text', 'text', 'int', 'text', 'text', 'text', 'text', 'int', 'int', 'int', 'int', 'jsonb', 'tsvector'];

/** A document renamed into a collection: `collection:localId`, origin "archive". */
export function intoCollection(document: SourceDocument, collection: string): SourceDocument {
  const localId = document.meta.id;
  const id = archiveDocId(collection, localId);
  const renamed = (passageId: string): string => id + passageId.slice(localId.length);
  return {
    ...document,
    meta: { ...document.meta, id, origin: 'archive', collection },
    passages: document.passages.map((passage) => ({ ...passage, id: renamed(passage.id), docId: id })),
    tableFacts: document.tableFacts.map((fact) => ({ ...fact, passageId: renamed(fact.passageId) })),
  };
}

/** Where rows go: one call per row, values in the column order above. */
export type RowSink = (values: readonly BinaryValue[]) => void;

/** Hands the rows of one archive document and its passages to the sinks; its terms are added to `vocabulary` when given. */
export function writeDocumentRows(document: SourceDocument, raw: string, contentHash: string, sourcePath: string, sinks: { document: RowSink; passage: RowSink }, vocabulary?: Set<string>): void {
  const { meta } = document;
  const collection = meta.collection ?? '';
  sinks.document([
    meta.id,
    collection,
    contentHash,
    sourcePath,
    JSON.stringify(cslItem(meta)),
    JSON.stringify(meta),
    JSON.stringify(document.sections),
    JSON.stringify(document.tableFacts),
    raw,
    byteLength(raw),
    document.passages.length,
  ]);
  const titleTerms = termsOf(meta.title);
  for (const passage of document.passages) {
    sinks.passage([
      meta.id,
      passage.id,
      collection,
      passage.order,
      passage.kind,
      passage.section,
      passage.heading,
      passage.text,
      passage.span.start,
      passage.span.end,
      passage.headingSpan?.start,
      passage.headingSpan?.end,
      passage.gaps && passage.gaps.length > 0 ? JSON.stringify(passage.gaps) : null,
      searchVectorOf(meta.title, passage.heading, passage.text, vocabulary, titleTerms),
    ]);
  }
}

/** The COPY text-format rows of one archive document and its passages (for psql and tests; a push sends binary). */
export function documentRows(document: SourceDocument, raw: string, contentHash: string, sourcePath: string, vocabulary?: Set<string>): { document: string; passages: string } {
  const out = { document: '', passages: '' };
  const text = (values: readonly BinaryValue[]): string => copyRow(values.map((value) => (value instanceof Map ? vectorText(value) : value)));
  writeDocumentRows(document, raw, contentHash, sourcePath, { document: (values) => (out.document += text(values)), passage: (values) => (out.passages += text(values)) }, vocabulary);
  return out;
}

/** Binary COPY data for the documents and passages tables, filled a document at a time. */
export class ArchiveCopyData {
  readonly documents = new BinaryCopy();
  readonly passages = new BinaryCopy();

  add(document: SourceDocument, raw: string, contentHash: string, sourcePath: string, vocabulary?: Set<string>): void {
    writeDocumentRows(document, raw, contentHash, sourcePath, { document: (values) => this.documents.row(values, DOCUMENT_TYPES), passage: (values) => this.passages.row(values, PASSAGE_TYPES) }, vocabulary);
  }
}

/** A passage row as the archive returns it (node-postgres parses jsonb). */
export interface PassageRow {
  readonly doc_id: string;
  readonly id: string;
  readonly ord: number;
  readonly kind: string;
  readonly section: string | null;
  readonly heading: string | null;
  readonly text: string;
  readonly span_start: number;
  readonly span_end: number;
  readonly heading_start: number | null;
  readonly heading_end: number | null;
  readonly gaps: ReadonlyArray<readonly [number, number]> | null;
}

export function passageFromRow(row: PassageRow): Passage {
  return {
    id: row.id,
    docId: row.doc_id,
    ...(row.section === null ? {} : { section: row.section }),
    ...(row.heading === null ? {} : { heading: row.heading }),
    kind: row.kind as PassageKind,
    text: row.text,
    span: { start: row.span_start, end: row.span_end },
    ...(row.gaps ? { gaps: row.gaps } : {}),
    ...(row.heading_start !== null && row.heading_end !== null ? { headingSpan: { start: row.heading_start, end: row.heading_end } } : {}),
    order: row.ord,
  };
}

/** A stored meta, checked enough that a citation can be built from it. */
export function metaFromJson(value: unknown, docId: string, collection: string): SourceMeta {
  const meta = value as Partial<SourceMeta> | null;
  if (!meta || typeof meta.title !== 'string' || !meta.date || typeof meta.date.label !== 'string') {
    throw new Error(`the archive's document ${docId} has no usable metadata`);
  }
  return { ...(meta as SourceMeta), id: docId, origin: 'archive', collection };
}

function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
