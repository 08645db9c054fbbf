import type { SkipReason } from './fileContent';
import { cleanAuthor, isPlausibleTitle, normalizeDate, type DocumentMetadata } from './documentMetadata';
import type { ReadableText, TextBlock } from './readableText';

/**
 * Reads a PDF's text layer through PDF.js (as packaged by unpdf, which
 * needs no worker and no Node-only API): lines in the order the document
 * draws them, joined into paragraphs, headings told by their size, the
 * headers and footers that repeat on every page dropped, words hyphenated
 * at a line's end joined, and every block knowing its page. The source
 * viewer shows this text with a marker at the start of each page.
 */

/** Pages past this are left out (with a note): a source, not an archive. */
export const MAX_PDF_PAGES = 2000;
/** A PDF that takes longer than this to read keeps the pages read so far (with a note). */
export const PDF_TIME_LIMIT_MS = 60_000;
const MAX_TEXT_CHARS = 20_000_000;

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL?: boolean;
}

interface Line {
  text: string;
  /** Where the line sits on its page, from 0 (bottom) to 1 (top). */
  readonly height: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  right: number;
  readonly page: number;
}

export interface PdfReadOptions {
  readonly maxPages?: number;
  readonly timeLimitMs?: number;
  /** The clock, for tests of the time limit. */
  readonly now?: () => number;
}

/** Reads a PDF, or says why it cannot be read: no text layer, a password, damage. */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<ReadableText | { reason: SkipReason; detail: string }> {
  if (!startsWithPdfHeader(bytes)) return { reason: 'corrupt', detail: 'is not a PDF (no %PDF header)' };
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeLimitMs ?? PDF_TIME_LIMIT_MS);
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js takes over (detaches) the buffer it is given.
    pdf = await getDocumentProxy(bytes.slice(), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false } as never);
  } catch (error) {
    return failure(error);
  }
  try {
    const problems: string[] = [];
    const pageCount = pdf.numPages;
    const limit = Math.min(pageCount, options.maxPages ?? MAX_PDF_PAGES);
    if (pageCount > limit) problems.push(`has ${pageCount} pages; the first ${limit} were read`);
    const pages: Line[][] = [];
    let unreadable = 0;
    let chars = 0;
    for (let number = 1; number <= limit; number++) {
      if (now() > deadline) {
        problems.push(`took too long to read; pages ${number}–${pageCount} were left out`);
        break;
      }
      if (chars > MAX_TEXT_CHARS) {
        problems.push(`has more text than a source may hold; pages ${number}–${pageCount} were left out`);
        break;
      }
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const [, bottom, , top] = (page as unknown as { view: number[] }).view ?? [0, 0, 0, 842];
        const lines = linesOf(content.items as TextItem[], number, bottom, top);
        chars += lines.reduce((sum, line) => sum + line.text.length, 0);
        pages.push(lines);
        page.cleanup();
      } catch {
        unreadable++;
        pages.push([]);
      }
    }
    if (unreadable > 0) problems.push(`${unreadable} page(s) could not be read (the file may be damaged)`);
    const metadata = await pdfMetadata(pdf, pages[0] ?? []);
    const withText = pages.filter((lines) => lines.some((line) => /[\p{L}\p{N}]/u.test(line.text))).length;
    if (withText === 0) {
      return unreadable > 0
        ? { reason: 'corrupt', detail: 'is damaged: no page could be read' }
        : { reason: 'no-text', detail: 'has no text layer (a scanned PDF? run OCR on it first)' };
    }
    if (withText < pages.length / 2) problems.push(`${pages.length - withText} of ${pages.length} pages have no text layer (scanned pages are not read)`);
    const { blocks, shownText } = layOut(dropRepeatedLines(pages), pages.length);
    return { blocks, shownText, metadata, method: 'pdf', ...(problems.length > 0 ? { problems } : {}) };
  } finally {
    await (pdf as unknown as { destroy?: () => Promise<void> }).destroy?.().catch(() => undefined);
  }
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little junk (up to 1 KB, as readers allow).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function failure(error: unknown): { reason: SkipReason; detail: string } {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException' || /password/i.test(message)) return { reason: 'encrypted', detail: 'is password-protected' };
  if (name === 'InvalidPDFException' || /invalid pdf|xref|startxref|unexpected end/i.test(message)) return { reason: 'corrupt', detail: 'is damaged or truncated (not a readable PDF)' };
  return { reason: 'corrupt', detail: `could not be read as a PDF (${message.split('\n')[0].slice(0, 120)})` };
}

