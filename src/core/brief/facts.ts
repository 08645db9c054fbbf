import { LIMITS, noteLimit } from '../limits';
import type { Passage, Span } from '../model';
import { readNumberWords } from '../search/aliases';
import { SpanSet } from '../text/spanSet';
import { toTerm } from '../text/terms';
import { cite, slugOf, type BriefContext } from './context';
import type { Fact, FactCitation, FactKind } from './types';

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
const COUNT = new RegExp(String.raw`(?<![\d.,$€£\p{L}])(${NUMBER}|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|a thousand|thousands)(?![\d.,%])\s+((?:[\p{L}’'-]+\s+){0,3}?[\p{L}’'-]+)`, 'giu');

const QUALIFIER_BEFORE = /(more than|over|nearly|almost|about|around|at least|up to|roughly|some|an additional|additional)\s+$/i;
const STOP_BACK = new Set([
  'to', 'for', 'of', 'at', 'by', 'now', 'accounts', 'account', 'totaling', 'totalling', 'equivalent', 'reached', 'reach', 'is', 'was',
  'are', 'were', 'be', 'has', 'have', 'had', 'increase', 'increased', 'freed', 'freeing', 'return', 'returned', 'the', 'a', 'an',
  'their', 'its', 'additional', 'than', 'more', 'over', 'about', 'some', 'giving', 'in', 'on', 'and', 'with', 'from', 'as',
]);
const NOT_COUNT_NOUN = /^(percent|per|day|days|week|weeks|month|months|year|years|trillion|billion|million|rubles?|roubles?|dollars?|euros?|of|and|or|to|the|a)$/i;
const COMMON = new Set(['russia', 'ukraine', 'russian', 'ukrainian', 'both', 'side', 'sides', 'value', 'metric', 'conflict', 'war', 'soldier', 'soldiers']);

const MONTH_BEFORE = /\b(?:jan|feb|febuary|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$/i;
/** Words that place a figure on top of another, not bounds on it. */
const ADDITIVE = new Set(['an additional', 'additional']);

const toNumber = (text: string): number => Number(text.replace(/,/g, ''));

/**
 * Figures the passages state — percentages, money in the currency written,
 * counts, durations — merged so one figure stated in several places is one
 * fact with several citations. Every citation's sentence holds the figure
 * as written.
 */
export function extractFacts(context: BriefContext): Fact[] {
  const statements: Statement[] = [];
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
    const found = statementsOf(context, passage, row);
    perDocument.set(passage.docId, count + found.length);
    for (const statement of found) statements.push(statement);
  }
  return merge(context, statements);
}

