import nlp from 'compromise';
import { LIMITS, noteLimit } from '../limits';
import type { Passage, Span } from '../model';
import { cite, slugOf, type BriefContext } from './context';
import { CURATED_ENTITIES, NOT_NAMES, ROLE_MODIFIERS, ROLE_NOUNS, type CuratedEntity } from './entityAliases';
import type { Citation, Entity, EntityKind, EntityRole } from './types';

/** One place a name is written. */
export interface Mention {
  readonly entityId: string;
  readonly passage: Passage;
  /** The name as written, e.g. "Zelenskiy", "U.S.". */
  readonly text: string;
  readonly span: Span;
  readonly foundBy: 'compromise' | 'alias-table';
  /** A title written right before the name, e.g. "Kremlin spokesperson", with its span (title + name). */
  readonly role?: { readonly text: string; readonly span: Span };
}

export interface EntityExtraction {
  readonly entities: Entity[];
  readonly mentions: Mention[];
  /** Curated or discovered entity by id. */
  readonly byId: ReadonlyMap<string, Entity>;
  /** Finds the entity a phrase names (alias or demonym), for speakers of stances. */
  resolve(phrase: string): Entity | undefined;
}

/** Lowercase writings of names that are also ordinary words, never taken for the name. */
const LOWERCASE_UNSAFE = new Set(['trump', 'turkey', 'america', 'kremlin']);
const ACRONYMS = new Set(['GDP', 'I', 'OK', 'TV', 'FAQ']);
const MONTHS = /^(jan|feb|febuary|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/i;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface AliasEntry {
  readonly entity: CuratedEntity;
  readonly alias: string;
}

class AliasTable {
  readonly byLower = new Map<string, AliasEntry>();
  readonly demonyms = new Map<string, CuratedEntity>();
  readonly pattern: RegExp;
  readonly roleBefore: RegExp;

  constructor(entities: readonly CuratedEntity[]) {
    for (const entity of entities) {
      for (const alias of entity.aliases) this.byLower.set(alias.toLowerCase(), { entity, alias });
      for (const demonym of entity.demonyms ?? []) this.demonyms.set(demonym.toLowerCase(), entity);
    }
    // Longest alias first, so "Vladimir Putin" wins over "Putin"; whole words only.
    const aliases = [...new Set(entities.flatMap((entity) => entity.aliases))].sort((a, b) => b.length - a.length);
    const alternatives = aliases.map((alias) => {
      const lower = alias.toLowerCase();
      const canBeLowercase = alias.length >= 5 && alias !== alias.toUpperCase() && !LOWERCASE_UNSAFE.has(lower);
      return canBeLowercase && lower !== alias ? `${escape(alias)}|${escape(lower)}` : escape(alias);
    });
    this.pattern = new RegExp(`(?<![\\p{L}\\p{M}\\d])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\d])`, 'gu');
    const modifiers = ROLE_MODIFIERS.map(escape).join('|');
    const nouns = [...ROLE_NOUNS].sort((a, b) => b.length - a.length).map(escape).join('|');
    this.roleBefore = new RegExp(`(?<![\\p{L}\\d])((?:(?:${modifiers})\\s+){0,3}(?:${nouns}))\\s+$`, 'u');
  }

  lookup(text: string): CuratedEntity | undefined {
    return this.byLower.get(text.toLowerCase())?.entity;
  }
}

let aliasTable: AliasTable | undefined;
function table(): AliasTable {
  aliasTable ??= new AliasTable(CURATED_ENTITIES);
  return aliasTable;
}

/** compromise's names in a sentence, memoised by the sentence's text (tagging is the slow part). */
const nlpCache = new Map<string, readonly NlpName[]>();
interface NlpName {
  readonly text: string;
  readonly start: number;
  readonly kind: EntityKind;
}

function nlpNames(sentence: string): readonly NlpName[] {
  const cached = nlpCache.get(sentence);
  if (cached) return cached;
  const doc = nlp(sentence);
  const names: NlpName[] = [];
  const take = (view: { json(options: object): unknown }, kind: EntityKind): void => {
    for (const match of view.json({ offset: true }) as { text: string; offset: { start: number } }[]) {
      names.push({ text: match.text, start: match.offset.start, kind });
    }
  };
  take(doc.people(), 'person');
  take(doc.places(), 'place');
  take(doc.organizations(), 'organisation');
  if (nlpCache.size > 5000) nlpCache.clear();
  nlpCache.set(sentence, names);
  return names;
}

/** Leading titles and trailing punctuation or possessives cut from a tagged name. */
function cleanName(text: string, start: number): { text: string; start: number } {
  let cleaned = text;
  let offset = start;
  // Titles and demonyms in front of the name: "German Chancellor Olaf Scholz" is Olaf Scholz.
  for (let word = /^(\S+)\s+/.exec(cleaned); word; word = /^(\S+)\s+/.exec(cleaned)) {
    const bare = word[1];
    if (!ROLE_WORDS.has(bare) && !table().demonyms.has(bare.toLowerCase()) && !/^(?:the|The|of|German|French|British|Italian|Polish|Chinese)$/.test(bare)) break;
    cleaned = cleaned.slice(word[0].length);
    offset += word[0].length;
  }
  cleaned = cleaned.replace(/(?:['’]s)?[\s,.;:!?"“”‘’()]*$/u, '').replace(/['’]s$/u, '');
  const leadPunct = /^[\s"“”‘’(]+/u.exec(cleaned)?.[0].length ?? 0;
  return { text: cleaned.slice(leadPunct), start: offset + leadPunct };
}

/** Capitalised words of a sentence the alias table does not explain (besides the first word). */
function hasUnexplainedNames(text: string, sentence: Span, covered: readonly Span[]): boolean {
  const words = /[\p{Lu}][\p{L}\p{M}’'.-]*/gu;
  words.lastIndex = sentence.start;
  const known = table();
  for (let match = words.exec(text); match && match.index < sentence.end; match = words.exec(text)) {
    if (match.index === sentence.start) continue;
    const word = match[0].replace(/[’'.-]+$/u, '').replace(/['’]s$/u, '');
    if (covered.some((span) => match.index >= span.start && match.index < span.end)) continue;
    if (ACRONYMS.has(word) || NOT_NAMES.has(word.toLowerCase()) || MONTHS.test(word)) continue;
    if (known.demonyms.has(word.toLowerCase()) || ROLE_WORDS.has(word)) continue;
    // After a colon or a question mark a capital starts a clause.
    if (/[:?]\s*$/.test(text.slice(Math.max(sentence.start, match.index - 3), match.index))) continue;
    return true;
  }
  return false;
}
const ROLE_WORDS = new Set([...ROLE_NOUNS, ...ROLE_MODIFIERS].flatMap((phrase) => phrase.split(' ')));

/**
 * People, places and organisations of the passages: names from the curated
 * alias table, and names compromise tags in sentences the table does not
 * fully explain; junk dropped; spellings merged into one entity each.
 */
export function extractEntities(context: BriefContext): EntityExtraction {
  const known = table();
  const mentions: Mention[] = [];
  const discovered = new Map<string, { name: string; kind: EntityKind }>();
  // Tagging is linear but slow (15–30 KB a second): each document gets a budget, so one huge file cannot stall the briefing.
  const tagged = new Map<string, number>();

  for (const passage of context.passages) {
    const text = passage.text;
    const covered: Span[] = [];
    for (const match of text.matchAll(known.pattern)) {
      const entity = known.lookup(match[0]);
      if (!entity) continue;
      const span = { start: match.index, end: match.index + match[0].length };
      covered.push(span);
      mentions.push({ entityId: entity.id, passage, text: match[0], span, foundBy: 'alias-table', role: roleBefore(passage, span, entity.kind) });
    }
    for (const sentence of context.sentences(passage)) {
      if (!hasUnexplainedNames(text, sentence, covered)) continue;
      const budget = tagged.get(passage.docId) ?? 0;
      if (budget >= LIMITS.nlpCharsPerDocument) {
        noteLimit('nlp-chars', `Names were looked for in the first ${LIMITS.nlpCharsPerDocument.toLocaleString('en-US')} characters of each document; beyond that only known names are found.`);
        continue;
      }
      tagged.set(passage.docId, budget + sentence.end - sentence.start);
      const sentenceText = text.slice(sentence.start, sentence.end);
      for (const name of nlpNames(sentenceText)) {
        const cleaned = cleanName(name.text, sentence.start + name.start);
        const span = { start: cleaned.start, end: cleaned.start + cleaned.text.length };
        if (cleaned.text.length < 2 || !/^\p{Lu}/u.test(cleaned.text) || NOT_NAMES.has(cleaned.text.toLowerCase())) continue;
        if (covered.some((other) => other.start < span.end && span.start < other.end)) continue;
        // compromise labels capitalised sentence openers as names: a lone word there is not taken.
        if (span.start === sentence.start && !cleaned.text.includes(' ')) continue;
        if (cleaned.text.split(/\s+/).every((word) => ROLE_WORDS.has(word) || MONTHS.test(word))) continue;
        const curated = known.lookup(cleaned.text);
        const id = curated?.id ?? slugOf(cleaned.text);
        if (!curated && !discovered.has(id)) discovered.set(id, { name: cleaned.text, kind: name.kind });
        covered.push(span);
        const kind = curated?.kind ?? discovered.get(id)?.kind ?? name.kind;
        mentions.push({ entityId: id, passage, text: cleaned.text, span, foundBy: 'compromise', role: roleBefore(passage, span, kind) });
      }
    }
  }

  const order = (passage: Passage): number => context.orderOf(passage.id);
  mentions.sort((a, b) => order(a.passage) - order(b.passage) || a.span.start - b.span.start);

  const entities: Entity[] = [];
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const list = groups.get(mention.entityId) ?? [];
    list.push(mention);
    groups.set(mention.entityId, list);
  }
  const curatedById = new Map(CURATED_ENTITIES.map((entity) => [entity.id, entity]));
  for (const [id, list] of groups) {
    const curated = curatedById.get(id);
    const variants = new Map<string, { count: number; docIds: Set<string> }>();
    for (const mention of list) {
      const variant = variants.get(mention.text) ?? { count: 0, docIds: new Set<string>() };
      variant.count++;
      variant.docIds.add(mention.passage.docId);
      variants.set(mention.text, variant);
    }
    const roles = new Map<string, Citation[]>();
    for (const mention of list) {
      if (!mention.role) continue;
      const citations = roles.get(mention.role.text) ?? [];
      citations.push(cite(mention.passage, mention.role.span));
      roles.set(mention.role.text, citations);
    }
    const foundBy = [...new Set(list.map((mention) => mention.foundBy))].sort();
    const variantList = [...variants].map(([text, variant]) => ({ text, count: variant.count, docIds: [...variant.docIds] }));
    entities.push({
      id,
      name: curated?.name ?? [...variantList].sort((a, b) => b.count - a.count)[0].text,
      kind: curated?.kind ?? discovered.get(id)!.kind,
      ...(curated?.note ? { note: curated.note } : {}),
      roles: [...roles].map(([role, citations]): EntityRole => ({ role, citations })),
      variants: variantList,
      mentionCount: list.length,
      passageIds: [...new Set(list.map((mention) => mention.passage.id))],
      docIds: [...new Set(list.map((mention) => mention.passage.docId))],
      citations: list.map((mention) => cite(mention.passage, mention.span)),
      curated: curated !== undefined,
      foundBy,
    });
  }
  entities.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const byId = new Map(entities.map((entity) => [entity.id, entity]));

  return {
    entities,
    mentions,
    byId,
    resolve(phrase: string): Entity | undefined {
      const lower = phrase.trim().toLowerCase();
      const curated = known.lookup(lower) ?? known.demonyms.get(lower);
      if (curated) return byId.get(curated.id);
      return byId.get(slugOf(phrase));
    },
  };
}

/** A title written right before a name in the same sentence: "Kremlin spokesperson Dmitry Peskov". */
function roleBefore(passage: Passage, span: Span, kind: EntityKind): { text: string; span: Span } | undefined {
  if (kind !== 'person') return undefined;
  const before = passage.text.slice(Math.max(0, span.start - 60), span.start);
  const match = table().roleBefore.exec(before);
  if (!match) return undefined;
  const start = span.start - (before.length - match.index);
  return { text: match[1], span: { start, end: span.end } };
}
