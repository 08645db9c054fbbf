import { stringify } from 'yaml';
import { boilerplateReason, parseByline } from '../parse/boilerplate';
import { slugify } from '../text/slug';
import type { ReadableText } from './readableText';

/**
 * A web page clipped as Markdown: YAML front matter with the citation
 * metadata the page states (title, outlet, author, date, url) and when it
 * was retrieved, then the article's headings, paragraphs and list items.
 * The front matter is what Briefing cites the clipping by afterwards.
 */

export interface ClippingInfo {
  /** The address the page was fetched from (after redirects); the page's canonical address wins. */
  readonly url: string;
  readonly retrieved: Date;
}

export function clippingMarkdown(read: ReadableText, info: ClippingInfo): string {
  const meta = read.metadata;
  const title = meta.title ?? new URL(info.url).hostname;
  const frontMatter: Record<string, string> = { title };
  if (meta.outlet) frontMatter.outlet = meta.outlet;
  if (meta.author) frontMatter.author = meta.author;
  if (meta.published) frontMatter.date = meta.published.iso;
  frontMatter.url = meta.url ?? info.url;
  frontMatter.retrieved = info.retrieved.toISOString().slice(0, 10);
  const lines: string[] = [`# ${oneLine(title)}`];
  let first = true;
  for (const block of read.blocks) {
    const text = oneLine(block.text);
    if (!text) continue;
    // The article's own headline repeats the title just written.
    if (first && block.heading !== undefined && comparable(text) === comparable(title)) {
      first = false;
      continue;
    }
    first = false;
    // The byline is in the front matter already; calls to subscribe, share buttons and the like are not the article.
    if (block.heading === undefined && meta.author && parseByline(text)?.author === meta.author) continue;
    if (block.heading === undefined && boilerplateReason(text, true)) continue;
    if (block.heading !== undefined) lines.push(`## ${text}`);
    else if (block.listItem) lines.push(`- ${text}`);
    else lines.push(escapeBlockStart(text));
  }
  return `---\n${stringify(frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${lines.join('\n\n')}\n`;
}

/** A file name for the clipping: its date and title, e.g. `2019-03-12-talks-resume.md`. */
export function clippingFileName(read: ReadableText, info: ClippingInfo): string {
  const day = read.metadata.published?.iso ?? info.retrieved.toISOString().slice(0, 10);
  const slug = slugify(read.metadata.title ?? new URL(info.url).hostname, 60) || 'clipping';
  return `${day}-${slug}.md`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A paragraph that would read as Markdown structure (a heading, a table, a fence, a quote) keeps its words, escaped. */
function escapeBlockStart(text: string): string {
  return /^(#{1,6}\s|\||```|~~~|>|---|===)/.test(text) ? `\\${text}` : text;
}
