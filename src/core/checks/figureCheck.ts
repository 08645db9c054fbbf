import type { CorpusAnalysis } from '../brief/briefing';
import { hasCyrillic } from '../text/language';
import { nameKeys } from '../text/nameKeys';
import { foldName } from '../brief/names/nameClusters';
import { nameMentions } from '../brief/names/nameMentions';
import type { Entity, Fact, FactCitation } from '../brief/types';
import type { Corpus } from '../corpus';
import type { Passage, Span } from '../model';
import { stemsOf, tagText } from '../text/posTags';
import { toTerm } from '../text/terms';
import { splitSentences } from '../text/sentences';
import { tokenize } from '../text/tokens';
import { countedNounAt } from './countedNoun';
import { draftProse, type DraftProse } from './draftText';
import { findFigures, type Figure, type FigureDate, type FigureUnit } from './numbers';
import { wordWeights, type WordWeights } from './wordWeights';
import { LIMITS, noteLimit } from '../limits';

/** What the sources say about a figure or a date of the draft. */
export interface FigureFinding {
  readonly figure: Figure;
  /** A calendar date or a year is checked as a date; everything else as a figure. */
  readonly kind: 'figure' | 'date';
  /** supported: a source statement about the same thing gives this value (maybe rounded); contradicted: it gives another. */
  readonly status: 'supported' | 'contradicted';
  /** For supported figures: whether the value is the source's exactly, or a rounding of it ("6%" for "6.3%"). */
  readonly match?: 'exact' | 'rounded';
  readonly fact: Fact;
  /** The statement the draft's figure was compared with: its sentence, and the figure as the source writes it (valueSpan), for a fix. */
  readonly statement: FactCitation;
  /** Where the sources state the fact: each sentence, cited. */
  readonly citations: readonly FactCitation[];
  /** The sentence of the draft the figure is in. */
  readonly sentence: Span;
  /** The draft's words that tie the figure to the statement, as terms. */
  readonly sharedContext: readonly string[];
  readonly message: string;
}

type Match = 'exact' | 'rounded' | 'consistent' | 'different';

/** One statement of a fact, ready to compare with a draft's figures. */
interface Statement {
  readonly fact: Fact;
  readonly citation: FactCitation;
  readonly unit: FigureUnit;
  /** The figure as the source writes it, read like the draft's. */
  readonly figure: Figure;
  readonly date?: FigureDate;
  /** Terms of what the statement says the figure measures. */
  readonly measure: ReadonlySet<string>;
  /** Terms of the words around the figure in its sentence. */
  readonly near: ReadonlySet<string>;
  /** Terms of the whole sentence. */
  readonly sentence: ReadonlySet<string>;
  /** What a count counts, as a term ("soldier"). */
  readonly counted?: string;
  /** Whose figure or date it is: an entity id, or a folded name. */
  readonly subject?: string;
  /** The same when it is a person's. */
  readonly person?: string;
  /** The verb nearest before a date, for telling one event from another. */
  readonly verb?: string;
  readonly labels: ReadonlySet<string>;
  readonly modal: boolean;
  /** The statement gives a change ("32,000 more deaths"), not a level. */
  readonly change: boolean;
  readonly years: ReadonlySet<number>;
  /** The words right before and right after the figure, qualifiers passed over ("cost US$2.6 billion": cost). */
  readonly adjacent: readonly [string | undefined, string | undefined];
  /** The sentence's other figures (not dates), as unit and value: a draft sentence that repeats one is about this statement. */
  readonly others: ReadonlySet<string>;
  /** For a statement in Cyrillic text: the cross-script keys of the names of its passage ("Харкова" → the key of "Kharkiv"). */
  readonly crossNames?: ReadonlySet<string>;
}

interface Prepared {
  readonly statements: readonly Statement[];
  /** The statements by unit (dates and years together), so a figure is compared only with its own kind. */
  readonly byUnit: ReadonlyMap<string, readonly Statement[]>;
  readonly weights: WordWeights;
  readonly subjectOf: (name: string) => string | undefined;
  /** Whose figure, for figures: only a person tells ("Sanders won 25.7%"); places and bodies are context. */
  readonly personOf: (name: string) => string | undefined;
  /** Every figure the sources write (not dates), by unit and value, with the terms of its sentence: the briefing's facts leave some out ("rose to 31 on Wednesday"). */
  readonly written: ReadonlyMap<string, readonly WrittenFigure[]>;
}

/** Words that move a figure off the sources' present facts: plans, targets, forecasts. */
const MODAL = /\b(?:plan(?:s|ned|ning)?|target(?:s|ed)?|forecast\w*|expect\w*|project\w*|will|would|could|might|may|potential\w*|pledg\w*|propos\w*|aim\w*|goal|next year|budget(?:ed)? for|by 20\d\d)\b/i;
/** Words before a figure that make it a change, not a level: "rose by 2%", "cut by 3 trillion rubles". */
/** ("rose to 31" is a new level, not a change: "to" never stands between.) */
const CHANGE_BEFORE = /\b(?:by|rose|risen|rise|rises|increas\w*|grew|grown|grow\w*|fell|fallen|fall\w*|drop\w*|cut\w*|up|down|jump\w*|surg\w*|declin\w*|climb\w*|soar\w*|plung\w*|shr[iu]nk\w*|extra|another|further)\s+(?:(?!to\s)\w+\s+){0,1}$/i;
const CHANGE_AFTER = /^\s*(?:increase|rise|drop|jump|growth|decline|cut|fall|more|less|fewer|higher|lower|larger|smaller|up|down|year-on-year|a year)\b/i;
const LABEL = /\b(category|class|level|grade|phase|stage|round|article|section|division)\s+(\d+)\b/gi;
/** Nouns that count the same things. */
const SAME_COUNTED: Readonly<Record<string, string>> = { person: 'people', persons: 'people', individual: 'people', individuals: 'people', resident: 'people', residents: 'people' };
const NEAR = 8;
const MAX_PER_SENTENCE = 12;
const UNITS = /^(?:mph|kph|miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|cm|mm|kg|kilograms?|pounds|lbs?|tons?|tonnes?|degrees?|knots?|hectares?|acres?|barrels?|litres?|liters?|gallons?)$/i;

