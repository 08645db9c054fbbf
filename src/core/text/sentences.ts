/** Sentence boundaries, found in one linear pass (issue #17). */
import { LIMITS, noteLimit } from '../limits';
import type { Span } from '../model';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'gov', 'sen', 'rep', 'pres',
  'vs', 'etc', 'eg', 'ie', 'inc', 'ltd', 'co', 'corp', 'no', 'fig', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** The longest word looked back at for an abbreviation or an acronym ("approx", "U.S."). */
const LOOK_BACK = 12;
const STOPS = '.!?';
const CLOSERS = '"”’\')]';
const OPENERS = '"“‘(';
const LETTER_OR_DIGIT = /[\p{L}\d]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER_ASCII = /[a-z]/;
const SPACE = /\s/;
const ACRONYM = /^(\p{Lu}\.)+\p{Lu}?$/u;

/**
 * Sentence boundaries in prose as scraped news writes it: closing quotes
 * after the stop, abbreviations like "U.S." and "Dr.", decimals like
 * "6.3%", and sentences glued together without a space ("Paris.The").
 * One pass over the text, looking back a few characters at each stop, so
 * the time is linear whatever the text (a run of 50,000 dots once took 13 s
 * in a regular expression); a "sentence" longer than LIMITS.sentenceChars
 * is cut at a space, so what reads sentences is bounded too.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  let at = 0;
  while (at < text.length) {
    if (!STOPS.includes(text[at])) {
      at++;
      continue;
    }
    const runStart = at;
    while (at < text.length && STOPS.includes(text[at])) at++;
    while (at < text.length && CLOSERS.includes(text[at])) at++;
    const end = at;
    if (end <= start || !endsSentence(text, runStart, end)) continue;
    if (text[runStart] === '.' && isAbbreviation(text, start, runStart)) continue;
    pushCapped(text, spans, start, end);
    start = skipSpace(text, end);
  }
  if (start < text.length) {
    let end = text.length;
    while (end > start && SPACE.test(text[end - 1])) end--;
    if (end > start) pushCapped(text, spans, start, end);
  }
  return spans;
}

/** Whether the stops (and closers) at [runStart, end) end a sentence: a space and a word, the end of the text, or a capital glued on ("Paris.The"). */
function endsSentence(text: string, runStart: number, end: number): boolean {
  let after = end;
  while (after < text.length && SPACE.test(text[after])) after++;
  if (after === text.length) return true;
  if (after > end) {
    const next = OPENERS.includes(text[after]) ? after + 1 : after;
    return next < text.length && LETTER_OR_DIGIT.test(charAt(text, next));
  }
  // Glued: "…Paris.The" — three lowercase letters, one stop, no closer, then a capital.
  return end === runStart + 1 && runStart >= 3 && [1, 2, 3].every((back) => LOWER_ASCII.test(text[runStart - back])) && UPPER.test(charAt(text, end));
}

/** "Dr." or "U.S." right before a full stop: not the end of a sentence. */
function isAbbreviation(text: string, sentenceStart: number, stop: number): boolean {
  let from = stop;
  while (from > sentenceStart && stop - from <= LOOK_BACK && (text[from - 1] === '.' || LETTER.test(charBefore(text, from)))) {
    from -= charBefore(text, from).length;
  }
  if (stop - from > LOOK_BACK) return false;
  const lastWord = text.slice(from, stop);
  if (ABBREVIATIONS.has(lastWord.toLowerCase())) return true;
  return lastWord.length <= 4 && ACRONYM.test(`${lastWord}.`);
}

/** Adds [start, end) as one sentence, or as pieces cut at spaces when it is longer than the limit. */
function pushCapped(text: string, spans: Span[], start: number, end: number): void {
  const limit = LIMITS.sentenceChars;
  while (end - start > limit) {
    noteLimit('sentence-length', `A sentence longer than ${limit.toLocaleString('en-US')} characters (a text without full stops?) was read in pieces of at most that length.`);
    let cut = start + limit;
    const floor = start + Math.floor(limit / 2);
    while (cut > floor && !SPACE.test(text[cut - 1])) cut--;
    if (cut === floor) cut = start + limit;
    let pieceEnd = cut;
    while (pieceEnd > start && SPACE.test(text[pieceEnd - 1])) pieceEnd--;
    if (pieceEnd > start) spans.push({ start, end: pieceEnd });
    start = skipSpace(text, cut);
  }
  if (end > start) spans.push({ start, end });
}

function charAt(text: string, index: number): string {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code < 0xdc00 && index + 1 < text.length ? text.slice(index, index + 2) : text[index];
}

function charBefore(text: string, index: number): string {
  const code = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code < 0xe000 && index >= 2 ? text.slice(index - 2, index) : text[index - 1];
}

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && SPACE.test(text[index])) index++;
  return index;
}

/** The index of the span holding `offset` in sorted, non-overlapping spans (binary search), or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else if (spans[mid].start > offset) high = mid - 1;
    else return mid;
  }
  return -1;
}
