/** Typed checks of every field of the saved index, which is untrusted input. */
import { LIMITS } from './limits';
import type { DocumentKind, DropReason, Passage, PassageKind, SourceDocument, SourceFormat, SourceMeta, Span } from './model';
import type { FileRecord, IndexCache } from './sourceIndex';

/**
 * The saved index is untrusted input (issue #17): a file anyone can edit,
 * or a disk error can garble. Every field is checked here against the
 * shape Briefing writes before any of it is used, so a cache with a
 * number where a text should be is discarded (and rebuilt) instead of
 * making every later search throw. Hand-written checks rather than a
 * schema library: the shapes are few and small, and these run over 100k
 * passages in milliseconds.
 */

const SOURCE_FORMATS: ReadonlySet<SourceFormat> = new Set(['markdown', 'text', 'html', 'pdf', 'docx']);
const DOCUMENT_KINDS: ReadonlySet<DocumentKind> = new Set(['article', 'faq', 'blog-post', 'explainer', 'transcript', 'note']);
const PASSAGE_KINDS: ReadonlySet<PassageKind> = new Set(['paragraph', 'question-answer', 'table-row', 'callout']);
const DROP_REASONS: ReadonlySet<DropReason> = new Set([
  'share-buttons', 'see-also', 'comments', 'table-of-contents', 'html-fragment', 'subscribe', 'reader-prompt', 'byline', 'title', 'separator', 'code',
]);
/** Metadata is kept on one line without control characters (text/singleLine.ts); anything else was not written by Briefing. */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A reason the cache cannot be trusted, thrown inside the checks and turned into a sentence. */
class Invalid extends Error {}

const fail = (where: string, what: string): never => {
  throw new Invalid(`${where} ${what}`);
};
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function record(value: unknown, where: string): Record<string, unknown> {
  return isRecord(value) ? value : fail(where, 'is not an object');
}
function text(value: unknown, where: string, maxLength = Number.MAX_SAFE_INTEGER): string {
  if (typeof value !== 'string') return fail(where, 'is not a text');
  return value.length <= maxLength ? value : fail(where, `is longer than ${maxLength} characters`);
}
function line(value: unknown, where: string): string {
  const checked = text(value, where, 4000);
  return NOT_ONE_LINE.test(checked) ? fail(where, 'holds line breaks or control characters') : checked;
}
function optional<T>(value: unknown, check: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}
function list(value: unknown, where: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) return fail(where, 'is not a list');
  return value.length <= maxLength ? value : fail(where, `holds more than ${maxLength} entries`);
}
function span(value: unknown, where: string): Span {
  const { start, end } = record(value, where);
  if (!isCount(start) || !isCount(end) || start > end) fail(where, 'is not a range of offsets');
  return { start: start as number, end: end as number };
}

function checkMeta(value: unknown, where: string): SourceMeta {
  const meta = record(value, where);
  line(meta.id, `${where}.id`);
  line(meta.title, `${where}.title`);
  if (typeof meta.titleFromText !== 'boolean') fail(`${where}.titleFromText`, 'is not true or false');
  for (const key of ['outlet', 'author', 'url'] as const) optional(meta[key], (field) => line(field, `${where}.${key}`));
  if (!DOCUMENT_KINDS.has(meta.kind as DocumentKind)) fail(`${where}.kind`, 'is not a kind of document');
  const date = record(meta.date, `${where}.date`);
  line(date.label, `${where}.date.label`);
  for (const key of ['from', 'to', 'evidence'] as const) optional(date[key], (field) => text(field, `${where}.date.${key}`, 4000));
  optional(date.source, (field) => line(field, `${where}.date.source`));
  text(meta.file, `${where}.file`, 4096);
  if (meta.origin !== 'bundled' && meta.origin !== 'user') fail(`${where}.origin`, 'is neither bundled nor user');
  if (meta.format !== undefined && !SOURCE_FORMATS.has(meta.format as SourceFormat)) fail(`${where}.format`, 'is not a kind of file');
  optional(meta.saved, (field) => line(field, `${where}.saved`));
  return meta as unknown as SourceMeta;
}

