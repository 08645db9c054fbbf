import type { SourceMeta } from '../model';
import { oneLine } from './escape';
import { parseAuthors, type CslName } from './names';

/** A date as CSL-JSON writes it: year, month, day, as far as known. */
export interface CslDate {
  readonly 'date-parts': ReadonlyArray<readonly number[]>;
}

/** A source as a CSL-JSON item: what citeproc-js, Pandoc and Zotero read. */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly 'title-short'?: string;
  /** The outlet: the newspaper, site or blog the text appeared in. */
  readonly 'container-title'?: string;
  readonly author?: readonly CslName[];
  readonly issued?: CslDate;
  readonly accessed?: CslDate;
  readonly URL?: string;
}

/**
 * The CSL item of a source, from its metadata only (the manifest, front
 * matter or page metadata): nothing is made up — an undated source has no
 * `issued`, a source without a byline no author. Every field is one line.
 */
export function cslItemOf(meta: SourceMeta, key: string): CslItem {
  const title = oneLine(meta.title).trim();
  const outlet = meta.outlet ? oneLine(meta.outlet).trim() : undefined;
  const authors = meta.author ? parseAuthors(meta.author) : [];
  const issued = cslDateOf(commonDate(meta.date.from, meta.date.to));
  const accessed = cslDateOf(meta.accessed);
  const short = shortTitleOf(title);
  return {
    id: key,
    type: cslTypeOf(meta),
    title,
    ...(short ? { 'title-short': short } : {}),
    ...(outlet ? { 'container-title': outlet } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(issued ? { issued } : {}),
    ...(meta.url ? { URL: oneLine(meta.url).trim() } : {}),
    ...(accessed && meta.url ? { accessed } : {}),
  };
}

/** The CSL type a kind of source is cited as. */
export function cslTypeOf(meta: Pick<SourceMeta, 'kind' | 'outlet' | 'url'>): string {
  switch (meta.kind) {
    case 'article':
      return meta.outlet ? 'article-newspaper' : 'article';
    case 'blog-post':
      return 'post-weblog';
    case 'faq':
    case 'explainer':
      return 'webpage';
    case 'transcript':
      return 'interview';
    default:
      // A user's own file: an article when front matter names its outlet, a web page when it has an address.
      return meta.outlet ? 'article-newspaper' : meta.url ? 'webpage' : 'document';
  }
}

/** The part of a title before its colon, as short notes cite it (Chicago 13.32), when there is one. */
function shortTitleOf(title: string): string | undefined {
  const colon = title.indexOf(': ');
  if (colon <= 0) return undefined;
  const main = title.slice(0, colon).trim();
  return main.length >= 3 && main.length < title.length ? main : undefined;
}

/** The date both ends of a range share: "2025-06-02".."2025-06-30" is June 2025. */
function commonDate(from: string | undefined, to: string | undefined): string | undefined {
  if (!from) return to;
  if (!to) return from;
  const a = from.split('-');
  const b = to.split('-');
  const shared: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) shared.push(a[i]);
  return shared.length > 0 ? shared.join('-') : undefined;
}

/** "2025", "2025-06" or "2025-06-02" as CSL date parts; anything else is no date. */
export function cslDateOf(iso: string | undefined): CslDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!match) return undefined;
  const parts = [Number(match[1]), ...(match[2] ? [Number(match[2])] : []), ...(match[3] ? [Number(match[3])] : [])];
  if (parts[1] !== undefined && (parts[1] < 1 || parts[1] > 12)) return { 'date-parts': [[parts[0]]] };
  return { 'date-parts': [parts] };
}
