import type { CorpusAnalysis } from '../brief/briefing';
import { nameMentions } from '../brief/names/nameMentions';
import { TITLES } from '../brief/names/lexicon';
import type { Passage, Span } from '../model';
import { draftProse, type DraftProse } from './draftText';
import { resolveSpeaker } from './speakers';
import { spanIndexAt } from '../text/sentences';
import { SpanSet } from '../text/spanSet';

/** Words inside quotation marks in a draft, with who the draft says spoke them. */
export interface DraftQuote {
  /** The quotation marks and the words between them. */
  readonly span: Span;
  /** The words between the marks. */
  readonly textSpan: Span;
  readonly text: string;
  readonly marks: 'curly-double' | 'straight-double' | 'curly-single' | 'straight-single' | 'latex' | 'guillemets' | 'low-high';
  /** The sentence of the draft holding the quote. */
  readonly sentence: Span;
  /** Who the draft attributes the quote to, as written ("Pelosi", "Nancy Pelosi", "the White House spokesman"), if anyone. */
  readonly attributedTo?: string;
  /** Where the attribution sits in the draft. */
  readonly attributionSpan?: Span;
  /** True when the attribution was carried over from an earlier sentence ("he said", or a second quote after an attributed one). */
  readonly attributionCarried?: boolean;
}

