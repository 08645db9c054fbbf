import { isPlausibleTitle, withoutSiteName } from './documentMetadata';
import type { PageHeading } from './htmlScan';

/**
 * A web page's own title: the headline it prints above the article, when
 * the page's statements about itself (JSON-LD headline, og:title and its
 * kin, `<title>` without the site's name) back it; otherwise the title most
 * of those statements agree on. A social or search headline that differs
 * from the printed one loses to it, and the site's name (a logo set as the
 * page's h1) is never the title.
 */

export interface TitleStatements {
  /** JSON-LD headline, og:title (or twitter:title, dc.title…), `<title>`, in that order of trust. */
  readonly stated: ReadonlyArray<string | undefined>;
  readonly headings: readonly PageHeading[];
  readonly outlet?: string;
  /** HTML offset where the article's text begins, when the article was found. */
  readonly articleStart?: number;
}

export function pageTitle({ stated, headings, outlet, articleStart }: TitleStatements): string | undefined {
  const isSiteName = (text: string): boolean => outlet !== undefined && sameSite(text, outlet);
  const headlines = headings.filter((heading) => heading.level === 1 && isPlausibleTitle(heading.text) && !isSiteName(heading.text));
  const printed = printedHeadline(headlines, articleStart);
  const candidates = stated
    .map((text) => (isPlausibleTitle(text) ? withoutSiteName(decodeLeftovers(text), outlet, printed ? [printed.text] : []) : undefined))
    .filter((text): text is string => isPlausibleTitle(text) && !isSiteName(text));

  if (printed) {
    if (candidates.length === 0) return tidy(printed.text);
    if (candidates.some((candidate) => comparable(candidate) === comparable(printed.text) || sharesWords(candidate, printed.text))) return tidy(printed.text);
  }
  // The h1 was the site's name or a section's: an h2 that says what the page's statements say is the headline as printed.
  const printedH2 = headings.find((heading) => heading.level === 2 && candidates.some((candidate) => comparable(candidate) === comparable(heading.text)));
  if (printedH2) return tidy(printedH2.text);
  return mostAgreed(printed ? [...candidates, printed.text] : candidates);
}

/** The h1 nearest above the article (the last one before it starts), else the first one. */
function printedHeadline(headlines: readonly PageHeading[], articleStart: number | undefined): PageHeading | undefined {
  if (headlines.length === 0) return undefined;
  if (articleStart === undefined) return headlines[0];
  const before = headlines.filter((heading) => heading.at <= articleStart);
  return before.length > 0 ? before[before.length - 1] : headlines[0];
}

/** The candidate most of the others agree with; on a tie, the first (the order of trust). */
function mostAgreed(candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestVotes = 0;
  for (const candidate of candidates) {
    const votes = candidates.filter((other) => comparable(other) === comparable(candidate)).length;
    if (votes > bestVotes) {
      best = candidate;
      bestVotes = votes;
    }
  }
  return best === undefined ? undefined : tidy(best);
}

/**
 * Two headlines for the same story (a rewrite for social media shares
 * words with the printed one): at least two words of four letters or more
 * in common, and a quarter of the shorter one's.
 */
function sharesWords(a: string, b: string): boolean {
  const words = (text: string): Set<string> => new Set((comparable(text).match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((word) => word.toLowerCase()));
  const [x, y] = [words(a), words(b)];
  const shared = [...x].filter((word) => y.has(word)).length;
  return shared >= 2 && shared >= 0.25 * Math.min(x.size, y.size);
}

/** The site's own name, as og:site_name or the publisher gives it ("The Courier" and "Courier", "example.com" and "Example"). */
function sameSite(text: string, outlet: string): boolean {
  const [a, b] = [siteKey(text), siteKey(outlet)];
  return a.length > 0 && (a === b || (b.length > 3 && a.length > 3 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 4));
}

function siteKey(text: string): string {
  return comparable(text)
    .replace(/^(https?:\/\/)?(www\.)?/, '')
    .replace(/^the\s+/, '')
    .replace(/\.(com|org|net|co\.uk|co|de|fr|in|ru|it|br|kr|jp)(\/.*)?$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Entities some sites escape twice in meta tags ("Talks &amp;amp; terms"). */
export function decodeLeftovers(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d{1,7});|&#x([0-9a-f]{1,6});/gi, (entity, decimal: string | undefined, hex: string | undefined) => {
      const code = decimal ? Number(decimal) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
