import { LIMITS, noteLimit } from '../limits';
import type { CorpusAnalysis } from '../brief/briefing';
import type { Citation, Stance } from '../brief/types';
import type { Corpus } from '../corpus';
import type { Passage, Span } from '../model';
import { splitSentences } from '../text/sentences';
import { draftProse, type DraftProse } from './draftText';
import { findQuotes, type DraftQuote } from './quotes';
import { resolveSpeaker, type Speaker } from './speakers';
import { findPieces, likeness, quotePieces, wordsOf, type Word } from './wording';

/** What the sources say about a quote of the draft. */
export interface QuoteFinding {
  readonly quote: DraftQuote;
  /**
   * verbatim: the words are in a source, and no source gives them to another person;
   * misattributed: the words are in a source, quoted as another person's;
   * not-found: not word for word in any source, but a source sentence is close (a misquote, or a paraphrase in quote marks);
   * unsourced: nothing in the sources is close (original reporting, or another source).
   */
  readonly status: 'verbatim' | 'misattributed' | 'not-found' | 'unsourced';
  /** Where the words are (verbatim, misattributed), each sentence cited. */
  readonly citations: readonly Citation[];
  /** The closest source sentence, for quotes not found. */
  readonly closest?: { readonly citation: Citation; readonly likeness: number; readonly speaker?: Speaker };
  /** Who the draft says spoke, as written, and the entity that is, when known. */
  readonly attributedTo?: string;
  readonly attributedSpeaker?: Speaker;
  /** Who the sources say spoke the words, when they say. */
  readonly sourceSpeaker?: Speaker;
  /** For verbatim quotes: whether a source quotes the words too, or they are the source's own narration. */
  readonly quotedInSource?: boolean;
  readonly message: string;
}

export interface QuoteCheckOptions {
  /** Check quotes that name no speaker too (scare quotes, titles); off by default to keep quiet. */
  readonly unattributed?: boolean;
}

/** Where a quote's words are found this often, more places tell nothing more (a word like "a" is everywhere). */
const MAX_MATCHES = 50;

/** Minimum likeness for a source sentence to be offered as what a misquote should say. */
const CLOSE_ENOUGH = 0.5;

interface PassageWords {
  readonly passage: Passage;
  readonly words: readonly Word[];
  readonly folded: readonly string[];
  readonly sentences: readonly Span[];
  /** Quoted stretches of the passage, in its own quote marks. */
  readonly quoted: readonly Span[];
  readonly stances: readonly Stance[];
}

const cache = new WeakMap<Corpus, WeakMap<CorpusAnalysis, PassageWords[]>>();

/**
 * Looks each attributed quote of a draft up in the sources word for word
 * (quote marks, case, punctuation and whitespace aside; an ellipsis is a
 * gap) and compares the speaker with the one the sources give.
 */
export function checkQuotes(draft: string, corpus: Corpus, analysis: CorpusAnalysis, options: QuoteCheckOptions = {}, prose: DraftProse = draftProse(draft)): QuoteFinding[] {
  const passages = prepare(corpus, analysis);
  const findings: QuoteFinding[] = [];
  // Each quote is looked up in every passage: the same words given to the same speaker are looked up once,
  // and at most LIMITS.quotesPerDraft quotes are, so a draft of repeated quotes stays bounded (issue #17).
  const seen = new Map<string, QuoteFinding | undefined>();
  for (const quote of findQuotes(draft, prose, analysis)) {
    if (!quote.attributedTo && !options.unattributed) continue;
    const key = `${quote.attributedTo ?? ''}\u0000${quote.text}`;
    if (!seen.has(key)) {
      if (seen.size >= LIMITS.quotesPerDraft) {
        noteLimit('quotes-per-draft', `Only the first ${LIMITS.quotesPerDraft.toLocaleString('en-US')} different quotes of a draft are checked against the sources.`);
        break;
      }
      const finding = checkQuote(quote, passages, analysis, corpus);
      seen.set(key, finding);
    }
    const known = seen.get(key);
    if (known) findings.push({ ...known, quote });
  }
  return findings;
}

