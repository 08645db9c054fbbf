import type { Span } from '../model';
import { splitSentences } from '../text/sentences';
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';

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

/** A passage's words (with their index terms) and sentences, worked out once. */
interface Layout {
  readonly words: ReadonlyArray<{ readonly span: Span; readonly term: string | null; readonly lower: string }>;
  readonly sentences: readonly Span[];
}

const layouts = new Map<string, Layout>();

function layoutOf(text: string): Layout {
  const cached = layouts.get(text);
  if (cached) {
    layouts.delete(text);
    layouts.set(text, cached);
    return cached;
  }
  const layout: Layout = {
    words: tokenize(text).map((token) => ({ span: token.span, term: toTerm(token.word), lower: token.word.toLowerCase() })),
    sentences: splitSentences(text),
  };
  layouts.set(text, layout);
  if (layouts.size > LAYOUT_CACHE_SIZE) layouts.delete(layouts.keys().next().value as string);
  return layout;
}

/**
 * Picks the sentence with the most distinct matched terms, then grows it
 * with neighbouring sentences that match too, up to three sentences.
 */
export function makeSnippet(text: string, matchedTerms: ReadonlySet<string>): Snippet {
  const layout = layoutOf(text);
  const hits = layout.words
    .filter((word) => word.term !== null && (matchedTerms.has(word.term) || matchedTerms.has(word.lower)))
    .map((word) => ({ span: word.span, term: word.term! }));
  const sentences = layout.sentences;
  if (sentences.length === 0) return { text, span: { start: 0, end: text.length }, highlights: [] };

  const termsIn = (sentence: Span): Set<string> =>
    new Set(hits.filter((hit) => hit.span.start >= sentence.start && hit.span.end <= sentence.end).map((hit) => hit.term));
  const scores = sentences.map((sentence) => termsIn(sentence).size);
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
  // A lone short sentence reads better with the next one ("“It’s a lot,” Putin acknowledged.").
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
