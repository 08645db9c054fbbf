import { LIMITS } from '../limits';
import type { DroppedLine, Passage, PassageKind, SourceDocument, SourceMeta, Span, TableFact } from '../model';
import { singleLine } from '../text/singleLine';
import { SlugAllocator, slugify } from '../text/slug';
import { boilerplateReason, outletFromSubscribeCall, parseByline } from './boilerplate';
import { splitLines, type Line } from './lines';
import { parseTableRow, isTableSeparator } from './table';

/** What the caller knows about a document before parsing it; the parser fills the gaps. */
export type SourceHints = Omit<SourceMeta, 'title' | 'titleFromText'> & {
  readonly title?: string;
  readonly titleFromText?: boolean;
  /**
   * The text was laid out by a reader that knows the document's structure
   * (a web page, a PDF, a Word file): headings are marked with `#`, so
   * short lines are not guessed to be headings, and a question is content.
   */
  readonly structured?: boolean;
};

const REFERENCE_MARKER = /\s*\[\[\d+\]\]/g;
const CALLOUT = /^(did you know\?|pro tip:|fact check:|note:|key takeaway:)\s*/i;

/**
 * Turns one raw, messy text into a document of citable passages. The work
 * is bounded (LIMITS): a paragraph too long becomes several passages, a file
 * with too many stops at the limit, and each limit reached is said in
 * `problems`. Metadata (title, author, outlet, headings) is made one line
 * without control characters.
 */