function checkQuote(quote: DraftQuote, passages: readonly PassageWords[], analysis: CorpusAnalysis, corpus: Corpus): QuoteFinding | undefined {
  const pieces = quotePieces(quote.text);
  if (pieces.length === 0) return undefined;
  const attributedSpeaker = quote.attributedTo ? resolveSpeaker(quote.attributedTo, analysis) : undefined;
  const attribution = {
    ...(quote.attributedTo ? { attributedTo: quote.attributedTo } : {}),
    ...(attributedSpeaker ? { attributedSpeaker } : {}),
  };

  const matches: { entry: PassageWords; range: Span; citation: Citation; speaker?: Speaker; quoted: boolean }[] = [];
  for (const entry of passages) {
    for (let from = 0; from < entry.folded.length; ) {
      const found = findPieces(entry.folded, pieces, from);
      if (!found) break;
      const range = { start: entry.words[found.first].start, end: entry.words[found.last].end };
      const quoted = entry.quoted.some((span) => span.start <= range.start && range.end <= span.end);
      const speaker = quoted ? speakerAt(entry, range, analysis) : undefined;
      matches.push({ entry, range, citation: sentenceCitation(entry, range), ...(speaker ? { speaker } : {}), quoted });
      from = found.first + 1;
      if (matches.length >= MAX_MATCHES) break;
    }
    if (matches.length >= MAX_MATCHES) break;
  }

  // A quote the source runs over two paragraphs (news style: no closing mark before the next paragraph's opening one).
  if (matches.length === 0 && pieces.flat().length >= 8) {
    const across = acrossPassages(passages, pieces);
    if (across) {
      const speaker = across.quoted ? speakerAt(across.entry, across.range, analysis) : undefined;
      matches.push({ entry: across.entry, range: across.range, citation: sentenceCitation(across.entry, across.range), ...(speaker ? { speaker } : {}), quoted: across.quoted });
    }
  }

  if (matches.length > 0) {
    const speakers = new Map<string, Speaker>();
    for (const match of matches) if (match.speaker?.kind === 'person') speakers.set(match.speaker.id, match.speaker);
    const citations = uniqueCitations(matches.map((match) => match.citation));
    const quotedInSource = matches.some((match) => match.quoted);
    if (attributedSpeaker?.kind === 'person' && speakers.size > 0 && !speakers.has(attributedSpeaker.id)) {
      const sourceSpeaker = [...speakers.values()][0];
      const byOthers = matches.filter((match) => match.speaker?.id === sourceSpeaker.id).map((match) => match.citation);
      return {
        quote,
        status: 'misattributed',
        citations: uniqueCitations(byOthers),
        ...attribution,
        sourceSpeaker,
        quotedInSource,
        message: `The sources attribute “${quote.text}” to ${sourceSpeaker.name}, not ${quote.attributedTo}: “${byOthers[0].quote}” (${sourceName(corpus, byOthers[0].docId)})`,
      };
    }
    const own = matches.find((match) => match.speaker && match.speaker.id === attributedSpeaker?.id)?.speaker ?? [...speakers.values()][0];
    return {
      quote,
      status: 'verbatim',
      citations,
      ...attribution,
      ...(own ? { sourceSpeaker: own } : {}),
      quotedInSource,
      message: `Word for word in ${[...new Set(citations.map((citation) => sourceName(corpus, citation.docId)))].join('; ')}: “${citations[0].quote}”`,
    };
  }

  const closest = closestSentence(pieces.flat(), passages, analysis, attributedSpeaker);
  if (!closest || closest.likeness < CLOSE_ENOUGH) {
    return {
      quote,
      status: 'unsourced',
      citations: [],
      ...attribution,
      message: `Not in your sources: no source has “${shortQuote(quote.text)}”${quote.attributedTo ? ` or anything close, from ${quote.attributedTo} or anyone` : ', nor anything close'}. Fine for your own reporting; cite where it comes from.`,
    };
  }
  return {
    quote,
    status: 'not-found',
    citations: [],
    closest,
    ...attribution,
    ...(closest.speaker ? { sourceSpeaker: closest.speaker } : {}),
    message: `Not word for word in the sources. Closest: “${closest.citation.quote}” (${sourceName(corpus, closest.citation.docId)}${closest.speaker ? `, ${closest.speaker.name}` : ''})`,
  };
}

/** The words of each document's passages in order, joined, with where each word comes from (built once per set of passages). */
const documentWords = new WeakMap<readonly PassageWords[], { folded: string[]; from: { entry: PassageWords; index: number }[] }[]>();

/** Where a quote's words run on from one passage of a document into the next: the first passage and the range in it. */
function acrossPassages(passages: readonly PassageWords[], pieces: readonly (readonly string[])[]): { entry: PassageWords; range: Span; quoted: boolean } | undefined {
  let documents = documentWords.get(passages);
  if (!documents) {
    const byDoc = new Map<string, { folded: string[]; from: { entry: PassageWords; index: number }[] }>();
    for (const entry of passages) {
      let doc = byDoc.get(entry.passage.docId);
      if (!doc) byDoc.set(entry.passage.docId, (doc = { folded: [], from: [] }));
      entry.folded.forEach((word, index) => {
        doc.folded.push(word);
        doc.from.push({ entry, index });
      });
    }
    documents = [...byDoc.values()];
    documentWords.set(passages, documents);
  }
  for (const doc of documents) {
    const found = findPieces(doc.folded, pieces);
    if (!found) continue;
    const first = doc.from[found.first];
    const last = doc.from[found.last];
    if (first.entry === last.entry) continue;
    const range = { start: first.entry.words[first.index].start, end: first.entry.words[first.entry.words.length - 1].end };
    return { entry: first.entry, range, quoted: first.entry.quoted.some((span) => span.start <= range.start) };
  }
  return undefined;
}