const QUOTE_PATTERNS: readonly [RegExp, DraftQuote['marks']][] = [
  [/“([^“”\n]{1,600})”/gu, 'curly-double'],
  // Russian and Ukrainian quote marks: «…» (with „…“ inside), and „…“ (or „…”).
  [/«((?:[^«»\n]|«[^«»\n]{0,600}»){1,600})»/gu, 'guillemets'],
  [/(?<!«[^»\n]{0,600})„([^„“”\n]{1,600})[“”]/gu, 'low-high'],
  [/``([^`'\n]{1,600})''/gu, 'latex'],
  [/(?<![\p{L}\d])"([^"\n]{1,600})"(?![\p{L}\d])/gu, 'straight-double'],
  // Single quotes only when they clearly open and close a quote: not apostrophes in "Britain’s" or "sides’".
  [/(?<=^|[\s(\[—–-])‘((?:[^‘’\n]|’(?=\p{L})){1,600}?)’(?![\p{L}])/gu, 'curly-single'],
  [/(?<=^|[\s(\[—–-])'((?:[^'\n]|'(?=\p{L})){1,600}?)'(?![\p{L}])/gu, 'straight-single'],
];

const NAME = String.raw`(?:(?:\p{Lu}[\p{L}’'-]*\.?)(?:\s+(?:\p{Lu}[\p{L}’'-]*|de|von|van|al|bin)){0,3})`;
/** A person named by a role: "the mayor", "the country's foreign minister", any title or trade of the names lexicon. */
const TITLE_WORDS = [...TITLES].filter((word) => /^[a-z-]+$/.test(word)).sort((a, b) => b.length - a.length).join('|');
const ROLE = String.raw`(?:(?:the|a|an|\p{Lu}[\p{L}]+[’']s)\s+)?(?:(?:\p{Lu}[\p{L}-]*|senior|top|foreign|defen[cs]e|prime|deputy|chief)\s+){0,3}(?:${TITLE_WORDS})(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})?`;
const SPEAKER = `(?:${ROLE}(?:\\s+${NAME})?|${NAME})`;
const VERB_FORMS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'wrote', 'writes', 'writing', 'put it', 'puts it',
  ...['add', 'acknowledge', 'call', 'describe', 'characterize', 'characterise', 'state', 'insist', 'warn', 'argue', 'claim', 'note', 'declare',
    'concede', 'admit', 'remark', 'explain', 'label', 'stress', 'emphasize', 'emphasise', 'complain', 'urge', 'vow', 'promise', 'ask', 'criticize',
    'criticise', 'dismiss', 'reject', 'accuse', 'predict', 'insist', 'brand', 'dub', 'quip', 'reply', 'tweet', 'announce', 'deny', 'suggest',
    'maintain', 'repeat', 'conclude', 'recall', 'mock', 'boast', 'concede', 'joke', 'lament', 'complain', 'observe', 'refer', 'indicate', 'signal'].flatMap(verbForms),
];
const VERB = `(?:${[...new Set(VERB_FORMS)].sort((a, b) => b.length - a.length).join('|')})`;
const AUX = String.raw`(?:(?:has|have|had|was|is|also|then|later|again|repeatedly|once|previously|publicly|reportedly|openly|pointedly|angrily)\s+){0,4}`;
const APPOSITIVE = String.raw`(?:,[^“”"‘]{1,80}?,)?`;
const SUBJECT_VERB = new RegExp(String.raw`(?<![\p{L}])(${SPEAKER})${APPOSITIVE}\s+${AUX}${VERB}\b`, 'gu');
const ATTRIBUTIONS: readonly RegExp[] = [
  new RegExp(String.raw`\b[Aa]ccording to\s+(${SPEAKER})`, 'gu'),
  new RegExp(String.raw`\b[Ii]n the words of\s+(${SPEAKER})`, 'gu'),
  SUBJECT_VERB,
  // Inverted only after verbs of saying: "…,” said Pelosi" (not "criticized the plan").
  new RegExp(String.raw`\b(?:said|says|added|adds|asked|wrote|writes|continued|replied|insisted|warned|explained|told reporters|tweeted|posted|stated|noted|remarked|commented|recalled|announced|declared)\s+(${SPEAKER})`, 'gu'),
];
/** Words that hand a sentence over to a quote: a colon, or a participle of saying ("…, calling it a", "…, dismissing it as"). */
const LEADS_INTO_QUOTE = /(?::\s*|,\s+(?:calling|saying|describing|dismissing|labell?ing|branding|adding|noting|warning|accusing|declaring|insisting|arguing)\b[^,;:]{0,80}?)\s*$/u;
const SPEECH_VERB = new RegExp(String.raw`(?<![\p{L}])(?:said|says|told|added|adds|wrote|writes|tweeted)(?![\p{L}])`, 'u');
/** A pronoun speaking: "he said", "she added", "said he". */
const PRONOUN = new RegExp(String.raw`\b(?:[Hh]e|[Ss]he)\s+${AUX}${VERB}\b|\b${VERB}\s+(?:he|she)\b`, 'u');
/** Prepositions before a capitalised word that make it a place or an object, not a speaker ("in Lyon, France, characterized"). */
const NOT_SUBJECT_BEFORE = /\b(?:in|at|from|to|for|of|by|on|into|near|about|against|over|toward|towards|criticized|criticised|described|called|urged|told)\s+$/i;
const NOT_SPEAKERS = /^(?:the|a|an|this|that|these|those|it|in|on|at|but|and|yet|so|as|when|while|after|before|meanwhile|however|despite|both|asked|if|he|she|they|we|i|you|his|her|their|our|its|then|now|later|also|speaking|earlier|last|on|today|yesterday)$/iu;

function verbForms(base: string): string[] {
  const stem = base.replace(/e$/, '');
  const y = /y$/.test(base) ? base.slice(0, -1) : undefined;
  const double = /^(?:dub|quip|label)$/.test(base) ? base + base.slice(-1) : base;
  return [
    base,
    y ? `${y}ies` : `${base}s`.replace(/ss$/, 'sses'),
    y ? `${y}ied` : /e$/.test(base) ? `${base}d` : `${double}ed`,
    `${/e$/.test(base) ? stem : double}ing`,
    ...(base === 'label' ? ['labeled', 'labeling'] : []),
  ];
}

/**
 * The quotes of a draft: curly and straight double quotes, LaTeX ``…'',
 * and single quotes only where they clearly open and close one. Each is
 * given the speaker its sentence names ("Pelosi said", "according to
 * Pelosi", "“…,” Pelosi said."); a quote whose sentence names no one but
 * follows an attributed quote in the same paragraph (or says "he said")
 * takes that speaker.
 */
export function findQuotes(draft: string, prose: DraftProse = draftProse(draft), analysis?: CorpusAnalysis): DraftQuote[] {
  const text = prose.text;
  // People named in the draft, for "he said": the last person named before the pronoun.
  const passage: Passage = { id: 'draft', docId: 'draft', kind: 'paragraph', text, span: { start: 0, end: text.length }, order: 0 };
  const people = analysis
    ? nameMentions(passage, prose.sentences).filter((mention) => mention.evidence.person > 0 || (resolveSpeaker(mention.text, analysis)?.kind ?? '') === 'person' || mention.words.length >= 2)
    : [];
  const found: { span: Span; textSpan: Span; marks: DraftQuote['marks'] }[] = [];
  const taken = new SpanSet();
  for (const [pattern, marks] of QUOTE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (!taken.isFree(span)) continue;
      const inner = match[0].indexOf(match[1]);
      if (match[1].trim().length === 0) continue;
      taken.add(span);
      found.push({ span, textSpan: { start: span.start + inner, end: span.start + inner + match[1].length }, marks });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);

  const quotes: DraftQuote[] = [];
  let previous: { attributedTo: string; attributionSpan: Span; sentence: Span; end: number } | undefined;
  for (const quote of found) {
    const sentenceIndex = spanIndexAt(prose.sentences, quote.span.start);
    const sentence = prose.sentences[sentenceIndex] ?? quote.span;
    const outside = blankQuotes(text, sentence, quote.span.end, found);
    const own = attributionIn(outside, quote.span.start - sentence.start, quote.span.end - sentence.start);
    let attribution: { attributedTo: string; attributionSpan: Span; carried: boolean } | undefined;
    if (own) {
      attribution = { attributedTo: own.name, attributionSpan: { start: sentence.start + own.span.start, end: sentence.start + own.span.end }, carried: false };
    } else {
      const index = sentenceIndex;
      const earlier = prose.sentences.slice(Math.max(0, index - 2), Math.max(0, index)).reverse();
      const sameBlock = (span: Span): boolean => !text.slice(span.end, sentence.start).includes('\n');
      const followsQuote = previous && sameBlock(previous.sentence) && !text.slice(previous.end, quote.span.start).includes('\n') &&
        (previous.sentence === sentence || earlier[0] === previous.sentence);
      // "Student protester Joshua Wong was unmoved. “…,” he wrote.": the pronoun is the last person named, if named after the last speaker.
      const blockStart = text.lastIndexOf('\n\n', quote.span.start) + 1;
      const named = PRONOUN.test(outside) ? [...people].reverse().find((mention) => mention.span.end <= quote.span.start && mention.span.start >= blockStart && !found.some((other) => other.span.start <= mention.span.start && mention.span.end <= other.span.end)) : undefined;
      // "Vázquez backed the decision: “…”", "Pelosi opened the inquiry, calling it a “…”": the sentence's subject speaks.
      let subject: (typeof people)[number] | undefined;
      if (LEADS_INTO_QUOTE.test(outside.slice(0, quote.span.start - sentence.start))) {
        // (The sentence as a reader sees it: from the last full stop, a quote's closing mark after it too.)
        const stops = [...text.slice(sentence.start, quote.span.start).matchAll(/[.!?][”"’]?\s+(?=\p{Lu})/gu)];
        const from = stops.length > 0 ? sentence.start + stops[stops.length - 1].index + stops[stops.length - 1][0].length : sentence.start;
        subject = people.find((mention) => mention.span.start >= from && mention.span.end <= quote.span.start && /^[\s“"‘']*(?:\S+\s+){0,5}$/u.test(text.slice(from, mention.span.start)) && !/\b(?:in|at|from|to|for|of|by|on|with)\s+$/i.test(text.slice(from, mention.span.start)));
      }
      if (subject) {
        attribution = { attributedTo: subject.text, attributionSpan: subject.span, carried: true };
      } else if (named && (!previous || named.span.start > previous.attributionSpan.end)) {
        attribution = { attributedTo: named.text, attributionSpan: named.span, carried: true };
      } else if (followsQuote && previous && !(SPEECH_VERB.test(outside) && !PRONOUN.test(outside))) {
        // (Not when the sentence has a verb of saying of its own whose speaker is not read: "The mayor said …" is nobody's rather than the wrong one's.)
        // "“It’s a lot,” Lam said. “We paid for it…”": a quote right after an attributed one goes on with its speaker.
        attribution = { attributedTo: previous.attributedTo, attributionSpan: previous.attributionSpan, carried: true };
      } else if (PRONOUN.test(outside)) {
        // "Lam conceded the cost. “It’s a lot,” she said.": the pronoun is the last speaker named just before.
        for (const span of earlier.filter(sameBlock)) {
          const named = attributionIn(blankQuotes(text, span, span.end, found), span.end - span.start, span.end - span.start);
          if (named) {
            attribution = { attributedTo: named.name, attributionSpan: { start: span.start + named.span.start, end: span.start + named.span.end }, carried: true };
            break;
          }
        }
      }
    }
    if (attribution) previous = { attributedTo: attribution.attributedTo, attributionSpan: attribution.attributionSpan, sentence, end: quote.span.end };
    quotes.push({
      span: quote.span,
      textSpan: quote.textSpan,
      text: draft.slice(quote.textSpan.start, quote.textSpan.end),
      marks: quote.marks,
      sentence,
      ...(attribution ? { attributedTo: attribution.attributedTo, attributionSpan: attribution.attributionSpan } : {}),
      ...(attribution?.carried ? { attributionCarried: true } : {}),
    });
  }
  return quotes;
}

/** A sentence's text with every quote in it blanked, so quoted words never name a speaker. */
function blankQuotes(text: string, sentence: Span, end: number, quotes: readonly { span: Span }[]): string {
  let outside = text.slice(sentence.start, Math.max(sentence.end, end));
  // Quotes are sorted by start and at most a few hundred characters long: only those near the sentence can touch it.
  let low = 0;
  let high = quotes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (quotes[mid].span.start < sentence.start - 1000) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < quotes.length && quotes[i].span.start < sentence.start + outside.length; i++) {
    const other = quotes[i];
    if (other.span.end <= sentence.start) continue;
    const from = Math.max(0, other.span.start - sentence.start);
    const to = Math.min(outside.length, other.span.end - sentence.start);
    outside = outside.slice(0, from) + ' '.repeat(to - from) + outside.slice(to);
  }
  return outside;
}

/**
 * The speaker a sentence names for a quote at [quoteStart, quoteEnd): the
 * nearest attribution before it, or one right after it ("…,” Pelosi said);
 * one further after only when nothing comes before.
 */
function attributionIn(sentence: string, quoteStart: number, quoteEnd: number): { name: string; span: Span } | undefined {
  const candidates: { name: string; span: Span; distance: number }[] = [];
  for (const pattern of ATTRIBUTIONS) {
    for (const match of sentence.matchAll(pattern)) {
      const name = cleanName(match[1]);
      if (!name) continue;
      const start = match.index + match[0].indexOf(match[1]);
      if (pattern === SUBJECT_VERB && NOT_SUBJECT_BEFORE.test(sentence.slice(Math.max(0, start - 20), start))) continue;
      const span = { start, end: start + match[1].length };
      const matchEnd = match.index + match[0].length;
      let distance: number;
      if (matchEnd <= quoteStart) distance = quoteStart - matchEnd;
      else if (match.index >= quoteEnd) {
        const gap = sentence.slice(quoteEnd, match.index);
        distance = /^[\s,.;:!?—–-]*$/.test(gap) ? gap.length : 1000 + gap.length;
      } else distance = 0;
      candidates.push({ name, span, distance });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance);
  return candidates[0];
}

/** A speaker as written, without leading words that are no name ("The", "Meanwhile"), or undefined when none is left. */
function cleanName(raw: string): string | undefined {
  const words = raw.trim().replace(/[’']s$/, '').split(/\s+/);
  while (words.length > 0 && NOT_SPEAKERS.test(words[0])) words.shift();
  // "…,” said Mitsotakis.": the sentence's full stop is no part of the name (an initial's is: "John F.").
  const name = words.join(' ').replace(/(\p{L}{2,})\.$/u, '$1');
  return name.length > 1 ? name : undefined;
}
