import type { SourceMeta } from '../model';
import { CitationKeys } from './citationKey';
import { cslItemOf, type CslItem } from './cslItem';

/** Lowercase words, accents, markup and punctuation dropped: how a title is found inside a written citation. */
export function plainWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\\[a-z]+\{?/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The sources of a library as citations see them: each with its citation
 * key and CSL item, found by key, by a footnote label made from a key, or
 * by its title inside a written citation.
 */
export class SourceLookup {
  readonly keys: CitationKeys;
  private readonly metas = new Map<string, SourceMeta>();
  private readonly items = new Map<string, CslItem>();
  private readonly titles: Array<{ readonly words: string; readonly docId: string }>;
  private readonly creators: Array<{ readonly words: string; readonly year: string; readonly docId: string }>;

  constructor(metas: Iterable<SourceMeta>) {
    for (const meta of metas) this.metas.set(meta.id, meta);
    this.keys = new CitationKeys(this.metas.values());
    // Titles and short titles (the part before a colon) that name one source only, longest first.
    const named = new Map<string, Set<string>>();
    for (const meta of this.metas.values()) {
      const short = meta.title.includes(': ') ? meta.title.slice(0, meta.title.indexOf(': ')) : meta.title;
      for (const title of new Set([plainWords(meta.title), plainWords(short)])) {
        if (title.length >= 8) named.set(title, (named.get(title) ?? new Set()).add(meta.id));
      }
    }
    this.titles = [...named]
      .filter(([, docs]) => docs.size === 1)
      .map(([words, docs]) => ({ words, docId: [...docs][0] }))
      .sort((a, b) => b.words.length - a.words.length);
    this.creators = [...this.metas.values()].flatMap((meta) => {
      const year = /^\d{4}/.exec(meta.date.from ?? meta.date.to ?? '')?.[0] ?? 'n d';
      const item = this.item(meta.id);
      const names = (item?.author ?? []).map((name) => plainWords(name.literal ?? `${name['non-dropping-particle'] ?? ''} ${name.family ?? ''}`));
      return [...names, ...(meta.outlet ? [plainWords(meta.outlet)] : [])].filter((words) => words.length >= 3).map((words) => ({ words, year, docId: meta.id }));
    });
  }

  meta(docId: string): SourceMeta | undefined {
    return this.metas.get(docId);
  }

  keyOf(docId: string): string {
    return this.keys.keyOf(docId) ?? docId;
  }

  /** The CSL item of a source, its citation key as its id. */
  item(docId: string): CslItem | undefined {
    let item = this.items.get(docId);
    const meta = this.metas.get(docId);
    if (!item && meta) {
      item = cslItemOf(meta, this.keyOf(docId));
      this.items.set(docId, item);
    }
    return item;
  }

  /** The source a citation key names. */
  docIdOfKey(key: string): string | undefined {
    return this.keys.docIdOf(key);
  }

  /** The source of a footnote label Briefing wrote: its key, or its key with `-2`, `-3` for later notes. */
  docIdOfLabel(label: string): string | undefined {
    return this.keys.docIdOf(label) ?? this.keys.docIdOf(label.replace(/-\d+$/, ''));
  }

  /**
   * The source an in-text citation names: by its title or short title, or
   * by an author's family name or the outlet with the year ("(Lennon,
   * n.d.)", "(World Today News 2025)"), or without one when the citation
   * gives no year ("(Lennon 4)").
   */
  docIdCitedBy(citation: string): string | undefined {
    const named = this.docIdNamedIn(citation);
    if (named) return named;
    const words = ` ${plainWords(citation)} `;
    // MLA names no year: a citation without any year matches by name alone.
    const yearless = !/\b\d{4}\b/.test(citation);
    return this.creators.find((creator) => words.includes(` ${creator.words} `) && (yearless || words.includes(` ${creator.year} `)))?.docId;
  }

  /** The source whose title a written citation or entry contains, if one does. */
  docIdNamedIn(text: string): string | undefined {
    const words = ` ${plainWords(text)} `;
    return this.titles.find((title) => words.includes(` ${title.words} `))?.docId;
  }
}
