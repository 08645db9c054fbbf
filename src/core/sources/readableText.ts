import type { DocumentMetadata } from './documentMetadata';

/**
 * What every reader of a file (web page, PDF, Word document) hands to the
 * parser: the text to cut into passages, one block per line, and where
 * each of its characters sits in the text a user opens to check a quote.
 */

/** A block of a document: a paragraph, a heading or a list item. */
export interface TextBlock {
  readonly text: string;
  /** 1–6 for a heading. */
  readonly heading?: number;
  readonly listItem?: boolean;
  /** For each character of `text`, its offset in the shown text; -1 where the reader supplied the character (a space between runs). */
  readonly offsets?: ArrayLike<number>;
  /** The page (from 1) of each character, for paginated documents: only the page of the first character and where it changes. */
  readonly pageBreaks?: ReadonlyArray<readonly [number, number]>;
}

/** A document read into blocks, with its metadata. */
export interface ReadableText {
  readonly blocks: readonly TextBlock[];
  readonly metadata: DocumentMetadata;
  /** How it was read, for `briefing docs`: "article" (reader view), "page" (a page without an article), "pdf", "docx". */
  readonly method: string;
  /**
   * What the source viewer shows for this document when the file itself is
   * not text (PDF, Word). Block offsets point into it. Undefined for HTML:
   * offsets then point into the file as it is on disk.
   */
  readonly shownText?: string;
  /** Things a user should know (pages left out, a timeout), one sentence each. */
  readonly problems?: readonly string[];
}

/** The body a parser reads (blocks as lines, headings marked), and the shown-text offset of each of its characters. */
export interface ReadableBody {
  readonly body: string;
  readonly offsets: Int32Array;
  /** For each character of `body`, its page (from 1); absent when the document has no pages. */
  readonly pages?: Uint32Array;
}

/**
 * Lays the blocks out as the parser expects Markdown-like text: a heading
 * as `# ` (level 1) or `## `, every block on its own line with a blank line
 * between. Characters the layout adds map to -1.
 */
export function layoutBlocks(blocks: readonly TextBlock[]): ReadableBody {
  const parts: string[] = [];
  let length = 0;
  for (const block of blocks) length += block.text.length + 5;
  const offsets = new Int32Array(length).fill(-1);
  const paginated = blocks.some((block) => block.pageBreaks !== undefined);
  const pages = paginated ? new Uint32Array(length) : undefined;
  let at = 0;
  let page = 1;
  for (const block of blocks) {
    if (!block.text) continue;
    if (at > 0) {
      parts.push('\n\n');
      if (pages) pages.fill(page, at, at + 2);
      at += 2;
    }
    const marker = block.heading === undefined ? '' : block.heading <= 1 ? '# ' : '## ';
    if (marker) {
      parts.push(marker);
      if (pages) pages.fill(page, at, at + marker.length);
      at += marker.length;
    }
    parts.push(block.text);
    if (block.offsets instanceof Int32Array) offsets.set(block.offsets.subarray(0, block.text.length), at);
    else if (block.offsets) for (let i = 0; i < block.text.length; i++) offsets[at + i] = block.offsets[i];
    if (pages) {
      const breaks = block.pageBreaks ?? [[0, page]];
      for (let b = 0; b < breaks.length; b++) {
        const [from, number] = breaks[b];
        const to = b + 1 < breaks.length ? breaks[b + 1][0] : block.text.length;
        pages.fill(number, at + from, at + to);
        page = number;
      }
    }
    at += block.text.length;
  }
  return { body: parts.join(''), offsets: offsets.slice(0, at), ...(pages ? { pages: pages.slice(0, at) } : {}) };
}

/**
 * For a document whose file is not text (a Word file): the text the viewer
 * shows is the blocks laid out as the parser reads them, and each block's
 * offsets point into it.
 */
export function showBlocksAsText(blocks: readonly TextBlock[]): { blocks: TextBlock[]; shownText: string } {
  const { body } = layoutBlocks(blocks.map(({ offsets: _offsets, ...block }) => block));
  const shown: TextBlock[] = [];
  let at = 0;
  for (const block of blocks) {
    if (!block.text) continue;
    const marker = block.heading === undefined ? '' : block.heading <= 1 ? '# ' : '## ';
    const start = body.indexOf(marker + block.text, at) + marker.length;
    shown.push({ ...block, offsets: Int32Array.from({ length: block.text.length }, (_, i) => start + i) });
    at = start + block.text.length;
  }
  return { blocks: shown, shownText: body + '\n' };
}
