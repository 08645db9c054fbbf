import type { SourceMeta } from '../model';
import { parseAuthors } from './names';

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'for', 'to', 'at', 'by', 'with', 'as', 'is', 'from', 'its', 'der', 'die', 'das', 'le', 'la', 'les', 'el', 'los', 'de', 'del']);

/** Lowercase letters and digits only, accents dropped ("Łódź" → "lodz"); letters of other scripts kept. */
function keyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .map(keyPart)
    .filter((word) => word && !STOP_WORDS.has(word));
}

/**
 * A readable citation key, the way reference managers make them: who (the
 * first author's family name, else the outlet), the year, and the title's
 * first word — `dailycourier2025harbour`, `petrovaterms`. Depends only on
 * the metadata, so the same source always gets the same key.
 */
export function baseCitationKey(meta: Pick<SourceMeta, 'author' | 'outlet' | 'title' | 'date'>): string {
  const first = meta.author ? parseAuthors(meta.author)[0] : undefined;
  const who = first ? keyPart(first.literal ? words(first.literal).slice(0, 3).join('') : `${first['non-dropping-particle'] ?? ''}${first.family ?? ''}`) : meta.outlet ? words(meta.outlet).slice(0, 3).join('') : '';
  const year = /^\d{4}/.exec(meta.date.from ?? meta.date.to ?? '')?.[0] ?? '';
  const title = words(meta.title).slice(0, who ? 1 : 3).join('');
  const key = `${who}${year}${title}`.slice(0, 60);
  return key || 'source';
}

/** Keys for every source of a library, unique: a second source with the same key gets `b`, a third `c` (in id order). */
export class CitationKeys {
  private readonly byDoc = new Map<string, string>();
  private readonly byKey = new Map<string, string>();

  constructor(metas: Iterable<Pick<SourceMeta, 'id' | 'author' | 'outlet' | 'title' | 'date'>>) {
    const sorted = [...metas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const meta of sorted) {
      const base = baseCitationKey(meta);
      let key = base;
      for (let n = 1; this.byKey.has(key); n++) key = `${base}${suffix(n)}`;
      this.byDoc.set(meta.id, key);
      this.byKey.set(key, meta.id);
    }
  }

  keyOf(docId: string): string | undefined {
    return this.byDoc.get(docId);
  }

  docIdOf(key: string): string | undefined {
    return this.byKey.get(key);
  }
}

/** The second source of a key is `…b`, the third `…c`, as reference managers do; past `z`, a number. */
function suffix(n: number): string {
  return n <= 24 ? String.fromCharCode(97 + n) : `-${n + 1}`;
}
