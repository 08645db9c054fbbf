import type { Passage, Span } from '../model';
import { cite, type BriefContext } from './context';
import { CURATED_ENTITIES } from './entityAliases';
import type { EntityExtraction, Mention } from './entities';
import type { Stance, StanceGroup } from './types';

type Act = Stance['act'];

/** Verbs that attribute a statement or a position, with what they do. */
const VERBS: readonly [string, Act][] = [
  ['according to', 'said'],
  ['presented a list of demands', 'demanded'],
  ['demands include', 'demanded'],
  ['insisted on', 'insisted'],
  ['insists on', 'insisted'],
  ['insisted', 'insisted'],
  ['demanded', 'demanded'],
  ['demanding', 'demanded'],
  ['demands', 'demanded'],
  ['outlined', 'said'],
  ['rejected', 'rejected'],
  ['rejects', 'rejected'],
  ['dismisses', 'rejected'],
  ['dismissed', 'rejected'],
  ['denies', 'rejected'],
  ['denied', 'rejected'],
  ['deemed', 'rejected'],
  ['acknowledged', 'acknowledged'],
  ['criticized', 'criticised'],
  ['criticised', 'criticised'],
  ['characterized', 'said'],
  ['characterised', 'said'],
  ['described', 'said'],
  ['calling', 'said'],
  ['said', 'said'],
  ['says', 'said'],
  ['stated', 'said'],
  ['stating', 'said'],
  ['added', 'said'],
  ['emphasized', 'said'],
  ['emphasised', 'said'],
  ['indicated', 'said'],
  ['warned', 'said'],
  ['expressed', 'said'],
  ['expressing', 'said'],
  ['urging', 'said'],
  ['urged', 'said'],
  ['sees', 'said'],
  ['argue', 'said'],
  ['argues', 'said'],
  ['claims', 'claimed'],
  ['claimed', 'claimed'],
];
const VERB_PATTERN = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:has|have|had|also|firmly|strongly|recently|previously|actively|repeatedly)\s+){0,4}(${VERBS.map(([verb]) => verb.replace(/ /g, '\\s+')).join('|')})(?![\p{L}])`,
  'giu',
);
const ACTS = new Map(VERBS.map(([verb, act]) => [verb, act]));
const LIST_VERBS = new Set(['insisted on', 'insists on', 'demanded', 'demanding', 'demands include', 'outlined', 'presented a list of demands']);
const PREPOSITION_BEFORE = /\b(?:in|at|of|from|to|by|under|during|for|on|into|against|about|between|toward|towards)\s+(?:(?:President|Minister|the)\s+){0,4}(?:\p{Lu}[\p{L}]+,\s+)?$/iu;
/** Verbs that are as often nouns: taken only right after their speaker ("Russia demands"), never in "Russia's territorial demands". */
const NOUN_LIKE = new Set(['demands']);
const GROUP_SPEAKER = /(?<![\p{L}])(?:(?:A|An|The|a|an|the)\s+)?(\p{Lu}[\p{L}]+)\s+(officials?|side|delegation|negotiators|leaders?|government)(?![\p{L}])/gu;
const QUOTE = /“([^”]+)”|"([^"]+)"|(?<![\p{L}])‘([^’]+(?:’[\p{L}][^’]*)*)’(?![\p{L}])/gu;
const MAX_WORDS_BEFORE = 20;

interface Speaker {
  readonly id: string;
  readonly name: string;
  readonly asWritten: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Who said, demanded, insisted on, rejected or acknowledged what: each
 * attributing verb with the nearest speaker before it in the sentence (a
 * person, a side, or "a Ukrainian official" as a side), the sentence's
 * quotations, and the items of a list of demands.
 */
export function extractStances(context: BriefContext, extraction: EntityExtraction): StanceGroup[] {
  const curated = new Map(CURATED_ENTITIES.map((entity) => [entity.id, entity]));
  const mentionsByPassage = new Map<string, Mention[]>();
  for (const mention of extraction.mentions) {
    const list = mentionsByPassage.get(mention.passage.id) ?? [];
    list.push(mention);
    mentionsByPassage.set(mention.passage.id, list);
  }
  const stances: Stance[] = [];
  for (const passage of context.passages) {
    if (passage.kind === 'table-row') continue;
    const speakers = speakersOf(passage, mentionsByPassage.get(passage.id) ?? [], extraction, curated);
    const sentences = context.sentences(passage);
    let previous: Stance | undefined;
    for (let s = 0; s < sentences.length; s++) {
      const sentence = sentences[s];
      const text = passage.text.slice(sentence.start, sentence.end);
      // A sentence that is only a quotation continues the stance before it.
      if (previous && /^[“"]/.test(text) && !VERB_PATTERN.test(text)) {
        stances[stances.length - 1] = previous = extend(passage, previous, sentence);
        continue;
      }
      VERB_PATTERN.lastIndex = 0;
      previous = undefined;
      const inSentence: Stance[] = [];
      for (const match of text.matchAll(VERB_PATTERN)) {
        const verbStart = sentence.start + match.index;
        const verb = match[1].toLowerCase().replace(/\s+/g, ' ');
        const speaker =
          verb === 'according to'
            ? speakerAfter(speakers, sentence, verbStart + match[0].length)
            : speakerBefore(passage, speakers, sentence, verbStart, NOUN_LIKE.has(verb));
        if (!speaker) continue;
        if (inSentence.some((stance) => stance.speakerId === speaker.id)) continue;
        let span: Span = sentence;
        let items = LIST_VERBS.has(verb) ? listAfter(passage.text.slice(verbStart + match[0].length, sentence.end)) : [];
        const next = sentences[s + 1];
        if (verb === 'presented a list of demands' && next && /^(?:These|They|The demands)\s+include/i.test(passage.text.slice(next.start, next.end))) {
          items = listAfter(passage.text.slice(next.start, next.end).replace(/^(?:These|They|The demands)\s+include\s*/i, ''));
          span = { start: sentence.start, end: next.end };
        }
        const stance: Stance = {
          id: `${speaker.id}:${passage.id}:${verbStart}`,
          speakerId: speaker.id,
          speaker: speaker.name,
          speakerAsWritten: speaker.asWritten,
          verb: match[0].trim().replace(/\s+/g, ' '),
          act: ACTS.get(verb) ?? 'other',
          quotes: quotesIn(passage.text.slice(span.start, span.end)),
          items,
          citation: cite(passage, span),
        };
        inSentence.push(stance);
        stances.push(stance);
        previous = stance;
      }
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

function speakersOf(
  passage: Passage,
  mentions: readonly Mention[],
  extraction: EntityExtraction,
  curated: ReadonlyMap<string, { name: string }>,
): Speaker[] {
  const speakers: Speaker[] = [];
  for (const mention of mentions) {
    const entity = extraction.byId.get(mention.entityId);
    // Cities other than those standing for a government do not speak.
    if (!entity || (entity.kind === 'place' && !curatedSide(mention.entityId))) continue;
    const start = mention.role?.span.start ?? mention.span.start;
    speakers.push({ id: entity.id, name: entity.name, asWritten: passage.text.slice(start, mention.span.end), start, end: mention.span.end });
  }
  for (const match of passage.text.matchAll(GROUP_SPEAKER)) {
    const side = extraction.resolve(match[1]);
    const curatedSideEntity = CURATED_ENTITIES.find((entity) => entity.demonyms?.some((demonym) => demonym.toLowerCase() === match[1].toLowerCase()));
    const id = side?.id ?? curatedSideEntity?.id;
    if (!id || !curatedSideEntity) continue;
    const start = match.index;
    speakers.push({ id, name: side?.name ?? curated.get(id)?.name ?? id, asWritten: match[0], start, end: start + match[0].length });
  }
  return speakers.sort((a, b) => a.start - b.start);
}

/** Countries and governments speak; cities and regions do not. */
function curatedSide(id: string): boolean {
  return CURATED_ENTITIES.some((entity) => entity.id === id && (entity.demonyms !== undefined || entity.kind !== 'place'));
}

function speakerBefore(passage: Passage, speakers: readonly Speaker[], sentence: Span, verbStart: number, adjacentOnly: boolean): Speaker | undefined {
  const candidates = speakers.filter((speaker) => speaker.start >= sentence.start && speaker.end <= verbStart);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const speaker = candidates[i];
    const between = passage.text.slice(speaker.end, verbStart);
    if (adjacentOnly) return /^\s+$/.test(between) ? speaker : undefined;
    if (between.split(/\s+/).filter(Boolean).length > MAX_WORDS_BEFORE) return undefined;
    const before = passage.text.slice(sentence.start, speaker.start);
    if (PREPOSITION_BEFORE.test(before)) continue; // "in Minsk", "led by President …"
    if (/^['’]s\s+demands\s+include/i.test(passage.text.slice(speaker.end, verbStart + 30)) && /^['’]s\s+$/.test(between)) return speaker; // "Russia’s demands include"
    if (/^['’]s\b/.test(between) || /^\s*(?:and|or)\s/.test(between)) continue; // "Russia's response", "Russia and Ukraine"
    if (/\b(?:that|which|who)\s/i.test(between) && !/^,\s*who\s/i.test(between)) continue; // a clause of someone else's
    return speaker;
  }
  return undefined;
}

/** "…, according to President Vladimir Putin." */
function speakerAfter(speakers: readonly Speaker[], sentence: Span, from: number): Speaker | undefined {
  return speakers.find((speaker) => speaker.start >= from && speaker.start <= from + 2 && speaker.end <= sentence.end);
}

function extend(passage: Passage, stance: Stance, sentence: Span): Stance {
  const span = { start: stance.citation.span.start, end: sentence.end };
  return { ...stance, quotes: quotesIn(passage.text.slice(span.start, span.end)), citation: cite(passage, span) };
}

function quotesIn(text: string): string[] {
  return [...text.matchAll(QUOTE)].map((match) => (match[1] ?? match[2] ?? match[3]).replace(/[.,]$/, '').trim()).filter((quote) => quote.length > 0);
}

/** The items of a list written after a verb or a colon: "an immediate ceasefire, reparations from Russia, … and no future limits …". */
function listAfter(text: string): string[] {
  let body = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text;
  body = body.replace(/[.;]\s*$/, '').trim();
  const parts = body
    .split(/,\s*(?:and\s+|or\s+)?|\s+and\s+(?=(?:an?|the|no|legal|military|protection|return|preparing)\b)/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return parts.length >= 3 ? parts : [];
}
