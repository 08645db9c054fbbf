import type { Corpus } from '../core/corpus';

const NONE: ReadonlySet<string> = new Set();

/**
 * The passages of the sources a draft cites, which search ranks first.
 * Read from those documents' own passage lists, never by going through
 * every passage of the library, and kept until the library or the cited
 * sources change: typing a query asks for the same set keystroke after
 * keystroke.
 */
export class PreferredPassages {
  private last: { corpus: Corpus; version: number; key: string; passages: ReadonlySet<string> } | undefined;

  of(corpus: Corpus, docIds: readonly string[]): ReadonlySet<string> {
    if (docIds.length === 0) return NONE;
    const key = [...docIds].sort().join('\n');
    const last = this.last;
    if (last && last.corpus === corpus && last.version === corpus.version && last.key === key) return last.passages;
    const passages = new Set<string>();
    for (const docId of new Set(docIds)) for (const passage of corpus.document(docId)?.passages ?? []) passages.add(passage.id);
    this.last = { corpus, version: corpus.version, key, passages };
    return passages;
  }
}
