/**
 * Citation metadata as a document states it about itself, with where each
 * value came from: the shape every reader (web page, PDF, Word file, front
 * matter) fills, and the rules for cleaning up what they find.
 */

/** A publication date and where it was found. */
export interface StatedDate {
  /** ISO day (or year / year-month) as the document gives it, in its own time zone. */
  readonly iso: string;
  /** Where it came from, e.g. "JSON-LD datePublished", "meta article:published_time", "<time datetime>". */
  readonly source: string;
}

/** What a document says about itself. Every field is optional: a missing one is left out of the citation. */
export interface DocumentMetadata {
  readonly title?: string;
  readonly author?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly published?: StatedDate;
  readonly language?: string;
}

/**
 * Reads a date the way documents write them — ISO 8601 with or without a
 * time, compact `20190312`, PDF's `D:20190312…`, RFC 2822 — and returns its
 * day as written (no time-zone shift: 23:30 at UTC−5 is still that day).
 * Implausible years (before 1800, or more than a year ahead) are refused.
 */
export function normalizeDate(value: string, now = Date.now()): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  let iso: string | undefined;
  const isoMatch = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?=$|[T\s]|[+-]\d|Z)/.exec(text);
  const compact = /^(?:D:)?(\d{4})(\d{2})(\d{2})?/.exec(text);
  const yearOnly = /^(\d{4})$/.exec(text);
  if (isoMatch) iso = [isoMatch[1], isoMatch[2].padStart(2, '0'), isoMatch[3]?.padStart(2, '0')].filter(Boolean).join('-');
  else if (yearOnly) iso = yearOnly[1];
  else if (compact && /^(D:)?\d{6,}/.test(text)) iso = [compact[1], compact[2], compact[3]].filter(Boolean).join('-');
  else if (/[A-Za-z]{3}/.test(text) && /\d{4}/.test(text) && text.length < 80) {
    // "Tue, 12 Mar 2019 10:00:00 GMT", "March 12, 2019": the day as written, read at noon UTC so no zone moves it.
    const withoutTime = text.replace(/\b\d{1,2}:\d{2}(:\d{2})?(\s*[ap]\.?m\.?)?/gi, '').replace(/\b(GMT|UTC|[ECMP][SD]T)\b|[+-]\d{4}\b/g, '');
    const parsed = Date.parse(`${withoutTime.trim()} 12:00 UTC`);
    if (!Number.isNaN(parsed)) iso = new Date(parsed).toISOString().slice(0, 10);
  }
  if (!iso) return undefined;
  const [year, month, day] = iso.split('-').map(Number);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  const latest = new Date(now).getUTCFullYear() + 1;
  return year >= 1800 && year <= latest ? iso : undefined;
}

/** Words that are a web page's controls, never its title ("Home", "Sign In", "Skip to content"; not "Home Depot shares fall"). */
const NOT_A_TITLE =
  /^(skip to|jump to|404\b|page not found|access denied|just a moment)|^(sign in|log ?in|sign up|subscribe|home|home ?page|menu|search|main menu|navigation|close|open|loading|untitled)\W*$/i;

/** True for text that can stand as a document's title. */
export function isPlausibleTitle(text: string | undefined): text is string {
  if (!text) return false;
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.length <= 400 && /\p{L}/u.test(trimmed) && !NOT_A_TITLE.test(trimmed);
}

const TITLE_SEPARATORS = /\s+[|–—·•»:]\s+|\s+-\s+|\s+\/\s+|\s+::\s+/;

/**
 * A `<title>` without the site's name: "Talks resume | The Courier" → "Talks
 * resume". The part naming the outlet is dropped when the outlet is known;
 * otherwise the last part when the rest is still a real title.
 */
export function withoutSiteName(title: string, outlet?: string, headings: readonly string[] = []): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  // A heading the title contains is the headline itself, exactly as the page prints it.
  const normalized = comparable(clean);
  const heading = headings.find((candidate) => candidate.length >= 10 && normalized.includes(comparable(candidate)));
  if (heading) return heading.replace(/\s+/g, ' ').trim();
  if (!TITLE_SEPARATORS.test(clean)) return clean;
  const parts = clean.split(TITLE_SEPARATORS).map((part) => part.trim()).filter(Boolean);
  if (outlet) {
    const site = comparable(outlet);
    const kept = parts.filter((part) => {
      const candidate = comparable(part);
      return !(candidate === site || site.includes(candidate) || (candidate.includes(site) && candidate.length - site.length < 12));
    });
    if (kept.length > 0 && kept.length < parts.length) return joinParts(clean, kept);
  }
  // No outlet to match: the site's name is the short part at either end; the headline is the long one.
  const first = parts[0];
  const last = parts[parts.length - 1];
  const words = (part: string): number => (part.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
  if (words(last) <= 4 && words(clean.slice(0, clean.lastIndexOf(last))) >= 3) return joinParts(clean, parts.slice(0, -1));
  if (words(first) <= 3 && words(clean.slice(clean.indexOf(first) + first.length)) >= 4) return joinParts(clean, parts.slice(1));
  return clean;
}

