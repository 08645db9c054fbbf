import type { TextBlock } from './readableText';

/**
 * What a reader skips at the edges of an article that Readability keeps:
 * the header above the story (the headline again, the kicker and the dek,
 * the byline, the dateline, the page's address) and short paragraphs that
 * are nothing but a link (promotions of other stories, "get the app").
 * Measured on the development half of the article-extraction benchmark:
 * such blocks were almost never in the article's text.
 */

export interface ArticleHeader {
  /** The page's headlines (its title and its h1 headings), any of which may be repeated above the story. */
  readonly headlines: readonly string[];
  readonly author?: string;
}

/** The header lies above the story's first paragraph, within the first few blocks. */
const HEADER_BLOCKS = 30;
const HEADER_CHARS = 1500;
/** A paragraph this long (and not all link) is the story itself. */
const BODY_CHARS = 120;
/** A paragraph that is all link and shorter than this is a promotion, not text. */
const PROMO_CHARS = 120;

export function trimArticle(blocks: readonly TextBlock[], header: ArticleHeader, linkShare: (block: TextBlock) => number): TextBlock[] {
  const kept = blocks.filter((block) => !isPromotion(block, linkShare));
  const headerEnd = lastHeaderBlock(kept, header, linkShare);
  const trimmed = kept.slice(headerEnd + 1);
  // Never trim an article away: what is left must still be most of it.
  return textLength(trimmed) >= textLength(kept) * 0.5 ? trimmed : kept;
}

/** A short paragraph (not a heading or a list item) whose text is all link. */
function isPromotion(block: TextBlock, linkShare: (block: TextBlock) => number): boolean {
  if (block.heading !== undefined || block.listItem || block.text.length >= PROMO_CHARS) return false;
  return (block.text.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 3 && linkShare(block) >= 0.9;
}

/**
 * The index of the last block of the header above the story (-1 when the
 * article starts with the story): of the blocks above its first paragraph,
 * the last that repeats the headline, gives the dateline or the byline, is
 * the page's address, or is a link (a menu Readability took in).
 */
function lastHeaderBlock(blocks: readonly TextBlock[], header: ArticleHeader, linkShare: (block: TextBlock) => number): number {
  const headlines = new Set(header.headlines.map(comparable).filter((text) => text.length > 0));
  const author = header.author ? comparable(header.author) : undefined;
  let last = -1;
  let chars = 0;
  for (let i = 0; i < Math.min(blocks.length, HEADER_BLOCKS) && chars < HEADER_CHARS; i++) {
    const block = blocks[i];
    const text = block.text.trim();
    const allLink = linkShare(block) >= 0.9;
    if (block.heading === undefined && text.length >= BODY_CHARS && !allLink) break;
    const isHeader = headlines.has(comparable(text)) || isDateline(text) || isByline(text, author) || /^https?:\/\/\S+$/.test(text) || allLink;
    if (isHeader) last = i;
    chars += text.length;
  }
  return last;
}

/** Words that a dateline is made of, besides numbers ("Updated 3:27 am PST, Wednesday, November 20, 2019"). */
const DATELINE_WORDS =
  /^(published|updated|posted|modified|last|first|on|at|by|am|pm|a\.m|p\.m|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|[a-z]{1,4}t|utc|gmt|ist|st|nd|rd|th|of|de|the|and|ago|hours?|minutes?|days?)$/i;

/** A short line that only says when the story was published or updated. */
export function isDateline(text: string): boolean {
  if (text.length > 110) return false;
  if (!/\b(1[89]|20)\d\d\b|\b\d{1,2}[:.]\d\d\b/.test(text)) return false;
  const words = text.match(/\p{L}[\p{L}.]*/gu) ?? [];
  // Time zones are capitals ending in T: EST, PST, CEST, AEDT.
  return words.filter((word) => !DATELINE_WORDS.test(word.replace(/\.$/, '')) && !/^[A-Z]{1,4}T$/.test(word)).length <= 3;
}

/** A short line naming the author: "By Ana Petrova and Li Wei", or the author's name with a job title. */
function isByline(text: string, author: string | undefined): boolean {
  if (text.length > 140) return false;
  if (/^(by|von|par|por|di|door|av|af)\s+\S/i.test(text) && text.split(/\s+/).length <= 14) return true;
  return author !== undefined && author.length > 3 && comparable(text).startsWith(author) && text.split(/\s+/).length <= 10;
}

function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘'"“”«»]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function textLength(blocks: readonly TextBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0);
}
