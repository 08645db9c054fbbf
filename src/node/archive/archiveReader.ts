/**
 * Reading the archive: ranked search (planned like the local engine's,
 * run by the server, snippets made here by the core's snippet code),
 * passages and documents by id, and the top passages for a topic or a
 * draft as a small corpus for the briefing and checks code. Every read
 * goes through the database's access rules: search through the
 * SECURITY DEFINER functions, lookups through row-level security.
 */
import { docIdOfPassage, isArchiveId } from '../../core/archive/archiveIds';
import type { AliasTable } from '../../core/search/aliasTable';
import { matchedTermsOf, passQuery, planArchiveQuery, swapPairs, typingTerms, typoMapOfPairs, type ArchivePass, type ArchivePlan } from '../../core/archive/archiveQuery';
import { metaFromJson, passageFromRow, type PassageRow } from '../../core/archive/archiveRows';
import { Corpus } from '../../core/corpus';
import type { Passage, SourceDocument, SourceMeta, TableFact } from '../../core/model';
import type { SearchHit } from '../../core/search/searchIndex';
import { makeSnippet } from '../../core/search/snippet';
import type { ArchiveConnection } from './archiveConnection';

/**
 * How many matches of a query the server ranks at most: the cost of a word found in most passages stays
 * bounded. Each candidate costs the server a heap read, a recheck and a rank (~20 µs); 300 kept the
 * bench's exact-word recall and cut a keystroke's server time by a third against 1,000.
 */
export const CANDIDATE_CAP = 300;
/** The OR pass only fills the list below the AND hits: fewer candidates for it (common words make it the costliest). */
const OR_CANDIDATE_CAP = 100;
/** Vocabulary neighbours looked at per typed word. */
const NEIGHBOURS_PER_WORD = 40;

export interface ArchiveSearchOptions {
  readonly limit?: number;
  /** Archive document ids to rank first (already cited in the draft). */
  readonly preferredDocIds?: readonly string[];
  /** The alias table the local library reads queries with (the bundled corpus's while it is included); the general one when not given. */
  readonly aliases?: AliasTable;
}

interface HitRow extends PassageRow {
  readonly collection: string;
  readonly meta: unknown;
  readonly rank: number;
}

const PASSAGE_COLUMNS = 'p.doc_id, p.id, p.collection, p.ord, p.kind, p.section, p.heading, p.text, p.span_start, p.span_end, p.heading_start, p.heading_end, p.gaps';

export class ArchiveReader {
  constructor(private readonly connection: ArchiveConnection) {}

  /** Ranked passages for a query, with snippets, as the local search returns them. */
  async search(query: string, options: ArchiveSearchOptions = {}): Promise<SearchHit[]> {
    const limit = options.limit ?? 10;
    const plan = planArchiveQuery(query, options.aliases);
    if (plan.groups.length === 0) return [];
    const preferred = [...(options.preferredDocIds ?? [])].filter(isArchiveId);
    const hits = new Map<string, SearchHit>();
    let typos = new Map<string, string[]>();
    const run = async (pass: ArchivePass): Promise<void> => {
      const rows = await this.connection.query<HitRow>('select * from briefing.search_passages($1::tsquery, $2, $3, $4)', [
        passQuery(plan, pass, typos),
        preferred,
        limit + hits.size,
        pass === 'some' ? OR_CANDIDATE_CAP : CANDIDATE_CAP,
      ]);
      for (const row of rows) {
        if (hits.size >= limit) break;
        if (!hits.has(row.id)) hits.set(row.id, hitOf(row, plan, typos));
      }
    };
    await run('all');
    if (hits.size < limit && plan.fuzzyTerms.length > 0) {
      typos = await this.typos(plan);
      if (typos.size > 0) await run('typos');
    }
    if (hits.size < limit && plan.groups.length > 1) await run('some');
    return [...hits.values()];
  }

  /** One-edit neighbours of the query's longer words that match nothing as typed, from the readable collections' vocabulary. */
  private async typos(plan: ArchivePlan): Promise<Map<string, string[]>> {
    const { swaps, swapWords } = swapPairs(plan.fuzzyTerms);
    const rows = await this.connection.query<{ word: string; near: string }>('select word, near from briefing.typo_neighbours($1, $2, $3, $4, $5)', [
      plan.fuzzyTerms,
      typingTerms(plan),
      swaps,
      swapWords,
      NEIGHBOURS_PER_WORD,
    ]);
    return typoMapOfPairs(rows);
  }