/** The page's text items as lines, in the order the page draws them. */
function linesOf(items: readonly TextItem[], page: number, bottom: number, top: number): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let breakAfter = false;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    if (!item.str) {
      if (item.hasEOL) breakAfter = true;
      continue;
    }
    const sameLine = current !== undefined && !breakAfter && Math.abs(current.y - y) < size * 0.5 && x >= current.right - size;
    if (!sameLine) {
      if (current) lines.push(current);
      current = { text: '', x, y, size, right: x, page, height: top > bottom ? (y - bottom) / (top - bottom) : 0.5 };
    }
    const line = current!;
    const gap = x - line.right;
    if (line.text && gap > size * 0.2 && !line.text.endsWith(' ') && !item.str.startsWith(' ')) line.text += ' ';
    line.text += item.str;
    line.right = Math.max(line.right, x + item.width);
    breakAfter = item.hasEOL === true;
  }
  if (current) lines.push(current);
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').trim();
  return lines.filter((line) => line.text.length > 0);
}

/** "Page 3 of 12", "- 3 -", "iv": a page number alone on its line. */
const PAGE_NUMBER = /^(page|p\.|seite|página)?\s*[-–—]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?\s*((of|\/|von|de)\s*\d{1,4})?$/i;

/**
 * Drops the running headers and footers: lines at the top or bottom of a
 * page that recur (digits aside) on at least half of the pages, and page
 * numbers standing alone there.
 */
function dropRepeatedLines(pages: readonly Line[][]): Line[][] {
  // The two lines nearest the top and the bottom, when they sit in the page's outer tenth: where running heads and feet go.
  const edgeLines = (lines: readonly Line[]): Line[] => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return [...byHeight.slice(0, 2).filter((line) => line.height > 0.88), ...byHeight.slice(-2).filter((line) => line.height < 0.12)];
  };
  const key = (line: Line): string => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const seen = new Map<string, number>();
  for (const lines of pages) for (const text of new Set(edgeLines(lines).map(key))) seen.set(text, (seen.get(text) ?? 0) + 1);
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  const repeated = new Set([...seen].filter(([, count]) => count >= Math.max(2, Math.ceil(pagesWithText * 0.5)) && pagesWithText >= 2).map(([text]) => text));
  return pages.map((lines) => {
    const edges = new Set(edgeLines(lines));
    return lines.filter((line) => !(edges.has(line) && (repeated.has(key(line)) || PAGE_NUMBER.test(line.text))));
  });
}

/**
 * Joins lines into paragraphs and headings, across page breaks when a
 * sentence runs on, and writes the text the viewer shows: each page
 * opens with "[Page N]" (inline when a paragraph runs across the break).
 */