const prepared = new WeakMap<CorpusAnalysis, Prepared>();

/**
 * Checks every figure and date of a draft against the statements of the
 * sources. A figure is compared only with statements of the same unit
 * that count the same thing, about the same subject, in the same words
 * (weighted by how rare each word is in the sources, so a topic's
 * everyday words tell nothing). It is "supported" when the closest such
 * statement gives a value it agrees with (exactly, as a rounding, or
 * within "more than"/"about"), "contradicted" when the closest one, clearly
 * about the same thing, gives another value. A date is compared with the
 * dates of the same event: the same subject and verb ("Clinton … impeached
 * in 1998"), or the same words. Figures near no statement, stated as
 * changes or as plans, are left alone.
 */
export function checkFigures(draft: string, analysis: CorpusAnalysis, corpus?: Corpus, prose: DraftProse = draftProse(draft)): FigureFinding[] {
  const ready = prepare(analysis, corpus);
  const findings: FigureFinding[] = [];
  const figures = findFigures(prose.text, LIMITS.figuresPerDraft + 1);
  if (figures.length === 0) return findings;
  if (figures.length > LIMITS.figuresPerDraft) {
    noteLimit('figures-per-draft', `Only the first ${LIMITS.figuresPerDraft.toLocaleString('en-US')} figures of a draft are checked against the sources.`);
  }
  const draftPassage: Passage = { id: 'draft', docId: 'draft', kind: 'paragraph', text: prose.text, span: { start: 0, end: prose.text.length }, order: 0 };
  const names = nameMentions(draftPassage, prose.sentences);
  const tokens = tokenize(prose.text);
  const tags = tagText(prose.text);
  let sentenceIndex = 0;
  let perSentence = 0;
  for (const figure of figures.slice(0, LIMITS.figuresPerDraft)) {
    const previous = sentenceIndex;
    while (sentenceIndex < prose.sentences.length && prose.sentences[sentenceIndex].end <= figure.span.start) sentenceIndex++;
    perSentence = sentenceIndex === previous ? perSentence + 1 : 1;
    const sentence = prose.sentences[sentenceIndex];
    if (!sentence || figure.span.end > sentence.end || figure.span.start < sentence.start) continue;
    // A run of numbers ("1 1 1 …", a pasted table) is no claim to check.
    if (perSentence > MAX_PER_SENTENCE) continue;
    const finding = checkFigure(prose.text, sentence, figure, ready, { names, tokens, tags }, corpus, figures);
    if (finding) findings.push(finding);
  }
  return findings;
}

interface DraftWords {
  readonly names: ReturnType<typeof nameMentions>;
  readonly tokens: ReturnType<typeof tokenize>;
  readonly tags: ReturnType<typeof tagText>;
}

