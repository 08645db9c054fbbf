/**
 * Source metadata as CSL-JSON, stored beside each archive document so
 * citation processors and other tools can read the archive too.
 */
import type { DocumentKind, SourceMeta } from '../model';

/** A CSL-JSON item: what citation processors (citeproc, pandoc) read. */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly author?: ReadonlyArray<{ readonly literal: string }>;
  readonly 'container-title'?: string;
  readonly issued?: { readonly 'date-parts': number[][] } | { readonly literal: string };
  readonly URL?: string;
}

const CSL_TYPES: Readonly<Record<DocumentKind, string>> = {
  article: 'article-newspaper',
  'blog-post': 'post-weblog',
  faq: 'webpage',
  explainer: 'webpage',
  transcript: 'interview',
  note: 'document',
};

/** A source's metadata as a CSL-JSON item, stored beside it in the archive for other tools. */
export function cslItem(meta: SourceMeta): CslItem {
  const parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(meta.date.from ?? '');
  const issued = parts
    ? { 'date-parts': [parts.slice(1).filter((part): part is string => part !== undefined).map(Number)] }
    : meta.date.label && meta.date.label !== 'n.d.'
      ? { literal: meta.date.label }
      : undefined;
  return {
    id: meta.id,
    type: CSL_TYPES[meta.kind] ?? 'document',
    title: meta.title,
    ...(meta.author ? { author: [{ literal: meta.author }] } : {}),
    ...(meta.outlet ? { 'container-title': meta.outlet } : {}),
    ...(issued ? { issued } : {}),
    ...(meta.url ? { URL: meta.url } : {}),
  };
}
