/**
 * Roles as news prose writes them beside a name: a title or occupation
 * right before it ("former federal prosecutor Elie Honig", "White
 * House spokesperson Karine Jean-Pierre") and an apposition right after it ("Nancy
 * Pelosi, the Speaker of the House of Representatives, …", "Brett McGurk,
 * who was the president's special envoy …, …").
 */
import type { Span } from '../../model';
import type { TaggedToken } from '../../text/posTags';
import { TITLES, isPersonNoun } from './lexicon';
import { isCyrillicHonorific, isCyrillicTitle } from './cyrillicLexicon';

/** A role as written, and the span of the words that give it (name included), for citing. */
export interface WrittenRole {
  readonly text: string;
  readonly span: Span;
}

const MAX_BEFORE = 7;
const MAX_AFTER = 18;
const PLACE_NOUNS = new Set(['capital', 'city', 'town', 'village', 'state', 'country', 'nation', 'island', 'islands', 'region', 'province', 'county', 'district', 'territory', 'commonwealth', 'port', 'area', 'neighbourhood', 'neighborhood', 'suburb', 'home', 'hometown']);
const ORGANISATION_NOUNS = new Set(['company', 'firm', 'party', 'group', 'agency', 'militia', 'network', 'newspaper', 'broadcaster', 'organisation', 'organization', 'charity', 'union', 'court', 'body', 'movement', 'coalition', 'alliance', 'bank', 'university', 'institute', 'ministry', 'department', 'channel', 'service', 'website', 'app', 'platform', 'outlet', 'team', 'club', 'force', 'forces', 'army', 'regime', 'government', 'administration', 'council', 'committee', 'office']);
const COPULAS = /^(?:is|was|are|were|serves as|served as|serving as|has been|had been|became|becomes|remains|remained|acts as|acted as)$/i;
const CUT_AT = /\s+(?:from|since|until|between|during|in|on|at|when|where|while|after|before)\s+(?:\d|the\s+\d|early|late|mid|january|february|march|april|may|june|july|august|september|october|november|december)/i;

const capitalised = (token: TaggedToken | undefined): boolean => Boolean(token && /^\p{Lu}/u.test(token.text));

/**
 * The title or occupation right before the name at token `start`: words
 * ending in a person noun ("prosecutor", "spokesperson", "chairman"),
 * with their modifiers, capitalised ones included ("White House", "Chinese
 * University"), never across a comma, a determiner or a verb.
 */
