import type { Passage, Span } from '../model';
import { tagText } from '../text/posTags';
import { cite, type BriefContext } from './context';
import { TITLES } from './names/lexicon';
import type { EntityExtraction, Mention } from './entities';
import type { Entity, Stance, StanceGroup } from './types';
import { CYRILLIC_SPEECH_VERBS } from './names/cyrillicLexicon';

type Act = Stance['act'];

/**
 * Verbs that attribute a statement or a position, with what they do:
 * phrases first, then single verbs in every form news prose uses.
 */
const PHRASES: readonly [string, Act][] = [
  ['according to', 'said'],
  // Russian and Ukrainian "according to X".
  ['по словам', 'said'],
  ['за словами', 'said'],
  [String.raw`(?:presented|issued|set out|laid out|put forward|made)\s+(?:a\s+)?(?:list|set)\s+of\s+(?:demands|conditions|priorities)`, 'demanded'],
  [String.raw`(?:demands|conditions)\s+include`, 'demanded'],
  ['insisted on', 'insisted'],
  ['insists on', 'insisted'],
  ['went on to say', 'said'],
  ['spoke to', 'said'],
  ['spoke on', 'said'],
  ['spoke', 'said'],
];
const WORDS: Readonly<Record<Act, string>> = {
  said: `said says say saying stated states stating added adds adding told tells telling wrote writes writing tweeted tweets posted
    noted notes noting announced announces declared declares explained explains replied replies responded responds remarked
    commented recalled continued continues outlined expressed expressing emphasized emphasised emphasizing stressed indicated
    warned warns urged urging urges called calling calls described describes describing characterized characterised characterizing
    predicted suggested affirmed affirming argued argue argues sees estimated asked asks reiterated vowed promised pledged
    observed observes questioned asserted asserts labelled labeled branded dubbed praised commended hailed mocked quipped joked
    pleaded stressing adding noting insisting warning explaining arguing declaring announcing replying responding tweeting
    underlined underlining highlighted thanked thanking mentioned`,
  demanded: 'demanded demanding demands',
  rejected: 'rejected rejects dismisses dismissed denies denied deemed refused',
  acknowledged: 'acknowledged acknowledges admitted admits conceded concedes',
  criticised: 'criticized criticised criticizes criticises accused accuses blamed blames condemned condemns attacked slammed denounced denounces',
  insisted: 'insisted insists maintained maintains',
  claimed: 'claims claimed',
  other: '',
};
/** Russian and Ukrainian verbs of saying, by what they do (the rest say). */
const CYRILLIC_ACTS: readonly [RegExp, Act][] = [
  [/^(?:потребова|вимага)/, 'demanded'],
  [/^(?:отверг|відкину)/, 'rejected'],
  [/^(?:призна|визна)/, 'acknowledged'],
  [/^(?:раскритикова|розкритикува|обвини|звинувати)/, 'criticised'],
  [/^(?:настаива|наполяга)/, 'insisted'],
];
const cyrillicAct = (verb: string): Act => CYRILLIC_ACTS.find(([pattern]) => pattern.test(verb))?.[1] ?? 'said';
const VERBS: readonly [string, Act][] = [
  ...PHRASES,
  ...[...CYRILLIC_SPEECH_VERBS].map((verb): [string, Act] => [verb, cyrillicAct(verb)]),
  ...(Object.entries(WORDS) as [Act, string][]).flatMap(([act, words]) => words.split(/\s+/).filter(Boolean).map((word): [string, Act] => [word, act])),
];
const VERB_PATTERN = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:has|have|had|also|firmly|strongly|recently|previously|actively|repeatedly|publicly|later|further|then|again)\s+){0,4}(${VERBS.map(([verb]) => verb.replace(/ /g, '\\s+')).join('|')})(?![\p{L}])`,
  'giu',
);
const ACTS: readonly [RegExp, Act][] = VERBS.map(([verb, act]) => [new RegExp(`^(?:${verb})$`, 'i'), act]);
const actOf = (verb: string): Act => ACTS.find(([pattern]) => pattern.test(verb))?.[1] ?? 'other';
const LIST_VERB = /^(?:insisted on|insists on|demanded|demanding|outlined|(?:demands|conditions) include|(?:presented|issued|set out|laid out|put forward|made) (?:a )?(?:list|set) of .*)$/;
/** Verbs that also take their speaker after them: "…,” said Pelosi. */
const INVERTING = /^(?:said|says|added|adds|asked|wrote|writes|continued|replied|insisted|warned|explained|noted|tweeted|told|according to|по словам|за словами|[\u0400-\u04ff]+)$/;
/** Phrases whose speaker always comes after them. */
const SPEAKER_AFTER = /^(?:according to|по словам|за словами)$/;
/** A name after a preposition is no subject: "in Lyon", "led by President …", "in Lyon, Macron" — but "On Tuesday, Macron said" is Macron's. */
const PREPOSITION_BEFORE = /(?<![\p{L}])(?:[Ii]n|[Aa]t|[Oo]f|[Ff]rom|[Tt]o|[Bb]y|[Uu]nder|[Dd]uring|[Ff]or|[Oo]n|[Ii]nto|[Aa]gainst|[Aa]bout|[Bb]etween|[Tt]owards?)\s+(?:(?:President|Minister|[Tt]he)\s+){0,4}(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}[\p{L}]+,\s+)?$/u;
/** "met with President Mora": an object, never a pronoun’s antecedent (though "with Mora calling it …" has Mora speak). */
const WITH_BEFORE = /(?<![\p{L}])[Ww]ith\s+(?:(?:President|Minister|[Tt]he)\s+){0,4}$/u;
/** Verbs that are as often nouns: taken only right after their speaker ("the union demands"), never in "the union's demands". */
const NOUN_LIKE = new Set(['demands', 'calls', 'claims', 'states', 'notes', 'sees']);
const GROUP_SPEAKER = /(?<![\p{L}])(?:(?:A|An|The|a|an|the)\s+)?(\p{Lu}[\p{L}]+)\s+(officials?|side|delegation|negotiators|leaders?|government)(?![\p{L}])/gu;
/** Titles and trades that stand for the person named with them ("…,” said the director"); not kin or everyone's words (son, victim, voter). */
const NOT_TITLE_SPEAKERS = new Set('son daughter wife husband mother father brother sister child nephew niece uncle aunt cousin grandson granddaughter grandmother grandfather widow widower girlfriend boyfriend spouse fiance fiancee resident citizen witness survivor victim voter member partner rival student protester protestor worker employee player'.split(' '));
const TITLE_SPEAKER = new RegExp(
  String.raw`(?<![\p{L}])(?:the|The)\s+(${[...TITLES].filter((word) => /^[a-z-]+$/.test(word) && !NOT_TITLE_SPEAKERS.has(word)).sort((a, b) => b.length - a.length).join('|')})(?![\p{L}])`,
  'gu',
);
const PRONOUN = /(?<![\p{L}])(?:he|she|He|She|он|она|Он|Она|він|вона|Він|Вона)(?![\p{L}’'])/gu;
const QUOTE = /«([^«»]+)»|„([^„“”]+)[“”]|“([^“”]+)”|(?<![\p{L}\d])"([^"\n]+)"(?![\p{L}\d])|(?<![\p{L}])‘([^‘’]+(?:’[\p{L}][^‘’]*)*)’(?![\p{L}])/gu;
const MAX_WORDS_BEFORE = 20;

interface Speaker {
  readonly id: string;
  readonly name: string;
  readonly kind: 'person' | 'institution';
  readonly asWritten: string;
  readonly start: number;
  readonly end: number;
}

/** A place in a passage that may name a speaker: a name (known now), a pronoun or "the spokesman" (resolved when asked). */
interface Slot {
  readonly start: number;
  readonly end: number;
  resolve(): Speaker | undefined;
}

/** The number of leading indices in [0, length) for which `before` holds (it must hold for a prefix): a binary search. */
function lowerBound(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many speakers before a verb are looked at, nearest first: enough for any clause, bounded for any text. */
const MAX_LOOKED_AT = 12;

interface Attribution {
  readonly verbStart: number;
  readonly verbEnd: number;
  readonly verb: string;
  readonly speaker: Speaker;
  readonly sentence: number;
}

/**
 * Who said, demanded, insisted on, rejected or acknowledged what, as
 * news prose attributes speech: "X said", "said X", "…,” X said",
 * "according to X", "X told …", "X, who …, said"; a pronoun, a surname or
 * "the spokesman" standing for the last person named; a quote over
 * several sentences staying with its speaker. Each quotation goes to the
 * speaker of the attributing verb nearest it. A place or an organisation
 * speaks only as an institution, right before its verb ("the White House
 * said"), and is labelled so.
 */
export function extractStances(context: BriefContext, extraction: EntityExtraction): StanceGroup[] {
  const mentionsByPassage = new Map<string, Mention[]>();
  for (const mention of extraction.mentions) {
    const list = mentionsByPassage.get(mention.passage.id) ?? [];
    list.push(mention);
    mentionsByPassage.set(mention.passage.id, list);
  }
  const stances: Stance[] = [];
  let lastPerson: { docId: string; speaker: Speaker } | undefined;
  let lastQuote: { docId: string; speaker: Speaker } | undefined;
  for (const passage of context.passages) {
    if (passage.kind === 'table-row') continue;
    const text = passage.text;
    const quotes = quotesOf(text);
    const masked = mask(text, quotes);
    const sentences = context.sentences(passage);
    const sentenceIndex = (offset: number): number => {
      const index = lowerBound(sentences.length, (i) => sentences[i].end <= offset);
      return index < sentences.length ? index : sentences.length - 1;
    };
    if (lastPerson && lastPerson.docId !== passage.docId) lastPerson = undefined;
    const named = speakersOf(passage, mentionsByPassage.get(passage.id) ?? [], extraction, quotes);
    const pronouns = [...masked.matchAll(PRONOUN)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
    const titles = [...masked.matchAll(TITLE_SPEAKER)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0], title: match[1].toLowerCase() }));

    // Attributions in text order; pronouns and titles resolve, when a verb needs them, to the last person named before them.
    const attributions: Attribution[] = [];
    const people = named.filter((speaker) => speaker.kind === 'person');
    const earlierSpeaker = lastPerson?.speaker;
    const resolvedBefore = (offset: number): Speaker | undefined => lastPersonBefore(people, attributions, offset, masked, earlierSpeaker) ?? lastPerson?.speaker;
    const slots: Slot[] = [
      ...named.map((speaker): Slot => ({ start: speaker.start, end: speaker.end, resolve: () => speaker })),
      ...pronouns.map((pronoun): Slot => ({ start: pronoun.start, end: pronoun.end, resolve: () => asSpeaker(resolvedBefore(pronoun.start), pronoun) })),
      ...titles.map((title): Slot => ({ start: title.start, end: title.end, resolve: () => asSpeaker(titled(extraction, resolvedBefore(title.start), people, title.title), title) })),
    ].sort((a, b) => a.start - b.start);
    const tags = new Map(tagText(text).map((token) => [token.start, token.pos]));
    for (const match of masked.matchAll(VERB_PATTERN)) {
      const verbStart = match.index + match[0].length - match[1].length;
      const verbEnd = match.index + match[0].length;
      const verb = match[1].toLowerCase().replace(/\s+/g, ' ');
      if (!isVerbHere(tags.get(verbStart), verb, masked.slice(Math.max(0, verbStart - 2), verbStart))) continue;
      const s = sentenceIndex(verbStart);
      const sentence = sentences[s];
      let speaker: Speaker | undefined;
      const afterQuote = /[”"’»“][\s,]*[—–-]*\s*$/.test(text.slice(Math.max(sentence.start, verbStart - 8), verbStart));
      // Russian and Ukrainian put the speaker after the verb as often as before it ("заявил Иванов"): a name right after it is the speaker.
      const cyrillic = /[\u0400-\u04ff]/.test(verb);
      if (SPEAKER_AFTER.test(verb) || (INVERTING.test(verb) && afterQuote)) speaker = speakerAfter(masked, slots, sentence, verbEnd);
      if (!speaker && cyrillic) speaker = speakerAfter(masked, slots, sentence, verbEnd, true);
      speaker ??= speakerBefore(masked, slots, sentence, verbStart, NOUN_LIKE.has(verb));
      if (!speaker && INVERTING.test(verb)) speaker = speakerAfter(masked, slots, sentence, verbEnd);
      if (!speaker) continue;
      attributions.push({ verbStart, verbEnd, verb: match[0].trim().replace(/\s+/g, ' '), speaker, sentence: s });
      if (speaker.kind === 'person') lastPerson = { docId: passage.docId, speaker };
    }

    // One stance per speaker and sentence; each quote goes to the attribution nearest it.
    const bySentence = new Map<string, Stance>();
    const stanceOf = (attribution: Attribution): Stance => {
      const key = `${attribution.sentence}:${attribution.speaker.id}`;
      let stance = bySentence.get(key);
      if (!stance) {
        const sentence = sentences[attribution.sentence];
        const verb = attribution.verb.toLowerCase();
        const bare = verb.replace(/^(?:(?:has|have|had|also|firmly|strongly|recently|previously|actively|repeatedly|publicly|later|further|then|again)\s+)+/, '');
        let span: Span = sentence;
        let items = LIST_VERB.test(bare) ? listAfter(text.slice(attribution.verbEnd, sentence.end)) : [];
        const next = sentences[attribution.sentence + 1];
        if (/list|set/.test(bare) && next && /^(?:These|They|The demands|The conditions)\s+include/i.test(text.slice(next.start, next.end))) {
          items = listAfter(text.slice(next.start, next.end).replace(/^(?:These|They|The demands|The conditions)\s+include\s*/i, ''));
          span = { start: sentence.start, end: next.end };
        }
        stance = {
          id: `${attribution.speaker.id}:${passage.id}:${attribution.verbStart}`,
          speakerId: attribution.speaker.id,
          speaker: attribution.speaker.name,
          speakerAsWritten: attribution.speaker.asWritten,
          speakerKind: attribution.speaker.kind,
          verb: attribution.verb,
          act: actOf(bare),
          quotes: [],
          items,
          citation: cite(passage, span),
        };
        bySentence.set(key, stance);
        stances.push(stance);
      }
      return stance;
    };
    for (const attribution of attributions) stanceOf(attribution);
    // A paragraph that opens with a quote nobody is named for goes on with the last quote's speaker of the paragraph before.
    let previousQuote: { attribution: Attribution; end: number } | undefined =
      lastQuote && lastQuote.docId === passage.docId && /^\s*[“"]/.test(text) ? { attribution: { verbStart: 0, verbEnd: 0, verb: 'said', speaker: lastQuote.speaker, sentence: 0 }, end: 0 } : undefined;
    for (const quote of quotes) {
      const first = sentenceIndex(quote.start);
      const last = sentenceIndex(Math.max(quote.start, quote.end - 1));
      const from = lowerBound(attributions.length, (i) => attributions[i].sentence < first);
      const to = lowerBound(attributions.length, (i) => attributions[i].sentence <= last);
      const near = attributions.slice(from, Math.min(to, from + 40));
      const right = near.find((attribution) => attribution.verbStart >= quote.end && !SPEAKER_AFTER.test(attribution.verb.toLowerCase()) && /^[\s,.;:—–-]*$/.test(masked.slice(quote.end, attribution.verbStart).replace(/[\p{L}’'-]+$/u, '').replace(/\s(?:he|she|[\p{Lu}][\p{L}’'.-]*)\s*$/u, '')));
      const before = [...near].reverse().find((attribution) => attribution.verbEnd <= quote.start);
      const after = near.find((attribution) => attribution.verbStart >= quote.end);
      // A quote that opens a sentence with no attribution goes on with the speaker of the quote before it.
      // …unless a verb of saying follows it whose speaker could not be read: then nobody is named rather than the wrong one.
      const saidAfter = /^[\s,]*(?:\p{Ll}+\s+)?(?:said|says|added|wrote|told|continued|replied|explained|noted|tweeted)\b/u.test(masked.slice(quote.end, quote.end + 30));
      let chosen = right ?? before ?? after;
      // "The clinic's owner, Raj Patel, disagreed. “…”": a quote standing as its own sentence is the previous sentence's
      // subject's, when that person is named after the last quote (else it goes on with the last quote's speaker).
      if (!chosen && !saidAfter && first > 0 && startsSentence(text, sentences[first], quote.start)) {
        const subject = subjectOf(named, masked, sentences[first - 1]);
        if (subject && (!previousQuote || subject.start > previousQuote.end)) {
          const attribution: Attribution = { verbStart: quote.start - 1, verbEnd: quote.start - 1, verb: 'said', speaker: subject, sentence: first };
          attributions.push(attribution);
          chosen = attribution;
        }
      }
      chosen ??= previousQuote && !saidAfter && startsSentence(text, sentences[first], quote.start) ? previousQuote.attribution : undefined;
      // "The president took a parting shot on Twitter: “…”": after a colon, the quote is the sentence's subject's.
      if (!chosen && /:\s*$/.test(masked.slice(Math.max(sentences[first].start, quote.start - 4), quote.start))) {
        const inSentence = lowerBound(named.length, (i) => named[i].start < sentences[first].start);
        const subject = named.slice(inSentence, inSentence + 8).find((speaker) => speaker.end <= quote.start && !PREPOSITION_BEFORE.test(masked.slice(Math.max(sentences[first].start, speaker.start - 80), speaker.start)));
        if (subject) {
          const attribution: Attribution = { verbStart: quote.start - 1, verbEnd: quote.start - 1, verb: 'said', speaker: subject, sentence: first };
          attributions.push(attribution);
          chosen = attribution;
        }
      }
      if (!chosen) continue;
      const stance = stanceOf(chosen);
      const words = quote.text.replace(/[.,]$/, '').trim();
      if (words.length > 0 && !stance.quotes.includes(words)) {
        const index = stances.indexOf(stance);
        const grown: Stance = {
          ...stance,
          quotes: [...stance.quotes, words],
          citation: quote.end > stance.citation.span.end || quote.start < stance.citation.span.start
            ? cite(passage, { start: Math.min(stance.citation.span.start, sentences[first].start), end: Math.max(stance.citation.span.end, sentences[last].end) })
            : stance.citation,
        };
        stances[index] = grown;
        bySentence.set(`${chosen.sentence}:${chosen.speaker.id}`, grown);
      }
      previousQuote = { attribution: chosen, end: quote.end };
      lastQuote = { docId: passage.docId, speaker: chosen.speaker };
    }
  }

  const groups = new Map<string, Stance[]>();
  for (const stance of stances) {
    const list = groups.get(stance.speakerId) ?? [];
    list.push(stance);
    groups.set(stance.speakerId, list);
  }
  return [...groups]
    .map(([speakerId, list]) => ({ speakerId, speaker: list[0].speaker, stances: list }))
    .sort((a, b) => b.stances.length - a.stances.length || a.speaker.localeCompare(b.speaker));
}

/** Whether a word the pattern found is a verb here (its tag says so), not a noun ("the demands", "his claims"). */
function isVerbHere(pos: string | undefined, verb: string, before: string): boolean {
  if (verb.includes(' ') || pos === undefined || /[\u0400-\u04ff]/.test(verb)) return true;
  // "Sanders claims": right after a name, a verb the tagger took for a noun is still the verb.
  return pos === 'VERB' || pos === 'AUX' || (/ed$/.test(verb) && pos !== 'ADJ') || (pos === 'NOUN' && /\p{L}\s$/u.test(before) && /^\p{Lu}/u.test(before) === false);
}

function startsSentence(text: string, sentence: Span | undefined, offset: number): boolean {
  return sentence !== undefined && /^[\s“"‘']*$/.test(text.slice(sentence.start, offset));
}

/** Quoted stretches of a passage, with the words between the marks. */
function quotesOf(text: string): { start: number; end: number; text: string }[] {
  return [...text.matchAll(QUOTE)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] }));
}

/** The passage with quoted words blanked, so no quoted word is taken for a verb or a speaker. */
function mask(text: string, quotes: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const quote of quotes) {
    out += text.slice(at, quote.start + 1) + ' '.repeat(Math.max(0, quote.end - quote.start - 2));
    at = quote.end - 1;
  }
  return out + text.slice(at);
}

function speakersOf(passage: Passage, mentions: readonly Mention[], extraction: EntityExtraction, quotes: readonly { start: number; end: number }[]): Speaker[] {
  const speakers: Speaker[] = [];
  const inQuote = (span: Span): boolean => quotes.some((quote) => quote.start < span.start && span.end < quote.end);
  for (const mention of mentions) {
    const entity = extraction.byId.get(mention.entityId);
    if (!entity || inQuote(mention.span)) continue;
    const start = mention.role?.span.start !== undefined && mention.role.span.start < mention.span.start ? mention.role.span.start : mention.span.start;
    speakers.push({ id: entity.id, name: entity.name, kind: entity.kind === 'person' ? 'person' : 'institution', asWritten: passage.text.slice(start, mention.span.end), start, end: mention.span.end });
  }
  for (const match of passage.text.matchAll(GROUP_SPEAKER)) {
    const side = extraction.side(match[1]);
    if (!side) continue;
    const start = match.index;
    speakers.push({ id: side.id, name: side.name, kind: 'institution', asWritten: match[0], start, end: start + match[0].length });
  }
  return speakers.sort((a, b) => a.start - b.start);
}

/** The person a sentence opens with as its subject (a role before the name aside), if it opens with one. */
function subjectOf(named: readonly Speaker[], masked: string, sentence: Span): Speaker | undefined {
  const first = named[lowerBound(named.length, (i) => named[i].start < sentence.start)];
  if (!first || first.end > sentence.end || first.kind !== 'person') return undefined;
  const lead = masked.slice(sentence.start, first.start);
  if (lead.split(/\s+/).filter(Boolean).length > 6 || PREPOSITION_BEFORE.test(lead) || /[“”"]/.test(lead)) return undefined;
  return first;
}

/**
 * The person a pronoun stands for: the last person who spoke in the passage before it; else the last person named
 * as a subject (not the object of a preposition: in "Lindqvist met … with President Mora, where he denounced", he
 * is Lindqvist); else the last person who spoke in the paragraphs before; else the last person named.
 */
function lastPersonBefore(people: readonly Speaker[], attributions: readonly Attribution[], offset: number, masked: string, earlier: Speaker | undefined): Speaker | undefined {
  const upTo = lowerBound(attributions.length, (i) => attributions[i].verbStart < offset);
  for (let i = upTo - 1; i >= 0 && upTo - i <= MAX_LOOKED_AT; i--) if (attributions[i].speaker.kind === 'person') return attributions[i].speaker;
  const named = lowerBound(people.length, (i) => people[i].end <= offset);
  for (let i = named - 1; i >= 0 && named - i <= MAX_LOOKED_AT; i--) {
    const person = people[i];
    const before = masked.slice(Math.max(0, person.start - 80), person.start);
    if (!PREPOSITION_BEFORE.test(before) && !WITH_BEFORE.test(before) && !/^['’]s\b/.test(masked.slice(person.end, person.end + 3))) return person;
  }
  return earlier ?? people[named - 1];
}

/** "the spokesman": the last person named whose roles hold that title. */
function titled(extraction: EntityExtraction, last: Speaker | undefined, people: readonly Speaker[], title: string): Speaker | undefined {
  const holds = (entity: Entity | undefined): boolean => Boolean(entity?.roles.some((role) => role.role.toLowerCase().includes(title)));
  if (last && holds(extraction.byId.get(last.id))) return last;
  for (let i = people.length - 1; i >= 0 && people.length - i <= MAX_LOOKED_AT * 4; i--) if (holds(extraction.byId.get(people[i].id))) return people[i];
  return undefined;
}

function asSpeaker(resolved: Speaker | undefined, written: { start: number; end: number; text: string }): Speaker | undefined {
  return resolved ? { ...resolved, asWritten: written.text, start: written.start, end: written.end } : undefined;
}

function speakerBefore(masked: string, slots: readonly Slot[], sentence: Span, verbStart: number, adjacentOnly: boolean): Speaker | undefined {
  const upTo = lowerBound(slots.length, (i) => slots[i].start < verbStart);
  for (let i = upTo - 1; i >= 0 && upTo - i <= MAX_LOOKED_AT && slots[i].start >= sentence.start; i--) {
    if (slots[i].end > verbStart) continue;
    const speaker = slots[i].resolve();
    if (!speaker) continue;
    const between = masked.slice(speaker.end, verbStart);
    if (adjacentOnly) return /^\s+$/.test(between) ? speaker : undefined;
    if (/[“”"]/.test(between) && /[”"]\s*,?\s*$/.test(between) === false) continue; // a quote between them: the verb has another subject
    if (between.split(/\s+/).filter(Boolean).length > MAX_WORDS_BEFORE) return undefined;
    // An institution speaks right before its verb: "the White House said", "Ottawa has firmly rejected", "The … Corps (IRGC), which includes …, declared".
    const institutionGap = /^(?:\s*\([^()]{1,40}\))?(?:,\s*(?:who|which)\b[^,;:]{0,80},?)?(?:\s+(?:has|have|had|also|firmly|strongly|repeatedly|publicly|\p{Ll}+ly))*\s*$/u;
    if (speaker.kind === 'institution' && !institutionGap.test(between)) continue;
    const before = masked.slice(sentence.start, speaker.start);
    if (PREPOSITION_BEFORE.test(before)) continue; // "in Lyon", "led by President …"
    if (/^['’]s\s+(?:demands|conditions)\s+include/i.test(masked.slice(speaker.end, verbStart + 30)) && /^['’]s\s+$/.test(between)) return speaker; // "the union’s demands include"
    if (/^['’]s\b/.test(between) || /^\s*(?:and|or)\s/.test(between)) continue; // "France's response", "France and Spain"
    if (/\b(?:that|which|who)\s/i.test(between) && !/^,\s*who\s/i.test(between)) continue; // a clause of someone else's
    return speaker;
  }
  return undefined;
}

/** "…,” said Pelosi", "according to President Joe Biden", "said a protester using the pseudonym Katya". */
function speakerAfter(masked: string, slots: readonly Slot[], sentence: Span, from: number, adjacentOnly = false): Speaker | undefined {
  const at = lowerBound(slots.length, (i) => slots[i].start < from);
  const slot = slots[at];
  const next = slot && slot.end <= sentence.end ? slot.resolve() : undefined;
  if (!next) return undefined;
  const gap = masked.slice(from, next.start);
  // "зазначив під час поїздки … заступник голови …": a few words may stand between a Cyrillic verb and its speaker.
  if (adjacentOnly) return gap.length <= 60 && !/[,.;:!?]/.test(gap) && gap.trim().split(/\s+/).filter(Boolean).length <= 6 ? next : undefined;
  return gap.length <= 48 && !/[,.;:!?“”"«»]/.test(gap) ? next : undefined;
}

/** The items of a list written after a verb or a colon: "an immediate ceasefire, reparations …, and no future limits …". */
function listAfter(text: string): string[] {
  let body = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text;
  body = body.replace(/[.;]\s*$/, '').trim();
  const parts = body.split(/,\s*/).map((part) => part.replace(/^(?:and|or)\s+/i, '').trim()).filter((part) => part.length > 0);
  return parts.length >= 3 ? parts : [];
}