  /** A passage and its source, or undefined when there is none the session may read. */
  async passage(passageId: string): Promise<{ passage: Passage; meta: SourceMeta } | undefined> {
    const docId = docIdOfPassage(passageId);
    const rows = await this.connection.query<HitRow>(
      `select ${PASSAGE_COLUMNS}, d.meta from briefing.passages p join briefing.documents d on d.id = p.doc_id where p.doc_id = $1 and p.id = $2`,
      [docId, passageId],
    );
    const row = rows[0];
    return row ? { passage: passageFromRow(row), meta: metaFromJson(row.meta, row.doc_id, row.collection) } : undefined;
  }

  /** A whole document with its passages, or undefined. */
  async document(docId: string): Promise<SourceDocument | undefined> {
    const documents = await this.connection.query<{ meta: unknown; collection: string; sections: string[]; table_facts: TableFact[] }>(
      'select meta, collection, sections, table_facts from briefing.documents where id = $1',
      [docId],
    );
    const row = documents[0];
    if (!row) return undefined;
    const passages = await this.connection.query<PassageRow>(`select ${PASSAGE_COLUMNS} from briefing.passages p where p.doc_id = $1 order by p.ord`, [docId]);
    return { meta: metaFromJson(row.meta, docId, row.collection), sections: row.sections, passages: passages.map(passageFromRow), tableFacts: row.table_facts, dropped: [] };
  }

  /** The document's text as it was pushed, for showing a passage in place. */
  async rawText(docId: string): Promise<string | undefined> {
    const rows = await this.connection.query<{ raw: string }>('select raw from briefing.documents where id = $1', [docId]);
    return rows[0]?.raw;
  }

  /**
   * The top passages for each query, as a corpus of partial documents (only
   * those passages): what a topic page or the checks of a draft read from
   * the archive, never the whole archive.
   */
  async corpusFor(queries: readonly string[], perQuery: number): Promise<Corpus> {
    const passages = new Map<string, { passage: Passage; meta: SourceMeta }>();
    for (const query of queries) {
      for (const hit of await this.search(query, { limit: perQuery })) passages.set(hit.passage.id, { passage: hit.passage, meta: hit.meta });
    }
    const documents = new Map<string, { meta: SourceMeta; passages: Passage[] }>();
    for (const { passage, meta } of passages.values()) {
      const document = documents.get(meta.id) ?? { meta, passages: [] };
      document.passages.push(passage);
      documents.set(meta.id, document);
    }
    return new Corpus(
      [...documents.values()].map(({ meta, passages: list }) => ({
        meta,
        sections: [...new Set(list.flatMap((passage) => (passage.section ? [passage.section] : [])))],
        passages: list.sort((a, b) => a.order - b.order),
        tableFacts: [],
        dropped: [],
      })),
    );
  }

  /** The metadata of these documents that the session may read. */
  async metas(docIds: readonly string[]): Promise<SourceMeta[]> {
    if (docIds.length === 0) return [];
    const rows = await this.connection.query<{ id: string; collection: string; meta: unknown }>('select id, collection, meta from briefing.documents where id = any($1)', [docIds]);
    return rows.map((row) => metaFromJson(row.meta, row.id, row.collection));
  }

  /** Collections the session may read, with their sizes. */
  async collections(): Promise<Array<{ name: string; documents: number; passages: number }>> {
    return this.connection.query(
      `select c.name, count(d.id)::int as documents, coalesce(sum(d.passage_count), 0)::int as passages
       from briefing.collections c left join briefing.documents d on d.collection = c.name
       group by c.name order by c.name`,
    );
  }
}

function hitOf(row: HitRow, plan: ArchivePlan, typos: ReadonlyMap<string, readonly string[]>): SearchHit {
  const passage = passageFromRow(row);
  const meta = metaFromJson(row.meta, row.doc_id, row.collection);
  const matched = matchedTermsOf(plan, typos, meta.title, passage.heading, passage.text);
  return { passage, meta, score: row.rank, snippet: makeSnippet(passage.text, matched), matchedTerms: [...matched] };
}
