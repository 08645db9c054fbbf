import type { Corpus } from '../corpus';
import type { Passage, Span } from '../model';
import { spanIndexAt, splitSentences } from '../text/sentences';
import type { Citation } from './types';

/** Passages to read for a briefing, with their sentences cut once. */
export class BriefContext {
  readonly passages: readonly Passage[];
  private readonly sentenceCache = new Map<string, readonly Span[]>();
  private readonly order = new Map<string, number>();

  constructor(readonly corpus: Corpus, passages?: readonly Passage[]) {
    this.passages = passages ?? corpus.passages;
    let index = 0;
    for (const passage of corpus.passages) this.order.set(passage.id, index++);
  }

  /** Position of a passage in the corpus: documents in order, passages in document order. */
  orderOf(passageId: string): number {
    return this.order.get(passageId) ?? Number.MAX_SAFE_INTEGER;
  }

  sentences(passage: Passage): readonly Span[] {
    let spans = this.sentenceCache.get(passage.id);
    if (!spans) {
      spans = splitSentences(passage.text);
      if (spans.length === 0) spans = [{ start: 0, end: passage.text.length }];
      this.sentenceCache.set(passage.id, spans);
    }
    return spans;
  }

  /** The sentence of `passage` that holds `offset`. */
  sentenceAt(passage: Passage, offset: number): Span {
    const spans = this.sentences(passage);
    return spans[spanIndexAt(spans, offset)] ?? spans[spans.length - 1];
  }

  /** The sentence after the one holding `offset`, if any. */
  nextSentence(passage: Passage, offset: number): Span | undefined {
    const spans = this.sentences(passage);
    const index = spanIndexAt(spans, offset);
    return index >= 0 ? spans[index + 1] : undefined;
  }
}

export function cite(passage: Passage, span: Span): Citation {
  return { passageId: passage.id, docId: passage.docId, span: { start: span.start, end: span.end }, quote: passage.text.slice(span.start, span.end) };
}

/** Citations sorted by document order, duplicates dropped. */
export function uniqueCitations<C extends Citation>(citations: readonly C[], order: (passageId: string) => number): C[] {
  const seen = new Set<string>();
  const out: C[] = [];
  for (const citation of citations) {
    const key = `${citation.passageId}@${citation.span.start}-${citation.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(citation);
  }
  return out.sort((a, b) => order(a.passageId) - order(b.passageId) || a.span.start - b.span.start);
}

export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