function closestSentence(
  words: readonly string[],
  passages: readonly PassageWords[],
  analysis: CorpusAnalysis,
  attributed: Speaker | undefined,
): { citation: Citation; likeness: number; speaker?: Speaker } | undefined {
  let best: { citation: Citation; likeness: number; speaker?: Speaker; bySpeaker: boolean; length: number } | undefined;
  for (const entry of passages) {
    for (const sentence of entry.sentences) {
      const inside = entry.words.filter((word) => word.start >= sentence.start && word.end <= sentence.end);
      const score = likeness(words, inside.map((word) => word.word));
      if (score === 0) continue;
      const speaker = speakerAt(entry, sentence, analysis);
      const bySpeaker = speaker !== undefined && speaker.id === attributed?.id;
      const better =
        !best ||
        score > best.likeness + 1e-9 ||
        (Math.abs(score - best.likeness) <= 1e-9 && (Number(bySpeaker) > Number(best.bySpeaker) || (bySpeaker === best.bySpeaker && inside.length < best.length)));
      if (better) {
        best = { citation: cite(entry.passage, sentence), likeness: score, ...(speaker ? { speaker } : {}), bySpeaker, length: inside.length };
      }
    }
  }
  if (!best) return undefined;
  return { citation: best.citation, likeness: best.likeness, ...(best.speaker ? { speaker: best.speaker } : {}) };
}

/** Who a passage's stances say speaks at a range: the stance whose sentence holds it, preferring one that quotes it. */
function speakerAt(entry: PassageWords, range: Span, analysis: CorpusAnalysis): Speaker | undefined {
  const holding = entry.stances.filter((stance) => stance.citation.span.start <= range.start && range.end <= stance.citation.span.end);
  const quoting = holding.find((stance) => stance.quotes.some((text) => {
    const at = entry.passage.text.indexOf(text, stance.citation.span.start);
    return at !== -1 && at <= range.start && range.end <= at + text.length;
  }));
  const stance = quoting ?? holding[0];
  if (!stance) return undefined;
  const entity = analysis.entities.find((candidate) => candidate.id === stance.speakerId);
  return { id: stance.speakerId, name: stance.speaker, kind: entity?.kind ?? 'person' };
}

function sentenceCitation(entry: PassageWords, range: Span): Citation {
  const first = entry.sentences.find((sentence) => range.start >= sentence.start && range.start < sentence.end);
  const last = [...entry.sentences].reverse().find((sentence) => range.end > sentence.start && range.end <= sentence.end);
  return cite(entry.passage, { start: first?.start ?? range.start, end: Math.max(last?.end ?? range.end, range.end) });
}

function cite(passage: Passage, span: Span): Citation {
  return { passageId: passage.id, docId: passage.docId, span: { start: span.start, end: span.end }, quote: passage.text.slice(span.start, span.end) };
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = `${citation.passageId}@${citation.span.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shortQuote(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77).trimEnd()}…`;
}

function sourceName(corpus: Corpus, docId: string): string {
  const meta = corpus.meta(docId);
  return meta ? meta.outlet ?? meta.author ?? meta.title : docId;
}

function prepare(corpus: Corpus, analysis: CorpusAnalysis): PassageWords[] {
  let byAnalysis = cache.get(corpus);
  if (!byAnalysis) {
    byAnalysis = new WeakMap();
    cache.set(corpus, byAnalysis);
  }
  const cached = byAnalysis.get(analysis);
  if (cached) return cached;
  const stancesByPassage = new Map<string, Stance[]>();
  for (const group of analysis.stances) {
    for (const stance of group.stances) {
      const list = stancesByPassage.get(stance.citation.passageId) ?? [];
      list.push(stance);
      stancesByPassage.set(stance.citation.passageId, list);
    }
  }
  const entries = corpus.passages.map((passage): PassageWords => {
    const words = wordsOf(passage.text);
    const sentences = splitSentences(passage.text);
    return {
      passage,
      words,
      folded: words.map((word) => word.word),
      sentences: sentences.length > 0 ? sentences : [{ start: 0, end: passage.text.length }],
      quoted: findQuotes(passage.text).map((quote) => quote.textSpan),
      stances: stancesByPassage.get(passage.id) ?? [],
    };
  });
  byAnalysis.set(analysis, entries);
  return entries;
}
