/**
 * A statement of the briefing as one sentence a reader takes in at a
 * glance — who, the verb, the quoted words — cut from the source sentence
 * that reports it: "Ruiz | called the talks “very hard”" from "Union
 * spokeswoman Ana Ruiz admitted that hopes are low, calling the talks "very
 * hard"". Without quotes, the main clause after the name.
 */
import { speakerWords } from './speakerWords';
import { capitalize, curlyQuotes, inPastTense, mentionOf, quoteSpans, speakerNames, type SpokenSentence } from './spokenSentence';

/** Who, and the rest of the sentence after their name. */
export interface Statement {
  /** The speaker as a reader names them: a surname, or a side as the source writes it ("The U.S."). */
  readonly who: string;
  /** What follows the name, verb first; or the whole source sentence when the speaker is not its subject. */
  readonly text: string;
  /** True when `text` is the whole source sentence (the speaker sits in a relative clause, or is not named). */
  readonly whole: boolean;
}

/** Where a sentence's main clause ends and another begins. */
const CLAUSE_END = /,\s+(?:while|whereas|although|though|but)\b|;\s/u;
/** A name after these is the subject of a relative clause ("terms that the city has rejected"), not of the sentence. */
const RELATIVE_BEFORE = /\b(?:that|which|who|whom|whose)\s+$/iu;

export function statementOf(spoken: SpokenSentence): Statement {
  const sentence = spoken.sentence.trim();
  const names = speakerNames(spoken);
  const mention = mentionOf({ ...spoken, sentence });
  const before = mention ? sentence.slice(0, mention.start) : '';
  const whoFromText = spoken.person ? names.short : capitalize(/\bthe\s+$/iu.test(before) ? `the ${names.full}` : names.full);
  if (!mention || RELATIVE_BEFORE.test(before)) return { who: whoFromText, text: curlyQuotes(sentence), whole: true };

  // Quoted words: the verb phrase that frames the first quote, and the quote ("called the negotiations “very difficult”").
  const [own] = speakerWords({ ...spoken, sentence });
  if (own) return { who: whoFromText, text: `${own.lead} “${own.words}”`, whole: false };

  let rest = sentence.slice(mention.end).replace(/^,\s*who\s+/iu, ' ');
  const quotes = quoteSpans({ ...spoken, sentence });
  const quoteFirst = quotes[0] !== undefined && quotes[0].open < mention.start;
  if (quoteFirst) {
    // "“It’s a lot,” Ruiz admitted." reads "Ruiz admitted: “It’s a lot”".
    const verb = /^[^.,;:!?“”"]*/u.exec(rest)?.[0].trim() ?? '';
    return { who: whoFromText, text: `${inPastTense(verb) || 'said'}: “${quotes[0].words}”`, whole: false };
  }
  const after = quotes.filter((quote) => quote.open >= mention.end);
  if (after.length > 0) {
    rest = rest.slice(0, after[after.length - 1].close - mention.end);
  } else {
    // A statement without quotes is its first sentence's main clause.
    const sentenceEnd = /[.!?]\s+(?=\p{Lu})/u.exec(rest);
    if (sentenceEnd) rest = rest.slice(0, sentenceEnd.index);
    const end = CLAUSE_END.exec(rest);
    if (end) rest = rest.slice(0, end.index);
    rest = rest.replace(/[\s.,;:]+$/u, '');
  }
  return { who: whoFromText, text: curlyQuotes(inPastTense(rest.trim())), whole: false };
}
