import type { DroppedLine, Passage, SourceDate, SourceDocument, SourceMeta, Span } from '../model';
import { parseDocument } from '../parse/parseDocument';
import { contentHash } from '../text/hash';
import { slugify } from '../text/slug';
import type { DocumentMetadata } from './documentMetadata';
import { sourceFormatOf } from './fileContent';
import { splitFrontMatter, type FrontMatter } from './frontMatter';
import { layoutBlocks, type ReadableText } from './readableText';

/** A user's file, read (and, for text formats, decoded). */
export interface UserFile {
  /** Absolute path (or URI string): what identifies the file and opens it. */
  readonly path: string;
  /** The decoded text of a Markdown, text or HTML file; empty for a PDF or Word file (see `bytes`). */
  readonly text: string;
  /** The raw bytes of a PDF or Word file. */
  readonly bytes?: Uint8Array;
  readonly modifiedMs?: number;
  /** Size on disk in bytes, to tell an unchanged file without reading it. */
  readonly sizeBytes?: number;
}

/**
 * Turns a user's file into a source document. A Markdown or text file is
 * parsed as it is, with metadata from its YAML front matter; a web page, a
 * PDF or a Word file arrives already read (`read`), with the metadata the
 * document states about itself. Front matter wins over what the document
 * says, and what it says over what the parser guesses (a first heading,
 * the file name). An undated source is cited "n.d."; the file's own date
 * is kept as `saved`, never as a publication date. Passage spans point
 * into the file as it is on disk (or, for PDF and Word, into the text the
 * source viewer shows), so a citation opens at the cited words.
 */
export function parseUserFile(file: UserFile, read?: ReadableText): { document: SourceDocument; problems: string[] } {
  const format = sourceFormatOf(file.path) ?? 'text';
  const fileName = file.path.split(/[\\/]/).pop() ?? file.path;
  const id = userDocumentId(file.path);
  const problems: string[] = [...(read?.problems ?? [])];

  let body: string;
  let toFile: (bodyOffset: number) => number;
  let map: Int32Array | undefined;
  let pages: Uint32Array | undefined;
  let frontMatter: FrontMatter = {};
  if (read) {
    const laidOut = layoutBlocks(read.blocks);
    body = laidOut.body;
    map = laidOut.offsets;
    pages = laidOut.pages;
    toFile = (offset) => map![Math.min(offset, map!.length - 1)] ?? 0;
  } else {
    const split = splitFrontMatter(file.text);
    if (split.problem) problems.push(split.problem);
    frontMatter = split.frontMatter;
    body = file.text.slice(split.bodyOffset);
    toFile = (offset) => offset + split.bodyOffset;
  }
  const stated: DocumentMetadata = read?.metadata ?? {};
  const title = frontMatter.title ?? stated.title;
  const outlet = frontMatter.outlet ?? stated.outlet;
  const author = frontMatter.author ?? stated.author;
  const url = frontMatter.url ?? stated.url;
  const saved = savedDay(file.modifiedMs);

  const parsed = parseDocument(body, {
    id,
    file: file.path,
    kind: 'note',
    origin: 'user',
    format,
    date: dateOf(frontMatter, stated),
    ...(saved ? { saved } : {}),
    ...(title ? { title, titleFromText: true } : {}),
    ...(outlet ? { outlet } : {}),
    ...(author ? { author } : {}),
    ...(url ? { url } : {}),
    ...(frontMatter.accessed ? { accessed: frontMatter.accessed } : {}),
    ...(read ? { structured: true } : {}),
  }, problems);
  const meta: SourceMeta = { ...parsed.meta, title: parsed.meta.title === id ? fileName.replace(/\.[^.]+$/, '') : parsed.meta.title };
  const mapSpan = (span: Span): Span => {
    if (!map) return { start: toFile(span.start), end: toFile(span.end) };
    return { start: firstMapped(map, span.start, span.end), end: lastMapped(map, span.start, span.end) };
  };
  const passages: Passage[] = parsed.passages.map((passage) => {
    const located = map ? locateInFile(passage, map) : { span: mapSpan(passage.span), ...(passage.gaps ? { gaps: passage.gaps } : {}) };
    const { gaps: _gaps, ...rest } = passage;
    const first = pages?.[passage.span.start];
    const last = pages?.[Math.max(passage.span.start, passage.span.end - 1)];
    return {
      ...rest,
      span: located.span,
      ...(located.gaps && located.gaps.length > 0 ? { gaps: located.gaps } : {}),
      ...(passage.headingSpan ? { headingSpan: mapSpan(passage.headingSpan) } : {}),
      ...(first ? { page: first } : {}),
      ...(first && last && last > first ? { lastPage: last } : {}),
    };
  });
  const dropped: DroppedLine[] = parsed.dropped.map((line) => ({ ...line, span: mapSpan(line.span) }));
  return { problems, document: { ...parsed, meta, passages, dropped } };
}

