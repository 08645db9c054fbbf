import { foldWord } from '../text/terms';

/**
 * Comparing a quote's words with a source's, word for word: quote marks,
 * case, dashes, whitespace and punctuation do not count; an ellipsis or an
 * editor's [brackets] is a gap.
 */

/** A word of a text, folded, with where it sits. */
export interface Word {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Folded words: lowercase, no diacritics, apostrophes of every kind dropped ("That’s" = "that's" = "thats"). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  // An editor's letters in brackets inside a word are the word's: "[T]he", "[b]ottom", "shut[s]".
  for (const match of text.matchAll(/(?:\[\p{L}{1,3}\](?=\p{L}))?[\p{L}\p{N}]+(?:[’'‘`.,][\p{L}\p{N}]+|\[\p{L}{1,3}\])*/gu)) {
    const word = foldWord(match[0].replace(/[[\]]/g, '')).replace(/[’'‘`]/g, '').replace(/(?<=\d)[.,](?=\d)/g, '');
    // "U.S." and "6.3" stay one word; "end.Next" does not.
    if (/\p{L}\.\p{L}{2,}/u.test(word)) {
      let at = match.index;
      for (const part of match[0].split('.')) {
        if (part) words.push({ word: foldWord(part).replace(/[’'‘`]/g, ''), start: at, end: at + part.length });
        at += part.length + 1;
      }
      continue;
    }
    words.push({ word: word.replace(/\./g, ''), start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** The pieces of a quote between ellipses and editorial brackets, as folded words; empty pieces dropped. */
export function quotePieces(quote: string): string[][] {
  return quote
    .replace(/\[(\p{L}{1,3})\](?=\p{L})|(?<=\p{L})\[(\p{L}{1,3})\]/gu, '$1$2')
    .split(/…|\.\s?\.\s?\.|\[[^\]]*\]/)
    .map((piece) => wordsOf(piece).map((word) => word.word))
    .filter((piece) => piece.length > 0);
}

/** Where `pieces` occur in `words`, in order, each contiguous: the first and last word index, or undefined. */
export function findPieces(words: readonly string[], pieces: readonly (readonly string[])[], from = 0): { first: number; last: number } | undefined {
  if (pieces.length === 0) return undefined;
  for (let start = indexOfRun(words, pieces[0], from); start !== -1; start = indexOfRun(words, pieces[0], start + 1)) {
    let at = start + pieces[0].length;
    let ok = true;
    for (const piece of pieces.slice(1)) {
      const next = indexOfRun(words, piece, at);
      if (next === -1) {
        ok = false;
        break;
      }
      at = next + piece.length;
    }
    if (ok) return { first: start, last: at - 1 };
  }
  return undefined;
}

function indexOfRun(words: readonly string[], run: readonly string[], from: number): number {
  outer: for (let i = from; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}

/** Words too slight to make two wordings alike. */
const SLIGHT = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'is', 'are', 'was', 'were', 'be', 'it', 'that', 'this', 'very', 'so', 'we', 'i', 'you', 'they', 'for', 'with', 'as', 'at', 'by', 'but', 'not', 'no', 'its', 'their']);

/**
 * How much of a quote a sentence holds in order: the longest common
 * subsequence of their words over the quote's length, counting only words
 * that carry meaning (so "the" and "very" make no likeness).
 */
export function likeness(quote: readonly string[], sentence: readonly string[]): number {
  const a = quote.filter((word) => !SLIGHT.has(word));
  const b = sentence.filter((word) => !SLIGHT.has(word));
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
    previous = row;
  }
  return previous[b.length] / a.length;
}
