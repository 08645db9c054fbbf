import * as chrono from 'chrono-node';
import { normalizeDate, type StatedDate } from './documentMetadata';
import { isDateline } from './articleTrim';
import type { HtmlFacts } from './htmlScan';

/**
 * A web page's publication date: what its metadata states (JSON-LD
 * datePublished, article:published_time and its kin), checked against the
 * dateline the page prints near its headline. A timestamp in UTC names the
 * next day for a story posted in the evening in the Americas; when the page
 * prints a day next to it, that printed day is the date a reader sees and
 * cites. A page with no date in its metadata is dated by its dateline, then
 * by its `<time>` elements.
 */

/** Meta tags that state the publication date, most explicit first (keys lower-cased). */
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'article.published',
  'published_time',
  'og:pubdate',
  'publish-date',
  'publishdate',
  'publish_date',
  'pubdate',
  'pdate',
  'published',
  'published_at',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'date.release',
  'og:datepublished',
  'dc.date',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'date',
];
/** Any other meta tag that names a publication date ("sn-post-date", "article_date_original"); never one that names a change. */
const OTHER_DATE_KEY = /(publish|pub|post|release|issue|original).*(date|time)|(date|time).*(publish|pub|post|release|issue|original)/;
const NOT_PUBLICATION = /modif|updat|edit|revis|expir|change|last|copyright/;

export interface DatedStatement {
  readonly value: string;
  readonly source: string;
}

/** The page's publication date, or undefined when it states none. */
export function pageDate(facts: HtmlFacts, ldDate: string | undefined, datelines: readonly string[], language: string | undefined): StatedDate | undefined {
  const stated = statedDate(facts, ldDate);
  const printed = printedDate(datelines, language);
  if (stated) {
    const iso = normalizeDate(stated.value);
    if (iso) {
      // A day printed beside a UTC (or zoneless) timestamp, at most a day away, is the same moment as the reader's page shows it.
      if (printed && iso.length === 10 && inUtcOrUnknownZone(stated.value) && Math.abs(dayNumber(printed.iso) - dayNumber(iso)) === 1) return printed;
      return { iso, source: stated.source };
    }
  }
  if (printed) return printed;
  const times = [...facts.times.filter((time) => time.published), ...facts.times.filter((time) => !time.published)];
  for (const time of times) {
    const iso = normalizeDate(time.datetime);
    if (iso) return { iso, source: time.published ? '<time> marked as published' : '<time datetime>' };
  }
  return undefined;
}

/** The first metadata statement of a publication date that reads as a date. */
function statedDate(facts: HtmlFacts, ldDate: string | undefined): DatedStatement | undefined {
  const candidates: DatedStatement[] = ldDate ? [{ value: ldDate, source: 'JSON-LD datePublished' }] : [];
  for (const key of DATE_KEYS) {
    const value = facts.meta.get(key);
    if (value) candidates.push({ value, source: `meta ${key}` });
  }
  for (const [key, value] of facts.meta) {
    if (!DATE_KEYS.includes(key) && OTHER_DATE_KEY.test(key) && !NOT_PUBLICATION.test(key)) candidates.push({ value, source: `meta ${key}` });
  }
  const readable = candidates.filter((candidate) => normalizeDate(candidate.value) !== undefined);
  const first = readable[0];
  // The same moment stated in the writer's own zone elsewhere names the writer's day.
  if (first && inUtcOrUnknownZone(first.value)) {
    const day = dayNumber(normalizeDate(first.value)!.padEnd(10, '-01').slice(0, 10));
    const local = readable.find((candidate) => hasLocalZone(candidate.value) && Math.abs(dayNumber(normalizeDate(candidate.value)!) - day) <= 1);
    if (local) return local;
  }
  return first;
}

/** A timestamp with an offset other than UTC's ("2017-02-23T17:18:13-08:00"). */
function hasLocalZone(value: string): boolean {
  return /T?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*[+-]\d{2}:?\d{2}$/.test(value.trim()) && !/[+-]00:?00$/.test(value.trim());
}

/** Words that mark a line as the story's publication line (in the languages chrono reads). */
const PUBLISHED_WORDS = /\b(published|posted|original|publicado|publicada|publié|publiée|veröffentlicht|publiziert|pubblicato|gepubliceerd|publicerad|опубликовано)\b/i;

/**
 * The day printed in the dateline (a full date: day, month and year as
 * written; "2 days ago" or "Monday" are not dates). Of several, one on a
 * dateline or byline ("Published…", "By … on …") before others, and the
 * earliest of those (an update comes later).
 */
function printedDate(lines: readonly string[], language: string | undefined): StatedDate | undefined {
  const parser = parserFor(language);
  let best: { iso: string; marked: boolean } | undefined;
  for (const line of lines.slice(0, 40)) {
    if (line.length > 240) continue;
    const marked = PUBLISHED_WORDS.test(line) || /^(by|von|par|por|di|door|av|af)\s/i.test(line) || isDateline(line);
    for (const result of parser.parse(line, new Date(2000, 0, 1))) {
      const start = result.start;
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
      // A date written out, not worked out ("2 days ago" is certain to chrono, but it is no dateline).
      if (!result.text.includes(String(start.get('year'))) && !/\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(result.text)) continue;
      const iso = [start.get('year'), start.get('month'), start.get('day')].map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0')).join('-');
      if (!normalizeDate(iso)) continue;
      if (!best || (marked && !best.marked) || (marked === best.marked && iso < best.iso)) best = { iso, marked };
    }
  }
  return best ? { iso: best.iso, source: "the page's dateline" } : undefined;
}

/** chrono's strict parser for the page's language; English reads "05/10/2018" month first only in the US. */
function parserFor(language: string | undefined): chrono.Chrono {
  const code = (language ?? 'en').toLowerCase().replace('_', '-');
  const base = code.split('-')[0];
  const byLanguage: Record<string, chrono.Chrono> = {
    de: chrono.de.strict,
    fr: chrono.fr.strict,
    ja: chrono.ja.strict,
    pt: chrono.pt.strict,
    nl: chrono.nl.strict,
    zh: chrono.zh.strict,
    ru: chrono.ru.strict,
    es: chrono.es.strict,
    uk: chrono.uk.strict,
    it: chrono.it.strict,
    sv: chrono.sv.strict,
  };
  if (byLanguage[base]) return byLanguage[base];
  if (base === 'en' && code !== 'en' && code !== 'en-us') return (britishEnglish ??= new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true)));
  return chrono.en.strict;
}

/** English read day first, strictly (built once). */
let britishEnglish: chrono.Chrono | undefined;

/** A timestamp in UTC ("Z", "+00:00") or with a time but no zone: its day may not be the writer's. */
function inUtcOrUnknownZone(value: string): boolean {
  const text = value.trim();
  if (/(Z|[+-]00:?00|\bGMT|\bUTC)$/i.test(text) || /GMT\+0000/.test(text)) return true;
  return /\d{1,2}:\d{2}/.test(text) && !/[+-]\d{2}:?\d{2}\)?$|\b[A-Z]{2,4}T$/.test(text);
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}
