import { parse as parseName } from '@citation-js/name';
import { oneLine } from './escape';

/** A name as CSL items carry it: a person's parts, or an organisation's name as written. */
export interface CslName {
  readonly given?: string;
  readonly family?: string;
  readonly suffix?: string;
  readonly 'non-dropping-particle'?: string;
  readonly 'dropping-particle'?: string;
  readonly literal?: string;
}

// Words that make a byline an organisation, not a person ("Reuters Staff", "The Editorial Board").
const ORGANISATION_WORDS =
  /\b(news|agency|ministry|office|service|press|times|post|herald|tribune|journal|gazette|institute|council|committee|department|organi[sz]ation|staff|desk|editors?|editorial|board|team|government|university|bank|fund|group|association|authority|administration|parliament|assembly|court|police|army|navy|secretariat|directorate|inspectorate|coalition|alliance|party|federation|society|institution|laboratory|library|museum|school|college|hospital|trust|partnership|programme|program|project|unit|division|cent(?:er|re)|foundation|union|commission|network|media|radio|television|broadcasting|corporation|company|inc|ltd|llc|plc|reporters?|correspondents?|bureau)\b/i;

/**
 * The authors named in a byline, as CSL names: "Maria van der Berg" has the
 * family name "Berg" with the particle "van der" (so APA writes "van der
 * Berg, M.", never "Berg, M. v. d."); "Berg, Maria van der" is read the
 * same; several authors are split at "and", "&" and semicolons, or at commas
 * between whole names; an organisation ("Reuters Staff", "NATO") stays one
 * literal name.
 */
export function parseAuthors(byline: string): CslName[] {
  const text = oneLine(byline)
    .trim()
    .replace(/^by\s+/i, '');
  if (!text) return [];
  return splitNames(text).map(parsePerson);
}

function splitNames(text: string): string[] {
  return text
    .split(/\s*;\s*|\s+(?:and|&)\s+/i)
    .flatMap((part) => {
      // "A B, C D, E F" lists names; "Berg, Maria" is one name, inverted.
      const pieces = part.split(/\s*,\s*/);
      return pieces.length > 1 && pieces.every((piece) => piece.trim().split(/\s+/).length >= 2) ? pieces : [part];
    })
    .map((part) => part.trim())
    .filter(Boolean);
}

function parsePerson(name: string): CslName {
  if (isOrganisation(name)) return { literal: name };
  const parsed = parseName(name);
  if (!parsed.family) return { literal: name };
  const result: Record<string, string> = {};
  for (const key of ['given', 'family', 'suffix', 'non-dropping-particle', 'dropping-particle'] as const) {
    const value = parsed[key]?.trim();
    if (value) result[key] = value;
  }
  return result as CslName;
}

/** One word ("Reuters"), an acronym ("NATO"), or a name with an organisation's word in it. */
function isOrganisation(name: string): boolean {
  if (!/\s/.test(name.replace(/,/g, ' ').trim())) return true;
  if (/^[\p{Lu}\d.&-]{2,}(\s+[\p{Lu}\d.&-]{2,})*$/u.test(name)) return true;
  return ORGANISATION_WORDS.test(name);
}

/** The names as a person would write them in running text: "Maria van der Berg and Jhon Lennon". */
export function namesInText(names: readonly CslName[]): string {
  const written = names.map((name) => name.literal ?? [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' '));
  return written.length <= 2 ? written.join(' and ') : `${written.slice(0, -1).join(', ')} and ${written[written.length - 1]}`;
}
