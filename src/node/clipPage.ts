import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { clippingFileName, clippingMarkdown } from '../core/sources/clipping';
import { readHtmlPage } from '../core/sources/htmlPage';
import { fetchPage, PageFetchError, type PageFetchOptions } from './pageFetch';

/**
 * Clips a web page: fetches it, reads its article as the reader view does,
 * and saves it as a Markdown file with front matter in `folder`, never
 * over an existing file. Used by "Briefing: Add Source from URL…" (in the
 * index worker) and `briefing clip`.
 */

export interface ClipResult {
  readonly path: string;
  readonly title: string;
  readonly problems: readonly string[];
}

export async function clipPage(address: string, folder: string, options: PageFetchOptions & { readonly now?: Date } = {}): Promise<ClipResult> {
  const page = await fetchPage(address, options);
  const host = new URL(page.url).host;
  const read = readHtmlPage(page.html);
  if ('reason' in read) throw new PageFetchError(`the page at ${host} ${read.detail}, so there is nothing to clip`);
  const info = { url: page.url, retrieved: options.now ?? new Date() };
  const markdown = clippingMarkdown(read, info);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new PageFetchError(`cannot create the clippings folder ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const name = clippingFileName(read, info);
  for (let attempt = 1; attempt < 1000; attempt++) {
    const file = path.join(folder, attempt === 1 ? name : name.replace(/\.md$/, `-${attempt}.md`));
    try {
      await writeFile(file, markdown, { flag: 'wx' });
      return { path: file, title: read.metadata.title ?? host, problems: read.problems ?? [] };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new PageFetchError(`cannot write the clipping to ${folder} (${code ?? (error as Error).message})`);
    }
  }
  throw new PageFetchError(`the clippings folder ${folder} already holds too many clippings named ${name}`);
}
