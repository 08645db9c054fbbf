import type { Span } from '../model';
import { splitSentences } from '../text/sentences';
import { spellingsOf, toTerm } from '../text/terms';
import { forEachWordSpan, searchForm } from '../text/tokens';
import { wordMatchesAny } from '../text/wordTerms';

/** The sentences of a passage that best answer a query, with the matched words marked. */
export interface Snippet {
  /** One to three whole sentences of the passage, verbatim. */
  readonly text: string;
  /** Where `text` sits in the passage's text. */
  readonly span: Span;
  /** Matched words, as ranges within `text`. */
  readonly highlights: readonly Span[];
}

const MAX_SENTENCES = 3;
const MAX_SNIPPET_CHARS = 360;
/** Passages whose words and sentences are kept: typing a query asks for the same ones keystroke after keystroke. */
const LAYOUT_CACHE_SIZE = 4000;

/** A passage's words (where each starts and ends) and sentences, worked out once. */
interface Layout {
  /** Start and end of each word, in pairs. */
  readonly words: Int32Array;
  readonly sentences: readonly Span[];
}

const layouts = new Map<string, Layout>();
/** Word boundaries of the passage being laid out, before they are copied into its layout. */
let scratch = new Int32Array(1024);

function layoutOf(text: string): Layout {
  const cached = layouts.get(text);
  if (cached) {
    layouts.delete(text);
    layouts.set(text, cached);
    return cached;
  }
  let count = 0;
  forEachWordSpan(text, (start, end) => {
    if (count + 2 > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[count++] = start;
    scratch[count++] = end;
  });
  const layout: Layout = { words: scratch.slice(0, count), sentences: splitSentences(text) };
  layouts.set(text, layout);
  if (layouts.size > LAYOUT_CACHE_SIZE) layouts.delete(layouts.keys().next().value as string);
  return layout;
}

const initialsScratch = new Uint8Array(128);

/**
 * The first characters (ASCII, lowercased) a word can start with and still
 * stand for one of the terms: a term keeps its word's first letter, except
 * for the spellings the terms unify (organisation → organization) and "%" (percent). Words
 * starting otherwise are skipped without working out their term, which is
 * most of a passage's words.
 */
function initialsOf(terms: ReadonlySet<string>): Uint8Array {
  const initials = initialsScratch.fill(0);
  const add = (word: string): void => {
    const code = word.charCodeAt(0);
    if (code < 128) initials[code >= 65 && code <= 90 ? code | 0x20 : code] = 1;
  };
  for (const term of terms) {
    add(term);
    for (const spelling of spellingsOf(term)) add(spelling);
    if (term === 'percent') add('%');
  }
  return initials;
}

/** The words of a passage that match the terms, with the term each stands for. */
function matchedWords(text: string, layout: Layout, matchedTerms: ReadonlySet<string>): Array<{ span: Span; term: string }> {
  // Stems and cross-script name keys are matched through the words' own terms (wordTerms.ts): every word is looked at then.
  const deeper = [...matchedTerms].some((term) => term.startsWith('~') || /[\u0400-\u04ff]/.test(term));
  const initials = deeper ? initialsScratch.fill(1) : initialsOf(matchedTerms);
  const hits: Array<{ span: Span; term: string }> = [];
  const { words } = layout;
  for (let i = 0; i < words.length; i += 2) {
    const start = words[i];
    // A word's search form starts with the letter it is written with ("%" aside, which the initials allow for).
    const code = text.charCodeAt(start);
    if (code < 128 && initials[code >= 65 && code <= 90 ? code | 0x20 : code] === 0) continue;
    const end = words[i + 1];
    const word = searchForm(text.slice(start, end));
    const term = toTerm(word);
    if (term !== null && (matchedTerms.has(term) || matchedTerms.has(word.toLowerCase()) || (deeper && wordMatchesAny(word, matchedTerms)))) {
      hits.push({ span: { start, end }, term });
    }
  }
  return hits;
}

/**
 * Picks the sentence with the most distinct matched terms, then grows it
 * with neighbouring sentences that match too, up to three sentences.
 */
export function makeSnippet(text: string, matchedTerms: ReadonlySet<string>): Snippet {
  const layout = layoutOf(text);
  const hits = matchedWords(text, layout, matchedTerms);
  const sentences = layout.sentences;
  if (sentences.length === 0) return { text, span: { start: 0, end: text.length }, highlights: [] };

  // Distinct matched terms per sentence, in one pass over the hits (both are in text order).
  const scores = new Array<number>(sentences.length).fill(0);
  const lastSentenceOf = new Map<string, number>();
  for (let i = 0, s = 0; i < hits.length; i++) {
    const { span, term } = hits[i];
    while (s < sentences.length && sentences[s].end < span.end) s++;
    if (s === sentences.length) break;
    if (span.start < sentences[s].start || lastSentenceOf.get(term) === s) continue;
    lastSentenceOf.set(term, s);
    scores[s]++;
  }
  let best = 0;
  for (let i = 1; i < sentences.length; i++) if (scores[i] > scores[best]) best = i;

  let first = best;
  let last = best;
  const length = (): number => sentences[last].end - sentences[first].start;
  while (last - first + 1 < MAX_SENTENCES) {
    const canGrowRight = last + 1 < sentences.length && scores[last + 1] > 0;
    const canGrowLeft = first > 0 && scores[first - 1] > 0;
    if (canGrowRight && sentences[last + 1].end - sentences[first].start <= MAX_SNIPPET_CHARS) last++;
    else if (canGrowLeft && sentences[last].end - sentences[first - 1].start <= MAX_SNIPPET_CHARS) first--;
    else break;
  }
  // A lone short sentence reads better with the next one ("“It’s a lot,” the mayor acknowledged.").
  if (first === last && length() < 80 && last + 1 < sentences.length) last++;

  const span = { start: sentences[first].start, end: sentences[last].end };
  const highlights = hits
    .filter((hit) => hit.span.start >= span.start && hit.span.end <= span.end)
    .map((hit) => ({ start: hit.span.start - span.start, end: hit.span.end - span.start }));
  return { text: text.slice(span.start, span.end), span, highlights };
}

/** Marks highlights with the given wrappers, e.g. `**`/`**` or ANSI codes. */
export function markSnippet(snippet: Snippet, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    out += snippet.text.slice(at, start) + open + snippet.text.slice(start, end) + close;
    at = end;
  }
  return out + snippet.text.slice(at);
}
