/**
 * A speaker's own words, ready to quote: from "Union spokeswoman Ana Ruiz
 * admitted that hopes are low, calling the talks "very hard"", the quote
 * "very hard" with the verb phrase that carries it ("called the talks"), so
 * a writer can put "Ruiz called the talks “very hard”" into a draft instead
 * of the reporter's whole sentence.
 */
import { curlyQuotes, inPastTense, mentionOf, quoteSpans, speakerNames, startsWithVerb, type SpeakerNames, type SpokenSentence } from './spokenSentence';

/** One quote of a speaker, with what goes between their name and it. */
export interface SpeakerWords extends SpeakerNames {
  /** Between the name and the quote: "called the talks", or "admitted:" for a quote the source gives first. */
  readonly lead: string;
  /** The quoted words, verbatim. */
  readonly words: string;
}

/** A lead longer than this is a reporter's paraphrase, not the frame of a quote. */
const MAX_LEAD_WORDS = 16;
/** Where a clause ends before a quote: punctuation, or a conjunction joining another phrase. */
const CLAUSE_BREAK = /[,;:—–().!?]|\s(?:and|but|while|as well as|whereas)\s/u;

/** The quotes of a sentence as a speaker's words, each with its lead; none when the speaker is not named in it. */
export function speakerWords(spoken: SpokenSentence): SpeakerWords[] {
  const mention = mentionOf(spoken);
  if (!mention) return [];
  const names = speakerNames(spoken);
  const spans = quoteSpans(spoken);
  const found: SpeakerWords[] = [];
  for (const [index, quote] of spans.entries()) {
    const lead = quote.open >= mention.end ? leadBefore(spoken.sentence, mention.end, quote.open, spans.slice(0, index)) : leadAfterQuote(spoken.sentence, mention.end);
    if (!lead || lead.split(/\s+/).length > MAX_LEAD_WORDS) continue;
    found.push({ ...names, lead, words: quote.words });
  }
  return found;
}

/**
 * The verb phrase between the speaker's name and a quote: the last clause
 * before the quote, in the past tense; when that clause has no verb of its
 * own ("… and the two sides’ offers"), the verb of the clause before it.
 */
function leadBefore(sentence: string, from: number, to: number, earlier: readonly { open: number; close: number }[]): string | undefined {
  // Earlier quotes end a clause too: their words are not the frame of this one.
  let region = sentence.slice(from, to);
  for (const quote of [...earlier].reverse()) {
    if (quote.open < from) continue;
    region = `${region.slice(0, quote.open - from)}|${region.slice(quote.close - from)}`;
  }
  const clauses = region
    .split(/\|/)
    .flatMap((part) => part.split(CLAUSE_BREAK))
    .map((clause) => clause.trim().replace(/^(?:and|but|or)\s+/i, ''));
  const last = clauses[clauses.length - 1] ?? '';
  if (last && startsWithVerb(last)) return curlyQuotes(inPastTense(last));
  const withVerb = [...clauses.slice(0, -1)].reverse().find((clause) => clause && startsWithVerb(clause));
  if (!withVerb) return last ? undefined : 'said:';
  const verb = inPastTense(withVerb).split(/\s+/)[0] ?? 'said';
  // A quote right after the clause ("…, Ruiz said. “We paid…”") is introduced with a colon.
  return curlyQuotes(last ? `${verb} ${last}` : `${verb}:`);
}

/** For a quote the source gives before its speaker ("“It’s a lot,” Ruiz admitted."): "admitted:". */
function leadAfterQuote(sentence: string, from: number): string | undefined {
  const phrase = /^[^.,;:!?“”"]*/u.exec(sentence.slice(from))?.[0].trim() ?? '';
  if (!phrase || phrase.split(/\s+/).length > 4 || !startsWithVerb(phrase)) return undefined;
  return `${inPastTense(phrase)}:`;
}