function checkFigure(text: string, sentence: Span, figure: Figure, ready: Prepared, words: DraftWords, corpus: Corpus | undefined, all: readonly Figure[]): FigureFinding | undefined {
  const isDate = figure.unit === 'date' || figure.unit === 'year';
  const sentenceText = text.slice(sentence.start, sentence.end);
  const before = text.slice(sentence.start, figure.span.start);
  const after = text.slice(figure.span.end, sentence.end);
  const clause = clauseOf(text, sentence, figure.span);
  const near = termsAround(words.tokens, clause, figure.span, NEAR, ready.weights);
  // A date belongs to its clause ("impeached in 1998, and … elected in 2000"); a figure's sentence tells what it is about.
  const whole = termsAround(words.tokens, isDate ? clause : sentence, figure.span, 1000, ready.weights);
  const subjectName = lastNameBefore(words.names, sentence, figure.span.start, text);
  // Whose figure or date: a person must be the same person; a place or a body only counts in favour ("Hong Kong … 1997").
  const subject = subjectName ? ready.personOf(subjectName.text) : undefined;
  const anySubject = subjectName ? ready.subjectOf(subjectName.text) ?? foldName(subjectName.text) : undefined;
  const verb = isDate ? verbBefore(words.tags, sentence, figure.span.start) : undefined;
  const countedBefore = /([\p{L}’'-]+)\s+of\s+(?:the\s+|an?\s+)?$/u.exec(before)?.[1];
  const counted = figure.unit === 'count' ? countedTerm((figure.noun ? countedNounAt(text, words.tags, figure.valueSpan.end) : undefined) ?? countedBefore) : undefined;
  const labels = labelsOf(sentenceText);
  const isChange = !isDate && (CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after) || figure.bound === 'additional');
  const modal = MODAL.test(sentenceText);
  const adjacent = [adjacentTerm(words.tokens, clause, figure.span, -1, ready.weights), adjacentTerm(words.tokens, clause, figure.span, 1, ready.weights)] as const;
  const sentenceOthers = isDate ? [] : all.filter((other) => other !== figure && other.span.start >= sentence.start && other.span.end <= sentence.end).flatMap((other) => anchorKey(other, other.span.end <= figure.span.start ? 'before' : 'after'));
  const otherYears = isDate ? new Set<number>() : new Set([...sentenceText.matchAll(/\b(?:19|20)\d{2}\b/g)].map((match) => Number(match[0])));

  interface Scored {
    readonly statement: Statement;
    readonly match: Match;
    readonly score: number;
    readonly shared: string[];
    readonly strong: boolean;
  }
  const scored: Scored[] = [];
  const draftNames = hasCyrillic(sentenceText) ? undefined : crossScriptNames(sentenceText);
  for (const statement of ready.byUnit.get(figure.unit === 'year' ? 'date' : figure.unit) ?? []) {
    if (!comparable(figure, statement)) continue;
    if (statement.crossNames && draftNames) {
      // A Russian or Ukrainian statement and an English draft share no words, only names ("Харкова" and "Kharkiv"):
      // the same figure supports the draft when its passage names what the draft's sentence names, or when the figure tells
      // by itself (an amount in the same currency, a count no one rounds: "3,569"); another amount in the same currency
      // contradicts it only when the passage names two things the sentence names (a person and a country).
      const shared = [...draftNames].filter((key) => statement.crossNames!.has(key));
      const match = matchOf(figure, statement);
      const money = figure.unit.startsWith('currency:');
      const unrounded = figure.unit === 'count' && Math.abs(figure.value) >= 100 && figure.value % 10 !== 0;
      const large = figure.unit !== 'count' || Math.abs(figure.value) >= 100;
      if ((match === 'exact' || match === 'rounded') && ((shared.length > 0 && large) || money || unrounded)) {
        scored.push({ statement, match, score: Math.min(1.5, 0.5 * (shared.length + 1)), shared, strong: false });
      } else if (match === 'different' && money && shared.length >= 2 && !modal && !isChange) {
        scored.push({ statement, match, score: Math.min(1.5, 0.5 * shared.length), shared, strong: true });
      }
      continue;
    }
    if (subject && statement.person && subject !== statement.person) continue;
    if (labels.size > 0 && statement.labels.size > 0 && ![...labels].some((label) => statement.labels.has(label))) continue;
    if (!isDate && counted && statement.counted && counted !== statement.counted) continue;
    const labelHits = [...near].filter((term) => statement.measure.has(term));
    const measureHits = [...near].filter((term) => statement.measure.has(term) || statement.near.has(term));
    const sentenceHits = [...whole].filter((term) => statement.sentence.has(term));
    const weightOf = (list: readonly string[]): number => list.reduce((sum, term) => sum + ready.weights.of(term), 0);
    const sameSubject = Boolean((subject && subject === statement.person) || sameSubjectName(anySubject, statement.subject));
    let score: number;
    let strong: boolean;
    if (isDate) {
      const sameVerb = Boolean(verb && verb === statement.verb);
      score = weightOf(sentenceHits) + (sameSubject ? 2 : 0) + (sameVerb ? 2 : 0);
      // The same event: its subject and verb, or its subject and rare words, or many rare words.
      strong = (sameSubject && (sameVerb || weightOf(sentenceHits) >= 2)) || (sameVerb && weightOf(sentenceHits) >= 3) || weightOf(sentenceHits) >= 5;
      if (weightOf(sentenceHits) < 1 && !(sameSubject && sameVerb)) continue;
    } else {
      const measureWeight = weightOf(measureHits);
      // Far from the figure, the sentence may still name what the source measures: enough to confirm, never to contradict.
      const farLabelWeight = weightOf([...whole].filter((term) => statement.measure.has(term)));
      const sharedFigures = sentenceOthers.filter((key) => statement.others.has(key)).length;
      score = 2 * measureWeight + farLabelWeight + weightOf(sentenceHits) + (sameSubject ? 1 : 0) + (counted && counted === statement.counted ? 1 : 0) + 4 * sharedFigures;
      if (measureWeight === 0 && farLabelWeight < 2 && !(counted && counted === statement.counted && weightOf(sentenceHits) >= 2)) continue;
      // About the same thing: rare words of what the source says it measures, in the figure's own clause, beyond the counted
      // noun; or, for a count of the same rare thing ("volunteers", "Hongkongers"), rare words around both.
      const labelBeyondNoun = labelHits.filter((term) => term !== counted);
      const sameCounted = Boolean(counted && counted === statement.counted);
      const aroundBeyondNoun = measureHits.filter((term) => term !== counted);
      strong =
        (weightOf(labelBeyondNoun) >= 2 && measureHits.length >= 2 && weightOf(sentenceHits) >= 2.5) ||
        (sameCounted && ready.weights.of(counted!) >= 1 && weightOf(aroundBeyondNoun) >= 2 && aroundBeyondNoun.length >= 1 && weightOf(sentenceHits) >= 3) ||
        // The draft's sentence repeats another figure of the source's sentence ("killed at least 813 … and infected around
        // 53,000" beside the source's "killed at least 813 … infected around 35,000"), with its words: the same statement.
        (sharedFigures >= 1 && measureHits.length >= 1 && weightOf(sentenceHits) >= 2) ||
        // The word that frames the figure is the source's, on the same side, and it is what the source says the figure
        // measures ("cost US$3.6 billion" against "cost US$2.6 billion"; "infected around 53,000" against "infected around 35,000").
        (sameFrame(adjacent, statement) && weightOf(sentenceHits) >= 2.5);
    }
    scored.push({ statement, match: matchOf(figure, statement), score, shared: [...new Set([...measureHits, ...sentenceHits])], strong });
  }
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.score - a.score || rank(a.match) - rank(b.match));
  const best = scored[0];
  const agreeing = scored.filter((entry) => entry.match !== 'different');
  const bestAgreeing = agreeing[0];
  const kind = isDate ? 'date' : 'figure';
  if (bestAgreeing && bestAgreeing.score >= best.score * 0.8) {
    if (bestAgreeing.match === 'consistent') return undefined; // compatible only through "more than"/"up to": neither confirmed nor wrong
    const match = bestAgreeing.match === 'exact' ? 'exact' : 'rounded';
    const statement = bestAgreeing.statement;
    return {
      figure,
      kind,
      status: 'supported',
      match,
      fact: statement.fact,
      statement: statement.citation,
      citations: statement.fact.citations,
      sentence,
      sharedContext: bestAgreeing.shared,
      message: supportedMessage(statement, match, corpus),
    };
  }
  // A change ("23,000 more deaths", "rose 2%") is compared only with a change.
  if (best.match !== 'different' || !best.strong || isChange !== best.statement.change) return undefined;
  // Of statements about as close, the writer most likely changed the one nearest in value ("232 Democrats" for 231, not for "two Democrats").
  const distance = (entry: Scored): number => Math.abs(Math.log(Math.abs(entry.statement.figure.value) + 1) - Math.log(Math.abs(figure.value) + 1));
  const rival = scored.filter((entry) => entry.match === 'different' && entry.strong && entry.score >= best.score * 0.8).sort((a, b) => distance(a) - distance(b))[0] ?? best;
  // The sources give this very figure for the same counted thing elsewhere ("52 thousand deaths" of another day): the writer has it from them.
  if (figure.unit === 'count' && counted !== undefined && scored.some((entry) => entry.match === 'exact' && entry.statement.counted === counted)) return undefined;
  const statement = rival.statement;
  if (!isDate && modal && !statement.modal) return undefined;
  // A source writes this very value in a sentence about the same thing, though no fact was made of it: the writer may have it from there.
  // (Not another person's figure: "Sanders won 46.8%" where the sources give Biden 46.8%.)
  if (!isDate && (ready.written.get(`${figure.unit}:${figure.value}`) ?? []).some((entry) => (!entry.person || !subject || entry.person === subject) && weightOfShared(near, entry.terms, ready.weights) >= 0.6)) return undefined;
  if ([...otherYears].some((year) => !statement.years.has(year))) return undefined;
  // Another figure of the draft's sentence gives the statement's value ("45% to 60%"): the writer has it.
  // Not when it counts something else: "killed three people and injured four others" against "three others".
  const countsOtherThing = (other: Figure): boolean =>
    other.unit === 'count' && statement.counted !== undefined && other.noun !== undefined && countedTerm(countedNounAt(text, words.tags, other.valueSpan.end)) !== statement.counted;
  if (all.some((other) => other !== figure && other.span.start >= sentence.start && other.span.end <= sentence.end && comparable(other, statement) && matchOf(other, statement) === 'exact' && !countsOtherThing(other))) return undefined;
  return {
    figure,
    kind,
    status: 'contradicted',
    fact: statement.fact,
    statement: statement.citation,
    citations: statement.fact.citations,
    sentence,
    sharedContext: rival.shared,
    message: contradictedMessage(figure, statement, corpus),
  };
}

