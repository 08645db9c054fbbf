import type { SourceDate, SourceDocument, Span } from '../model';
import { parseDocument } from '../parse/parseDocument';
import { contentHash } from '../text/hash';
import { slugify } from '../text/slug';
import { sourceFormatOf } from './fileContent';
import { splitFrontMatter } from './frontMatter';
import { htmlToText } from './htmlText';

/** A user's file, read and decoded. */
export interface UserFile {
  /** Absolute path (or URI string): what identifies the file and opens it. */
  readonly path: string;
  readonly text: string;
  readonly modifiedMs?: number;
  /** Size on disk in bytes, to tell an unchanged file without reading it. */
  readonly sizeBytes?: number;
}

/**
 * Turns a user's Markdown, text or HTML file into a source document, with
 * metadata from YAML front matter when present, else from the file (first
 * heading, file name, modification date). Passage spans point into the
 * file as it is on disk, so a citation opens the file at the passage.
 */
export function parseUserFile(file: UserFile): { document: SourceDocument; problems: string[] } {
  const format = sourceFormatOf(file.path) ?? 'text';
  const fileName = file.path.split(/[\\/]/).pop() ?? file.path;
  const id = userDocumentId(file.path);
  const problems: string[] = [];

  let body = file.text;
  let toFileOffset = (offset: number): number => offset;
  let frontMatter = {} as ReturnType<typeof splitFrontMatter>['frontMatter'];
  let htmlTitle: string | undefined;
  if (format === 'html') {
    const extracted = htmlToText(file.text);
    body = extracted.text;
    htmlTitle = extracted.title;
    toFileOffset = (offset) => extracted.toHtmlOffset(offset);
  } else {
    const split = splitFrontMatter(file.text);
    if (split.problem) problems.push(split.problem);
    frontMatter = split.frontMatter;
    body = file.text.slice(split.bodyOffset);
    toFileOffset = (offset) => offset + split.bodyOffset;
  }

  const parsed = parseDocument(body, {
    id,
    file: file.path,
    kind: 'note',
    origin: 'user',
    date: dateOf(frontMatter.date, file.modifiedMs),
    ...(frontMatter.title ?? htmlTitle ? { title: (frontMatter.title ?? htmlTitle)!, titleFromText: true } : {}),
    ...(frontMatter.outlet ? { outlet: frontMatter.outlet } : {}),
    ...(frontMatter.author ? { author: frontMatter.author } : {}),
    ...(frontMatter.url ? { url: frontMatter.url } : {}),
  }, problems);
  const mapSpan = (span: Span): Span => ({ start: toFileOffset(span.start), end: toFileOffset(span.end) });
  const title = parsed.meta.title === id ? fileName.replace(/\.[^.]+$/, '') : parsed.meta.title;
  return {
    problems,
    document: {
      ...parsed,
      meta: { ...parsed.meta, title },
      passages: parsed.passages.map((passage) => ({
        ...passage,
        span: mapSpan(passage.span),
        ...(passage.headingSpan ? { headingSpan: mapSpan(passage.headingSpan) } : {}),
      })),
      dropped: parsed.dropped.map((line) => ({ ...line, span: mapSpan(line.span) })),
    },
  };
}

/** A stable id for a user's file: readable, and unique by path. */
export function userDocumentId(path: string): string {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  return `u-${slugify(fileName.replace(/\.[^.]+$/, ''), 40) || 'file'}-${contentHash(path).slice(0, 6)}`;
}

function dateOf(written: string | undefined, modifiedMs: number | undefined): SourceDate {
  if (written) {
    const iso = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(written)?.[0];
    return iso ? { label: written, from: iso, to: iso, evidence: 'front matter' } : { label: written, evidence: 'front matter' };
  }
  if (modifiedMs !== undefined && Number.isFinite(modifiedMs)) {
    const day = new Date(modifiedMs).toISOString().slice(0, 10);
    return { label: day, from: day, to: day, evidence: 'file modification date' };
  }
  return { label: 'n.d.' };
}
