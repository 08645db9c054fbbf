import type { CorpusAnalysis } from '../brief/briefing';
import type { Fact, FactCitation } from '../brief/types';
import type { Corpus } from '../corpus';
import type { Span } from '../model';
import { isGeneric, keysOf, measureKeysOf, overlap, windowKeys } from './context';
import { draftProse } from './draftText';
import { findFigures, type Figure, type FigureDate, type FigureUnit } from './numbers';
import { LIMITS, noteLimit } from '../limits';
import { spanIndexAt } from '../text/sentences';

/** What the sources say about a figure of the draft. */
export interface FigureFinding {
  readonly figure: Figure;
  /** supported: a key fact about the same thing gives this value (maybe rounded); contradicted: it gives another. */
  readonly status: 'supported' | 'contradicted';
  /** For supported figures: whether the value is the source's exactly, or a rounding of it ("6%" for "6.3%"). */
  readonly match?: 'exact' | 'rounded';
  readonly fact: Fact;
  /** Where the sources state the fact: each sentence, cited. */
  readonly citations: readonly FactCitation[];
  /** The sentence of the draft the figure is in. */
  readonly sentence: Span;
  /** The draft's words that tie the figure to the fact, as context keys. */
  readonly sharedContext: readonly string[];
  readonly message: string;
}

type Match = 'exact' | 'rounded' | 'consistent' | 'different';

interface PreparedFact {
  readonly fact: Fact;
  readonly unit: FigureUnit;
  /** The figure as the sources write it, read like the draft's (one per distinct wording). */
  readonly statements: readonly Figure[];
  readonly date?: FigureDate;
  readonly measureKeys: ReadonlySet<string>;
  /** For counts: the keys of what is counted ("bodies" of "bodies of deceased Ukrainian soldiers"), not its modifiers. */
  readonly headKeys: ReadonlySet<string>;
  readonly windowKeys: ReadonlySet<string>;
  /** "share of GDP" facts: the key of what it is a share of. */
  readonly shareOf?: string;
  /** Whether the sources' sentences speak of plans, pledges or forecasts. */
  readonly modal: boolean;
  readonly years: ReadonlySet<number>;
}

/** Words that move a figure off the sources' present facts: plans, targets, forecasts. */
const MODAL = /\b(?:plan(?:s|ned|ning)?|target(?:s|ed)?|forecast\w*|expect\w*|project\w*|will|would|could|might|may|pledg\w*|propos\w*|aim\w*|goal|next year|budget(?:ed)? for|by 20\d\d)\b/i;
/** Words before a figure that make it a change, not a level: "rose by 2%", "cut by 3 trillion rubles". */
const CHANGE_BEFORE = /\b(?:by|rose|risen|rise|rises|increas\w*|grew|grown|grow\w*|fell|fallen|fall\w*|drop\w*|cut\w*|up|down|jump\w*|surg\w*|declin\w*|climb\w*|soar\w*|plung\w*|shr[iu]nk\w*|extra|another|further)\s+(?:\w+\s+){0,1}$/i;
const CHANGE_AFTER = /^\s*(?:increase|rise|drop|jump|growth|decline|cut|fall|more|less|fewer|higher|lower|larger|smaller|up|down|year-on-year|a year)\b/i;

const prepared = new WeakMap<CorpusAnalysis, PreparedFact[]>();

/**
 * Checks every figure of a draft against the key facts of the corpus. A
 * figure is "supported" when a fact in the same context gives a value it
 * agrees with (exactly, or as a rounding), "contradicted" only when the
 * context is strong, the units agree, no fact in as strong a context
 * agrees, and the values differ beyond rounding. Figures near no fact, in
 * other units, or stated as changes or plans are left alone.
 */
