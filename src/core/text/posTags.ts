/**
 * Part-of-speech tags for prose, from wink-nlp's English model
 * (wink-eng-lite-web-model): each token with its offsets in the text and
 * its universal POS tag (PROPN, NOUN, VERB, ADJ, …). The names, roles and
 * speakers of a briefing are read from these tags. Chosen over compromise
 * by measurement on the news development set (README, "How names are
 * read"): as accurate there, and about ten times faster.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A token as written, where it is, and its universal part-of-speech tag. */
export interface TaggedToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Universal POS: PROPN, NOUN, VERB, AUX, ADJ, ADV, ADP, DET, PRON, NUM, PUNCT, CCONJ, SCONJ, PART, SYM, SPACE, X, INTJ. */
  readonly pos: string;
}

let tagger: WinkMethods | undefined;
function nlp(): WinkMethods {
  tagger ??= winkNLP(model, ['sbd', 'pos']);
  return tagger;
}

/** Texts are tagged once while they stay in use: a briefing re-reads the same passages. */
const cache = new Map<string, readonly TaggedToken[]>();
const CACHE_LIMIT = 20_000;
/** Longer texts are tagged in pieces, so one huge paragraph never builds one huge document. */
const PIECE = 20_000;

/**
 * A run of this many characters without a space is no word: the tokenizer's patterns (e-mail addresses among them)
 * take time quadratic in a token's length, so such runs are kept out of it and tagged X.
 */
const LONGEST_TOKEN = 64;
const LONG_RUN = new RegExp(`\\S{${LONGEST_TOKEN + 1},}`, 'g');

/** The tokens of `text`, with offsets into it and POS tags. Linear in the length of the text. */
export function tagText(text: string): readonly TaggedToken[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const tokens: TaggedToken[] = [];
  let from = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    tagProse(text, from, run.index, tokens);
    tokens.push({ text: run[0], start: run.index, end: run.index + run[0].length, pos: 'X' });
    from = run.index + run[0].length;
  }
  tagProse(text, from, text.length, tokens);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, tokens);
  return tokens;
}

/** Tags text[start, end) in pieces of about PIECE characters, cut at spaces. */
function tagProse(text: string, start: number, end: number, into: TaggedToken[]): void {
  for (let from = start; from < end; ) {
    let to = Math.min(end, from + PIECE);
    if (to < end) {
      const cut = text.lastIndexOf(' ', to);
      if (cut > from) to = cut;
    }
    tagPiece(text.slice(from, to), from, into);
    from = to;
  }
}

/**
 * The model's tokenizer splits words at letters beyond Latin-1 ("Erdoğan" became "Erdo", "ğ", "an"; "Łukasz" "Ł",
 * "ukasz"), so a name with one is lost. The tagger reads a copy with each such Latin letter replaced by its base
 * letter, one character for one so offsets hold; tokens keep the text as written.
 */
const EXTENDED_LATIN = /[\u0100-\u024f\u1e00-\u1eff]/gu;
const NO_DECOMPOSITION: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŋ: 'N', ŋ: 'n', Œ: 'O', œ: 'o', Ŧ: 'T', ŧ: 't', Ɓ: 'B', Ɗ: 'D', ƒ: 'f' };
function latinBase(piece: string): string {
  return piece.replace(EXTENDED_LATIN, (letter) => {
    const base = letter.normalize('NFKD')[0];
    if (/^[A-Za-z]$/.test(base)) return base;
    return NO_DECOMPOSITION[letter] ?? (letter === letter.toUpperCase() ? 'A' : 'a');
  });
}

function tagPiece(written: string, offset: number, into: TaggedToken[]): void {
  const its = nlp().its;
  const piece = latinBase(written);
  const doc = nlp().readDoc(piece);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    // The tokenizer keeps every character; should it ever not, find the token rather than drift.
    if (piece.startsWith(values[i], at) === false) {
      const found = piece.indexOf(values[i], at);
      if (found < 0) continue;
      at = found;
    }
    into.push({ text: piece === written ? values[i] : written.slice(at, at + values[i].length), start: offset + at, end: offset + at + values[i].length, pos: tags[i] });
    at += values[i].length;
  }
}

/** Stems already worked out, by word. */
const stems = new Map<string, string>();
const STEM_LIMIT = 200_000;

/**
 * The stems (Porter2, from wink-nlp) of words, worked out in one pass for
 * those not seen before: a whole vocabulary costs one tagging of its words.
 */
export function stemsOf(words: Iterable<string>): (word: string) => string {
  // Words only, and of a word's length: the stemmer's time grows with the square of a token's length.
  const missing = [...new Set(words)].filter((word) => !stems.has(word) && word.length <= 40 && /^[\p{L}\p{N}]+$/u.test(word));
  for (let from = 0; from < missing.length; from += 2000) {
    const batch = missing.slice(from, from + 2000);
    const its = nlp().its;
    const doc = nlp().readDoc(batch.join(' \n'));
    const values = doc.tokens().out(its.value) as string[];
    const found = doc.tokens().out(its.stem as unknown as typeof its.value) as string[];
    let at = 0;
    for (const word of batch) {
      while (at < values.length && values[at] !== word) at++;
      if (at < values.length) stems.set(word, found[at++]);
    }
    if (stems.size > STEM_LIMIT) stems.clear();
  }
  return (word) => stems.get(word) ?? word;
}
