/**
 * A source sentence in which someone speaks, read for what a writer needs
 * from it: where the speaker is named, where each quote sits, and the
 * verb phrases around them. Shared by the speaker's-words quotes and the
 * briefing's statements; works on any English text, any subject.
 */
import nlp from 'compromise';
import type { Span } from '../model';

/** A sentence of a source and who speaks in it, as the briefing found them. */
export interface SpokenSentence {
  /** The sentence, verbatim. */
  readonly sentence: string;
  /** The speaker as the sentence writes them, e.g. "Union spokeswoman Ana Ruiz". */
  readonly speakerAsWritten: string;
  /** The speaker's name as the briefing gives it, e.g. "Ana Ruiz". */
  readonly speaker: string;
  /** A person (named by surname after the first mention), or a side, place or organisation. */
  readonly person: boolean;
  /** The words quoted in the sentence, without their quote marks. */
  readonly quotes: readonly string[];
}

/** How a person is named: in full on first mention, by surname after. */
export interface SpeakerNames {
  readonly full: string;
  readonly short: string;
}

/** Where a quote sits in its sentence: its words, and the marks around them. */
export interface QuoteSpan {
  readonly words: string;
  /** The opening mark. */
  readonly open: number;
  /** Just past the closing mark (and any punctuation inside it). */
  readonly close: number;
}

const OPENING_MARKS = '"“‘\'«„';
const CLOSING = /^[.,!?;:…]*["”’'»“]/u;

/** The speaker's names: "Ana Ruiz" and "Ruiz"; a side or organisation as the sentence writes it. */
export function speakerNames(spoken: SpokenSentence): SpeakerNames {
  const asWritten = spoken.speakerAsWritten.trim().replace(/[’']s$/u, '');
  if (!spoken.person) return { full: asWritten, short: asWritten };
  const written = asWritten.split(/\s+/);
  const surname = capitalize(written[written.length - 1] ?? spoken.speaker);
  const given = spoken.speaker.trim().split(/\s+/).slice(0, -1);
  return { full: [...given, surname].join(' '), short: surname };
}

/** Where the speaker is named in the sentence, or undefined. */
export function mentionOf(spoken: SpokenSentence): Span | undefined {
  const name = spoken.speakerAsWritten.trim();
  if (!name) return undefined;
  let at = spoken.sentence.indexOf(name);
  if (at < 0) at = spoken.sentence.toLowerCase().indexOf(name.toLowerCase());
  return at < 0 ? undefined : { start: at, end: at + name.length };
}

/** Each quote's place in the sentence, in order; quotes not found between marks are left out. */
export function quoteSpans(spoken: SpokenSentence): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let from = 0;
  for (const words of spoken.quotes) {
    let at = spoken.sentence.indexOf(words, from);
    while (at > 0 && !OPENING_MARKS.includes(spoken.sentence.charAt(at - 1))) at = spoken.sentence.indexOf(words, at + 1);
    if (at <= 0) continue;
    const after = CLOSING.exec(spoken.sentence.slice(at + words.length));
    if (!after) continue;
    spans.push({ words, open: at - 1, close: at + words.length + after[0].length });
    from = at + words.length;
  }
  return spans.sort((a, b) => a.open - b.open);
}

/** Whether a phrase opens with a verb (adverbs aside): "calling the talks", "has criticized", "actively urging". */
export function startsWithVerb(phrase: string): boolean {
  const first = firstWordAfterAdverbs(phrase);
  return first !== undefined && first.tags.includes('Verb') && !/^according$/i.test(first.word);
}

/** The phrase with its leading gerund in the past tense: "calling the talks" → "called the talks". */
export function inPastTense(phrase: string): string {
  const first = firstWordAfterAdverbs(phrase);
  if (!first || !first.tags.includes('Gerund')) return phrase;
  const past = pastTenseOf(first.word);
  return past ? phrase.slice(0, first.at) + past + phrase.slice(first.at + first.word.length) : phrase;
}

/** Straight quotation marks around words turned typographic, as the rest of the writing is. */
export function curlyQuotes(text: string): string {
  return text.replace(/(^|[\s(—–-])"([^"]+)"/gu, '$1“$2”');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first word of a phrase that is not an adverb, with where it is and its parts of speech. */
function firstWordAfterAdverbs(phrase: string): { word: string; at: number; tags: readonly string[] } | undefined {
  for (const match of phrase.matchAll(/[\p{L}’'-]+/gu)) {
    const tags = tagsOf(match[0]);
    if (!tags.includes('Adverb')) return { word: match[0], at: match.index, tags };
  }
  return undefined;
}

// compromise builds a document for every call (a few milliseconds each); a clause's first word is tagged once,
// as it reads after a subject ("acknowledged" alone reads as an adjective), and remembered.
const TAGS_CACHE_SIZE = 5000;
const tagsCache = new Map<string, readonly string[]>();
const pastCache = new Map<string, string>();

function tagsOf(word: string): readonly string[] {
  let tags = tagsCache.get(word);
  if (!tags) {
    const sentences = nlp(`He ${word}`).json() as Array<{ terms?: Array<{ tags: string[] }> }>;
    tags = sentences.flatMap((sentence) => sentence.terms ?? []).slice(1).flatMap((term) => term.tags);
    if (tagsCache.size >= TAGS_CACHE_SIZE) tagsCache.delete(tagsCache.keys().next().value as string);
    tagsCache.set(word, tags);
  }
  return tags;
}

function pastTenseOf(gerund: string): string | undefined {
  let past = pastCache.get(gerund);
  if (past === undefined) {
    const conjugated = (nlp(gerund).verbs().conjugate() as Array<{ PastTense?: string }>)[0]?.PastTense ?? '';
    past = conjugated && !/\s/.test(conjugated) ? conjugated : '';
    if (pastCache.size >= TAGS_CACHE_SIZE) pastCache.delete(pastCache.keys().next().value as string);
    pastCache.set(gerund, past);
  }
  return past || undefined;
}
