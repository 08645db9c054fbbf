import { LIMITS, noteLimit } from '../limits';
import type { Corpus } from '../corpus';
import type { SourceMeta, Span } from '../model';
import { relatedQuery } from '../search/relatedQuery';
import type { SearchHit, SearchIndex } from '../search/searchIndex';
import { paragraphAt } from '../text/paragraph';
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';
import { knowledgeFor, type CorpusKnowledge } from '../brief/knowledge';
import { draftProse } from './draftText';

/** Which passages support a sentence, and how many outlets that is. */
export interface ClaimSupport {
  /** Supporting passages, best first; empty when nothing in the sources is about the sentence. */
  readonly passages: readonly SearchHit[];
  /** Distinct documents among them. */
  readonly documents: number;
  /** Distinct outlets (else authors, else titles), in order of the best passage. */
  readonly outlets: readonly string[];
  /** True when support exists and all of it comes from one outlet. */
  readonly singleOutlet: boolean;
}

export interface ClaimFinding extends ClaimSupport {
  readonly sentence: Span;
  readonly text: string;
}

/** Words any text uses: matching them says nothing about a claim. (A corpus's own everyday words come with its knowledge.) */
const EVERYWHERE = new Set([
  'side', 'both', 'country', 'all', 'week', 'year', 'day', 'month', 'time', 'new', 'said', 'say', 'one', 'two', 'more', 'many', 'make', 'take', 'part', 'first', 'last',
  'still', 'only', 'just', 'now', 'other', 'some', 'most', 'made', 'way', 'even', 'well', 'back', 'over', 'after', 'before',
]);
const MIN_SHARED = 2;
const MIN_SHARE = 0.4;

/**
 * The passages that support a sentence: related-passage search, kept only
 * where the passage shares at least two of the sentence's distinctive
 * words and at least 40% of them, so an unrelated sentence gets none.
 */
export function supportFor(sentence: string, index: SearchIndex, corpus?: Corpus): ClaimSupport {
  const query = relatedQuery(sentence);
  const wanted = distinctiveTerms(sentence, corpus ? everywhereOf(corpus) : EMPTY);
  if (query.trim().length === 0 || wanted.size < MIN_SHARED) return none();
  const hits = index.search(query, { limit: 20 }).filter((hit) => {
    const shared = hit.matchedTerms.filter((term) => wanted.has(term));
    return new Set(shared).size >= MIN_SHARED && new Set(shared).size >= Math.ceil(wanted.size * MIN_SHARE);
  });
  const outlets: string[] = [];
  const documents = new Set<string>();
  for (const hit of hits) {
    documents.add(hit.meta.id);
    const name = outletOf(corpus?.meta(hit.meta.id) ?? hit.meta);
    if (!outlets.includes(name)) outlets.push(name);
  }
  return { passages: hits, documents: documents.size, outlets, singleOutlet: hits.length > 0 && outlets.length === 1 };
}

/** Support for each sentence of the paragraph around `offset` of a draft. */
export function checkClaims(draft: string, offset: number, index: SearchIndex, corpus?: Corpus): ClaimFinding[] {
  const paragraph = paragraphAt(draft, offset);
  const prose = draftProse(draft);
  let inParagraph = prose.sentences.filter((span) => span.start >= paragraph.start && span.end <= paragraph.end);
  if (inParagraph.length > LIMITS.claimSentences) {
    // A "paragraph" of hundreds of sentences (a draft without blank lines): the sentences around the cursor.
    noteLimit('claim-sentences', `Support is shown for the ${LIMITS.claimSentences} sentences around the cursor when a paragraph has more.`);
    const at = Math.max(0, inParagraph.findIndex((span) => span.end > offset));
    const from = Math.max(0, Math.min(at - LIMITS.claimSentences / 2, inParagraph.length - LIMITS.claimSentences));
    inParagraph = inParagraph.slice(from, from + LIMITS.claimSentences);
  }
  return inParagraph
    .map((span) => {
      const text = prose.text.slice(span.start, span.end);
      return { sentence: span, text, ...supportFor(text, index, corpus) };
    });
}

const EMPTY: ReadonlySet<string> = new Set();
const corpusWords = new WeakMap<CorpusKnowledge, ReadonlySet<string>>();
/** The words the corpus's knowledge says every one of its texts uses, as search terms. */
function everywhereOf(corpus: Corpus): ReadonlySet<string> {
  const knowledge = knowledgeFor(corpus);
  let words = corpusWords.get(knowledge);
  if (!words) {
    words = new Set(knowledge.everywhere.map((word) => toTerm(word) ?? word));
    corpusWords.set(knowledge, words);
  }
  return words;
}

function distinctiveTerms(sentence: string, everywhere: ReadonlySet<string>): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(sentence)) {
    const term = toTerm(token.word);
    if (term && term.length >= 3 && !EVERYWHERE.has(term) && !everywhere.has(term)) terms.add(term);
  }
  return terms;
}

function outletOf(meta: SourceMeta): string {
  return meta.outlet ?? meta.author ?? meta.title;
}

function none(): ClaimSupport {
  return { passages: [], documents: 0, outlets: [], singleOutlet: false };
}