export function checkFigures(draft: string, analysis: CorpusAnalysis, corpus?: Corpus): FigureFinding[] {
  const facts = prepare(analysis);
  const prose = draftProse(draft);
  const findings: FigureFinding[] = [];
  const figures = findFigures(prose.text, LIMITS.figuresPerDraft + 1);
  if (figures.length > LIMITS.figuresPerDraft) {
    noteLimit('figures-per-draft', `Only the first ${LIMITS.figuresPerDraft.toLocaleString('en-US')} figures of a draft are checked against the sources.`);
  }
  for (const figure of figures.slice(0, LIMITS.figuresPerDraft)) {
    const sentence = prose.sentences[spanIndexAt(prose.sentences, figure.span.start)];
    if (!sentence || figure.span.end > sentence.end) continue;
    const finding = checkFigure(prose.text, sentence, figure, facts, corpus);
    if (finding) findings.push(finding);
  }
  return findings;
}

function checkFigure(text: string, sentence: Span, figure: Figure, facts: readonly PreparedFact[], corpus: Corpus | undefined): FigureFinding | undefined {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const local = { start: figure.span.start - sentence.start, end: figure.span.end - sentence.start };
  const isDate = figure.unit === 'date' || figure.unit === 'year';
  const draftKeys = windowKeys(sentenceText, local, isDate ? 6 : 16);
  const draftAllKeys = windowKeys(sentenceText, local, isDate ? 6 : 16, true);
  // Whether a fact is about the sentence at all is read from the whole sentence; whether it is about this figure, from the words around it.
  const sentenceKeys = isDate ? draftAllKeys : windowKeys(sentenceText, local, 1000, true);
  const before = sentenceText.slice(0, local.start);
  const after = sentenceText.slice(local.end);
  const isChange = !isDate && (CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after) || figure.bound === 'additional');
  const modal = MODAL.test(sentenceText);
  const otherYears = new Set([...sentenceText.matchAll(/\b(?:19|20)\d{2}\b/g)].map((match) => Number(match[0])).filter(() => !isDate));
  // What a count counts: the words after it, or the noun before "of" ("the bodies of 6,000 soldiers").
  const countedBefore = /([\p{L}’'-]+)\s+of\s+(?:the\s+|an?\s+)?$/u.exec(before)?.[1];
  const nounKeys = keysOf(`${figure.noun ?? ''} ${countedBefore ?? ''}`);

  const scored = facts
    .filter((candidate) => comparable(figure, candidate))
    .map((candidate) => {
      const measureHits = overlap(sentenceKeys, candidate.measureKeys);
      const nearHits = overlap(draftAllKeys, candidate.measureKeys);
      const windowHits = overlap(draftKeys, candidate.windowKeys).filter((key) => !candidate.measureKeys.has(key));
      const score = isDate ? windowHits.length + nearHits.length : nearHits.length + 0.5 * windowHits.length;
      const match = matchOf(figure, candidate);
      return { candidate, measureHits, nearHits, windowHits, score, match };
    })
    .filter((entry) => moderate(figure, entry, nounKeys));
  if (scored.length === 0) return undefined;
  const best = scored.reduce((highest, entry) => Math.max(highest, entry.score), Number.NEGATIVE_INFINITY);
  const agreeing = scored
    .filter((entry) => entry.match === 'exact' || entry.match === 'rounded' || entry.match === 'consistent')
    .sort((a, b) => b.score - a.score || rank(a.match) - rank(b.match));
  const shared = (entry: (typeof scored)[number]): string[] => [...entry.measureHits, ...entry.windowHits];
  if (agreeing.length > 0 && agreeing[0].score >= best) {
    const entry = agreeing[0];
    if (entry.match === 'consistent') return undefined; // compatible only through "more than"/"up to": neither confirmed nor wrong
    const match = entry.match === 'exact' ? 'exact' : 'rounded';
    return {
      figure,
      status: 'supported',
      match,
      fact: entry.candidate.fact,
      citations: entry.candidate.fact.citations,
      sentence,
      sharedContext: shared(entry),
      message: supportedMessage(entry.candidate.fact, match, corpus),
    };
  }
  const contradicting = scored
    .filter((entry) => entry.match === 'different' && entry.score >= best)
    .find((entry) => strong(figure, entry, nounKeys, sentenceText));
  if (!contradicting || isChange) return undefined;
  const fact = contradicting.candidate;
  if (!isDate && modal && !fact.modal) return undefined;
  if ([...otherYears].some((year) => !fact.years.has(year))) return undefined;
  return {
    figure,
    status: 'contradicted',
    fact: fact.fact,
    citations: fact.fact.citations,
    sentence,
    sharedContext: shared(contradicting),
    message: contradictedMessage(figure, fact.fact, corpus),
  };
}

const rank = (match: Match): number => ({ exact: 0, rounded: 1, consistent: 2, different: 3 })[match];

interface Scored {
  readonly candidate: PreparedFact;
  readonly measureHits: readonly string[];
  /** Measure words within the figure's window, not just its sentence. */
  readonly nearHits: readonly string[];
  readonly windowHits: readonly string[];
  readonly score: number;
}

/** Enough shared words to say a fact is about what the figure is about, for telling the user it matches. */
function moderate(figure: Figure, entry: Scored, nounKeys: ReadonlySet<string>): boolean {
  const { measureHits, windowHits } = entry;
  if (figure.unit === 'date' || figure.unit === 'year') return windowHits.length + measureHits.length >= 1 && windowHits.some((key) => !isGeneric(key));
  if (figure.unit === 'count') {
    const nounMatch = [...nounKeys].some((key) => entry.candidate.measureKeys.has(key) || entry.candidate.windowKeys.has(key));
    return nounMatch && measureHits.length + windowHits.length >= 1;
  }
  return measureHits.length >= 1;
}

/** Enough shared words, about the same subject, to say the figure contradicts the fact. */
function strong(figure: Figure, entry: Scored, nounKeys: ReadonlySet<string>, sentence: string): boolean {
  const { candidate, nearHits: measureHits, windowHits } = entry;
  if (figure.unit === 'date' || figure.unit === 'year') return windowHits.length + measureHits.length >= 2;
  if (candidate.shareOf && !keysOf(sentence).has(candidate.shareOf)) return false;
  if (figure.unit === 'count') {
    const nounMatch = [...nounKeys].some((key) => candidate.headKeys.has(key));
    return nounMatch && measureHits.length >= 1 && measureHits.length + windowHits.length >= 2;
  }
  if (figure.unit.startsWith('duration:')) return measureHits.length >= 1 && measureHits.length + windowHits.length >= 2;
  return measureHits.length >= 2 && measureHits.length >= Math.ceil(candidate.measureKeys.size / 2);
}

function comparable(figure: Figure, fact: PreparedFact): boolean {
  if (figure.unit === 'year') return fact.unit === 'date' && fact.date?.year !== undefined;
  return figure.unit === fact.unit;
}

// ---------------------------------------------------------------- values

/** The values a figure allows, as written: rounding, "about", "more than", "up to". */
function intervalOf(figure: Figure): [number, number] {
  const v = figure.value;
  const tolerance = baseTolerance(figure);
  switch (figure.bound) {
    case 'approximate':
      return [Math.min(v * 0.9, v - tolerance), Math.max(v * 1.1, v + tolerance)];
    case 'lower':
      return [v - tolerance, Number.POSITIVE_INFINITY];
    case 'upper':
    case 'below':
      return [Number.NEGATIVE_INFINITY, v + tolerance];
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

function matchOf(figure: Figure, fact: PreparedFact): Match {
  if (figure.unit === 'date' || figure.unit === 'year') return dateMatch(figure.date ?? {}, fact.date ?? {});
  const best = fact.statements.map((statement): Match => {
    const [a, b] = intervalOf(figure);
    const [c, d] = intervalOf(statement);
    if (b < c - 1e-9 || d < a - 1e-9) return 'different';
    const close = Math.abs(figure.value - statement.value) <= Math.max(pointTolerance(figure), pointTolerance(statement)) + 1e-9;
    if (!close) return 'consistent';
    return Math.abs(figure.value - statement.value) < 1e-9 ? 'exact' : 'rounded';
  });
  return best.sort((x, y) => rank(x) - rank(y))[0] ?? 'different';
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

// ---------------------------------------------------------------- facts

function prepare(analysis: CorpusAnalysis): PreparedFact[] {
  const cached = prepared.get(analysis);
  if (cached) return cached;
  const facts = analysis.facts.flatMap((fact): PreparedFact[] => {
    const unit = unitOf(fact);
    if (!unit) return [];
    const measureKeys = unit === 'date' ? new Set<string>() : measureKeysOf([fact.measures, ...fact.citations.map((citation) => citation.measures)].join(' ; '));
    const window = new Set<string>();
    for (const citation of fact.citations) {
      const at = citation.valueSpan.start - citation.span.start;
      for (const key of windowKeys(citation.quote, { start: at, end: at + citation.asWritten.length }, unit === 'date' ? 6 : 10)) window.add(key);
    }
    const statements = fact.citations.flatMap((citation) => {
      const figure = findFigures(citation.asWritten).find((candidate) => candidate.unit === unit || (unit === 'date' && candidate.unit === 'year'));
      return figure ? [figure] : [];
    });
    const share = /share of (?:[\p{L}’'-]+\s+)*?(GDP|budget|output|population)/iu.exec(fact.measures)?.[1];
    const sentences = fact.citations.map((citation) => citation.quote).join(' ');
    return [{
      fact,
      unit,
      statements: statements.length > 0 ? statements : [syntheticStatement(fact, unit)],
      ...(unit === 'date' ? { date: dateOf(fact, analysis) } : {}),
      measureKeys,
      headKeys: unit === 'count' ? headKeysOf(fact) : new Set<string>(),
      windowKeys: window,
      ...(share ? { shareOf: [...keysOf(share)][0] } : {}),
      modal: MODAL.test(sentences),
      years: new Set([...sentences.matchAll(/\b(?:19|20)\d{2}\b/g)].map((match) => Number(match[0]))),
    }];
  });
  prepared.set(analysis, facts);
  return facts;
}

/**
 * What a count counts: the head of each statement's measure — the first
 * noun of "bodies of deceased Ukrainian soldiers", the last of "captured
 * soldiers" — and of a table's metric, skipping nationalities and
 * possessives ("Ukrainian Soldiers’ Bodies…" counts bodies).
 */
function headKeysOf(fact: Fact): Set<string> {
  const heads = new Set<string>();
  for (const citation of fact.citations) {
    const words = citation.measures.split(/\s+/).filter((word) => /\p{L}/u.test(word));
    let head: string | undefined;
    if (/^[\p{Lu}]/u.test(citation.measures) && !citation.measures.includes(' of ')) {
      head = words.find((word) => !/(?:ian|an|[’']s?|s[’'])$/i.test(word));
    } else {
      const ofAt = words.indexOf('of');
      head = ofAt > 0 ? words[0] : words[words.length - 1];
    }
    const key = head ? [...keysOf(head)][0] : undefined;
    if (key) heads.add(key);
  }
  return heads;
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

function syntheticStatement(fact: Fact, unit: FigureUnit): Figure {
  const value = fact.value ?? Number.NaN;
  return { span: { start: 0, end: 0 }, valueSpan: { start: 0, end: 0 }, raw: fact.asWritten[0] ?? '', value, unit, precision: 0, round: false };
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

function sourceNames(fact: Fact, corpus: Corpus | undefined): string {
  const names = [...new Set(fact.citations.map((citation) => {
    const meta = corpus?.meta(citation.docId);
    return meta ? meta.outlet ?? meta.author ?? meta.title : citation.docId;
  }))];
  return names.join('; ');
}

function stated(fact: Fact): string {
  const first = fact.citations[0];
  return first ? first.asWritten : fact.asWritten[0] ?? String(fact.value);
}

function supportedMessage(fact: Fact, match: 'exact' | 'rounded', corpus: Corpus | undefined): string {
  const how = match === 'exact' ? 'Matches' : `Rounds ${stated(fact)}, as`;
  return `${how} ${sourceNames(fact, corpus)}: ${fact.measures} — “${fact.sentence}”`;
}

function contradictedMessage(figure: Figure, fact: Fact, corpus: Corpus | undefined): string {
  const what = fact.kind === 'date' ? 'date' : fact.measures;
  return `“${figure.raw}” differs from the sources: ${sourceNames(fact, corpus)} ${fact.citations.length > 1 ? 'give' : 'gives'} ${stated(fact)} (${what}) — “${fact.sentence}”`;
}
