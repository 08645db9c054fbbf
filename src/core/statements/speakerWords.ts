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
const CLAUSE_BREAK = /[,;:—–()!?]|\.(?=\s|$)|\s(?:and|but|while|as well as|whereas)\s/gu;
/** A full stop that ends an abbreviation ("Gen.", "U.S.", "Jr."), not a clause. */
const ABBREVIATION = /(?:^|\s)(?:\p{Lu}\p{Ll}{0,3}|\p{Lu}(?:\.\p{Lu})*)$/u;

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

interface Clause {
  readonly text: string;
  /** What ended the clause before it: an earlier quote, punctuation, or "and"/"but"… */
  readonly after: 'start' | 'quote' | 'punctuation' | 'conjunction';
}

/**
 * The verb phrase between the speaker's name and a quote: the last clause
 * before the quote, in the past tense. When that clause has no verb of its
 * own it continues another: after "and" it is the object of the clause
 * before ("said the mayor and the council"); after an earlier quote it
 * takes that clause's verb ("calling the talks “hard” and the offers" →
 * "called the offers").
 */
function leadBefore(sentence: string, from: number, to: number, earlier: readonly { open: number; close: number }[]): string | undefined {
  const clauses = clausesOf(sentence, from, to, earlier);
  const last = clauses[clauses.length - 1] ?? { text: '', after: 'start' as const };
  if (last.text && startsWithVerb(last.text)) return curlyQuotes(inPastTense(last.text));
  const before = clauses[clauses.length - 2];
  if (last.text && last.after === 'conjunction' && before?.text && startsWithVerb(before.text)) {
    return curlyQuotes(inPastTense(`${before.text} and ${last.text}`));
  }
  const withVerb = [...clauses.slice(0, -1)].reverse().find((clause) => clause.text && startsWithVerb(clause.text));
  if (!withVerb) return last.text ? undefined : 'said:';
  const verb = inPastTense(withVerb.text).split(/\s+/)[0] ?? 'said';
  // A quote right after the clause ("…, Ruiz said. “We paid…”") is introduced with a colon.
  return curlyQuotes(last.text ? `${verb} ${last.text}` : `${verb}:`);
}

/** The clauses between the name and the quote, earlier quotes counting as breaks. */
function clausesOf(sentence: string, from: number, to: number, earlier: readonly { open: number; close: number }[]): Clause[] {
  const clauses: Clause[] = [];
  let start = from;
  let after: Clause['after'] = 'start';
  const push = (end: number, next: Clause['after']): void => {
    clauses.push({ text: sentence.slice(start, end).trim().replace(/^(?:and|but|or)\s+/i, ''), after });
    after = next;
  };
  const quotes = earlier.filter((quote) => quote.open >= from && quote.close <= to);
  for (const match of sentence.slice(from, to).matchAll(CLAUSE_BREAK)) {
    const at = from + match.index;
    if (at < start || quotes.some((quote) => at >= quote.open && at < quote.close)) continue;
    if (match[0] === '.' && ABBREVIATION.test(sentence.slice(Math.max(from, at - 12), at))) continue;
    const quote = quotes.find((candidate) => candidate.open >= start && candidate.open < at);
    if (quote) {
      push(quote.open, 'quote');
      start = quote.close;
      if (at < start) continue;
    }
    push(at, /\w/.test(match[0]) ? 'conjunction' : 'punctuation');
    start = at + match[0].length;
  }
  for (const quote of quotes.filter((candidate) => candidate.open >= start)) {
    push(quote.open, 'quote');
    start = quote.close;
  }
  push(to, after);
  return clauses;
}

/** For a quote the source gives before its speaker ("“It’s a lot,” Ruiz admitted."): "admitted:". */
function leadAfterQuote(sentence: string, from: number): string | undefined {
  const phrase = /^[^.,;:!?“”"]*/u.exec(sentence.slice(from))?.[0].trim() ?? '';
  if (!phrase || phrase.split(/\s+/).length > 4 || !startsWithVerb(phrase)) return undefined;
  return `${inPastTense(phrase)}:`;
}