/** Qualifiers and small words passed over on the way from a figure to the word that frames it. */
const QUALIFIERS = new Set(['about', 'around', 'roughly', 'nearly', 'almost', 'approximately', 'some', 'over', 'more', 'than', 'less', 'fewer', 'least', 'most', 'at', 'just', 'under', 'up', 'to', 'an', 'a', 'the', 'only', 'estimated', 'of', 'by', 'some', 'reportedly', 'still']);

/** The first word on one side of a span (-1 before, 1 after) within three words, qualifiers and numbers passed over, as a term. */
function adjacentTerm(tokens: readonly { word: string; span: Span }[], clause: Span, span: Span, side: -1 | 1, weights: WordWeights): string | undefined {
  let at = side < 0 ? firstEndingAfter(tokens, span.start) - 1 : firstEndingAfter(tokens, span.end);
  for (let steps = 0; steps < 4 && at >= 0 && at < tokens.length; steps++, at += side) {
    const token = tokens[at];
    if (token.span.start < clause.start || token.span.end > clause.end) return undefined;
    if (token.span.start < span.end && token.span.end > span.start) continue;
    const lower = token.word.toLowerCase();
    if (/\d/.test(lower) || QUALIFIERS.has(lower)) continue;
    const term = termOf(token.word);
    return term && weights.of(term) > 0 ? term : undefined;
  }
  return undefined;
}

/** Whether the draft's figure is framed by the same word as the statement's, on the same side, and that word is what the statement measures. */
function sameFrame(adjacent: readonly [string | undefined, string | undefined], statement: Statement): boolean {
  return adjacent.some((term, side) => term !== undefined && term === statement.adjacent[side] && statement.measure.has(term));
}

/**
 * Another figure of a sentence as a key for "the same figure on the same side": its unit, value and whether it
 * comes before or after the figure checked ("90% of the 452 seats" is the source's "80% of the 452 seats", not
 * "452 seats, on a turnout of 71%"). Only figures specific enough to tell: not "two", not a date.
 */