function checkPassage(value: unknown, where: string, docId: string): Passage {
  const passage = record(value, where);
  text(passage.id, `${where}.id`, 1000);
  if (passage.docId !== docId) fail(`${where}.docId`, 'is not its document’s id');
  optional(passage.section, (field) => line(field, `${where}.section`));
  optional(passage.heading, (field) => line(field, `${where}.heading`));
  if (!PASSAGE_KINDS.has(passage.kind as PassageKind)) fail(`${where}.kind`, 'is not a kind of passage');
  const body = text(passage.text, `${where}.text`, LIMITS.passageChars);
  const at = span(passage.span, `${where}.span`);
  const gaps = optional(passage.gaps, (field) => list(field, `${where}.gaps`, LIMITS.passageChars));
  let removed = 0;
  for (const gap of gaps ?? []) {
    if (!Array.isArray(gap) || gap.length !== 2 || !isCount(gap[0]) || !isCount(gap[1]) || gap[0] > body.length) return fail(`${where}.gaps`, 'are not offsets of the text');
    removed += gap[1] as number;
  }
  if (at.end - at.start > body.length + removed + 4 * LIMITS.passageChars) fail(`${where}.span`, 'is far longer than its text');
  optional(passage.headingSpan, (field) => span(field, `${where}.headingSpan`));
  if (!isCount(passage.order)) fail(`${where}.order`, 'is not a position');
  for (const key of ['page', 'lastPage'] as const) if (passage[key] !== undefined && !isCount(passage[key])) fail(`${where}.${key}`, 'is not a page number');
  return passage as unknown as Passage;
}

function checkDocument(value: unknown, where: string): SourceDocument {
  const document = record(value, where);
  const meta = checkMeta(document.meta, `${where}.meta`);
  for (const [i, section] of list(document.sections, `${where}.sections`, LIMITS.sectionsPerFile).entries()) line(section, `${where}.sections[${i}]`);
  for (const [i, passage] of list(document.passages, `${where}.passages`, LIMITS.passagesPerFile).entries()) checkPassage(passage, `${where}.passages[${i}]`, meta.id);
  for (const [i, fact] of list(document.tableFacts, `${where}.tableFacts`, LIMITS.passagesPerFile).entries()) {
    const row = record(fact, `${where}.tableFacts[${i}]`);
    line(row.metric, `${where}.tableFacts[${i}].metric`);
    text(row.value, `${where}.tableFacts[${i}].value`, LIMITS.passageChars);
    text(row.passageId, `${where}.tableFacts[${i}].passageId`, 1000);
  }
  for (const [i, dropped] of list(document.dropped, `${where}.dropped`, LIMITS.droppedLinesPerFile).entries()) {
    const entry = record(dropped, `${where}.dropped[${i}]`);
    text(entry.text, `${where}.dropped[${i}].text`, 1000);
    if (!DROP_REASONS.has(entry.reason as DropReason)) fail(`${where}.dropped[${i}].reason`, 'is not a reason to drop a line');
    span(entry.span, `${where}.dropped[${i}].span`);
  }
  return document as unknown as SourceDocument;
}

function checkFileRecord(value: unknown, where: string): FileRecord {
  const file = record(value, where);
  text(file.path, `${where}.path`, 4096);
  text(file.hash, `${where}.hash`, 64);
  text(file.docId, `${where}.docId`, 1000);
  if (!isCount(file.size)) fail(`${where}.size`, 'is not a size');
  if (typeof file.modifiedMs !== 'number' || !Number.isFinite(file.modifiedMs)) fail(`${where}.modifiedMs`, 'is not a time');
  return file as unknown as FileRecord;
}