/** The original text from the first kept part to the last (separators inside a headline stay as written). */
function joinParts(original: string, kept: readonly string[]): string {
  const start = original.indexOf(kept[0]);
  const lastPart = kept[kept.length - 1];
  const end = original.lastIndexOf(lastPart) + lastPart.length;
  return start >= 0 && end > start ? original.slice(start, end).trim() : kept.join(' ');
}

/**
 * An author's name as a citation gives it: "By Ana Petrova | The Courier"
 * → "Ana Petrova", "STEVE PEOPLES, AP National Political Writer" → "Steve
 * Peoples", a byline box's "By / Meg James / Staff Writer / Nov. 19, 2019"
 * → "Meg James". Links, e-mail addresses and the outlet's own name are not
 * authors.
 */
export function cleanAuthor(value: string | undefined, outlet?: string): string | undefined {
  if (!value) return undefined;
  // A byline box, line by line: the first line that names someone ("By" alone on its line introduces the next).
  const lines = value.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line && !/^(by|von|par|por|di|door|av)\s*:?$/i.test(line));
  let name = lines[0] ?? '';
  if (/^https?:\/\//i.test(name) || /^@/.test(name)) return undefined;
  name = name.replace(/^(?:(?:analysis|opinion|commentary|review|story|text|words|reporting|written|posted|published|photos?)\s+)?by:?\s+/i, '').replace(/\s*[|•·]\s.*$/, '');
  // A user name ("CC7567", "jdoe_42") is no person's name: its first word runs into digits.
  if (/^[\p{L}._-]+\d/u.test(name)) return undefined;
  // What a byline runs on into: a handle, "on Monday, November 18th…", a date or time, a job title glued on ("Meg JamesStaff Writer").
  name = name.replace(/\s*@\S.*$/, '').replace(new RegExp(`\\s+on\\s+(${WEEKDAY_OR_MONTH})\\p{L}*\\b.*$`, 'iu'), '').replace(/\s*\d.*$/, '');
  name = name.replace(new RegExp(`(?<=[\\p{Ll}]|[\\p{Lu}]{2})(?:${GLUED_TAIL})\\b.*$`, 'u'), '');
  name = name.replace(/,?\s+(and\s+)?(more|others|et al\.?)$/i, '').trim();
  // "Ana Petrova, Reuters", "Greg Beacham, AP Sports Writer": what follows a name after a comma and is not a name.
  const parts = name.split(/\s*,\s*/);
  const roleAt = parts.findIndex((part, i) => i > 0 && (ROLE.test(part) || (outlet !== undefined && comparable(part) === comparable(outlet))));
  if (roleAt > 0) name = parts.slice(0, roleAt).join(', ');
  if (outlet && name.toLowerCase().endsWith(outlet.toLowerCase()) && name.length > outlet.length) {
    name = name.slice(0, -outlet.length).replace(/[\s,–—-]+$/, '');
  }
  name = name.replace(/\s+(updated|published|posted)\b.*$/i, '').replace(/\s+,/g, ',').replace(/[,;:\s–—-]+$/, '').trim();
  if (!name || name.length > 120 || !/\p{L}/u.test(name) || /@/.test(name)) return undefined;
  if (outlet && comparable(name) === comparable(outlet)) return undefined;
  // A name set in capitals is a name: "STEVE PEOPLES" → "Steve Peoples".
  if (!/\p{Ll}/u.test(name.replace(/\band\b/g, '')) && name.length > 3) name = name.toLowerCase().replace(/(^|[\s'’.-])(\p{Ll})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase()).replace(/\bAnd\b/g, 'and');
  return name;
}

const WEEKDAY_OR_MONTH = 'mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
/** Words a job title or an agency starts with, when a page glues it to the name. */
const GLUED_TAIL = 'Staff|Senior|Contributing|Contributor|Special|Chief|Associated|Reporter|Writer|Editor|Correspondent|Columnist|Updated|Published|Posted|January|February|March|April|May|June|July|August|September|October|November|December';
/** A part of a byline that is a job title or an agency, not a person. */
const ROLE =
  /\b(writer|reporter|editor|correspondent|columnist|contributor|staff|producer|analyst|critic|chief|bureau|desk|press|news|reuters|ap|afp|cnn|bbc|at-large|journalist|photographer|intern|fellow|host)\b/i;

/** Several authors in one line: "Ana Petrova and Li Wei", "Ana Petrova, Li Wei and Sam Roe". */
export function joinAuthors(names: readonly string[]): string | undefined {
  const unique = [...new Map(names.filter(Boolean).map((name) => [comparable(name), name])).values()];
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return unique[0];
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’'"“”‘]/g, '')
    .replace(/^the\s+/, '')
    .replace(/\.(com|org|net|co\.uk|de|fr)$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
