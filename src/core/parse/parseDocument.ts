import type { DroppedLine, Passage, PassageKind, SourceDocument, SourceMeta, Span, TableFact } from '../model';
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

/** Turns one raw, messy text into a document of citable passages. */
export function parseDocument(raw: string, sourceHints: SourceHints): SourceDocument {
  const { structured = false, ...hints } = sourceHints;
  const dropped: DroppedLine[] = [];
  const drop = (line: Line, reason: DroppedLine['reason']): void => {
    dropped.push({ text: line.text, reason, span: line.span });
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
    const reason = boilerplateReason(line.text, structured);
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

  const addPassage = (kind: PassageKind, span: Span, text: string, heading?: string, headingSpan?: Span): Passage => {
    const base = slugify(heading ?? section ?? 'intro') || 'passage';
    const passage: Passage = {
      id: `${hints.id}#${slugs.next(base)}`,
      docId: hints.id,
      ...(section === undefined ? {} : { section }),
      ...((heading ?? section) === undefined ? {} : { heading: heading ?? section }),
      kind,
      ...withoutMarkers(text),
      span,
      ...(headingSpan === undefined ? {} : { headingSpan }),
      order: passages.length,
    };
    passages.push(passage);
    return passage;
  };

  for (let i = 0; i < content.length; i++) {
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
    const markdownHeading = /^#{1,6}[ \t]+(.+?)[ \t]*#*$/.exec(text);
    if (markdownHeading) {
      if (passages.length === 0 && sections.length === 0 && /^#[ \t]/.test(text)) {
        // The first top-level heading is the title line; front matter, when given, names the title already.
        if (!hints.title) {
          title = markdownHeading[1];
          titleFromText = true;
        }
        drop(line, 'title');
      } else {
        section = markdownHeading[1];
        sections.push(section);
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
        tableFacts.push({ metric: cells[0], value: cells.slice(1).join('; '), passageId: passage.id });
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
      section = text;
      sections.push(text);
      continue;
    }
    addPassage('paragraph', line.span, text);
  }

  const meta: SourceMeta = {
    ...hints,
    title: title ?? hints.id,
    titleFromText,
    ...(outlet === undefined ? {} : { outlet }),
    ...(author === undefined ? {} : { author }),
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