function anchorKey(figure: Figure, side: 'before' | 'after'): string[] {
  if (figure.unit === 'date' || figure.unit === 'year') return [];
  if (Number.isInteger(figure.value) && Math.abs(figure.value) < 10) return [];
  return [`${side}:${figure.unit}:${figure.value}`];
}

const rank = (match: Match): number => ({ exact: 0, rounded: 1, consistent: 2, different: 3 })[match];

/** Cross-script keys of the capitalised words of a text (names of people and places), Latin and Cyrillic alike. */
function crossScriptNames(text: string): Set<string> {
  const keys = new Set<string>();
  for (const match of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}'’ʼ-]{2,}/gu)) for (const key of nameKeys(match[0], undefined)) keys.add(key);
  return keys;
}

function comparable(figure: Figure, statement: Statement): boolean {
  if (figure.unit === 'year' || figure.unit === 'date') {
    if (statement.unit !== 'date' || !statement.date) return false;
    // A year is checked against dates that give one; a day of a month against dates that give the day.
    if (figure.unit === 'year') return statement.date.year !== undefined;
    return figure.date?.month !== undefined && statement.date.month !== undefined && (figure.date.day === undefined) === (statement.date.day === undefined);
  }
  return figure.unit === statement.unit;
}

/** The clause of the sentence holding a span: cut at semicolons, colons and ", and", ", but", ", while", "while". */
function clauseOf(text: string, sentence: Span, span: Span): Span {
  const boundary = /[;:]|,\s+(?:and|but|while|whereas|although|though)\s|\s(?:while|whereas)\s/g;
  let start = sentence.start;
  let end = sentence.end;
  const inside = text.slice(sentence.start, sentence.end);
  for (const match of inside.matchAll(boundary)) {
    const at = sentence.start + match.index;
    if (at + match[0].length <= span.start) start = at + match[0].length;
    else if (at >= span.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}

/**
 * Whose figure or date it is: the name nearest before it in its sentence, passing over a name
 * that only qualifies another word ("Rosselló's chief of staff, Ricardo Llerandi, … July 31" is
 * Llerandi's date); a possessive is taken only when the sentence names no one else before the figure.
 */
function lastNameBefore<T extends { span: Span }>(names: readonly T[], sentence: Span, offset: number, text: string): T | undefined {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (names[middle].span.end <= offset) low = middle + 1;
    else high = middle;
  }
  const nearest = names[low - 1];
  if (!nearest || nearest.span.start < sentence.start) return undefined;
  for (let i = low - 1; i >= 0 && names[i].span.start >= sentence.start; i--) {
    if (!POSSESSIVE.test(text.slice(names[i].span.end, names[i].span.end + 3))) return names[i];
  }
  return nearest;
}
const POSSESSIVE = /^[’']s?\b/;

/**
 * Whether two subjects are one: the same entity, or names of which the shorter is the longer's
 * last words ("Gonzalo" and "Hurricane Gonzalo", a surname and the full name) when neither is a known entity's id.
 */
function sameSubjectName(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.endsWith(` ${short}`) && !short.includes('-') && !long.includes('-');
}

function countedTerm(noun: string | undefined): string | undefined {
  if (!noun) return undefined;
  const words = noun.split(/\s+/);
  // "miles west of Bermuda": a unit of measure is what is counted, whatever follows it.
  const unit = words.find((word) => UNITS.test(word));
  const last = unit ?? words.pop() ?? '';
  const term = toTerm(last) ?? last.toLowerCase();
  return termOf(SAME_COUNTED[term] ?? term) ?? term;
}

function labelsOf(text: string): Set<string> {
  return new Set([...text.matchAll(LABEL)].map((match) => `${match[1].toLowerCase()} ${match[2]}`));
}

/** The index of the first token that ends after `offset` (tokens in text order). */
function firstEndingAfter(tokens: readonly { span: Span }[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].span.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The terms within `radius` words of a span inside a sentence, the span's own words and numbers left out. Logarithmic to find, linear in what it returns. */
function termsAround(tokens: readonly { word: string; span: Span }[], sentence: Span, span: Span, radius: number, weights: WordWeights): Set<string> {
  const sentenceFrom = firstEndingAfter(tokens, sentence.start);
  const sentenceTo = firstEndingAfter(tokens, sentence.end);
  const first = firstEndingAfter(tokens, span.start);
  const after = firstEndingAfter(tokens, span.end);
  const from = Math.max(sentenceFrom, first - radius);
  const to = Math.min(sentenceTo, after + radius);
  const terms = new Set<string>();
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.span.start < sentence.start || token.span.end > sentence.end) continue;
    if (token.span.start >= span.start && token.span.end <= span.end) continue;
    const term = termOf(token.word);
    if (term && weights.of(term) > 0) terms.add(term);
  }
  return terms;
}

/** A word's key: its search term (folded, spelling variants unified), a writer's synonym unified, stemmed so "accounted" meets "accounting". */
function termOf(word: string): string | null {
  if (/\d/.test(word)) return null;
  const term = toTerm(word);
  if (!term || term.length < 2) return null;
  const unified = weightsAlias(term);
  return stemsOf([unified])(unified);
}

/** Writers' words for the same thing, as one term. */
const SYNONYMS: Readonly<Record<string, string>> = {
  budget: 'spending', expenditure: 'spending', outlay: 'spending', spend: 'spending', spent: 'spending',
  pow: 'prisoner', captive: 'prisoner', detainee: 'prisoner', swap: 'exchange', swapped: 'exchange', traded: 'exchange',
  corpse: 'body', invade: 'invasion', invaded: 'invasion', invading: 'invasion',
  annexed: 'annexation', annex: 'annexation', annexing: 'annexation', ultimatum: 'deadline',
  person: 'people', persons: 'people', individual: 'people',
};
let extraSynonyms: Readonly<Record<string, string>> = {};
function weightsAlias(term: string): string {
  if (Object.hasOwn(extraSynonyms, term)) return extraSynonyms[term];
  return Object.hasOwn(SYNONYMS, term) ? SYNONYMS[term] : term;
}

/** The verb nearest before an offset in its sentence, as a stem ("impea" of "impeached"). */
function verbBefore(tags: readonly { text: string; start: number; end: number; pos: string }[], sentence: Span, offset: number): string | undefined {
  let low = 0;
  let high = tags.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tags[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1; i >= 0 && tags[i].start >= sentence.start; i--) if (tags[i].pos === 'VERB') return tags[i].text.toLowerCase().slice(0, 5);
  return undefined;
}

// ---------------------------------------------------------------- values

/** The values a figure allows, as written: rounding, "about", "more than", "up to". */
function intervalOf(figure: Figure): [number, number] {
  const v = figure.value;
  const tolerance = baseTolerance(figure);
  switch (figure.bound) {
    case 'approximate':
      return [Math.min(v * 0.9, v - tolerance), Math.max(v * 1.1, v + tolerance)];
    // "More than 80%" is not 90%: a bound is read as news writes it, a little past the figure, not without end.
    case 'lower':
      return [v - tolerance, Math.max(v * 1.1, v + tolerance)];
    case 'upper':
    case 'below':
      return [Math.min(v * 0.9, v - tolerance), v + tolerance];
    default:
      return [v - tolerance, v + tolerance];
  }
}

/**
 * How far a value may be from the one written and still be what the writer
 * meant: half the last digit ("6%" covers 5.5–6.5), 2% for round numbers
 * ("$170bn" for $172bn); counts and durations not round are exact ("five"
 * regions is not "four").
 */
function baseTolerance(figure: Figure): number {
  const exact = (figure.unit === 'count' || figure.unit.startsWith('duration:')) && Number.isInteger(figure.value) && !figure.round;
  if (exact) return 0;
  return Math.max(figure.precision, figure.round ? Math.abs(figure.value) * 0.02 : 0);
}

function pointTolerance(figure: Figure): number {
  const tolerance = baseTolerance(figure);
  return figure.bound === 'approximate' ? Math.max(tolerance, Math.abs(figure.value) * 0.1) : tolerance;
}

function matchOf(figure: Figure, statement: Statement): Match {
  if (figure.unit === 'date' || figure.unit === 'year') return dateMatch(figure.date ?? {}, statement.date ?? {});
  // "up to 40 inches" against "up to 30 inches", "some 70 thousand" against "some 60 thousand": the same bound on another number.
  if (figure.bound && figure.bound === statement.figure.bound) {
    const gap = Math.abs(figure.value - statement.figure.value);
    if (gap < 1e-9) return 'exact';
    return gap <= Math.max(baseTolerance(figure), baseTolerance(statement.figure)) + 1e-9 ? 'rounded' : 'different';
  }
  const [a, b] = intervalOf(figure);
  const [c, d] = intervalOf(statement.figure);
  if (b < c - 1e-9 || d < a - 1e-9) return 'different';
  const close = Math.abs(figure.value - statement.figure.value) <= Math.max(pointTolerance(figure), pointTolerance(statement.figure)) + 1e-9;
  if (!close) return 'consistent';
  return Math.abs(figure.value - statement.figure.value) < 1e-9 ? 'exact' : 'rounded';
}

function dateMatch(draft: FigureDate, fact: FigureDate): Match {
  if (draft.year !== undefined && fact.year !== undefined && draft.year !== fact.year) return 'different';
  if (draft.month !== undefined && fact.month !== undefined) {
    const day = (month: number, value: number | undefined, fallback: number): number => month * 100 + (value ?? fallback);
    const draftFrom = day(draft.month, draft.day, 1);
    const draftTo = day(draft.endMonth ?? draft.month, draft.endDay ?? draft.day, 31);
    const factFrom = day(fact.month, fact.day, 1);
    const factTo = day(fact.endMonth ?? fact.month, fact.endDay ?? fact.day, 31);
    if (draftTo < factFrom || factTo < draftFrom) return 'different';
  }
  const same = draft.year === fact.year && draft.month === fact.month && draft.day === fact.day;
  return same ? 'exact' : 'rounded';
}

// ---------------------------------------------------------------- statements

function prepare(analysis: CorpusAnalysis, corpus: Corpus | undefined): Prepared {
  const cached = prepared.get(analysis);
  if (cached) return cached;
  extraSynonyms = analysis.knowledge.synonyms;
  const weights = wordWeights(analysis, corpus);
  const subjectOf = subjectLookup(analysis.entities);
  const people = subjectLookup(analysis.entities.filter((entity) => entity.kind === 'person'));
  const personOf = (name: string): string | undefined => people(name);
  const statements: Statement[] = [];
  for (const fact of analysis.facts) {
    const unit = unitOf(fact);
    if (!unit) continue;
    const date = unit === 'date' ? dateOf(fact, analysis) : undefined;
    for (const citation of fact.citations) {
      const anchor = unit === 'date' ? anchorOf(citation, corpus) : undefined;
      const figure =
        findFigures(citation.asWritten).find((candidate) => candidate.unit === unit || (unit === 'date' && candidate.unit === 'year')) ??
        synthetic(fact, unit, citation);
      const at = citation.valueSpan.start - citation.span.start;
      const local = tokenize(citation.quote);
      const span = { start: at, end: at + citation.asWritten.length };
      const sentenceSpan = { start: 0, end: citation.quote.length };
      const measure = new Set<string>();
      for (const token of tokenize(`${citation.measures} ; ${citation.counted ?? ''}`)) {
        const term = termOf(token.word);
        if (term && weights.of(term) > 0 && !LABEL_WORDS.has(term)) measure.add(term);
      }
      statements.push({
        fact,
        citation,
        unit,
        figure,
        ...(date ? { date } : {}),
        measure,
        near: termsAround(local, sentenceSpan, span, NEAR, weights),
        sentence: termsAround(local, sentenceSpan, span, 1000, weights),
        ...(citation.counted ? { counted: countedTerm(citation.counted) } : {}),
        ...subjects(unit === 'date' ? anchor?.subject : citation.subject, subjectOf, personOf),
        ...(anchor?.verb ? { verb: anchor.verb } : {}),
        labels: labelsOf(citation.quote),
        modal: MODAL.test(citation.quote),
        change: unit !== 'date' && (CHANGE_BEFORE.test(citation.quote.slice(0, at)) || CHANGE_AFTER.test(citation.quote.slice(at + citation.asWritten.length))),
        years: new Set([...citation.quote.matchAll(/\b(?:19|20)\d{2}\b/g)].map((match) => Number(match[0]))),
        adjacent: [adjacentTerm(local, sentenceSpan, span, -1, weights), adjacentTerm(local, sentenceSpan, span, 1, weights)],
        others: new Set(findFigures(citation.quote).flatMap((other) => (other.valueSpan.end <= at ? anchorKey(other, 'before') : other.valueSpan.start >= at + citation.asWritten.length ? anchorKey(other, 'after') : []))),
        ...(hasCyrillic(citation.quote) ? { crossNames: crossScriptNames(corpus?.passage(citation.passageId)?.text ?? citation.quote) } : {}),
      });
    }
  }
  const byUnit = new Map<string, Statement[]>();
  for (const statement of statements) {
    const list = byUnit.get(statement.unit);
    if (list) list.push(statement);
    else byUnit.set(statement.unit, [statement]);
  }
  const stated = new Map(statements.map((statement) => [`${statement.citation.passageId}:${statement.unit}:${statement.figure.value}`, statement.person]));
  const ready = { statements, byUnit, weights, subjectOf, personOf, written: writtenFigures(corpus, weights, stated) };
  prepared.set(analysis, ready);
  return ready;
}

/** The figures of every source sentence by unit and value, with the sentence's terms and whose fact it is (computed once per analysis). */
interface WrittenFigure {
  readonly terms: ReadonlySet<string>;
  /** The person a fact made of the figure belongs to. */
  readonly person?: string;
}

function writtenFigures(corpus: Corpus | undefined, weights: WordWeights, stated: ReadonlyMap<string, string | undefined>): Map<string, WrittenFigure[]> {
  const written = new Map<string, WrittenFigure[]>();
  for (const passage of corpus?.passages ?? []) {
    // Only figures no fact was made of: a fact's figure is weighed with its subject and measure above (a share of GDP pledged by
    // others is no support for the same share of one country's GDP).
    const figures = findFigures(passage.text).filter((figure) => figure.unit !== 'date' && figure.unit !== 'year' && !stated.has(`${passage.id}:${figure.unit}:${figure.value}`));
    if (figures.length === 0) continue;
    const tokens = tokenize(passage.text);
    for (const sentence of splitSentences(passage.text)) {
      const inside = figures.filter((figure) => figure.span.start >= sentence.start && figure.span.end <= sentence.end);
      if (inside.length === 0) continue;
      const terms = termsAround(tokens, sentence, { start: sentence.start, end: sentence.start }, 10_000, weights);
      for (const figure of inside) {
        const key = `${figure.unit}:${figure.value}`;
        const person = stated.get(`${passage.id}:${key}`);
        const entry: WrittenFigure = person ? { terms, person } : { terms };
        const list = written.get(key);
        if (list) list.push(entry);
        else written.set(key, [entry]);
      }
    }
  }
  return written;
}

function weightOfShared(terms: ReadonlySet<string>, other: ReadonlySet<string>, weights: WordWeights): number {
  let sum = 0;
  for (const term of terms) if (other.has(term)) sum += weights.of(term);
  return sum;
}

function subjects(name: string | undefined, subjectOf: (name: string) => string | undefined, personOf: (name: string) => string | undefined): { subject?: string; person?: string } {
  if (!name) return {};
  const person = personOf(name);
  return { subject: subjectOf(name) ?? foldName(name), ...(person ? { person } : {}) };
}

/** Words of a measure label that name no subject: the briefing's labels. */
const LABEL_WORDS = new Set(['table', 'share', 'count', 'amount', 'date', 'each', 'side', 'percentage', 'metric', 'value', 'time']);

/** The entity a name written in a draft or a source stands for: by full name or variant, or a surname only one person has. */
function subjectLookup(entities: readonly Entity[]): (name: string) => string | undefined {
  const byName = new Map<string, string | null>();
  const note = (key: string, id: string): void => {
    const known = byName.get(key);
    byName.set(key, known === undefined || known === id ? id : null);
  };
  for (const entity of entities) {
    for (const variant of [entity.name, ...entity.variants.map((item) => item.text)]) note(foldName(variant), entity.id);
    if (entity.kind === 'person') note(foldName(entity.name.split(/\s+/).pop() ?? ''), entity.id);
  }
  return (name) => {
    const folded = foldName(name.replace(/[’']s$/, ''));
    const found = byName.get(folded);
    if (found) return found;
    const last = folded.split(/\s+/).pop() ?? folded;
    return byName.get(last) ?? undefined;
  };
}

/**
 * What a date statement is about: the name nearest before the date in its sentence, and the verb nearest before it.
 * A sentence whose subject is a pronoun ("He was released in 2018") is about the last name the paragraph gave before it.
 */
function anchorOf(citation: FactCitation, corpus: Corpus | undefined): { subject?: string; verb?: string } {
  const at = citation.valueSpan.start - citation.span.start;
  const passage: Passage = { id: citation.passageId, docId: citation.docId, kind: 'paragraph', text: citation.quote, span: { start: 0, end: citation.quote.length }, order: 0 };
  const whole = { start: 0, end: citation.quote.length };
  let subject = lastNameBefore(nameMentions(passage, [whole]), whole, at, citation.quote)?.text;
  if (!subject && PRONOUN_SUBJECT.test(citation.quote.slice(0, at))) subject = nameBeforeSentence(citation, corpus);
  const verb = verbBefore(tagText(citation.quote), whole, at);
  return { ...(subject ? { subject } : {}), ...(verb ? { verb } : {}) };
}

const PRONOUN_SUBJECT = /(?:^|[.;:]\s+|,\s+(?:and|but)\s+)(?:He|She|he|she|They|they|It|it)\s+\S/;

/** The subject of the sentence before the citation's in its paragraph: its first name, as news prose opens with its subject. */
function nameBeforeSentence(citation: FactCitation, corpus: Corpus | undefined): string | undefined {
  const source = corpus?.passage(citation.passageId);
  if (!source || citation.span.start <= 0) return undefined;
  const before = source.text.slice(Math.max(0, citation.span.start - 600), citation.span.start).trimEnd();
  const ends = [...before.slice(0, -1).matchAll(/[.!?][”"’]?\s+/g)];
  const from = ends.length > 0 ? ends[ends.length - 1].index + ends[ends.length - 1][0].length : 0;
  const sentence = before.slice(from);
  const passage: Passage = { id: source.id, docId: source.docId, kind: 'paragraph', text: sentence, span: { start: 0, end: sentence.length }, order: 0 };
  return nameMentions(passage, [{ start: 0, end: sentence.length }])[0]?.text;
}

function unitOf(fact: Fact): FigureUnit | undefined {
  switch (fact.kind) {
    case 'percent':
      return 'percent';
    case 'money':
      return `currency:${fact.unit}`;
    case 'count':
      return 'count';
    case 'duration':
      return ['hour', 'day', 'week', 'month', 'year'].includes(fact.unit) ? (`duration:${fact.unit}` as FigureUnit) : undefined;
    case 'date':
      return 'date';
  }
}

function synthetic(fact: Fact, unit: FigureUnit, citation: FactCitation): Figure {
  const value = fact.value ?? Number.NaN;
  return { span: { start: 0, end: 0 }, valueSpan: { start: 0, end: 0 }, raw: citation.asWritten, value, unit, precision: 0, round: false };
}

/** A date fact's calendar parts, with the range of its timeline event; a year the source only implies is left out. */
function dateOf(fact: Fact, analysis: CorpusAnalysis): FigureDate {
  const event = analysis.timeline.find((candidate) => candidate.id === fact.eventId);
  const date = event?.date;
  if (date) {
    return {
      ...(date.year !== undefined && !date.inferred ? { year: date.year } : {}),
      ...(date.month !== undefined ? { month: date.month } : {}),
      ...(date.day !== undefined ? { day: date.day } : {}),
      ...(date.endMonth !== undefined ? { endMonth: date.endMonth } : {}),
      ...(date.endDay !== undefined ? { endDay: date.endDay } : {}),
    };
  }
  const iso = /^(\d{4}|-)-?(\d{2})?-?(\d{2})?/.exec(fact.iso ?? '');
  return {
    ...(iso && iso[1] !== '-' ? { year: Number(iso[1]) } : {}),
    ...(iso?.[2] ? { month: Number(iso[2]) } : {}),
    ...(iso?.[3] ? { day: Number(iso[3]) } : {}),
  };
}

// ---------------------------------------------------------------- messages

function sourceName(citation: FactCitation, corpus: Corpus | undefined): string {
  const meta = corpus?.meta(citation.docId);
  return meta ? meta.outlet ?? meta.author ?? meta.title : citation.docId;
}

function supportedMessage(statement: Statement, match: 'exact' | 'rounded', corpus: Corpus | undefined): string {
  const how = match === 'exact' ? 'Matches' : `Rounds ${statement.citation.asWritten}, as`;
  return `${how} ${sourceName(statement.citation, corpus)}: ${statement.fact.measures} — “${statement.citation.quote}”`;
}

function contradictedMessage(figure: Figure, statement: Statement, corpus: Corpus | undefined): string {
  const what = statement.fact.kind === 'date' ? 'date' : statement.citation.measures;
  return `“${figure.raw}” differs from the sources: ${sourceName(statement.citation, corpus)} gives ${statement.citation.asWritten} (${what}) — “${statement.citation.quote}”`;
}
