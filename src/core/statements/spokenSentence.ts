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
  const terms = termsOf(phrase);
  const first = terms.find((term) => !term.tags.includes('Adverb'));
  return first !== undefined && first.tags.includes('Verb') && !/^according$/i.test(first.text);
}

/** The phrase with its leading gerund in the past tense: "calling the talks" → "called the talks". */
export function inPastTense(phrase: string): string {
  const terms = termsOf(phrase);
  const verb = terms.find((term) => !term.tags.includes('Adverb'));
  if (!verb || !verb.tags.includes('Gerund')) return phrase;
  const at = phrase.indexOf(verb.text);
  if (at < 0) return phrase;
  const doc = nlp(verb.text);
  doc.verbs().toPastTense();
  const past = doc.text().trim();
  return past && past !== verb.text && !/\s/.test(past) ? phrase.slice(0, at) + past + phrase.slice(at + verb.text.length) : phrase;
}

/** Straight quotation marks around words turned typographic, as the rest of the writing is. */
export function curlyQuotes(text: string): string {
  return text.replace(/(^|[\s(—–-])"([^"]+)"/gu, '$1“$2”');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The phrase's words with their parts of speech, read after a subject as the phrase stands in its sentence ("acknowledged" alone reads as an adjective). */
function termsOf(phrase: string): Array<{ text: string; tags: string[] }> {
  const sentences = nlp(`He ${phrase.trim()}`).json() as Array<{ terms?: Array<{ text: string; tags: string[] }> }>;
  return sentences.flatMap((sentence) => sentence.terms ?? []).slice(1);
}
