import type { Span } from '../model';
import { cyrillicNumberWordPattern, readCyrillicNumberWords } from './cyrillicNumberWords';
import { hasCyrillic } from '../text/language';
import { readNumberWords } from '../search/numberWords';
import { SpanSet } from '../text/spanSet';

/**
 * Figures as a draft writes them — percentages, money, counts, durations,
 * years and calendar dates — read into one normal form, so "1,000",
 * "1000" and "a thousand" are one number, "$172bn" is "$172 billion" and
 * "6.3 per cent" is "6.3%".
 *
 * Hand-rolled rather than compromise's `numbers()`: compromise keeps term
 * offsets, but it leaves "$172bn" unscaled (172, suffix "bn"), cuts
 * "50-day" to "50-", does not read "per cent", and does not attach the
 * currency word ("13.5 trillion rubles" → 13.5e12 with no unit). Mending
 * each of those costs more than the small scanner below, which also reads
 * numbers exactly as the briefing's fact extractor reads the sources (the
 * same number words, scales and currencies), so both sides of a
 * comparison agree.
 */

export type FigureUnit =
  | 'percent'
  | 'percentage-point'
  | 'count'
  | 'year'
  | 'date'
  | `currency:${string}`
  | `duration:${'hour' | 'day' | 'week' | 'month' | 'year'}`;

/** How a qualifier bounds a figure: "more than" (lower), "up to" (upper), "about" (approximate), "an additional" (additive). */
export type FigureBound = 'lower' | 'upper' | 'approximate' | 'below' | 'additional';

/** Calendar parts of a date or year figure; `end*` for ranges like "June 20-30". */
export interface FigureDate {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly endMonth?: number;
  readonly endDay?: number;
}