function layOut(pages: readonly Line[][], pageCount: number): { blocks: TextBlock[]; shownText: string } {
  const all = pages.flat();
  const bodySize = commonSize(all);
  const typicalWidth = percentile(all.filter((line) => Math.abs(line.size - bodySize) < 0.5).map((line) => line.right - line.x), 0.8) || 1;
  const largest = Math.max(0, ...(pages[0] ?? []).map((line) => line.size));
  let titleTaken = false;

  const blocks: TextBlock[] = [];
  let shown = '';
  let text = '';
  let offsets: number[] = [];
  let pageBreaks: Array<[number, number]> = [];
  let heading: number | undefined;
  let previous: Line | undefined;

  const flush = (): void => {
    if (text) blocks.push({ text, offsets, pageBreaks, ...(heading ? { heading } : {}) });
    if (text) shown += '\n\n';
    text = '';
    offsets = [];
    pageBreaks = [];
    heading = undefined;
  };
  const append = (piece: string, page: number): void => {
    if (pageBreaks.length === 0 || pageBreaks[pageBreaks.length - 1][1] !== page) pageBreaks.push([text.length, page]);
    for (let i = 0; i < piece.length; i++) offsets.push(shown.length + i);
    text += piece;
    shown += piece;
  };

  for (let index = 0; index < pages.length; index++) {
    const number = index + 1;
    const lines = pages[index];
    const first = lines[0];
    const runsOn = text !== '' && heading === undefined && first !== undefined && !endsSentence(text) && /^[\p{Ll}\d(“"'‘,;–—-]/u.test(first.text) && !isHeading(first);
    // What the viewer shows between the last line read and the next: a page marker where a page starts.
    let lineBreak = '\n';
    if (runsOn) lineBreak = ` [p. ${number}]\n`;
    else {
      flush();
      shown += `[Page ${number}]\n\n`;
    }
    for (const line of lines) {
      const lineIsHeading = isHeading(line);
      const startsParagraph =
        text === '' ||
        lineIsHeading ||
        heading !== undefined ||
        (previous !== undefined &&
          previous.page === line.page &&
          (previous.y - line.y > Math.max(previous.size, line.size) * 1.75 ||
            line.y > previous.y + line.size ||
            (endsSentence(previous.text) && previous.right - previous.x < typicalWidth * 0.7) ||
            (line.x - previous.x > line.size * 1.2 && endsSentence(previous.text))));
      if (startsParagraph) {
        flush();
        if (lineIsHeading) heading = !titleTaken && index === 0 && line.size >= largest ? 1 : 2;
        if (heading === 1) titleTaken = true;
        append(line.text, number);
      } else if (/\p{L}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(line.text)) {
        // A word broken at the line's end joins its other half (the viewer still shows the hyphen).
        text = text.slice(0, -1);
        offsets.pop();
        shown += lineBreak;
        append(line.text, number);
      } else {
        shown += lineBreak;
        text += ' ';
        offsets.push(shown.length - 1);
        append(line.text, number);
      }
      lineBreak = '\n';
      previous = line;
    }
  }
  flush();
  if (pages.length < pageCount) shown += `[Pages ${pages.length + 1}–${pageCount} were not read]\n`;
  return { blocks, shownText: shown.trimEnd() + '\n' };

  function isHeading(line: Line): boolean {
    return line.size >= bodySize * 1.18 && line.text.length <= 160 && !endsSentence(line.text) && /\p{L}/u.test(line.text);
  }
}

function endsSentence(text: string): boolean {
  return /[.!?:;"”’)\]]$/.test(text.trimEnd());
}

/** The font size most of the text is set in. */
function commonSize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 10;
  let most = -1;
  for (const [size, count] of weight) if (count > most) [best, most] = [size, count];
  return best;
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** Title, author and date from the document's properties (XMP first, then the Info dictionary); the title from page 1's largest line when the properties have none. */
async function pdfMetadata(pdf: { getMetadata(): Promise<{ info: unknown; metadata: unknown }> }, firstPage: readonly Line[]): Promise<DocumentMetadata> {
  let info: Record<string, unknown> = {};
  let xmp: { get(name: string): unknown } | undefined;
  try {
    const data = await pdf.getMetadata();
    info = (data.info ?? {}) as Record<string, unknown>;
    xmp = data.metadata as typeof xmp;
  } catch {
    // Damaged properties: the text is still worth reading.
  }
  const text = (value: unknown): string | undefined => {
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' && first.trim() ? first.replace(/\s+/g, ' ').trim() : undefined;
  };
  const fromXmp = (name: string): string | undefined => {
    try {
      return text(xmp?.get(name));
    } catch {
      return undefined;
    }
  };
  const stated = fromXmp('dc:title') ?? text(info.Title);
  const largest = [...firstPage].sort((a, b) => b.size - a.size)[0];
  const titleFromPage = largest && largest.text.length <= 200 ? largest.text : undefined;
  const title = isUsableTitle(stated) ? stated : isPlausibleTitle(titleFromPage) ? titleFromPage : undefined;
  const author = cleanAuthor(fromXmp('dc:creator') ?? text(info.Author));
  const publication = fromXmp('prism:publicationdate') ?? fromXmp('prism:coverdate');
  const created = fromXmp('xmp:createdate') ?? text(info.CreationDate);
  const publishedIso = publication ? normalizeDate(publication) : undefined;
  const createdIso = created ? normalizeDate(created) : undefined;
  const published = publishedIso
    ? { iso: publishedIso, source: 'PDF publication date' }
    : createdIso
      ? { iso: createdIso, source: 'PDF creation date' }
      : undefined;
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(published ? { published } : {}) };
}

/** Titles word processors and printers write on their own are not the document's. */
function isUsableTitle(title: string | undefined): title is string {
  return isPlausibleTitle(title) && !/^(microsoft (word|powerpoint|excel) - |untitled|document\d*$|slide \d+$)/i.test(title) && !/\.(docx?|pdf|pptx?|xlsx?|indd|txt|rtf)$/i.test(title);
}
