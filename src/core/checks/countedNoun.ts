/**
 * What a count counts, read from the POS tags after it: the noun phrase
 * "infected volunteers" of "eighteen infected volunteers suggested …",
 * "English-speaking provinces" of "four English-speaking provinces,", the
 * unit of "785 miles west of Bermuda", and what follows "of" in "12 of
 * the state's 41 pledged delegates". Sources and drafts are read the same
 * way, so both sides of a comparison name the same thing.
 */
import type { TaggedToken } from '../text/posTags';

const UNITS = /^(?:mph|kph|miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|cm|mm|kg|kilograms?|pounds|lbs?|tons?|tonnes?|degrees?|knots?|hectares?|acres?|barrels?|litres?|liters?|gallons?)$/i;
const SKIPPED_AFTER_OF = /^(?:the|a|an|its|their|his|her|this|these|those|all|[’']s|\d[\d,.]*)$/i;
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ']);
const MAX_WORDS = 5;

/** The index of the first token starting at or after `offset`. */
function firstFrom(tokens: readonly TaggedToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The counted noun phrase after a figure ending at `end`, as written, or undefined when no noun follows it. */
export function countedNounAt(text: string, tokens: readonly TaggedToken[], end: number): string | undefined {
  let i = firstFrom(tokens, end);
  // "12 of the state's 41 pledged delegates": what follows "of".
  if (tokens[i]?.text.toLowerCase() === 'of') {
    i++;
    while (tokens[i] && SKIPPED_AFTER_OF.test(tokens[i].text)) i++;
  }
  const first = tokens[i];
  if (!first || first.start - end > 3) return undefined;
  if (UNITS.test(first.text)) return first.text;
  let last = -1;
  for (let j = i; j < tokens.length && j - i < MAX_WORDS; j++) {
    const token = tokens[j];
    const glued = j > i && (token.start === tokens[j - 1].end) && (token.text === '-' || tokens[j - 1].text === '-');
    if (glued) continue;
    if (j > i && !/^\s+$/.test(text.slice(tokens[j - 1].end, token.start)) && tokens[j - 1].end !== token.start) break;
    // "infected volunteers": a participle before the noun modifies it; "people needed food" ends at the verb.
    const participle = last < 0 && /(?:ed|en)$/i.test(token.text) && NOUNISH.has(tokens[j + 1]?.pos ?? '');
    if (last >= 0 && token.pos !== 'NOUN' && token.pos !== 'PROPN') break;
    if (!NOUNISH.has(token.pos) && !participle) break;
    if (token.pos === 'NOUN' || token.pos === 'PROPN') last = j;
  }
  if (last < 0) return undefined;
  return text.slice(first.start, tokens[last].end);
}