function statementsOf(context: BriefContext, passage: Passage, row: { metric: string; value: string } | undefined): Statement[] {
  const text = passage.text;
  const taken = new SpanSet();
  const found: Statement[] = [];
  const isFree = (span: Span): boolean => taken.isFree(span);
  // In a table row only the value cell holds figures; the metric names what they measure.
  const valueStart = row ? text.lastIndexOf(row.value) : 0;
  let previousMeasure: string | undefined;

  const add = (kind: FactKind, value: number, unit: string, valueSpan: Span, measureHint?: string): void => {
    if (!isFree(valueSpan) || valueSpan.start < valueStart || !Number.isFinite(value)) return;
    taken.add(valueSpan);
    const sentence = row ? { start: 0, end: text.length } : context.sentenceAt(passage, valueSpan.start);
    const qualifiers: string[] = [];
    const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(sentence.start, valueSpan.start - 20), valueSpan.start));
    let figureStart = valueSpan.start;
    if (before) {
      qualifiers.push(before[1].toLowerCase());
      figureStart = valueSpan.start - before[0].length;
    }
    const after = text.slice(valueSpan.end, sentence.end);
    const each = /^(?:\s+[\p{L}’'-]+){0,4}?\s+(each|apiece|per side)\b/iu.exec(after);
    if (each) qualifiers.push(each[1].toLowerCase());
    if (row && /\beach side\b/i.test(row.metric)) qualifiers.push('each side');
    const asWrittenSpan = { start: figureStart, end: valueSpan.end };
    const measure = row?.metric ?? measureHint ?? measureOf(text, sentence, asWrittenSpan, kind, previousMeasure);
    previousMeasure = measure;
    const citation: FactCitation = {
      ...cite(passage, sentence),
      asWritten: text.slice(asWrittenSpan.start, asWrittenSpan.end),
      valueSpan: asWrittenSpan,
      qualifiers,
      measures: measure,
    };
    const words = `${text.slice(sentence.start, sentence.end)} ${passage.heading ?? ''}`;
    found.push({ kind, value, unit, citation, context: contextWords(words), fromTable: row !== undefined });
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
  for (const match of text.matchAll(COUNT)) {
    const raw = match[1];
    const noun = match[2];
    if (/^\d{4}$/.test(raw) && Number(raw) >= 1800 && Number(raw) <= 2100) continue; // a year
    if (NOT_COUNT_NOUN.test(noun.split(/\s+/)[0])) continue;
    if (MONTH_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue; // a day of a month
    const value = /^\d/.test(raw) ? toNumber(raw) : readNumberWords(raw.split(' '), 0)?.value;
    if (value === undefined) continue;
    add('count', value, 'count', { start: match.index, end: match.index + raw.length });
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

function contextWords(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.match(/[\p{L}]+/gu) ?? []) {
    const term = toTerm(word);
    if (term && term.length > 2 && !COMMON.has(term)) set.add(term.slice(0, 6));
  }
  return set;
}

/** What a figure measures, read from the words around it in its sentence. */
function measureOf(text: string, sentence: Span, figure: Span, kind: FactKind, previous: string | undefined): string {
  const before = text.slice(sentence.start, figure.start);
  const after = text.slice(figure.end, sentence.end);
  // "13.5 trillion rubles ($172 billion)": the bracketed figure restates the one before it.
  if (/\(\s*$/.test(before) && previous) return previous;
  // "…6.3% of Russia’s GDP, totaling 13.5 trillion rubles": a restatement of the same subject.
  if (/(?:totall?ing|equivalent to|or|amounting to)\s*$/i.test(before) && previous) return previous.replace(/,? share of .*$/, '');
  const behind = nounPhraseBefore(before);
  const ofPhrase = /^\s*(of\s+(?:(?:[\p{L}’'-]+\s+){0,2}(?:GDP|budget|output|population)\b|[\p{L}’'-]+))/u.exec(after)?.[1];
  const pledger = /([\p{Lu}][\p{L}]+(?:\s+(?:members|allies|states|countries))?)\s+(?:for\s+)?(?:their\s+)?pledg\w*/u.exec(before)?.[1];
  if (kind === 'percent' && pledger) return [`${pledger}’ pledged ${behind}`.trim(), ofPhrase ? `share ${ofPhrase}` : undefined].filter(Boolean).join(', ');
  if (kind === 'percent') return [behind, ofPhrase ? `share ${ofPhrase}` : undefined].filter(Boolean).join(', ') || 'percentage';
  if (kind === 'count') {
    const noun = /^\s+((?:[\p{L}’'-]+\s+){0,3}?[\p{L}’'-]*?(?:s|people|children|bodies))\b/u.exec(after)?.[1] ?? /^\s+([\p{L}’'-]+)/u.exec(after)?.[1];
    const of = /\b([\p{L}’'-]+) of\s+(?:an?\s+)?(?:additional\s+)?$/u.exec(before)?.[1];
    return [of ? `${of} of` : undefined, noun].filter(Boolean).join(' ') || behind || 'count';
  }
  return behind || 'amount';
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
  const after = /^\s*([\p{L}-]+)/u.exec(text.slice(span.end))?.[1];
  if (after && /^(deadline|ultimatum|ceasefire|truce|pause|window|period)$/i.test(after)) return after.toLowerCase();
  const before = text.slice(Math.max(0, span.start - 60), span.start);
  const since = /(first|last)\s+([\p{L}\s]+?)\s+in\s+(?:over|more than|nearly|almost)?\s*$/u.exec(before);
  if (since) return `time since the previous ${since[2].trim()}`;
  return undefined;
}

function merge(context: BriefContext, statements: readonly Statement[]): Fact[] {
  // A statement joins the first group of the same figure sharing a context word with any of its members:
  // groups are found through their words, not by scanning every group (1% × 25k once took 39 s).
  const groups: Statement[][] = [];
  const byFigure = new Map<string, Map<string, number>>();
  for (const statement of statements) {
    const key = `${statement.kind}|${statement.unit}|${statement.value}`;
    let words = byFigure.get(key);
    if (!words) byFigure.set(key, (words = new Map()));
    let first = -1;
    for (const word of statement.context) {
      const group = words.get(word);
      if (group !== undefined && (first === -1 || group < first)) first = group;
    }
    if (first === -1) {
      first = groups.length;
      groups.push([statement]);
    } else groups[first].push(statement);
    for (const word of statement.context) if ((words.get(word) ?? Number.MAX_SAFE_INTEGER) > first) words.set(word, first);
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
      `${perSide.map((c) => where(context, c)).join(', ')} ${perSide.length === 1 ? 'says' : 'say'} the figure is for each side; ` +
        `${silent.map((c) => where(context, c)).join(', ')} ${silent.length === 1 ? 'does' : 'do'} not say whether it is per side or in total.`,
    );
  }
  const isBound = (q: string): boolean => q !== 'each' && q !== 'each side' && !ADDITIVE.has(q);
  const bounds = new Set(citations.flatMap((citation) => citation.qualifiers.filter(isBound)));
  if (bounds.size > 0 && citations.some((citation) => !citation.qualifiers.some(isBound))) {
    notes.push(`Some statements bound the figure (${[...bounds].join(', ')}); others give it bare.`);
  }
  return notes;
}

function where(context: BriefContext, citation: FactCitation): string {
  const passage = context.corpus.passage(citation.passageId);
  const label = passage?.kind === 'table-row' ? 'the table' : passage?.kind === 'question-answer' ? 'the FAQ' : 'the body';
  return `${label} (${citation.passageId})`;
}