export function roleBefore(text: string, tokens: readonly TaggedToken[], start: number, sentence: Span): WrittenRole | undefined {
  const head = tokens[start - 1];
  if (!head || head.start < sentence.start || !/^\p{L}/u.test(head.text) || !isPersonNoun(head.text)) return undefined;
  if (head.pos === 'VERB' || head.pos === 'AUX') return undefined;
  let from = start - 1;
  for (let j = start - 2; j >= 0 && start - j <= MAX_BEFORE; j--) {
    const token = tokens[j];
    if (token.start < sentence.start) break;
    // "director-general", "vice-president": hyphenated words stay whole.
    if (/^[-‐]$/.test(token.text) && token.start === tokens[j + 1].start - 1 && tokens[j - 1]?.end === token.start) {
      from = j;
      continue;
    }
    if (!/^[\p{L}][\p{L}.’'-]*$/u.test(token.text)) break;
    if (!['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(token.pos) && !/^(?:former|then|acting|deputy|vice|senior|chief)$/i.test(token.text)) break;
    if (/^(?:the|a|an)$/i.test(token.text)) break;
    from = j;
  }
  return { text: text.slice(tokens[from].start, head.end), span: { start: tokens[from].start, end: head.end } };
}

/** What an apposition after a name says: a person's role, or that the name is a place's or an organisation's. */
export type Apposition =
  | { readonly kind: 'person'; readonly role: WrittenRole }
  | { readonly kind: 'place' | 'organisation' };

/**
 * The apposition after the name ending at token `end` (exclusive): ", the
 * X of Y," / ", a spokesman for Z," / ", Puerto Rico's governor," / ",
 * who was W,". A role only when its head noun is a person noun.
 */
export function roleAfter(text: string, tokens: readonly TaggedToken[], end: number, sentence: Span, nameStart = tokens[Math.max(0, end - 1)]?.start ?? 0): Apposition | undefined {
  if (tokens[end]?.text !== ',') return undefined;
  const from = end + 1;
  let to = from;
  let commas = 0;
  for (; to < tokens.length && to - from < MAX_AFTER; to++) {
    const token = tokens[to];
    if (token.start >= sentence.end) break;
    if (token.text === ',') {
      // "the former mayor of South Bend, Indiana, came": a place after a comma belongs to the apposition.
      if (commas === 0 && capitalised(tokens[to + 1]) && tokens[to + 2]?.text === ',' ) {
        commas++;
        continue;
      }
      break;
    }
    if (/^[.;:!?“”"()]$/.test(token.text)) break;
  }
  if (to === from) return undefined;
  const closed = tokens[to]?.text === ',' || tokens[to]?.start === undefined || tokens[to].start >= sentence.end || /^[.;:!?]$/.test(tokens[to].text);
  if (!closed) return undefined;

  const words = tokens.slice(from, to);
  // "Sudesh Amman, 20, was placed …", "James Ford, 42, a convicted murderer": an age in apposition is a person's.
  if (words.length === 1 && /^\d{1,3}$/.test(words[0].text) && Number(words[0].text) > 0 && Number(words[0].text) < 120) return { kind: 'person', role: { text: '', span: { start: 0, end: 0 } } };
  let at = 0;
  const lower = (i: number): string => words[i]?.text.toLowerCase() ?? '';
  // "who was …": a relative clause giving a role; any other "who" clause still says a person.
  let relative = false;
  if (lower(0) === 'who') {
    relative = true;
    const two = `${lower(1)} ${lower(2)}`;
    if (COPULAS.test(two)) at = 3;
    else if (COPULAS.test(lower(1))) at = 2;
    else return { kind: 'person', role: { text: '', span: { start: 0, end: 0 } } };
  }
  if (/^(?:formerly|currently|now|also|then)$/.test(lower(at))) at++;
  const oneOf = lower(at) === 'one' && lower(at + 1) === 'of';
  const roleAt = at;
  if (oneOf) at += 2;
  while (/^(?:the|a|an|his|her|their)$/.test(lower(at))) at++;
  if (at >= words.length) return undefined;

  // The head noun: the last noun before a preposition ("mayor" of "the former mayor of South Bend").
  let head: TaggedToken | undefined;
  for (let i = at; i < words.length; i++) {
    const token = words[i];
    if (token.pos === 'ADP' || token.pos === 'SCONJ' || (token.pos === 'VERB' && i > at) || token.text === ',') break;
    if (token.pos === 'NOUN' || token.pos === 'PROPN' || isPersonNoun(token.text)) head = token;
  }
  if (!head) return undefined;
  // A finite verb past the head (", Pelosi said,") is no apposition.
  if (!relative && words.some((token, i) => i > at && (token.pos === 'VERB' || token.pos === 'AUX') && !/(?:ed|ing)$/.test(token.text) && !/^(?:elected|appointed|named)$/i.test(token.text))) {
    return undefined;
  }
  const headWord = head.text.toLowerCase();
  if (PLACE_NOUNS.has(headWord)) return { kind: 'place' };
  if (ORGANISATION_NOUNS.has(headWord) && !isPersonNoun(headWord)) return { kind: 'organisation' };
  if (!isPersonNoun(head.text) && !TITLES.has(headWord)) return undefined;
  if (relative && at === 0) return undefined;

  const roleStart = oneOf ? words[roleAt].start : words[at].start;
  let roleText = text.slice(roleStart, words[words.length - 1].end);
  const cut = CUT_AT.exec(roleText);
  if (cut) roleText = roleText.slice(0, cut.index);
  roleText = roleText.replace(/[,\s]+$/, '');
  if (roleText.length === 0 || roleText.split(/\s+/).length > 14) return undefined;
  return { kind: 'person', role: { text: roleText, span: { start: nameStart, end: roleStart + roleText.length } } };
}

/** Whether a role's words say a person holds it (a title or a person noun among them). */
export function isPersonRole(role: string): boolean {
  return role.split(/[\s,]+/).some((word) => isPersonNoun(word) || TITLES.has(word.toLowerCase()) || isCyrillicTitle(word) || isCyrillicHonorific(word));
}

