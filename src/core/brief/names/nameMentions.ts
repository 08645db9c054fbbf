/**
 * Names as a passage writes them: runs of proper nouns (from the POS
 * tags), with the title written before the name cut off as a role
 * ("United States President Joe Biden" is Joe Biden, "United States
 * President"), a role in apposition after it ("Kurt Volker, the United
 * States special envoy, …"), and the local evidence of what the name is:
 * a person's (a title, an honorific, "X said", "X, who …"), an
 * organisation's ("… Committee", "the BBC"), a place's ("in Tin Hau",
 * "… Island") or a thing's ("Hurricane Dorian").
 */
import type { Passage, Span } from '../../model';
import { tagText, type TaggedToken } from '../../text/posTags';
import {
  INTRODUCERS,
  INVERTING_VERBS,
  NOT_NAME_WORDS,
  ORGANISATION_HEADS,
  PARTY_MEMBERS,
  PLACE_HEADS,
  SPEECH_VERBS,
  THING_PREFIXES,
  TITLE_MODIFIERS,
  TITLES,
  isPersonNoun,
  looksLikeAgentNoun,
  looksLikeDemonym,
} from './lexicon';
import { isGivenName, isKnownPlace } from './nameHints';
import { roleAfter, roleBefore, type WrittenRole } from './roles';

/** What the words around a name say it is; each a count of clues. */
export interface NameEvidence {
  person: number;
  organisation: number;
  place: number;
  thing: number;
}

export interface NameMention {
  readonly passage: Passage;
  /** The name as written, without a title before it or a possessive after it: "Nancy Pelosi", "Pelosi". */
  readonly text: string;
  readonly span: Span;
  /** The words of the name, initials and particles included: ["Pedro", "R.", "Pierluisi", "Urrutia"]. */
  readonly words: readonly string[];
  /** For names read from Cyrillic text: each word's lemma and romanisation keys (src/core/text/nameKeys.ts), which make its cases and spellings one name. */
  readonly wordKeys?: readonly (readonly string[])[];
  /** Roles written with this mention: before it ("White House spokesperson") or in apposition after it. */
  readonly roles: readonly WrittenRole[];
  readonly evidence: NameEvidence;
  /** The sentence of the passage holding the mention. */
  readonly sentence: Span;
  /** Introduced as someone new by name only: "a university student named Wong". */
  readonly introduced: boolean;
  /** Written with a title or honorific right before it ("Mr. Volker", "President Biden"). */
  readonly titled: boolean;
  /** The mention is the subject of a speech verb ("Pelosi said", "said Pelosi", "according to Pelosi"). */
  readonly speaks: boolean;
}

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'ter', 'y', 'abu']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'mx', 'sir', 'dame', 'madam', 'honorable', 'honourable', 'hon']);
const MONTHS_AS_NAMES = new Set(['may', 'june', 'april', 'august', 'january']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'into', 'across', 'towards', 'toward', 'outside', 'inside', 'throughout', 'around', 'via', 'across']);
const NAME_JOINERS = new Set(['of', 'for']);
/** Lowercase words after a name that make it an organisation's: "the Labour party", "the Houthi movement". */
const NAMED_BY_NEXT_WORD = new Set(['party', 'company', 'group', 'agency', 'university', 'council', 'committee', 'court', 'movement', 'militia', 'network', 'newspaper', 'airline', 'bank', 'ministry', 'department', 'forces']);
const BARE = (text: string): string => text.toLowerCase().replace(/\.$/, '');

const isCapitalised = (text: string): boolean => /^\p{Lu}/u.test(text);
const isAcronym = (text: string): boolean => /^(?:\p{Lu}\.?){2,}$/u.test(text) && !/^(?:\p{Lu}\.){1}$/u.test(text);

/**
 * The last text read and its mentions: a draft's check reads its names twice
 * (for the figures' subjects and the quotes' speakers), and on a long draft
 * each reading is a second. Held weakly, so a large draft's mentions do not
 * outlive the check.
 */
let lastRead: { readonly text: string; readonly sentences: readonly Span[]; readonly mentions: WeakRef<NameMention[]> } | undefined;