/** The search index part: its passage ids must be the documents' passages, its weights numbers. */
function checkIndexShape(value: unknown, passageIds: ReadonlySet<string>): void {
  const index = record(value, 'the search index');
  const ids = list(index.ids, 'the search index’s passage ids', passageIds.size);
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || !passageIds.has(id) || seen.has(id)) fail('the search index', 'names a passage the documents do not hold');
    seen.add(id as string);
  }
  if (seen.size !== passageIds.size) fail('the search index', 'misses passages of the documents');
  const weights = list(index.weights, 'the search index’s weights', ids.length);
  if (weights.length !== ids.length || weights.some((weight) => typeof weight !== 'number' || !Number.isFinite(weight))) fail('the search index’s weights', 'are not one number per passage');
  for (const term of list(index.terms, 'the search index’s terms', Number.MAX_SAFE_INTEGER)) if (typeof term !== 'string') fail('the search index’s terms', 'are not texts');
  text(index.lengths, 'the search index’s lengths');
  text(index.postings, 'the search index’s postings');
}

/** What survived the checks: the cache, and what was pruned from it (each a sentence). */
export interface CheckedCache {
  readonly cache: IndexCache;
  /** True when the search index part can be loaded as it is; false when it must be rebuilt from the documents. */
  readonly indexUsable: boolean;
  readonly pruned: readonly string[];
}

/**
 * Checks a parsed cache in depth. Returns it with what was pruned — user
 * documents without a file record (a "ghost" pointing at /etc/passwd),
 * records without a document, bundled documents this version does not
 * ship — or, when any field is not what Briefing writes, the reason.
 */
export function checkCache(value: unknown, bundledIds: ReadonlySet<string>): CheckedCache | { problem: string } {
  try {
    const cache = record(value, 'the saved index');
    const documents = list(cache.documents, 'the saved documents', Number.MAX_SAFE_INTEGER).map((document, i) => checkDocument(document, `document ${i + 1}`));
    const files = list(cache.files, 'the saved file records', Number.MAX_SAFE_INTEGER).map((file, i) => checkFileRecord(file, `file record ${i + 1}`));
    const docIds = new Set<string>();
    const passageIds = new Set<string>();
    for (const document of documents) {
      if (docIds.has(document.meta.id)) fail(`document ${document.meta.id}`, 'is saved twice');
      docIds.add(document.meta.id);
      for (const passage of document.passages) {
        if (passageIds.has(passage.id)) fail(`passage ${passage.id}`, 'is saved twice');
        passageIds.add(passage.id);
      }
    }
    const pruned: string[] = [];
    const recordFor = new Map<string, FileRecord>();
    const byId = new Map(documents.map((document) => [document.meta.id, document]));
    for (const file of files) {
      const document = byId.get(file.docId);
      if (document?.meta.origin === 'user' && document.meta.file === file.path && !recordFor.has(file.docId)) recordFor.set(file.docId, file);
      else pruned.push(`a file record without its document (${file.path})`);
    }
    const kept = documents.filter((document) => {
      const keep = document.meta.origin === 'user' ? recordFor.has(document.meta.id) : bundledIds.has(document.meta.id);
      if (!keep) pruned.push(`a ${document.meta.origin} document without a file record (${document.meta.id}, ${document.meta.file})`);
      return keep;
    });
    let indexUsable = kept.length === documents.length;
    if (indexUsable) {
      try {
        checkIndexShape(cache.index, passageIds);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        pruned.push(`the search index (${error.message}), rebuilt from the documents`);
        indexUsable = false;
      }
    }
    return {
      cache: { format: cache.format as number, bundledHash: cache.bundledHash as string, files: [...recordFor.values()], documents: kept, index: cache.index },
      indexUsable,
      pruned,
    };
  } catch (error) {
    if (error instanceof Invalid) return { problem: `the saved index is not what Briefing writes: ${error.message}` };
    throw error;
  }
}