export interface Figure {
  /** The whole figure as written, qualifier included: "more than 1,000". */
  readonly span: Span;
  /** The number and its unit only: "1,000", "$172bn", "6.3 per cent". */
  readonly valueSpan: Span;
  readonly raw: string;
  /** Normal value: percent points, currency units, a count, a duration in its unit, a year. For dates the year, or NaN when unstated. */
  readonly value: number;
  readonly unit: FigureUnit;
  /** Half the unit of the last digit written, in the value's units: "6.3%" → 0.05, "$172bn" → 5e8. */
  readonly precision: number;
  /** True for round numbers (integers ending in 0, or scaled: "170", "1,000", "a thousand"), which writers round to. */
  readonly round: boolean;
  /** The qualifier as written, lowercased: "more than", "about". */
  readonly qualifier?: string;
  readonly bound?: FigureBound;
  /** For counts: the words that follow, as written, up to four ("captured soldiers"). */
  readonly noun?: string;
  readonly date?: FigureDate;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Febuary|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:1[89]|20)\d{2})`;
const DATE_PATTERNS: readonly RegExp[] = [
  // "between June 20 and June 30", "June 20-30", "June 20 to 30"
  new RegExp(String.raw`(?:between\s+)?\b(${MONTH})\s+${DAY}\s*(?:-|–|to|and)\s*(?:(${MONTH})\s+)?(\d{1,2})\b(?:,\s*${YEAR})?`, 'gu'),
  // "June 2, 2025", "June 2,2025", "June 2"
  new RegExp(String.raw`\b(${MONTH})\s+${DAY}(?![\d:])(?:,\s*${YEAR}(?!\d))?`, 'gu'),
  // "2 June 2025", "2 June"
  new RegExp(String.raw`\b${DAY}\s+(${MONTH})(?:,?\s+${YEAR}(?!\d))?\b`, 'gu'),
  // "February 2022"
  new RegExp(String.raw`\b(${MONTH})\s+(?:of\s+)?${YEAR}(?!\d)`, 'gu'),
];

const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, tn: 1e12, trn: 1e12, m: 1e6, mn: 1e6, k: 1e3 };
/** Abbreviated scales count only when glued to the number or after a currency: "$172bn", "1.5m rubles". */
const ABBREVIATED_SCALE = new Set(['bn', 'tn', 'trn', 'm', 'mn', 'k']);
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  ruble: 'RUB', rubles: 'RUB', rouble: 'RUB', roubles: 'RUB', dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR',
  hryvnia: 'UAH', hryvnias: 'UAH', hryvnia_: 'UAH', pound: 'GBP', pounds: 'GBP', usd: 'USD', rub: 'RUB', eur: 'EUR', gbp: 'GBP', uah: 'UAH',
};
const CURRENCY_SIGNS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₽': 'RUB', '₴': 'UAH' };
const DURATION_UNITS: Readonly<Record<string, 'hour' | 'day' | 'week' | 'month' | 'year'>> = {
  hour: 'hour', hours: 'hour', day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
};
const QUALIFIERS: readonly [RegExp, FigureBound][] = [
  [/(?:more than|over|at least|upwards of|in excess of|just over|above|exceeding)$/i, 'lower'],
  [/(?:up to|at most|no more than|a maximum of)$/i, 'upper'],
  [/(?:less than|fewer than|under|below|just under)$/i, 'below'],
  [/(?:nearly|almost|about|around|roughly|approximately|some|an estimated|estimated|close to|circa|c\.|approx\.?)$/i, 'approximate'],
  [/(?:an additional|additional|another|a further|further)$/i, 'additional'],
];
/** Words after a number that say it is not a count of things: ordinals, times, ranks. */
const NOT_A_COUNT = /^(?:of|and|or|to|the|a|an|per|percent|am|pm|a\.m|p\.m|times|o'clock|st|nd|rd|th|utc|gmt|bst|est|edt|ast|cet|cest)$/i;

const NUMBER = /\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y;
/** A number in Russian or Ukrainian text: thousands grouped by (narrow, no-break) spaces, a decimal comma. */
const CYRILLIC_DIGITS = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+,\d{1,2}(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+,\d{1,2}(?!\d)/y;
/** Digits followed, within a few characters, by a Cyrillic word: read the Russian and Ukrainian way. */
const CYRILLIC_NUMBER = /^[\d\s\u00a0\u202f,.%]{1,16}[\u0400-\u04ff]/;
/** Russian and Ukrainian scale words: тыс./тис., млн, млрд, трлн and their full forms. */
const CYRILLIC_SCALE = /(\s?)(тыс\.?|тис\.?|тысяч[аи]?|тисяч[аі]?|млн\.?|млрд\.?|трлн\.?|миллион(?:а|ов)?|мільйон(?:а|ів)?|миллиард(?:а|ов)?|мільярд(?:а|ів)?)(?![\p{L}])/uy;
const CYRILLIC_SCALES: ReadonlyArray<readonly [RegExp, number]> = [[/^(?:тыс|тис)/, 1e3], [/^(?:млн|милл|міль[йя]о)/, 1e6], [/^(?:млрд|миллиа|мільяр)/, 1e9], [/^трлн/, 1e12]];
/** Currencies and percent as Russian and Ukrainian write them after a number. */
const CYRILLIC_UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\s?(?:%|процент(?:а|ов)?|відсот(?:ок|ка|ків))(?![\p{L}])/u, 'percent'],
  [/^\s(?:руб(?:\.|л(?:ей|я|ь)))(?![\p{L}])/u, 'currency:RUB'],
  [/^\s(?:грн\.?|гривень|гривні|гривня|гривен|гривны)(?![\p{L}])/u, 'currency:UAH'],
  [/^\s(?:долл(?:аров|ара|ар)|долар(?:ів|а|и)?)(?![\p{L}])/u, 'currency:USD'],
  [/^\s(?:евро|євро)(?![\p{L}])/u, 'currency:EUR'],
];
const WORD = /[\p{L}]+(?:['’ʼ][\p{L}]+)?/uy;
const CYRILLIC_NUMBER_WORD = cyrillicNumberWordPattern();

/** Every figure in `text` (the dates, and at most `limit` other figures), in order, with offsets into it. */
export function findFigures(text: string, limit = Number.POSITIVE_INFINITY): Figure[] {
  const figures: Figure[] = [];
  const taken = new SpanSet();
  const isFree = (start: number, end: number): boolean => taken.isFree({ start, end });
  const push = (figure: Omit<Figure, 'span' | 'raw' | 'qualifier' | 'bound'>): void => {
    if (!isFree(figure.valueSpan.start, figure.valueSpan.end)) return;
    taken.add(figure.valueSpan);
    const qualified = qualifierBefore(text, figure.valueSpan.start);
    const start = qualified?.start ?? figure.valueSpan.start;
    figures.push({
      ...figure,
      span: { start, end: figure.valueSpan.end },
      raw: text.slice(start, figure.valueSpan.end),
      ...(qualified ? { qualifier: qualified.text, bound: qualified.bound } : {}),
    });
  };

  // Dates first, in order, so the set of taken spans grows by appending; past `limit` of them no other figure is read.
  for (const date of datesIn(text, limit).sort((a, b) => a.valueSpan.start - b.valueSpan.start).slice(0, limit)) push(date);
  let at = 0;
  while (at < text.length && figures.length < limit) {
    const next = nextNumberStart(text, at);
    if (next === -1) break;
    const figure = figureAt(text, next);
    if (figure && isFree(figure.valueSpan.start, figure.valueSpan.end)) {
      push(figure);
      at = figure.valueSpan.end;
    } else {
      at = skipToken(text, next);
    }
  }
  return figures.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The dates of `text`. With a `limit`, each pattern stops after `limit` dates: the first `limit` dates of the
 * text are among those, and a draft of 130,000 dates does not build an object for each.
 */
function datesIn(text: string, limit = Number.POSITIVE_INFINITY): Omit<Figure, 'span' | 'raw' | 'qualifier' | 'bound'>[] {
  const found: Omit<Figure, 'span' | 'raw' | 'qualifier' | 'bound'>[] = [];
  const covered = new SpanSet();
  const add = (start: number, end: number, date: FigureDate): void => {
    if (!covered.isFree({ start, end })) return;
    if (date.month === undefined || (date.day !== undefined && (date.day < 1 || date.day > 31))) return;
    covered.add({ start, end });
    found.push({ valueSpan: { start, end }, value: date.year ?? Number.NaN, unit: 'date', precision: 0, round: false, date });
  };
  DATE_PATTERNS.forEach((pattern, which) => {
    const before = found.length;
    for (const match of text.matchAll(pattern)) {
      if (found.length - before >= limit) break;
      const start = match.index;
      const end = start + match[0].length;
      // "May" the verb: month names count only capitalised.
      const monthWord = which === 2 ? match[2] : match[1];
      if (!/^\p{Lu}/u.test(monthWord)) continue;
      if (which === 0) {
        const month = monthNumber(match[1]);
        const endMonth = match[3] ? monthNumber(match[3]) : month;
        add(start, end, { ...(match[5] ? { year: Number(match[5]) } : {}), month, day: Number(match[2]), endMonth, endDay: Number(match[4]) });
      } else if (which === 1) {
        add(start, end, { ...(match[3] ? { year: Number(match[3]) } : {}), month: monthNumber(match[1]), day: Number(match[2]) });
      } else if (which === 2) {
        add(start, end, { ...(match[3] ? { year: Number(match[3]) } : {}), month: monthNumber(match[2]), day: Number(match[1]) });
      } else {
        add(start, end, { year: Number(match[2]), month: monthNumber(match[1]) });
      }
    }
  });
  return found;
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower === 'febuary') return 2;
  const index = MONTHS.findIndex((name) => name.startsWith(lower.slice(0, 3)));
  return index >= 0 ? index + 1 : undefined;
}

/** Where the next number (digits, a currency sign before digits, or a number word) starts. */
function nextNumberStart(text: string, from: number): number {
  const pattern = /(?<![\p{L}\d.,:/])(?<![\p{L}][-‐])(?:[$€£₽₴]\s?\d|US\$\d|\d)|(?<![\p{L}])(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|millions)(?![\p{L}])/giu;
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  // Russian and Ukrainian number words, looked for only in text that has Cyrillic letters.
  if (!hasCyrillic(text)) return match ? match.index : -1;
  CYRILLIC_NUMBER_WORD.lastIndex = from;
  const cyrillic = CYRILLIC_NUMBER_WORD.exec(text);
  if (!cyrillic) return match ? match.index : -1;
  return match ? Math.min(match.index, cyrillic.index) : cyrillic.index;
}

function skipToken(text: string, at: number): number {
  const word = /[\p{L}\d$€£₽₴]+/uy;
  word.lastIndex = at;
  const match = word.exec(text);
  return match ? at + match[0].length : at + 1;
}

interface ReadNumber {
  readonly value: number;
  readonly end: number;
  readonly precision: number;
  readonly round: boolean;
  readonly fromWords: boolean;
}

/** Russian or Ukrainian number words; "один"/"одна" alone is a pronoun as often as a number ("один из"). */
function cyrillicWords(words: readonly string[]): { value: number; length: number } | undefined {
  const read = readCyrillicNumberWords(words, 0);
  if (!read || (read.length === 1 && read.value === 1)) return undefined;
  return read;
}

/** Reads digits ("1,000", "6.3") or number words ("a thousand", "three thousand", "fifty") at `at`. */
function readNumber(text: string, at: number): ReadNumber | undefined {
  // Russian and Ukrainian text around the number ("на 3,6%."): its comma is a decimal comma, even with no word after it.
  const cyrillic = CYRILLIC_NUMBER.test(text.slice(at, at + 40)) || (/^\d+,\d{1,2}%/.test(text.slice(at, at + 12)) && hasCyrillic(text.slice(Math.max(0, at - 40), at)));
  if (cyrillic) {
    // Russian and Ukrainian write "1,5" for 1.5 and "150 000" for 150,000.
    CYRILLIC_DIGITS.lastIndex = at;
    const written = CYRILLIC_DIGITS.exec(text);
    if (written) {
      const plain = written[0].replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
      const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
      return { value: Number(plain), end: at + written[0].length, precision: 0.5 * 10 ** -decimals, round: decimals === 0 && /0$/.test(plain), fromWords: false };
    }
  }
  NUMBER.lastIndex = at;
  const digits = NUMBER.exec(text);
  if (digits) {
    const written = digits[0].replace(/,/g, '');
    const decimals = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0;
    return {
      value: Number(written),
      end: at + digits[0].length,
      precision: 0.5 * 10 ** -decimals,
      round: decimals === 0 && /0$/.test(written),
      fromWords: false,
    };
  }
  const words: { word: string; end: number }[] = [];
  let cursor = at;
  for (let i = 0; i < 8; i++) {
    WORD.lastIndex = cursor;
    const word = WORD.exec(text);
    if (!word) break;
    words.push({ word: word[0].toLowerCase(), end: cursor + word[0].length });
    const gap = /[ \t-]+/y;
    gap.lastIndex = cursor + word[0].length;
    const space = gap.exec(text);
    if (!space || space[0].length > 2) break;
    cursor = gap.lastIndex;
  }
  const read = readNumberWords(words.map((word) => word.word), 0) ?? cyrillicWords(words.map((word) => word.word));
  if (!read) return undefined;
  // "one" alone is a pronoun as often as a number ("one of the"), and "a" alone is an article.
  if (read.length === 1 && (words[0].word === 'one' || words[0].word === 'a')) return undefined;
  return { value: read.value, end: words[read.length - 1].end, precision: 0.5, round: read.value >= 100, fromWords: true };
}

function figureAt(text: string, start: number): Omit<Figure, 'span' | 'raw' | 'qualifier' | 'bound'> | undefined {
  let at = start;
  let currency: string | undefined;
  const sign = /(?:US)?([$€£₽₴])\s?/y;
  sign.lastIndex = at;
  const signMatch = sign.exec(text);
  if (signMatch) {
    currency = CURRENCY_SIGNS[signMatch[1]];
    at = sign.lastIndex;
  }
  const number = readNumber(text, at);
  if (!number) return undefined;
  if (currency && number.fromWords) return undefined;
  let value = number.value;
  let precision = number.precision;
  let round = number.round;
  let end = number.end;

  // A scale: "13.5 trillion", "$172bn", "172 billion".
  const scale = /(\s?)(thousand|million|billion|trillion|bn|tn|trn|mn|m|k)(?![\p{L}\d])/iuy;
  scale.lastIndex = end;
  const scaleMatch = number.fromWords ? null : scale.exec(text);
  if (scaleMatch && (!ABBREVIATED_SCALE.has(scaleMatch[2].toLowerCase()) || scaleMatch[1] === '' || currency)) {
    const factor = SCALE[scaleMatch[2].toLowerCase()];
    value *= factor;
    precision *= factor;
    round = true;
    end = scale.lastIndex;
  }

  CYRILLIC_SCALE.lastIndex = end;
  const cyrillicScale = number.fromWords || scaleMatch ? null : CYRILLIC_SCALE.exec(text);
  if (cyrillicScale) {
    const factor = CYRILLIC_SCALES.find(([pattern]) => pattern.test(cyrillicScale[2].toLowerCase()))?.[1] ?? 1;
    value *= factor;
    precision *= factor;
    round = true;
    end = CYRILLIC_SCALE.lastIndex;
  }

  const rest = text.slice(end, end + 40);
  const valueSpan = (to: number): Span => ({ start, end: to });
  const fix = (n: number): number => Number(n.toPrecision(12));
  for (const [pattern, unit] of CYRILLIC_UNITS) {
    const found = pattern.exec(rest);
    if (found && !currency) return { valueSpan: valueSpan(end + found[0].length), value: fix(value), unit: unit as FigureUnit, precision, round };
  }
  const percent = /^\s?(%|percent\b|per cent\b|pc\b|percentage points?\b|points?\b(?=\s+of\b)|pp\b)/i.exec(rest);
  if (percent && !currency) {
    const unit: FigureUnit = /point|pp/i.test(percent[1]) ? 'percentage-point' : 'percent';
    return { valueSpan: valueSpan(end + percent[0].length), value: fix(value), unit, precision, round };
  }
  const currencyWord = /^\s(?:(?:US|U\.S\.|American)\s)?(rubles?|roubles?|dollars?|euros?|pounds?|hryvnias?|usd|rub|eur|gbp|uah)\b/i.exec(rest);
  if (currencyWord && !currency) {
    return { valueSpan: valueSpan(end + currencyWord[0].length), value: fix(value), unit: `currency:${CURRENCY_WORDS[currencyWord[1].toLowerCase()]}`, precision, round };
  }
  if (currency) return { valueSpan: valueSpan(end), value: fix(value), unit: `currency:${currency}`, precision, round };
  const duration = /^(?:-|\s)(hours?|days?|weeks?|months?|years?)(?![\p{L}])(?!-old)/iu.exec(rest);
  if (duration) {
    return { valueSpan: valueSpan(end + duration[0].length), value: value, unit: `duration:${DURATION_UNITS[duration[1].toLowerCase()]}`, precision, round };
  }
  const digitsOnly = text.slice(start, end);
  if (/^(?:1[89]|20)\d{2}$/.test(digitsOnly) && !scaleMatch) {
    return { valueSpan: valueSpan(end), value, unit: 'year', precision: 0, round: false, date: { year: value } };
  }
  // Counts: a number that is not part of a time ("3:15"), an ordinal, a list marker or a decimal version.
  if (/^[:/]\d|^(?:st|nd|rd|th)\b|^\.\d/.test(rest)) return undefined;
  const noun = /^\s+((?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+)/u.exec(rest)?.[1];
  const firstNoun = noun?.split(/\s+/)[0];
  if (firstNoun && NOT_A_COUNT.test(firstNoun) && !/^of$/i.test(firstNoun)) return undefined;
  return { valueSpan: valueSpan(end), value: fix(value), unit: 'count', precision, round, ...(noun ? { noun: trimNoun(noun) } : {}) };
}

/** The counted thing: the words after the number, up to the first that cannot belong to a noun phrase. */
function trimNoun(words: string): string {
  const kept: string[] = [];
  for (const word of words.split(/\s+/)) {
    if (/^(?:and|or|but|to|in|on|at|for|from|with|by|as|than|that|which|who|were|was|are|is|have|has|had|will|would|could|since)$/i.test(word)) break;
    // The same in Russian and Ukrainian: "150 тис. доз і …", "175 пленных в …".
    if (/^(?:и|і|й|та|а|но|але|или|або|в|во|у|на|за|с|со|з|із|зі|из|от|від|до|по|для|что|що|как|як|чем|ніж|были|было|був|були)$/iu.test(word)) break;
    kept.push(word);
  }
  return kept.join(' ');
}

function qualifierBefore(text: string, start: number): { start: number; text: string; bound: FigureBound } | undefined {
  const before = text.slice(Math.max(0, start - 24), start);
  const trimmed = before.replace(/\s+$/, '');
  if (trimmed.length === before.length) return undefined;
  for (const [pattern, bound] of QUALIFIERS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    if (match.index > 0 && /[\p{L}\d]/u.test(trimmed[match.index - 1])) continue;
    const at = start - before.length + match.index;
    return { start: at, text: match[0].toLowerCase(), bound };
  }
  return undefined;
}