/** A stable id for a user's file: readable, and unique by path. */
export function userDocumentId(path: string): string {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  return `u-${slugify(fileName.replace(/\.[^.]+$/, ''), 40) || 'file'}-${contentHash(path).slice(0, 6)}`;
}

/** The publication date: front matter's, else the one the document states; never the file's own date. */
function dateOf(frontMatter: FrontMatter, stated: DocumentMetadata): SourceDate {
  const written = frontMatter.date;
  if (written) {
    const iso = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(written)?.[0];
    return iso ? { label: written, from: iso, to: iso, source: 'front matter' } : { label: written, source: 'front matter' };
  }
  if (stated.published) return { label: stated.published.iso, from: stated.published.iso, to: stated.published.iso, source: stated.published.source };
  return { label: 'n.d.' };
}

function savedDay(modifiedMs: number | undefined): string | undefined {
  return modifiedMs !== undefined && Number.isFinite(modifiedMs) && modifiedMs > 0 ? new Date(modifiedMs).toISOString().slice(0, 10) : undefined;
}

/**
 * Where a passage of the laid-out body sits in the file: each character's
 * file offset (through reference markers the parser removed, and past
 * characters the reader supplied), the span from the first to the last,
 * and the runs of the file between them that the text leaves out (markup,
 * collapsed spaces, page markers) as gaps.
 */
function locateInFile(passage: Passage, map: Int32Array): { span: Span; gaps?: Array<readonly [number, number]> } {
  const length = passage.text.length;
  const first = firstMapped(map, passage.span.start, passage.span.end);
  if (length === 0) return { span: { start: first, end: first } };
  const markers = passage.gaps ?? [];
  const gaps: Array<readonly [number, number]> = [];
  let marker = 0;
  let removed = 0;
  // A character the reader supplied (-1) takes the place after the one before it; the first real one fixes where the text starts.
  let previous = -1;
  let start = -1;
  for (let j = 0; j < length; j++) {
    while (marker < markers.length && markers[marker][0] <= j) removed += markers[marker++][1];
    let offset = map[passage.span.start + j + removed] ?? -1;
    if (j === 0) {
      if (offset < 0) offset = first;
      start = offset;
    } else {
      if (offset <= previous) offset = previous + 1;
      else if (offset > previous + 1) gaps.push([j, offset - previous - 1]);
    }
    previous = offset;
  }
  return { span: { start, end: previous + 1 }, ...(gaps.length > 0 ? { gaps } : {}) };
}

function firstMapped(map: Int32Array, start: number, end: number): number {
  for (let i = start; i < end && i < map.length; i++) if (map[i] >= 0) return map[i];
  return Math.max(0, map[Math.min(start, map.length - 1)] ?? 0);
}

function lastMapped(map: Int32Array, start: number, end: number): number {
  for (let i = Math.min(end, map.length) - 1; i >= start; i--) if (map[i] >= 0) return map[i] + 1;
  return firstMapped(map, start, end);
}
