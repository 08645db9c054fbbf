import * as chrono from 'chrono-node';
import { LIMITS, noteLimit } from '../limits';
import type { Passage, Span } from '../model';
import { SpanSet } from '../text/spanSet';
import { toTerm } from '../text/terms';
import { cite, type BriefContext } from './context';
import type { Citation, Fact, TimelineDate, TimelineEvent } from './types';

/** A date as one sentence writes it. */
interface DateMention {
  readonly passage: Passage;
  readonly span: Span;
  readonly asWritten: string;
  readonly date: { year?: number; month?: number; day?: number; endMonth?: number; endDay?: number };
  readonly yearStated: boolean;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_LABELS = MONTH_NAMES.map((name) => name[0].toUpperCase() + name.slice(1));
/** Chrono's reference day: far from any real date, so an unstated year can never pass for a real one. */
const REFERENCE = new Date(Date.UTC(1900, 0, 1));
const YEAR_PHRASE = /(?<![\p{L}\d-])(?:([A-Z][a-z]{2,9})\s+)?((?:19|20)\d{2})(?![\d%,.]\d)(?!-?\p{L})/gu;
/** A capitalised month name ("May", not the verb "may"). */
const MONTH_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;
/** Words that tell nothing about which event a date is of. (A corpus's own everyday words come with its knowledge.) */
const COMMON = new Set(['last', 'direct', 'both', 'side']);
const NONE: ReadonlySet<string> = new Set();

let monthParser: chrono.Chrono | undefined;
/**
 * chrono's English parser cut down to the parsers that read month names
 * ("June 2,2025", "2 June", "June 2025", "May"): found by their patterns,
 * not their class names (which minification renames). The full casual
 * parser's time and relative-phrase patterns cost ~100 ms on first use and
 * read nothing these texts need; it is the fallback if none is found.
 */
function dateParser(): chrono.Chrono {
  if (monthParser) return monthParser;
  const parser = chrono.casual.clone();
  const monthParsers = parser.parsers.filter((candidate) => {
    try {
      const pattern = (candidate as unknown as { pattern(context: unknown): RegExp }).pattern({ option: {} });
      return /september/i.test(pattern.source);
    } catch {
      return false;
    }
  });
  if (monthParsers.length > 0) parser.parsers = monthParsers;
  monthParser = parser;
  return parser;
}

/** The month a word names, tolerating one wrong letter ("Febuary"), or undefined. */
function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  const exact = MONTH_NAMES.indexOf(lower);
  if (exact >= 0) return exact + 1;
  if (lower.length < 5) return undefined;
  const close = MONTH_NAMES.findIndex((name) => name.length >= 5 && editDistance(lower, name) === 1);
  return close >= 0 ? close + 1 : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** Calendar dates of a passage: chrono-node for month-day dates, a year rule for "in 2014" and "Febuary 2022". */
function datesIn(context: BriefContext, passage: Passage): DateMention[] {
  const text = passage.text;
  const found: DateMention[] = [];
  // chrono is the slow part (its first calls especially): only sentences that name a month go through it.
  const results = context
    .sentences(passage)
    .filter((sentence) => MONTH_WORD.test(text.slice(sentence.start, sentence.end)))
    .flatMap((sentence) =>
      dateParser().parse(text.slice(sentence.start, sentence.end), REFERENCE, { forwardDate: false }).map((result) => ({
        index: result.index + sentence.start,
        text: result.text,
        start: result.start,
      })),
    );
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    if (!result.start.isCertain('month') || !/^\p{Lu}/u.test(result.text) || monthOf(/^\p{L}+/u.exec(result.text)?.[0] ?? '') === undefined) continue;
    let end = result.index + result.text.replace(/[\s,.;:]+$/, '').length;
    const date: { year?: number; month?: number; day?: number; endMonth?: number; endDay?: number } = {
      month: result.start.get('month') ?? undefined,
      ...(result.start.isCertain('day') ? { day: result.start.get('day') ?? undefined } : {}),
      ...(result.start.isCertain('year') ? { year: result.start.get('year') ?? undefined } : {}),
    };
    let start = result.index;
    // "between June 20 and June 30": chrono reads two dates; they are one range.
    const next = results[i + 1];
    if (next && /^\s+(?:and|to|-|–)\s+$/.test(text.slice(end, next.index)) && monthOf(/^\p{L}+/u.exec(next.text)?.[0] ?? '') !== undefined && /between\s+$/i.test(text.slice(Math.max(0, start - 10), start))) {
      date.endMonth = next.start.get('month') ?? undefined;
      if (next.start.isCertain('day')) date.endDay = next.start.get('day') ?? undefined;
      end = next.index + next.text.replace(/[\s,.;:]+$/, '').length;
      start -= /between\s+$/i.exec(text.slice(Math.max(0, start - 10), start))![0].length;
      i++;
    }
    found.push({ passage, span: { start, end }, asWritten: text.slice(start, end), date, yearStated: date.year !== undefined });
  }
  const taken = new SpanSet();
  for (const mention of [...found].sort((a, b) => a.span.start - b.span.start)) taken.add(mention.span);
  for (const match of text.matchAll(YEAR_PHRASE)) {
    const month = match[1] ? monthOf(match[1]) : undefined;
    const start = month ? match.index : match.index + (match[1] ? match[0].indexOf(match[2]) : 0);
    const span = { start, end: match.index + match[0].length };
    if (!taken.isFree(span)) continue;
    const year = Number(match[2]);
    taken.add(span);
    found.push({ passage, span, asWritten: text.slice(span.start, span.end), date: { year, ...(month ? { month } : {}) }, yearStated: true });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Dated events in order, each from the sentence that dates it. A date
 * without a year keeps its year unknown unless the same document states
 * the year for that month, and then it is marked inferred with the
 * evidence. Relative dates ("seven weeks", "50-day") stay as written.
 */
export function buildTimeline(context: BriefContext, facts: readonly Fact[], corpusWords: readonly string[] = []): TimelineEvent[] {
  const everywhere = new Set(corpusWords.map((word) => toTerm(word) ?? word));
  const mentions: DateMention[] = [];
  const perDocument = new Map<string, number>();
  for (const passage of context.passages) {
    const count = perDocument.get(passage.docId) ?? 0;
    if (count >= LIMITS.statementsPerDocument) {
      noteLimit('dates', `Dates were read from the first ${LIMITS.statementsPerDocument.toLocaleString('en-US')} date mentions of each document for the timeline.`);
      continue;
    }
    const found = datesIn(context, passage);
    perDocument.set(passage.docId, count + found.length);
    for (const mention of found) mentions.push(mention);
  }
  // The years each document states for each month, and the first mention stating each: what a year may be inferred from.
  const statedYears = new Map<string, { years: Set<number | undefined>; evidence: DateMention }>();
  for (const mention of mentions) {
    if (!mention.yearStated || mention.date.month === undefined) continue;
    const key = `${mention.passage.docId}|${mention.date.month}`;
    const entry = statedYears.get(key);
    if (entry) entry.years.add(mention.date.year);
    else statedYears.set(key, { years: new Set([mention.date.year]), evidence: mention });
  }

  interface Draft {
    key: string;
    date: TimelineDate;
    asWritten: string[];
    citations: Citation[];
    words: Set<string>;
  }
  const drafts: Draft[] = [];
  // A mention joins the first event of the same date sharing a word with it: events are found through their words.
  const byKey = new Map<string, Map<string, number>>();
  const cited = new Set<string>();
  for (const mention of mentions) {
    let date: TimelineDate = mention.date;
    if (!mention.yearStated && mention.date.month !== undefined) {
      // Only the document's own words may give the year: one stated year for this month, no other.
      const own = statedYears.get(`${mention.passage.docId}|${mention.date.month}`);
      if (own && own.years.size === 1) {
        const evidence = own.evidence;
        date = { ...mention.date, year: evidence.date.year, inferred: true, evidence: cite(evidence.passage, sentenceOf(context, evidence)) };
      }
    }
    const sentence = context.sentenceAt(mention.passage, mention.span.start);
    const citation = cite(mention.passage, sentence);
    const key = [date.year ?? '?', date.month ?? '', date.day ?? '', date.endMonth ?? '', date.endDay ?? ''].join('-');
    const words = wordsOf(citation.quote, mention.asWritten, everywhere);
    let wordIndex = byKey.get(key);
    if (!wordIndex) byKey.set(key, (wordIndex = new Map()));
    let first = -1;
    for (const word of words) {
      const found = wordIndex.get(word);
      if (found !== undefined && (first === -1 || found < first)) first = found;
    }
    const existing = first === -1 ? undefined : drafts[first];
    if (existing) {
      const citedKey = `${first}|${citation.passageId}|${citation.span.start}`;
      if (!cited.has(citedKey)) {
        cited.add(citedKey);
        existing.citations.push(citation);
      }
      if (!existing.asWritten.includes(mention.asWritten) && existing.asWritten.length < 20) existing.asWritten.push(mention.asWritten);
      // A date stated outright beats one inferred for the same event.
      if (existing.date.inferred && !date.inferred) existing.date = date;
      for (const word of words) existing.words.add(word);
    } else {
      first = drafts.length;
      cited.add(`${first}|${citation.passageId}|${citation.span.start}`);
      drafts.push({ key, date, asWritten: [mention.asWritten], citations: [citation], words });
    }
    for (const word of words) if ((wordIndex.get(word) ?? Number.MAX_SAFE_INTEGER) > first) wordIndex.set(word, first);
  }

  const absolute: TimelineEvent[] = drafts.map((draft, index) => ({
    id: `date-${index + 1}-${draft.key.replace(/-+$/, '')}`,
    type: 'absolute',
    date: draft.date,
    when: describe(draft.date),
    asWritten: draft.asWritten,
    event: shorten(draft.citations[0].quote),
    status: statusOf(draft.citations[0].quote),
    citations: draft.citations,
  }));
  absolute.sort((a, b) => sortKey(a.date!) - sortKey(b.date!) || context.orderOf(a.citations[0].passageId) - context.orderOf(b.citations[0].passageId));

  const relative: TimelineEvent[] = facts
    .filter((fact) => fact.kind === 'duration')
    .map((fact, index) => ({
      id: `relative-${index + 1}-${fact.value}-${fact.unit}`,
      type: 'relative',
      when: fact.asWritten.join(' / '),
      relativeTo: fact.measures.startsWith('time since')
        ? `${fact.measures.replace(/^time since/, 'counted back from the meeting reported to')}; the text gives no date for either end`
        : `from when the ${fact.measures} was set; the text does not say when that was`,
      asWritten: fact.asWritten,
      event: shorten(fact.sentence),
      status: /deadline|ultimatum/i.test(fact.measures) ? 'deadline' : 'happened',
      citations: fact.citations.map(({ passageId, docId, span, quote }) => ({ passageId, docId, span, quote })),
    }));
  return [...absolute, ...relative];
}

function sentenceOf(context: BriefContext, mention: DateMention): Span {
  return context.sentenceAt(mention.passage, mention.span.start);
}

export function wordsOf(sentence: string, dateText: string, everywhere: ReadonlySet<string> = NONE): Set<string> {
  const set = new Set<string>();
  for (const word of sentence.replace(dateText, ' ').match(/\p{L}+/gu) ?? []) {
    const term = toTerm(word);
    if (term && term.length > 3 && !COMMON.has(term) && !everywhere.has(term) && monthOf(term) === undefined) set.add(term.slice(0, 6));
  }
  return set;
}

/** Unknown years sort after every known one (they are not placed on the calendar), then by month and day. */
function sortKey(date: TimelineDate): number {
  const year = date.year ?? 9999;
  return year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

export function describe(date: TimelineDate): string {
  const month = date.month ? MONTH_LABELS[date.month - 1] : undefined;
  let text = month ? (date.day ? `${month} ${date.day}` : month) : '';
  if (date.endMonth !== undefined || date.endDay !== undefined) {
    const endMonth = date.endMonth && date.endMonth !== date.month ? `${MONTH_LABELS[date.endMonth - 1]} ` : '';
    text += `–${endMonth}${date.endDay ?? ''}`;
  }
  if (date.year === undefined) return `${text} (year not stated)`;
  const year = date.inferred ? `${date.year}, year inferred from the same source` : `${date.year}`;
  if (!text) return year;
  if (date.inferred) return `${text} (${year})`;
  return date.day ? `${text}, ${year}` : `${text} ${year}`;
}

function statusOf(text: string): TimelineEvent['status'] {
  if (/\bproposed\b|\bplann(?:ed|ing)\b|\bscheduled\b|\bexpected to\b/i.test(text)) return 'proposed';
  if (/\bdeadline|\bultimatum/i.test(text)) return 'deadline';
  if (/\bongoing\b|\bcontinu/i.test(text) && !/\b(occurred|saw|presented|agreed)\b/i.test(text)) return 'ongoing';
  return 'happened';
}

function shorten(sentence: string, max = 160): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.lastIndexOf(' ', max);
  return `${sentence.slice(0, cut > 0 ? cut : max)}…`;
}
