import { countedNounAt } from '../checks/countedNoun';
import { isCyrillicText } from './names/cyrillicNames';
import { findFigures } from '../checks/numbers';
import { tagText } from '../text/posTags';
import { LIMITS, noteLimit } from '../limits';
import type { Passage, Span } from '../model';
import { readNumberWords } from '../search/numberWords';
import { SpanSet } from '../text/spanSet';
import { toTerm } from '../text/terms';
import { cite, slugOf, type BriefContext } from './context';
import type { EntityExtraction, Mention } from './entities';
import type { Fact, FactCitation, FactKind } from './types';
import { pushTo } from './lists';

/** One figure as a passage states it, before statements of the same figure merge. */
interface Statement {
  readonly kind: FactKind;
  readonly value: number;
  readonly unit: string;
  readonly citation: FactCitation;
  /** Words of the sentence and heading, to tell whether two statements of one number are about the same thing. */
  readonly context: ReadonlySet<string>;
  readonly fromTable: boolean;
}

/** Names of a passage, to tell whose figure a figure is. */
interface Names {
  /** Mentions of the passage in order. */
  readonly mentions: readonly Mention[];
}

const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6 };
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  ruble: 'RUB', rubles: 'RUB', rouble: 'RUB', roubles: 'RUB', dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR',
  hryvnia: 'UAH', hryvnias: 'UAH', hryvnias_: 'UAH', pound: 'GBP', pounds: 'GBP',
};
const CURRENCY_SIGNS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_WORD = String.raw`(?:trillion|billion|million|thousand|bn)`;