export function parseDocument(raw: string, sourceHints: SourceHints, problems: string[] = []): SourceDocument {
  const { structured = false, ...hints } = sourceHints;
  const dropped: DroppedLine[] = [];
  let droppedCount = 0;
  const drop = (line: Line, reason: DroppedLine['reason']): void => {
    if (++droppedCount <= LIMITS.droppedLinesPerFile) dropped.push({ text: line.text.slice(0, 500), reason, span: line.span });
  };

  let outlet = hints.outlet;
  let author = hints.author;
  const tocHeadings = new Set<string>();
  const content: Line[] = [];

  // Pass 1: drop boilerplate, read metadata it carries, remember the table of contents.
  // The bundled texts put one paragraph on a line; a user's Markdown or text is often hard-wrapped.
  const nonEmpty = splitLines(raw).filter((line) => line.text.length > 0);
  // Only a file that separates its paragraphs with blank lines is read that way; one with a paragraph per line is not.
  const separatesWithBlankLines = /\S[ \t]*\r?\n[ \t]*\r?\n/.test(raw);
  const lines = hints.origin === 'user' && separatesWithBlankLines ? joinWrappedLines(raw, nonEmpty) : nonEmpty;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^(table of contents|contents|in this article)$/i.test(line.text)) {
      drop(line, 'table-of-contents');
      while (i + 1 < lines.length && /^[-•*]\s+\S/.test(lines[i + 1].text)) {
        i++;
        tocHeadings.add(normalizeHeading(lines[i].text.replace(/^[-•*]\s+/, '')));
        drop(lines[i], 'table-of-contents');
      }
      continue;
    }
    const byline = parseByline(line.text);
    if (byline) {
      author ??= byline.author;
      drop(line, 'byline');
      continue;
    }
    const reason = boilerplateReason(line.text);
    if (reason) {
      if (reason === 'subscribe') outlet ??= outletFromSubscribeCall(line.text);
      drop(line, reason);
      continue;
    }
    content.push(line);
  }

  // Pass 2: recover structure — title, headings, Q&A pairs, tables, callouts, paragraphs.
  const passages: Passage[] = [];
  const tableFacts: TableFact[] = [];
  const sections: string[] = [];
  const slugs = new SlugAllocator();
  let title = hints.title;
  let titleFromText = hints.titleFromText ?? false;
  let section: string | undefined;
  let longParagraphs = 0;

  let full = false;
  const addSection = (heading: string): void => {
    section = singleLine(heading);
    if (sections.length < LIMITS.sectionsPerFile) sections.push(section);
  };
  const addPassage = (kind: PassageKind, span: Span, text: string, heading?: string, headingSpan?: Span): Passage | undefined => {
    if (text.length > LIMITS.passageChars) {
      // A paragraph too long to read as one passage (a file without line breaks): cut at spaces, each piece verbatim.
      let first: Passage | undefined;
      for (const piece of cutAtSpaces(text, LIMITS.passageChars)) {
        const added = addPassage(kind, { start: span.start + piece.start, end: span.start + piece.end }, text.slice(piece.start, piece.end), heading, headingSpan);
        first ??= added;
      }
      longParagraphs++;
      return first;
    }
    if (passages.length >= LIMITS.passagesPerFile) {
      full = true;
      return undefined;
    }
    const base = slugify(heading ?? section ?? 'intro') || 'passage';
    const passage: Passage = {
      id: `${hints.id}#${slugs.next(base)}`,
      docId: hints.id,
      ...(section === undefined ? {} : { section }),
      ...((heading ?? section) === undefined ? {} : { heading: singleLine(heading ?? section!) }),
      kind,
      ...withoutMarkers(text),
      span,
      ...(headingSpan === undefined ? {} : { headingSpan }),
      order: passages.length,
    };
    passages.push(passage);
    return passage;
  };

  for (let i = 0; i < content.length && !full; i++) {
    const line = content[i];
    const next = content[i + 1];
    const text = line.text;

    if (/^(```|~~~)/.test(text)) {
      // A fenced code block is not prose to cite.
      const fence = text.slice(0, 3);
      drop(line, 'code');
      while (i + 1 < content.length && !content[i + 1].text.startsWith(fence)) drop(content[++i], 'code');
      if (i + 1 < content.length) drop(content[++i], 'code');
      continue;
    }
    const markdownHeading = headingText(text);
    if (markdownHeading !== undefined) {
      if (passages.length === 0 && sections.length === 0 && /^#[ \t]/.test(text)) {
        // The first top-level heading is the title line; front matter, when given, names the title already.
        if (!hints.title) {
          title = markdownHeading;
          titleFromText = true;
        }
        drop(line, 'title');
      } else {
        addSection(markdownHeading);
      }
      continue;
    }
    if (i === 0 && isHeadingLike(text) && !text.endsWith('?')) {
      // The first short line is the title line: taken as the title when none is known, dropped when it repeats the known one.
      // (The bundled texts' manifest marks titles the text itself gives, and their first line is that title.)
      const repeatsTitle = hints.title !== undefined && normalizeHeading(hints.title) === normalizeHeading(text);
      if (!structured && (!hints.title || (hints.origin === 'bundled' && hints.titleFromText))) {
        title = text;
        titleFromText = true;
        drop(line, 'title');
        continue;
      }
      if (repeatsTitle) {
        drop(line, 'title');
        continue;
      }
    }
    if (text.startsWith('|')) {
      const rows: Line[] = [];
      while (i < content.length && content[i].text.startsWith('|')) rows.push(content[i++]);
      i--;
      const [, ...body] = rows;
      const dataRows = body.filter((row) => !isTableSeparator(row.text));
      for (const row of dataRows) {
        const cells = parseTableRow(row.text);
        if (cells.length < 2) continue;
        // The row's own words, between its outer pipes: a verbatim span of the file.
        const inner = /^\|?\s*(.*?)\s*\|?$/.exec(row.text)?.[1] ?? row.text;
        const start = row.span.start + row.text.indexOf(inner);
        const passage = addPassage('table-row', { start, end: start + inner.length }, inner, cells[0]);
        if (passage && inner.length <= LIMITS.passageChars) tableFacts.push({ metric: singleLine(cells[0]), value: cells.slice(1).join('; '), passageId: passage.id });
      }
      continue;
    }
    const callout = CALLOUT.exec(text);
    if (callout) {
      addPassage('callout', line.span, text, callout[1].replace(/:$/, ''));
      continue;
    }
    if (text.endsWith('?') && text.length < 240) {
      if (next && isAnswer(next.text, tocHeadings)) {
        addPassage('question-answer', next.span, next.text, text, line.span);
        i++;
      } else if (structured) {
        addPassage('paragraph', line.span, text);
      } else {
        drop(line, 'reader-prompt');
      }
      continue;
    }
    if ((tocHeadings.size > 0 && tocHeadings.has(normalizeHeading(text))) || (!structured && isHeadingLike(text) && next !== undefined && !isHeadingLike(next.text))) {
      addSection(text);
      continue;
    }
    addPassage('paragraph', line.span, text);
  }

  if (full) problems.push(`only the first ${LIMITS.passagesPerFile.toLocaleString('en-US')} passages are indexed (the limit per file); the rest of the file is not searched`);
  if (longParagraphs > 0) problems.push(`${longParagraphs} paragraph(s) longer than ${LIMITS.passageChars.toLocaleString('en-US')} characters were cut into several passages`);
  if (droppedCount > dropped.length) problems.push(`${droppedCount.toLocaleString('en-US')} lines were dropped as boilerplate; only the first ${dropped.length.toLocaleString('en-US')} are listed`);

  // Every field a citation prints is one line of plain text, whatever the source wrote (text/singleLine.ts).
  const { outlet: _outlet, author: _author, url: _url, ...known } = hints;
  const clean = (value: string | undefined, maxChars?: number): string | undefined => {
    const line = value === undefined ? '' : singleLine(value, maxChars);
    return line === '' ? undefined : line;
  };
  const cleanOutlet = clean(outlet);
  const cleanAuthor = clean(author);
  const cleanUrl = clean(hints.url, 2000);
  const meta: SourceMeta = {
    ...known,
    title: clean(title) ?? hints.id,
    titleFromText,
    ...(cleanOutlet === undefined ? {} : { outlet: cleanOutlet }),
    ...(cleanAuthor === undefined ? {} : { author: cleanAuthor }),
    ...(cleanUrl === undefined ? {} : { url: cleanUrl }),
    date: { ...hints.date, label: clean(hints.date.label, 100) ?? 'n.d.' },
  };
  return { meta, sections, passages, tableFacts, dropped };
}

/**
 * The text without its `[[n]]` reference markers, and where they were
 * (offset in the new text, characters removed), so offsets in the text
 * can still be mapped onto the file.
 */
function withoutMarkers(text: string): { text: string; gaps?: Array<readonly [number, number]> } {
  const gaps: Array<readonly [number, number]> = [];
  let kept = '';
  let at = 0;
  for (const match of text.matchAll(REFERENCE_MARKER)) {
    kept += text.slice(at, match.index);
    gaps.push([kept.length, match[0].length]);
    at = match.index + match[0].length;
  }
  kept += text.slice(at);
  const trimmed = kept.trimEnd();
  return gaps.length === 0 ? { text: trimmed } : { text: trimmed, gaps };
}

/** The text of a Markdown heading line ("## Title ##" → "Title"), or undefined; linear in the line, whatever it holds. */
function headingText(line: string): string | undefined {
  const prefix = /^#{1,6}[ \t]+/.exec(line);
  if (!prefix || prefix[0].length === line.length) return undefined;
  const body = line.slice(prefix[0].length);
  let end = body.length;
  while (end > 1 && body[end - 1] === '#') end--;
  while (end > 1 && (body[end - 1] === ' ' || body[end - 1] === '\t')) end--;
  return body.slice(0, end);
}

/** Pieces of at most `limit` characters, cut after a space where there is one in the second half, spaces between pieces left out. */
function cutAtSpaces(text: string, limit: number): Span[] {
  const pieces: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + limit);
    if (end < text.length) {
      let cut = end;
      while (cut > start + limit / 2 && !/\s/.test(text[cut - 1])) cut--;
      if (cut > start + limit / 2) end = cut;
    }
    let pieceEnd = end;
    while (pieceEnd > start && /\s/.test(text[pieceEnd - 1])) pieceEnd--;
    if (pieceEnd > start) pieces.push({ start, end: pieceEnd });
    start = end;
    while (start < text.length && /\s/.test(text[start])) start++;
  }
  return pieces;
}

/** Lines that start a block of their own in Markdown: headings, list items, tables, fences, quotes. */
const BLOCK_START = /^(#{1,6}\s|[-*+]\s|\d+[.)]\s|\||```|~~~|>|---|=+\s*$|-+\s*$)/;

/**
 * Joins the lines of each hard-wrapped paragraph (lines with no blank line
 * between them) into one, spanning the file from its first line to its
 * last, so a paragraph is one passage and a sentence is never cut in two.
 */
function joinWrappedLines(raw: string, lines: readonly Line[]): Line[] {
  const joined: Line[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    const adjacent = previous !== undefined && /^[ \t]*\r?\n[ \t]*$/.test(raw.slice(previous.span.end, line.span.start));
    if (previous && adjacent && !BLOCK_START.test(line.text) && !BLOCK_START.test(previous.text)) {
      const span = { start: previous.span.start, end: line.span.end };
      joined[joined.length - 1] = { text: raw.slice(span.start, span.end), span };
    } else {
      joined.push(line);
    }
  }
  return joined;
}

/** A short line without closing punctuation: a heading, when a paragraph follows. */
function isHeadingLike(text: string): boolean {
  const words = text.split(/\s+/).length;
  return text.length <= 100 && words <= 14 && !/[.!?,;"”’]$/.test(text) && !text.startsWith('|');
}

function isAnswer(text: string, tocHeadings: ReadonlySet<string>): boolean {
  if (text.endsWith('?') || text.startsWith('|') || tocHeadings.has(normalizeHeading(text))) return false;
  return !isHeadingLike(text);
}

function normalizeHeading(text: string): string {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}
