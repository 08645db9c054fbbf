import type { HtmlFacts } from './htmlScan';
import { cleanAuthor, joinAuthors, type DocumentMetadata } from './documentMetadata';
import { pageDate } from './pageDate';
import { decodeLeftovers, pageTitle } from './pageTitle';

/** What the reader found on the page besides its metadata. */
export interface PageFindings {
  /** Readability's byline. */
  readonly byline?: string;
  /** HTML offset where the story's first paragraph begins. */
  readonly articleStart?: number;
  /** The short lines around the headline, where a dateline is printed. */
  readonly datelines?: readonly string[];
}

/**
 * A web page's citation metadata from what the page says about itself:
 * JSON-LD (schema.org Article), Open Graph and other meta tags, the
 * canonical link, the headline it prints (see pageTitle.ts), the byline,
 * and the date its metadata and its dateline give (see pageDate.ts).
 */
export function pageMetadata(facts: HtmlFacts, found: PageFindings = {}): DocumentMetadata {
  const ld = readJsonLd(facts.jsonLd);
  const meta = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const value = facts.meta.get(key)?.trim();
      if (value) return value;
    }
    return undefined;
  };

  const outlet = firstOf(ld.publisher, meta('og:site_name', 'application-name', 'publisher', 'dc.publisher', 'citation_journal_title'));
  const title = pageTitle({
    stated: [ld.headline, meta('og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title', 'citation_title'), facts.title],
    headings: facts.headings,
    ...(outlet ? { outlet: decodeLeftovers(outlet) } : {}),
    ...(found.articleStart !== undefined ? { articleStart: found.articleStart } : {}),
  });

  const metaAuthors = [...(facts.metaAll.get('author') ?? []), ...(facts.metaAll.get('article:author') ?? []), ...(facts.metaAll.get('citation_author') ?? [])];
  const authorCandidates: Array<string | undefined> = [
    ld.authors.length > 0 ? joinAuthors(ld.authors.map((name) => cleanAuthor(name, outlet) ?? '')) : undefined,
    joinAuthors(metaAuthors.map((name) => cleanAuthor(name, outlet) ?? '')),
    meta('dc.creator', 'parsely-author', 'sailthru.author', 'byl', 'twitter:creator:name'),
    found.byline,
    facts.bylines.find((line) => cleanAuthor(line, outlet) !== undefined && line.split(/\s+/).length <= 40),
    // A "By …" line printed near the headline.
    found.datelines?.find((line) => /^(by|von|par|por|door)\s+\S/i.test(line) && line.length < 160),
  ];
  let author: string | undefined;
  for (const candidate of authorCandidates) {
    author = cleanAuthor(candidate, outlet);
    if (author) break;
  }

  const language = facts.lang ?? meta('og:locale', 'language', 'content-language', 'dc.language');
  const published = pageDate(facts, ld.datePublished, [...(found.datelines ?? []), ...facts.bylines.flatMap((line) => line.split('\n'))], language);
  const url = firstOf(absoluteUrl(facts.canonical), absoluteUrl(meta('og:url')), absoluteUrl(ld.url));
  return {
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(outlet ? { outlet: decodeLeftovers(outlet) } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
    ...(language ? { language } : {}),
  };
}

interface LinkedData {
  headline?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  url?: string;
}

const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|MedicalWebPage|WebPage|Blog|CreativeWork|Review|Recipe|Book|Chapter)$/;

/** The article described by the page's JSON-LD: the first object of an article type (a WebPage only when no article is given). */
function readJsonLd(scripts: readonly string[]): LinkedData {
  const objects: Array<Record<string, unknown>> = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || objects.length > 200) return;
    if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      objects.push(record);
      if (record['@graph']) visit(record['@graph'], depth + 1);
      if (record.mainEntity) visit(record.mainEntity, depth + 1);
    }
  };
  for (const script of scripts.slice(0, 20)) {
    if (script.length > 2_000_000) continue;
    const json = script.replace(/^\s*(<!--|(\/\/\s*)?<!\[CDATA\[)/, '').replace(/((\/\/\s*)?\]\]>|-->)\s*$/, '');
    try {
      visit(JSON.parse(json), 0);
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources of metadata remain.
    }
  }
  const types = (record: Record<string, unknown>): string[] => (Array.isArray(record['@type']) ? record['@type'] : [record['@type']]).filter((type): type is string => typeof type === 'string');
  const isArticle = (record: Record<string, unknown>): boolean => types(record).some((type) => ARTICLE_TYPES.test(type) && !/^(WebPage|Blog|CreativeWork)$/.test(type));
  const article = objects.find(isArticle) ?? objects.find((record) => types(record).some((type) => ARTICLE_TYPES.test(type)));
  if (!article) return { authors: [] };
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const nameOf = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap(nameOf);
    if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
    if (value && typeof value === 'object') return text((value as Record<string, unknown>).name) ? [text((value as Record<string, unknown>).name)!] : [];
    return [];
  };
  const publisher = nameOf(article.publisher)[0] ?? nameOf(article.sourceOrganization)[0];
  const main = article.mainEntityOfPage;
  const url = text(article.url) ?? (main && typeof main === 'object' ? text((main as Record<string, unknown>)['@id']) : text(main));
  const headline = text(article.headline) ?? (isArticle(article) ? text(article.name) : undefined);
  const datePublished = text(article.datePublished) ?? text(article.dateCreated);
  return {
    ...(headline ? { headline } : {}),
    authors: nameOf(article.author).concat(article.author ? [] : nameOf(article.creator)),
    ...(datePublished ? { datePublished } : {}),
    ...(publisher ? { publisher } : {}),
    ...(url ? { url } : {}),
  };
}

function firstOf(...values: Array<string | undefined>): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '')?.trim();
}

function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(value.trim()) ? value.trim() : undefined;
}
