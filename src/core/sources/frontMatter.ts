import { parse as parseYaml } from 'yaml';

/** Citation metadata a user can set at the top of a Markdown or text file. */
export interface FrontMatter {
  readonly title?: string;
  readonly outlet?: string;
  readonly author?: string;
  readonly date?: string;
  readonly url?: string;
  /** When the page was read at its url. */
  readonly accessed?: string;
  /** The document's language as written (`ru`, `uk`, `uk-UA`, `Russian`). */
  readonly lang?: string;
}

/**
 * Splits YAML front matter (between `---` lines at the very top) from the
 * body. Malformed YAML is reported, and the file is indexed without it.
 */
export function splitFrontMatter(text: string): { frontMatter: FrontMatter; bodyOffset: number; problem?: string } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: {}, bodyOffset: 0 };
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    return { frontMatter: {}, bodyOffset: match[0].length, problem: `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})` };
  }
  if (typeof data !== 'object' || data === null) return { frontMatter: {}, bodyOffset: match[0].length };
  const record = data as Record<string, unknown>;
  const field = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = record[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
      if (typeof value === 'number') return String(value);
    }
    return undefined;
  };
  const frontMatter: FrontMatter = Object.fromEntries(
    Object.entries({
      title: field('title'),
      outlet: field('outlet', 'publication', 'publisher', 'source', 'site'),
      author: field('author', 'byline', 'authors'),
      date: field('date', 'published', 'datePublished'),
      url: field('url', 'link', 'canonical'),
      accessed: field('accessed', 'retrieved', 'urldate'),
      lang: field('lang', 'language'),
    }).filter(([, value]) => value !== undefined),
  );
  return { frontMatter, bodyOffset: match[0].length };
}