const MONEY_SIGN = new RegExp(String.raw`([$€£])\s?(${NUMBER})(?:\s?(${SCALE_WORD})\b)?`, 'giu');
const MONEY_WORD = new RegExp(String.raw`(?<![\d.,])(${NUMBER})(?:\s(${SCALE_WORD}))?\s(rubles?|roubles?|dollars?|euros?|hryvnias?|pounds?)\b`, 'giu');
const PERCENT = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s?(%|percent\b|per cent\b)`, 'giu');
const DURATION = /(?<![\p{L}\d])(\d+|[a-z]+(?:-[a-z]+)?)([- ])(day|week|month|year)(s?)(?![\p{L}])/giu;

const QUALIFIER_BEFORE = /(more than|over|nearly|almost|about|around|at least|up to|roughly|some|an additional|additional)\s+$/i;
const STOP_BACK = new Set([
  'to', 'for', 'of', 'at', 'by', 'now', 'accounts', 'account', 'totaling', 'totalling', 'equivalent', 'reached', 'reach', 'is', 'was',
  'are', 'were', 'be', 'has', 'have', 'had', 'increase', 'increased', 'freed', 'freeing', 'return', 'returned', 'the', 'a', 'an',
  'their', 'its', 'additional', 'than', 'more', 'over', 'about', 'some', 'giving', 'in', 'on', 'and', 'with', 'from', 'as',
]);
const NOT_COUNT_NOUN = /^(percent|per|day|days|week|weeks|month|months|year|years|trillion|billion|million|rubles?|roubles?|dollars?|euros?|of|and|or|to|the|a)$/i;
/** Words of table headings and figure talk that say nothing about which figure a sentence is about. */
const COMMON = new Set(['both', 'side', 'sides', 'value', 'metric', 'total', 'number']);

const MONTH_BEFORE = /\b(?:jan|feb|febuary|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$/i;
/** Words that place a figure on top of another, not bounds on it. */
const ADDITIVE = new Set(['an additional', 'additional']);

const toNumber = (text: string): number => Number(text.replace(/,/g, ''));
/** Units a count may be in, as opposed to things it counts. */
const UNITS_OF_MEASURE = /^(?:mph|kph|km\/h|miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|m|feet|foot|ft|inch(?:es)?|cm|mm|kg|kilograms?|pounds|lbs?|tons?|tonnes?|degrees?|knots?|hectares?|acres?|square (?:miles|kilometres|kilometers)|barrels?(?: per day)?|litres?|liters?|gallons?|megawatts?|mw|gw|volts?)$/i;

/**
 * Figures the passages state — percentages, money in the currency written,
 * counts, durations — merged so one figure stated in several places is one
 * fact with several citations. Every citation's sentence holds the figure
 * as written.
 */
export function extractFacts(context: BriefContext, extraction?: EntityExtraction, everywhere: ReadonlySet<string> = new Set()): Fact[] {
  const statements: Statement[] = [];
  const mentionsOf = new Map<string, Mention[]>();
  for (const mention of extraction?.mentions ?? []) pushTo(mentionsOf, mention.passage.id, mention);
  const tableRows = new Map<string, { metric: string; value: string }>();
  for (const document of context.corpus.documents) {
    for (const fact of document.tableFacts) tableRows.set(fact.passageId, { metric: fact.metric, value: fact.value });
  }
  const perDocument = new Map<string, number>();
  for (const passage of context.passages) {
    const count = perDocument.get(passage.docId) ?? 0;
    if (count >= LIMITS.statementsPerDocument) {
      noteLimit('statements', `Figures were read from the first ${LIMITS.statementsPerDocument.toLocaleString('en-US')} statements of each document for the briefing.`);
      continue;
    }
    const row = tableRows.get(passage.id);
    const found = statementsOf(context, passage, row, { mentions: mentionsOf.get(passage.id) ?? [] }, extraction, everywhere);
    perDocument.set(passage.docId, count + found.length);
    for (const statement of found) statements.push(statement);
  }
  return merge(context, statements);
}

function statementsOf(
  context: BriefContext,
  passage: Passage,
  row: { metric: string; value: string } | undefined,
  names: Names,
  extraction: EntityExtraction | undefined,
  everywhere: ReadonlySet<string>,
): Statement[] {
  const text = passage.text;
  const taken = new SpanSet();
  const found: Statement[] = [];
  const isFree = (span: Span): boolean => taken.isFree(span);
  const wordsOfSentence = new Map<number, Set<string>>();
  // In a table row only the value cell holds figures; the metric names what they measure.
  const valueStart = row ? text.lastIndexOf(row.value) : 0;
  let previousMeasure: string | undefined;

  const add = (kind: FactKind, value: number, unit: string, valueSpan: Span, measureHint?: string, counted?: string): void => {
    if (!isFree(valueSpan) || valueSpan.start < valueStart || !Number.isFinite(value)) return;
    taken.add(valueSpan);
    const sentence = row ? { start: 0, end: text.length } : context.sentenceAt(passage, valueSpan.start);
    const qualifiers: string[] = [];
    let figureStart = valueSpan.start;
    // "US$400 million": the country letters belong to the currency.
    const prefix = kind === 'money' ? /(?<![\p{L}])(?:US|U\.S\.|A|C|NZ|HK|S)$/u.exec(text.slice(Math.max(0, valueSpan.start - 4), valueSpan.start)) : null;
    if (prefix) figureStart -= prefix[0].length;
    const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(sentence.start, figureStart - 20), figureStart));
    if (before) {
      qualifiers.push(before[1].toLowerCase());
      figureStart -= before[0].length;
    }
    const after = text.slice(valueSpan.end, Math.min(sentence.end, valueSpan.end + 80));
    const each = /^(?:\s+[\p{L}’'-]+){0,4}?\s+(each|apiece|per side)\b/iu.exec(after);
    if (each) qualifiers.push(each[1].toLowerCase());
    if (row && /\beach side\b/i.test(row.metric)) qualifiers.push('each side');
    const asWrittenSpan = { start: figureStart, end: valueSpan.end };
    const measure = row?.metric ?? measureHint ?? measureOf(text, sentence, asWrittenSpan, kind, previousMeasure, counted);
    previousMeasure = measure;
    const subject = subjectOf(names, sentence, asWrittenSpan.start, extraction);
    const citation: FactCitation = {
      ...cite(passage, sentence),
      asWritten: text.slice(asWrittenSpan.start, asWrittenSpan.end),
      valueSpan: asWrittenSpan,
      qualifiers,
      measures: measure,
      ...(counted ? { counted } : {}),
      ...(subject ? { subject } : {}),
    };
    let words = wordsOfSentence.get(sentence.start);
    if (!words) {
      words = contextWords(`${text.slice(sentence.start, Math.min(sentence.end, sentence.start + 2000))} ${passage.heading ?? ''}`, everywhere);
      wordsOfSentence.set(sentence.start, words);
    }
    found.push({ kind, value, unit, citation, context: words, fromTable: row !== undefined });
  };

  const all: { index: number; run: () => void }[] = [];
  for (const match of text.matchAll(MONEY_SIGN)) {
    all.push({ index: match.index, run: () => add('money', toNumber(match[2]) * (SCALE[match[3]?.toLowerCase() ?? ''] ?? 1), CURRENCY_SIGNS[match[1]], spanOf(match)) });
  }
  for (const match of text.matchAll(MONEY_WORD)) {
    all.push({ index: match.index, run: () => add('money', toNumber(match[1]) * (SCALE[match[2]?.toLowerCase() ?? ''] ?? 1), CURRENCY_WORDS[match[3].toLowerCase()], spanOf(match)) });
  }
  for (const match of text.matchAll(PERCENT)) {
    all.push({ index: match.index, run: () => add('percent', toNumber(match[1]), '%', spanOf(match)) });
  }
  for (const match of text.matchAll(DURATION)) {
    const amount = /^\d+$/.test(match[1]) ? Number(match[1]) : readNumberWords(match[1].split('-'), 0)?.value;
    if (amount === undefined) continue;
    all.push({ index: match.index, run: () => add('duration', amount, match[3].toLowerCase(), spanOf(match), durationMeasure(text, spanOf(match))) });
  }
  // Money, percentages and durations claim their numbers first; counts take what is left.
  all.sort((a, b) => a.index - b.index).forEach((entry) => entry.run());
  // Russian and Ukrainian money and percentages ("800 мільйонів доларів", "7,5 процента") as the figure reader reads them.
  const cyrillic = isCyrillicText(text);
  const figures = findFigures(text);
  if (cyrillic) {
    for (const figure of figures) {
      if (figure.unit === 'percent') add('percent', figure.value, '%', figure.valueSpan);
      else if (figure.unit.startsWith('currency:')) add('money', figure.value, figure.unit.slice('currency:'.length), figure.valueSpan);
    }
  }
  // Counts as the figure reader reads them (the checks read drafts the same way): "1.7 million Hongkongers", "Sixty-six people", "180 mph".
  for (const figure of figures) {
    if (figure.unit !== 'count') continue;
    const raw = text.slice(figure.valueSpan.start, figure.valueSpan.end);
    if (MONTH_BEFORE.test(text.slice(Math.max(0, figure.valueSpan.start - 12), figure.valueSpan.start))) continue; // a day of a month
    // "killed at least 813 in China", "infected around 35,000 worldwide": with no noun after it, a count counts what the verb before says.
    const verbBefore =
      /\b(killed|infected|injured|wounded|arrested|detained|evacuated|displaced|hospitali[sz]ed|vaccinated|rescued|freed|released)\s+(?:(?:at least|more than|over|about|around|nearly|almost|some|roughly|approximately|an estimated)\s+)?$/i.exec(
        text.slice(Math.max(0, figure.span.start - 40), figure.span.start),
      )?.[1];
    // "The total population of Hong Kong is about 7.5 million.": a count at the end of its clause counts its subject.
    const sentence = context.sentenceAt(passage, figure.span.start);
    const clauseEnd = /^[\s)]*(?:[.;:]|$)/.test(text.slice(figure.valueSpan.end, sentence.end));
    const subjectNoun = clauseEnd && !figure.noun ? /(?:^|[,;]\s*)(?:the\s+|its\s+|their\s+)?([\p{L}’' -]{3,60}?)\s+(?:is|was|are|were|stands at|stood at|reached|totals|totalled|totaled|numbered)\s+(?:\S+\s+){0,2}$/iu.exec(text.slice(Math.max(sentence.start, figure.span.start - 120), figure.span.start))?.[1] : undefined;
    // The POS tags say what is counted; when they find no noun ("2.9 million strong"), nothing is.
    // The English tagger reads no Cyrillic noun: there the words after the number, up to a preposition or conjunction, are what is counted.
    const counted = (figure.noun ? (cyrillic ? figure.noun || undefined : countedNounAt(text, tagText(text), figure.valueSpan.end)) : undefined) ?? subjectNoun;
    const verb = verbBefore ?? (counted ? undefined : verbFraming(text, figure));
    if (!counted && !verb && !row) continue;
    if (counted && NOT_COUNT_NOUN.test(counted)) continue;
    if (/^\d{1,2}$/.test(raw) && /^(?:a\.?m|p\.?m|utc|gmt|o'clock)\b/i.test(figure.noun ?? '')) continue;
    add('count', figure.value, 'count', figure.valueSpan, counted ? undefined : verb?.toLowerCase(), counted);
  }
  if (row && found.length === 0) {
    // A table value with no unit we read ("3,000") is still a count of what the metric names.
    const number = new RegExp(NUMBER).exec(row.value);
    if (number) add('count', toNumber(number[0]), 'count', { start: valueStart + number.index, end: valueStart + number.index + number[0].length });
  }
  return found;
}

function spanOf(match: RegExpMatchArray): Span {
  return { start: match.index!, end: match.index! + match[0].length };
}

function contextWords(text: string, everywhere: ReadonlySet<string>): Set<string> {
  const set = new Set<string>();
  for (const word of text.match(/[\p{L}]+/gu) ?? []) {
    const term = toTerm(word);
    if (term && term.length > 2 && !COMMON.has(term) && !everywhere.has(term)) set.add(term.slice(0, 6));
  }
  return set;
}

/** Whose figure it is: the name nearest before the figure in its sentence, else the first after it. */
function subjectOf(names: Names, sentence: Span, at: number, extraction: EntityExtraction | undefined): string | undefined {
  // Mentions are in text order: find the last one ending before the figure by halving, not by scanning.
  const mentions = names.mentions;
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle].span.end <= at) low = middle + 1;
    else high = middle;
  }
  const previous = mentions[low - 1];
  const next = mentions[low];
  const before = previous && previous.span.start >= sentence.start ? previous : undefined;
  const chosen = before ?? (next && next.span.start >= at && next.span.end <= sentence.end ? next : undefined);
  if (!chosen) return undefined;
  return extraction?.byId.get(chosen.entityId)?.name ?? chosen.text;
}

/** What a figure measures, read from the words around it in its sentence. */
/**
 * The verb that frames a bare count, by its tags: "killing at least 20", "increased to 167", "at least 15,000
 * stranded" — what the count counts when no noun follows it.
 */
function verbFraming(text: string, figure: { span: Span; valueSpan: Span }): string | undefined {
  const tags = tagText(text);
  let at = tags.findIndex((token) => token.start >= figure.span.start) - 1;
  if (at < -1) at = tags.length - 1;
  const after = tags.find((token) => token.start >= figure.valueSpan.end);
  if (after && after.pos === 'VERB' && /^\p{Ll}+ed$/u.test(after.text) && /^\s+$/.test(text.slice(figure.valueSpan.end, after.start))) return after.text;
  while (at >= 0 && /^(?:to|at|least|more|than|over|about|around|nearly|almost|some|roughly|approximately|an|estimated|reportedly)$/i.test(tags[at].text)) at--;
  if (at >= 0 && tags[at].pos === 'VERB' && /^\p{Ll}+$/u.test(tags[at].text) && !/^(?:is|was|are|were|be|been|has|have|had|said|says)$/.test(tags[at].text)) return tags[at].text;
  return undefined;
}

function measureOf(text: string, sentence: Span, figure: Span, kind: FactKind, previous: string | undefined, counted?: string): string {
  // The words near the figure only: a sentence of thousands of figures must not cost its length for each.
  const before = text.slice(Math.max(sentence.start, figure.start - 200), figure.start);
  const after = text.slice(figure.end, Math.min(sentence.end, figure.end + 200));
  // "13.5 trillion rubles ($172 billion)": the bracketed figure restates the one before it.
  if (/\(\s*$/.test(before) && previous) return previous;
  // "…6.3% of the country’s GDP, totaling 13.5 trillion rubles": a restatement of the same subject.
  if (/(?:totall?ing|equivalent to|or|amounting to)\s*$/i.test(before) && previous) return previous.replace(/,? share of .*$/, '');
  const behind = nounPhraseBefore(before);
  const ofPhrase = /^\s*(of\s+(?:(?:[\p{L}’'-]+\s+){0,2}(?:GDP|budget|output|population)\b))/u.exec(after)?.[1];
  const pledger = /([\p{Lu}][\p{L}]+(?:\s+(?:members|allies|states|countries))?)\s+(?:for\s+)?(?:their\s+)?pledg\w*/u.exec(before)?.[1];
  if (kind === 'percent' && pledger) return [`${pledger}’ pledged ${behind}`.trim(), ofPhrase ? `share ${ofPhrase}` : undefined].filter(Boolean).join(', ');
  if (kind === 'percent') {
    // "25.7% of the vote", "turnout was about 71%", "around 30% of world-wide coronavirus infections".
    const ofNoun = nounPhraseAfter(/^\s*of\s+([^.;:]*)/u.exec(after)?.[1]);
    // "3 percent support": the noun right after the figure is what it is a share of.
    const nounAfter = ofNoun ? undefined : nounPhraseAfter(/^\s+([\p{Ll}][^.;:,]*)/u.exec(after)?.[1]);
    const share = ofPhrase ? `share ${ofPhrase}` : ofNoun ? `share of ${ofNoun}` : nounAfter && !/^(?:in|on|at|to|from|by|and|or|of|as|than)$/i.test(nounAfter.split(' ')[0]) ? nounAfter : undefined;
    return [behind, share].filter(Boolean).join(', ') || 'percentage';
  }
  if (kind === 'count' && counted && UNITS_OF_MEASURE.test(counted)) {
    // "maximum sustained winds were near 180 mph": a unit of measure says how, the words before say what.
    return behind ? `${behind} (${counted})` : counted;
  }
  if (kind === 'count') {
    const noun = counted ?? /^\s+((?:[\p{L}’'-]+\s+){0,3}?[\p{L}’'-]*?(?:s|people|children|bodies))\b/u.exec(after)?.[1] ?? /^\s+([\p{L}’'-]+)/u.exec(after)?.[1];
    const of = /\b([\p{L}’'-]+) of\s+(?:an?\s+)?(?:additional\s+)?$/u.exec(before)?.[1];
    // "Sixty-six people or more were injured", "over 200 people injured": what happened to them.
    const what = /^[^.;:]{0,40}?\b(?:were|was|have been|had been|are|been)?\s*((?:killed|injured|wounded|arrested|infected|hospitali[sz]ed|detained|evacuated|displaced|confirmed|missing|dead|freed|released|vaccinated|affected|rescued))\b/i.exec(after)?.[1];
    return [of && !/^(?:one|some|any|each|all|most|none)$/i.test(of) ? `${of} of` : undefined, noun, what].filter(Boolean).join(' ') || behind || 'count';
  }
  // "$400 million in military aid", "13.5 trillion rubles of spending".
  if (kind === 'money') {
    const what = nounPhraseAfter(/^\s*(?:\([^)]*\)\s*)?(?:in|of|for|on|from)\s+([^.;:]*)/u.exec(after)?.[1]);
    if (what) return what;
  }
  return behind || 'amount';
}

/** The noun phrase at the start of `text`, past determiners, numbers and possessives, up to a preposition or a verb: "452 available district council seats". */
function nounPhraseAfter(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const words: string[] = [];
  for (const raw of text.trim().split(/\s+/)) {
    const word = raw.replace(/[,)]+$/, '');
    if (words.length === 0 && /^(?:the|a|an|all|its|their|his|her|this|these|those|some|[\p{L}]+['’]s|\d[\d,.]*|world-wide|worldwide)$/iu.test(word) && !/^world/i.test(word)) continue;
    if (/^(?:with|in|on|at|for|from|by|as|than|that|which|who|and|or|but|to|is|was|were|are|has|have|had|will|would|since|of)$/i.test(word)) break;
    words.push(word);
    if (raw !== word || words.length >= 4) break;
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

/** The up to four words right before a figure that name what it is, stopping at verbs and prepositions. */
function nounPhraseBefore(before: string): string {
  const words = before.replace(/[,;:(]\s*$/, '').trim().split(/\s+/).filter(Boolean);
  while (words.length > 0 && STOP_BACK.has(words[words.length - 1].toLowerCase())) words.pop();
  const phrase: string[] = [];
  for (let i = words.length - 1; i >= 0 && phrase.length < 4; i--) {
    const word = words[i].replace(/[,.;:]+$/, '');
    if (STOP_BACK.has(word.toLowerCase()) || /[,.;:]$/.test(words[i])) break;
    phrase.unshift(word);
  }
  return phrase.join(' ');
}

function durationMeasure(text: string, span: Span): string | undefined {
  const of = /^\s+of\s+([^.;:,]*)/u.exec(text.slice(span.end, span.end + 80))?.[1];
  const what = of ? nounPhraseAfter(of) : undefined;
  if (what) return what;
  const after = /^\s*([\p{L}-]+)/u.exec(text.slice(span.end))?.[1];
  if (after && /^(deadline|ultimatum|ceasefire|truce|pause|window|period)$/i.test(after)) return after.toLowerCase();
  const before = text.slice(Math.max(0, span.start - 60), span.start);
  const since = /(first|last)\s+([\p{L}\s]+?)\s+in\s+(?:over|more than|nearly|almost)?\s*$/u.exec(before);
  if (since) return `time since the previous ${since[2].trim()}`;
  return undefined;
}

function merge(context: BriefContext, statements: readonly Statement[]): Fact[] {
  // A statement joins the first group of the same figure that shares a word with any of its members: each figure keeps
  // a map from its members' words to the first group holding them, so merging stays linear.
  const groups: Statement[][] = [];
  const byFigure = new Map<string, Map<string, { members: Statement[]; order: number }>>();
  for (const statement of statements) {
    const key = `${statement.kind}|${statement.unit}|${statement.value}`;
    let words = byFigure.get(key);
    if (!words) {
      words = new Map();
      byFigure.set(key, words);
    }
    let group: { members: Statement[]; order: number } | undefined;
    for (const word of statement.context) {
      const found = words.get(word);
      if (found && (!group || found.order < group.order)) group = found;
    }
    if (group) group.members.push(statement);
    else {
      group = { members: [statement], order: groups.length };
      groups.push(group.members);
    }
    for (const word of statement.context) if (!words.has(word)) words.set(word, group);
  }
  const facts = groups.map((group): Fact => {
    const citations = [...group]
      .sort((a, b) => context.orderOf(a.citation.passageId) - context.orderOf(b.citation.passageId) || a.citation.span.start - b.citation.span.start)
      .map((statement) => statement.citation);
    const first = group[0];
    const table = group.find((statement) => statement.fromTable);
    const prose = group.find((statement) => !statement.fromTable);
    const measures = table && prose ? `${prose.citation.measures} (table: ${table.citation.measures})` : first.citation.measures;
    return {
      id: slugOf(`${first.kind}-${first.value}-${first.unit}-${measures}`).slice(0, 80),
      kind: first.kind,
      value: first.value,
      unit: first.unit,
      measures,
      asWritten: [...new Set(citations.map((citation) => citation.asWritten))],
      sentence: citations[0].quote,
      citations,
      notes: notesOn(context, citations),
    };
  });
  return facts.sort((a, b) => context.orderOf(a.citations[0].passageId) - context.orderOf(b.citations[0].passageId) || a.citations[0].valueSpan.start - b.citations[0].valueSpan.start);
}

/** Differences in scope between statements of one figure, e.g. "each side" stated in some and not others. */
function notesOn(context: BriefContext, citations: readonly FactCitation[]): string[] {
  const notes: string[] = [];
  const perSide = citations.filter((citation) => citation.qualifiers.some((q) => q === 'each' || q === 'each side' || q === 'apiece' || q === 'per side'));
  if (perSide.length > 0 && perSide.length < citations.length) {
    const silent = citations.filter((citation) => !perSide.includes(citation));
    notes.push(
      `${wheres(context, perSide)} ${perSide.length === 1 ? 'says' : 'say'} the figure is for each side; ` +
        `${wheres(context, silent)} ${silent.length === 1 ? 'does' : 'do'} not say whether it is per side or in total.`,
    );
  }
  const isBound = (q: string): boolean => q !== 'each' && q !== 'each side' && !ADDITIVE.has(q);
  const bounds = new Set(citations.flatMap((citation) => citation.qualifiers.filter(isBound)));
  if (bounds.size > 0 && citations.some((citation) => !citation.qualifiers.some(isBound))) {
    notes.push(`Some statements bound the figure (${[...bounds].join(', ')}); others give it bare.`);
  }
  return notes;
}

/** "the table and the FAQ": where in their sources the statements are, in words a reader knows (no ids). */
function wheres(context: BriefContext, citations: readonly FactCitation[]): string {
  const labels = [...new Set(citations.map((citation) => {
    const passage = context.corpus.passage(citation.passageId);
    return passage?.kind === 'table-row' ? 'the table' : passage?.kind === 'question-answer' ? 'the FAQ' : 'the body';
  }))];
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : (labels[0] ?? '');
}