/** Whether only opening quotes or brackets stand between a sentence's start and an offset. */
const opensSentence = (text: string, sentence: Span, offset: number): boolean => /^[\s“"‘'(\[—–-]*$/u.test(text.slice(sentence.start, offset));

/** Every name mention of a passage, in order. Linear in the passage's length. */
export function nameMentions(passage: Passage, sentences: readonly Span[]): NameMention[] {
  const known = lastRead && lastRead.sentences === sentences && lastRead.text === passage.text ? lastRead.mentions.deref() : undefined;
  if (known) return known.map((mention) => (mention.passage.id === passage.id ? mention : { ...mention, passage }));
  const mentions = readMentions(passage, sentences);
  lastRead = { text: passage.text, sentences, mentions: new WeakRef(mentions) };
  return mentions.slice();
}

function readMentions(passage: Passage, sentences: readonly Span[]): NameMention[] {
  const tokens = tagText(passage.text);
  const mentions: NameMention[] = [];
  let sentenceIndex = 0;
  const sentenceOf = (offset: number): Span => {
    while (sentenceIndex < sentences.length - 1 && offset >= sentences[sentenceIndex].end) sentenceIndex++;
    return sentences[sentenceIndex] ?? { start: 0, end: passage.text.length };
  };
  const startsSentence = (i: number): boolean => {
    const sentence = sentenceOf(tokens[i].start);
    for (let j = i - 1; j >= 0 && tokens[j].start >= sentence.start; j--) if (!/^[“"‘'(\[—–-]+$/u.test(tokens[j].text)) return false;
    return true;
  };

  for (let i = 0; i < tokens.length; ) {
    if (!opensName(tokens, i, startsSentence(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      const next = extendsName(passage.text, tokens, end);
      if (next === end) break;
      end = next;
    }
    const mention = mentionOf(passage, tokens, i, end, sentenceOf(tokens[i].start));
    if (mention) mentions.push(...mention);
    i = end;
  }
  return mentions;
}

/** Whether a name can start at token i. */
function opensName(tokens: readonly TaggedToken[], i: number, sentenceStart: boolean): boolean {
  const token = tokens[i];
  if (!isCapitalised(token.text) || !/\p{L}/u.test(token.text)) return false;
  // "US" and "WHO" are names; "Us" and "Who" are not.
  if (NOT_NAME_WORDS.has(BARE(token.text)) && !isAcronym(token.text)) return false;
  // At a sentence's start every word is capitalised: a name there is a proper noun, or a noun the tagger did not know ("Ghebreyesus expressed").
  if (sentenceStart && token.pos !== 'PROPN' && token.pos !== 'NOUN' && token.pos !== 'X' && !TITLES.has(BARE(token.text)) && !isPersonNoun(token.text)) return false;
  return !['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'NUM', 'SYM', 'AUX'].includes(token.pos);
}

/** The index after the name's next word, or `end` when the name stops there. */
function extendsName(text: string, tokens: readonly TaggedToken[], end: number): number {
  const token = tokens[end];
  if (!token) return end;
  const previous = tokens[end - 1];
  const glued = token.start === previous.end;
  // "Hoi-kwan", "Abdul-Mahdi", "al-Muhandis": a hyphen glued to both sides.
  if (glued && /^[-‐]$/.test(token.text)) {
    const after = tokens[end + 1];
    if (after && after.start === token.end && /^\p{L}/u.test(after.text) && (isCapitalised(after.text) || /^\p{Ll}+$/u.test(after.text))) return end + 2;
    return end;
  }
  if (/^\s*$/.test(token.text) || token.pos === 'SPACE') return end;
  // A line break ends a name.
  if (text.slice(previous.end, token.start).includes('\n')) return end;
  const bare = BARE(token.text);
  if (isCapitalised(token.text) && /\p{L}/u.test(token.text) && !['PRON', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'DET', 'ADP'].includes(token.pos)) {
    // "Theresa May": a month that is also a name goes on a name; a weekday or "Yesterday" never does.
    if (NOT_NAME_WORDS.has(bare) && !MONTHS_AS_NAMES.has(bare) && !isAcronym(token.text)) return end;
    if (token.pos === 'AUX' && !MONTHS_AS_NAMES.has(bare)) return end;
    return end + 1;
  }
  if (PARTICLES.has(bare) && tokens[end + 1] && (isCapitalised(tokens[end + 1].text) || tokens[end + 1].text === '-')) return end + 1;
  // "Secretary of State", "House of Representatives": "of" after a title or a head word, never "Doug Collins of Georgia".
  const headBefore = TITLES.has(BARE(previous.text)) || ORGANISATION_HEADS.has(BARE(previous.text)) || PLACE_HEADS.has(BARE(previous.text));
  if (NAME_JOINERS.has(bare) && headBefore && tokens[end + 1] && isCapitalised(tokens[end + 1].text) && !NOT_NAME_WORDS.has(BARE(tokens[end + 1].text))) return end + 1;
  // "Cyrus R. Vance, Jr."
  if (token.text === ',' && tokens[end + 1] && SUFFIXES.has(BARE(tokens[end + 1].text)) && isCapitalised(tokens[end + 1].text)) return end + 2;
  return end;
}

/** The mention (or two, for "X and Y" joined by nothing) a run of tokens [start, end) makes. */
function mentionOf(passage: Passage, tokens: readonly TaggedToken[], start: number, end: number, sentence: Span): NameMention[] | undefined {
  const text = passage.text;
  // Drop trailing joiners and particles ("… of", "… al").
  while (end > start && (NAME_JOINERS.has(BARE(tokens[end - 1].text)) || PARTICLES.has(BARE(tokens[end - 1].text)) || tokens[end - 1].text === ',')) end--;
  if (end <= start) return undefined;

  // The title before the name: the last title word with a name after it.
  let nameStart = start;
  let titled = false;
  for (let t = end - 2; t >= start; t--) {
    const bare = BARE(tokens[t].text);
    const isTitle =
      TITLES.has(bare) ||
      HONORIFICS.has(bare) ||
      (isCapitalised(tokens[t].text) && isPersonNoun(tokens[t].text) && t === start) ||
      // "Broadcaster Piers Morgan commented": a trade's noun opening the sentence, before a name of two words or more.
      (t === start && end - start >= 3 && opensSentence(text, sentence, tokens[t].start) && looksLikeAgentNoun(tokens[t].text) && !isGivenName(tokens[t].text) && isCapitalised(tokens[t + 1].text));
    if (!isTitle) continue;
    let from = t + 1;
    // "Secretary of State Mike Pompeo": the title goes on through "of X" when a full name follows.
    while (from < end && NAME_JOINERS.has(BARE(tokens[from].text)) && end - (from + 2) >= 2) from += 2;
    if (from >= end || NAME_JOINERS.has(BARE(tokens[from].text))) continue;
    const lastBare = BARE(tokens[end - 1].text);
    if (ORGANISATION_HEADS.has(lastBare) || PLACE_HEADS.has(lastBare) || TITLES.has(lastBare)) break;
    nameStart = from;
    titled = true;
    break;
  }
  // "Senate Minority Whip Dick Durbin", "incumbent Republican Cory Gardner": a title the lexicon lacks, then a given name and a surname.
  if (!titled && end - start >= 3) {
    for (let k = start + 1; k <= end - 2; k++) {
      if (!isGivenName(tokens[k].text) || isGivenName(tokens[start].text)) continue;
      if (k !== end - 2 && !TITLES.has(BARE(tokens[k - 1].text))) continue;
      nameStart = k;
      titled = true;
      break;
    }
  }
  // "the United Nations Nikki Haley wrote", "director of Amnesty International Man-kei Tam said": an organisation's name, then a person's.
  let namesOrganisation: Span | undefined;
  const units = wordUnits(tokens, start, end);
  const followedBySpeech = SPEECH_VERBS.has(BARE(tokens[end]?.text ?? '')) || (tokens[end]?.pos === 'AUX' && SPEECH_VERBS.has(BARE(tokens[end + 1]?.text ?? '')));
  const afterJoiner = tokens[start - 1] && /^(?:the|of|for|at|to)$/i.test(tokens[start - 1].text);
  let organisationRole: WrittenRole | undefined;
  if (!titled && units.length >= 4 && afterJoiner && followedBySpeech) {
    const split = units[units.length - 2];
    namesOrganisation = { start: tokens[start].start, end: tokens[split - 1].end };
    nameStart = split;
    // "Hong Kong director of Amnesty International": the role runs through the organisation's name.
    if (/^(?:of|for)$/i.test(tokens[start - 1].text)) {
      const head = roleBefore(text, tokens, start - 1, sentence);
      if (head) organisationRole = { text: text.slice(head.span.start, namesOrganisation.end), span: { start: head.span.start, end: tokens[end - 1].end } };
    }
  }
  if (nameStart >= end) return undefined;

  const words = tokens.slice(nameStart, end).map((token) => token.text).filter((word) => word !== ',' && word !== '-' && word !== '‐');
  if (words.length === 0 || words.some((word) => !/^\p{L}[\p{L}\p{M}.’'-]*$/u.test(word) || /^\p{L}['’](?:m|re|ve|ll|d)$/iu.test(word))) return undefined;
  // "Bidens", "Representatives", "Ukrainians": plurals are groups, not one name.
  if (words.length === 1 && /s$/.test(words[0]) && (TITLES.has(BARE(words[0]).slice(0, -1)) || looksLikeDemonym(words[0].slice(0, -1), 'X'))) return undefined;
  const first = BARE(words[0]);
  if (words.length === 1 && (NOT_NAME_WORDS.has(first) || TITLES.has(first) || HONORIFICS.has(first) || looksLikeDemonym(words[0], tokens[nameStart].pos))) return undefined;
  if (words.every((word) => TITLES.has(BARE(word)) || NAME_JOINERS.has(BARE(word)))) return undefined;
  // "Senate Majority Leader", "Chief Executive": a role on its own, not a name.
  if (!titled && TITLES.has(BARE(words[words.length - 1])) && !HONORIFICS.has(BARE(words[words.length - 1]))) return undefined;

  const span = { start: tokens[nameStart].start, end: tokens[end - 1].end };
  const evidence: NameEvidence = { person: 0, organisation: 0, place: 0, thing: 0 };
  const roles: WrittenRole[] = [];
  const bareWords = words.map(BARE);
  const last = bareWords[bareWords.length - 1];
  const honorific = nameStart > start && HONORIFICS.has(BARE(tokens[nameStart - 1].text));

  if (titled) {
    // "former Vice President Joe Biden", "Democratic challenger former Vice President Joe Biden".
    let roleFrom = start;
    while (roleFrom > 0 && tokens[roleFrom - 1].start >= sentence.start && TITLE_MODIFIERS.has(tokens[roleFrom - 1].text.toLowerCase())) roleFrom--;
    const titleSpan = { start: tokens[roleFrom].start, end: tokens[nameStart - 1].end };
    const before = roleFrom === start ? roleBefore(text, tokens, start, sentence) : undefined;
    if (honorific && nameStart - 1 === start) {
      evidence.person += 3;
    } else {
      const roleStart = before?.span.start ?? titleSpan.start;
      let roleText = text.slice(roleStart, titleSpan.end);
      // "Representatives Eliot Engel, Adam Schiff, and …": each holds the title in the singular.
      if (/^\p{Lu}\p{Ll}{3,}s$/u.test(roleText) && TITLES.has(roleText.slice(0, -1).toLowerCase())) roleText = roleText.slice(0, -1);
      roles.push({ text: roleText, span: { start: roleStart, end: span.end } });
      evidence.person += 3;
    }
  } else if (organisationRole) {
    roles.push(organisationRole);
    evidence.person += 3;
  } else {
    const before = roleBefore(text, tokens, start, sentence);
    if (before) {
      roles.push({ text: before.text, span: { start: before.span.start, end: span.end } });
      evidence.person += 3;
    }
  }
  // "The governor of Ohio, Mike DeWine, announced", "Two Democratic Representatives, Collin Peterson and …": a role, then the name.
  const leading = roleLeading(text, tokens, start, sentence);
  if (leading && !titled) {
    if (leading.role) roles.push({ text: leading.role, span: { start: leading.start, end: span.end } });
    evidence.person += 3;
  }
  const after = roleAfter(text, tokens, end, sentence, span.start);
  if (after?.kind === 'person') {
    if (after.role.text) roles.push(after.role);
    evidence.person += 3;
  } else if (after?.kind === 'place') evidence.place += 2;
  else if (after?.kind === 'organisation') evidence.organisation += 2;

  // "the Philippine Institute of Volcanology and Seismology (Phivolcs)": one word alone in brackets is a short name, an organisation's.
  if (words.length === 1 && /\(\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start)) && /^\s*\)/.test(text.slice(span.end, span.end + 3))) evidence.organisation += 3;
  // "CNN Philippines", "BBC Sport": a name led by an acronym is an organisation's.
  if (words.length >= 2 && isAcronym(words[0])) evidence.organisation += 4;
  // Heads and prefixes.
  if (ORGANISATION_HEADS.has(last) || bareWords.slice(1).some((word) => ORGANISATION_HEADS.has(word) && word !== 'house')) evidence.organisation += 4;
  // "Victoria Park" is a place; "Sam Park, the rival," a person: after a given name the head word weighs less than a role.
  const afterGivenName = words.length === 2 && isGivenName(words[0]);
  if (PLACE_HEADS.has(last) && words.length > 1) evidence.place += afterGivenName ? 1 : 4;
  if (THING_PREFIXES.has(first) && words.length > 1) evidence.thing += 6;
  if (start > 0 && THING_PREFIXES.has(BARE(tokens[start - 1].text)) && isCapitalised(tokens[start - 1].text)) evidence.thing += 6;
  const nextWord = tokens[end];
  if (nextWord && /^\p{Ll}/u.test(nextWord.text)) {
    if (PLACE_HEADS.has(nextWord.text) && !/^(?:house|home|state|camp)$/.test(nextWord.text)) evidence.place += 2;
    else if (NAMED_BY_NEXT_WORD.has(nextWord.text)) evidence.organisation += 2;
  }
  if (words.every(isAcronym)) evidence.organisation += 2;
  // "Mazars USA", "Acme Corp": a company's name ends in capitals; a person's ("Cyrus R. Vance, Jr.") does not.
  else if (words.length >= 2 && isAcronym(words[words.length - 1]) && !SUFFIXES.has(BARE(words[words.length - 1]))) evidence.organisation += 2;
  // The lexicon's hints: a given name first ("Emmanuel Macron"), a place it knows ("Hong Kong").
  const nameText = words.join(' ');
  // compromise knows "Sam Park" as a place by its last word: after a given name, a hint only.
  if (isKnownPlace(nameText)) evidence.place += words.length === 2 && isGivenName(words[0]) ? 1 : 3;
  else if (words.length >= 2 && evidence.organisation === 0 && evidence.place < 4 && isGivenName(words[0])) evidence.person += 2;
  if (words.some((word) => /\d/.test(word))) evidence.thing += 3;
  if (bareWords.includes('of') && !titled) evidence.organisation += 1;

  // What comes right before.
  const previous = tokens[start - 1];
  const previousBare = previous ? BARE(previous.text) : '';
  if (previous && /^the$/i.test(previous.text)) evidence.organisation += 1;
  if (previous && PLACE_PREPOSITIONS.has(previousBare) && !titled) evidence.place += 2;
  // "a university student named Wong", "a protester using the pseudonym Katya" (not "a holiday called National Day").
  const introduced = Boolean(previous && INTRODUCERS.has(previousBare) && tokens.slice(Math.max(0, start - 5), start - 1).some((token) => /^\p{Ll}/u.test(token.text) && isPersonNoun(token.text)));
  if (introduced) evidence.person += 3;
  if (honorific) evidence.person += 1;

  // Speech: "X said", "X has repeatedly said", "said X", "according to X".
  let speaks = false;
  for (let j = end; j < Math.min(tokens.length, end + 4); j++) {
    const token = tokens[j];
    if (token.pos === 'AUX' || token.pos === 'ADV' || token.pos === 'PART') continue;
    if (token.pos === 'VERB' && SPEECH_VERBS.has(token.text.toLowerCase())) speaks = true;
    break;
  }
  if (previous && INVERTING_VERBS.has(previousBare) && previous.pos === 'VERB') speaks = true;
  if (previous && previousBare === 'to' && tokens[start - 2] && /^according$/i.test(tokens[start - 2].text)) speaks = true;
  if (speaks && evidence.organisation === 0 && evidence.place === 0) evidence.person += 1;
  // "Doug Collins of Georgia", "Elizabeth Warren of Massachusetts": where a politician is from.
  if (nextWord && BARE(nextWord.text) === 'of' && isCapitalised(tokens[end + 1]?.text ?? '') && evidence.organisation === 0 && evidence.place === 0 && words.length >= 2) evidence.person += 1;
  // "Pelosi, who …"
  if (nextWord?.text === ',' && tokens[end + 1] && /^who$/i.test(tokens[end + 1].text)) evidence.person += 2;

  const mention: NameMention = {
    passage,
    text: text.slice(span.start, span.end),
    span,
    words,
    roles,
    evidence,
    sentence,
    introduced,
    titled: titled || honorific,
    speaks,
  };
  if (!namesOrganisation) return [mention];
  const organisation: NameMention = {
    passage,
    text: text.slice(namesOrganisation.start, namesOrganisation.end),
    span: namesOrganisation,
    words: tokens.slice(start, nameStart).map((token) => token.text),
    roles: [],
    evidence: { person: 0, organisation: 2, place: 0, thing: 0 },
    sentence,
    introduced: false,
    titled: false,
    speaks: false,
  };
  return [organisation, mention];
}

/** Where each word of a run starts, hyphenated words ("Man-kei", "al-Muhandis") counting as one. */
function wordUnits(tokens: readonly TaggedToken[], start: number, end: number): number[] {
  const starts: number[] = [];
  for (let i = start; i < end; i++) {
    const glued = i > start && (tokens[i].start === tokens[i - 1].end) && (/^[-‐]$/.test(tokens[i].text) || /^[-‐]$/.test(tokens[i - 1].text));
    if (!glued && tokens[i].text !== ',') starts.push(i);
  }
  return starts;
}

/**
 * A role written before the name and a comma or colon: "The governor of
 * Ohio, Mike DeWine", "Two Democratic Representatives, Collin Peterson",
 * "only two presidents have been impeached: Andrew Johnson and …".
 */
function roleLeading(text: string, tokens: readonly TaggedToken[], start: number, sentence: Span): { role?: string; start: number } | undefined {
  const mark = tokens[start - 1];
  if (!mark || (mark.text !== ',' && mark.text !== ':') || mark.start < sentence.start) return undefined;
  // Back over "of Ohio", "for Syria negotiations": a place or body after the head noun.
  let at = start - 2;
  let sawOf = false;
  while (at >= 0 && tokens[at].start >= sentence.start && (isCapitalised(tokens[at].text) && !TITLES.has(BARE(tokens[at].text))) && start - at < 8) at--;
  if (at >= 0 && NAME_JOINERS.has(BARE(tokens[at].text)) && at < start - 2) {
    sawOf = true;
    at--;
  } else if (at < start - 2) {
    at = start - 2;
  }
  const head = tokens[at];
  const partyMember = head && PARTY_MEMBERS.has(head.text.toLowerCase()) && /^an?$/i.test(tokens[at - 1]?.text ?? '');
  if (!head || head.start < sentence.start || !/^\p{L}+$/u.test(head.text) || (!isPersonNoun(head.text) && !partyMember) || head.pos === 'VERB') return undefined;
  if (mark.text === ':') {
    // A colon list needs its person noun near: "two presidents have been impeached:".
    return { start: head.start };
  }
  let from = at;
  while (from > 0 && tokens[from - 1].start >= sentence.start && at - from < 4 && /^\p{L}/u.test(tokens[from - 1].text) && ['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET'].includes(tokens[from - 1].pos)) {
    from--;
    if (tokens[from].pos === 'DET') break;
  }
  // "Lee's rival, Sam Park,", "The governor's spokesman, Dan Ortiz,": a possessor before the role is part of it.
  if (from >= 2 && /^['’]s$/.test(tokens[from - 1].text) && tokens[from - 1].start === tokens[from - 2].end) {
    let owner = from - 2;
    while (owner > 0 && tokens[owner - 1].start >= sentence.start && from - owner < 5 && /^\p{L}/u.test(tokens[owner - 1].text) && ['ADJ', 'NOUN', 'PROPN', 'DET'].includes(tokens[owner - 1].pos)) {
      owner--;
      if (tokens[owner].pos === 'DET') break;
    }
    from = owner;
  }
  // Only the start of a clause: "…, the governor of Ohio, Mike DeWine" is not "Ohio, Mike DeWine".
  const before = tokens[from - 1];
  if (before && before.start >= sentence.start && !/^[,;:(—–-]$/.test(before.text) && !/^(?:and|but|while|as)$/i.test(before.text)) return undefined;
  let role = text.slice(tokens[from].start, tokens[start - 2].end).replace(/^(?:the|a|an|two|three|four|five|several|both)\s+/i, '');
  // One of several: "Representatives" holds for each as "Representative".
  if (!sawOf) role = role.replace(/(\p{L}{3,})s$/u, '$1');
  return { role, start: tokens[from].start };
}
