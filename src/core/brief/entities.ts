import { LIMITS, noteLimit } from '../limits';
import type { Passage, Span } from '../model';
import { cite, slugOf, type BriefContext } from './context';
import type { CorpusKnowledge, KnownEntity } from './knowledge';
import { clusterNames, foldName, type NameCluster } from './names/nameClusters';
import { nameMentions, type NameMention } from './names/nameMentions';
import { cyrillicNameMentions, isCyrillicText } from './names/cyrillicNames';
import { mergeAcrossScripts, withLemmaWords } from './names/crossScript';
import { passageLanguage } from '../text/passageLanguage';
import { latinKey } from '../text/nameKeys';
import type { Citation, Entity, EntityKind, EntityRole } from './types';
import { pushTo } from './lists';

/** One place a name is written. */
export interface Mention {
  readonly entityId: string;
  readonly passage: Passage;
  /** The name as written, e.g. "Pelosi", "U.S.". */
  readonly text: string;
  readonly span: Span;
  readonly foundBy: 'wink-nlp' | 'alias-table';
  /** A role written with the name, e.g. "White House spokesperson", with its span (role and name). */
  readonly role?: { readonly text: string; readonly span: Span };
  readonly kind: EntityKind;
}

export interface EntityExtraction {
  readonly entities: Entity[];
  readonly mentions: Mention[];
  /** Entity by id. */
  readonly byId: ReadonlyMap<string, Entity>;
  /** The entity a phrase names (a name, a surname only one person has, an alias or a demonym), for speakers of stances. */
  resolve(phrase: string): Entity | undefined;
  /** The entity a demonym of the knowledge stands for as a speaker ("Ukrainian" in "a Ukrainian official"). */
  side(demonym: string): Entity | undefined;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alias table's patterns, built once per knowledge. */
class AliasTable {
  readonly byLower = new Map<string, KnownEntity>();
  readonly demonyms = new Map<string, KnownEntity>();
  readonly pattern: RegExp;

  constructor(entities: readonly KnownEntity[], caseSensitive: ReadonlySet<string>) {
    for (const entity of entities) {
      for (const alias of entity.aliases) this.byLower.set(alias.toLowerCase(), entity);
      for (const demonym of entity.demonyms ?? []) this.demonyms.set(demonym.toLowerCase(), entity);
    }
    // Longest alias first, so "Nancy Pelosi" wins over "Pelosi"; whole words only; a long alias also in lowercase.
    const aliases = [...new Set(entities.flatMap((entity) => entity.aliases))].sort((a, b) => b.length - a.length);
    const alternatives = aliases.map((alias) => {
      const lower = alias.toLowerCase();
      const canBeLowercase = alias.length >= 5 && alias !== alias.toUpperCase() && !caseSensitive.has(lower);
      return canBeLowercase && lower !== alias ? `${escape(alias)}|${escape(lower)}` : escape(alias);
    });
    this.pattern = new RegExp(`(?<![\\p{L}\\p{M}\\d])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\d])`, 'gu');
  }

  lookup(text: string): KnownEntity | undefined {
    return this.byLower.get(text.toLowerCase());
  }
}

const tables = new WeakMap<CorpusKnowledge, AliasTable>();
function tableOf(knowledge: CorpusKnowledge): AliasTable | undefined {
  if (knowledge.entities.length === 0) return undefined;
  let table = tables.get(knowledge);
  if (!table) {
    table = new AliasTable(knowledge.entities, new Set(knowledge.caseSensitive.map((word) => word.toLowerCase())));
    tables.set(knowledge, table);
  }
  return table;
}

/**
 * People, places and organisations of the passages. Names are read from
 * the POS tags (src/core/brief/names/), grouped into one entity each the
 * way news style refers to people, and typed by the words around them.
 * When the corpus comes with knowledge (the bundled corpus), its alias
 * table names its entities first, under every spelling it lists.
 */
export function extractEntities(context: BriefContext, knowledge: CorpusKnowledge): EntityExtraction {
  const table = tableOf(knowledge);
  const notNames = new Set(knowledge.notNames);
  const curatedHits: { entity: KnownEntity; passage: Passage; text: string; span: Span; role?: { text: string; span: Span } }[] = [];
  const documents = new Map<string, NameMention[]>();
  // Tagging is linear but the slowest step: each document gets a budget, so one huge file cannot stall the briefing.
  const tagged = new Map<string, number>();
  const knownByKey = curatedPeopleByKey(knowledge.entities);
  const languages = new Map(context.corpus.documents.map((document) => [document.meta.id, document.meta.lang]));
  const languageOf = (docId: string): string | undefined => languages.get(docId);

  for (const passage of context.passages) {
    const budget = tagged.get(passage.docId) ?? 0;
    tagged.set(passage.docId, budget + passage.text.length);
    const withinBudget = budget < LIMITS.nlpCharsPerDocument;
    if (!withinBudget) noteLimit('nlp-chars', `Names were looked for in the first ${LIMITS.nlpCharsPerDocument.toLocaleString('en-US')} characters of each document; beyond that only known names are found.`);
    // Russian and Ukrainian passages have their own reader: the English one glues a title's complement to the name.
    const found = !withinBudget
      ? []
      : isCyrillicText(passage.text)
        ? cyrillicNameMentions(passage, context.sentences(passage), passageLanguage(passage.text, languageOf(passage.docId)))
        : nameMentions(passage, context.sentences(passage));
    const aliasSpans: { entity: KnownEntity; span: Span; text: string }[] = [];
    if (table) {
      for (const match of passage.text.matchAll(table.pattern)) {
        const entity = table.lookup(match[0]);
        if (entity) aliasSpans.push({ entity, span: { start: match.index, end: match.index + match[0].length }, text: match[0] });
      }
    }
    const general: NameMention[] = [];
    for (const mention of found) {
      // A Cyrillic name whose surname's keys hold the key of exactly one person of the alias table ("Іванова" of "Ivan Ivanov") is that person.
      const known = mention.wordKeys ? knownByKey(mention.wordKeys[mention.wordKeys.length - 1]) : undefined;
      if (known) {
        const role = mention.roles[0];
        curatedHits.push({ entity: known, passage, text: mention.text, span: mention.span, ...(role ? { role: { text: role.text, span: role.span } } : {}) });
        continue;
      }
      if (notNames.has(mention.text.toLowerCase()) || notNames.has(foldName(mention.words[0] ?? ''))) continue;
      const alias = aliasSpans.find((hit) => hit.span.start < mention.span.end && mention.span.start < hit.span.end);
      if (alias) continue; // the alias table names it
      general.push(mention);
    }
    for (const hit of aliasSpans) {
      const withRole = found.find((mention) => mention.span.start <= hit.span.start && hit.span.end <= mention.span.end && mention.roles.length > 0);
      const role = withRole && hit.entity.kind === 'person' ? withRole.roles[0] : undefined;
      curatedHits.push({ entity: hit.entity, passage, text: hit.text, span: hit.span, ...(role ? { role: { text: role.text, span: role.span } } : {}) });
    }
    const list = documents.get(passage.docId) ?? [];
    list.push(...general);
    documents.set(passage.docId, list);
  }

  const clusters = mergeAcrossScripts(clusterNames(withLemmaWords([...documents.values()])));
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  const usedIds = new Set(knowledge.entities.map((entity) => entity.id));

  // Entities of the alias table.
  const curatedById = new Map<string, typeof curatedHits>();
  for (const hit of curatedHits) pushTo(curatedById, hit.entity.id, hit);
  for (const [id, hits] of curatedById) {
    const entity = hits[0].entity;
    const own: Mention[] = hits.map((hit) => ({ entityId: id, passage: hit.passage, text: hit.text, span: hit.span, foundBy: 'alias-table', kind: entity.kind, ...(hit.role ? { role: hit.role } : {}) }));
    mentions.push(...own);
    const roles = new Map<string, Citation[]>();
    for (const mention of own) if (mention.role) pushTo(roles, mention.role.text, cite(mention.passage, mention.role.span));
    entities.push(entityOf(id, entity.name, entity.kind, own, [...roles].map(([role, citations]) => ({ role, citations })), true, entity.note));
  }

  // Entities found in the text.
  for (const cluster of clusters) {
    const id = uniqueId(slugOf(cluster.name) || 'entity', usedIds);
    const own: Mention[] = cluster.mentions.map((mention) => {
      const role = cluster.kind === 'person' ? mention.roles.find((candidate) => cluster.roles.some((kept) => kept.written.some((written) => written.role === candidate))) : undefined;
      return { entityId: id, passage: mention.passage, text: mention.text, span: mention.span, foundBy: 'wink-nlp', kind: cluster.kind, ...(role ? { role: { text: role.text, span: role.span } } : {}) };
    });
    mentions.push(...own);
    entities.push(entityOf(id, cluster.name, cluster.kind, own, rolesOf(cluster), false));
  }

  const order = (passage: Passage): number => context.orderOf(passage.id);
  mentions.sort((a, b) => order(a.passage) - order(b.passage) || a.span.start - b.span.start);
  entities.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const byId = new Map(entities.map((entity) => [entity.id, entity]));

  // Lookups for speakers: every written form, and surnames only one person has.
  const byName = new Map<string, Entity | null>();
  const note = (key: string, entity: Entity): void => {
    const known = byName.get(key);
    byName.set(key, known === undefined || known === entity ? entity : null);
  };
  for (const entity of entities) {
    for (const variant of [entity.name, ...entity.variants.map((item) => item.text)]) note(foldName(variant), entity);
    if (entity.kind === 'person') {
      const last = entity.name.split(/\s+/).pop();
      if (last) note(foldName(last), entity);
    }
  }
  return {
    entities,
    mentions,
    byId,
    resolve(phrase: string): Entity | undefined {
      const folded = foldName(phrase.trim().replace(/[’']s$/, ''));
      const curated = table?.lookup(phrase.trim()) ?? table?.demonyms.get(phrase.trim().toLowerCase());
      if (curated) return byId.get(curated.id);
      return byName.get(folded) ?? byId.get(slugOf(phrase)) ?? undefined;
    },
    side(demonym: string): Entity | undefined {
      const known = table?.demonyms.get(demonym.toLowerCase());
      if (!known) return undefined;
      return byId.get(known.id) ?? entityOf(known.id, known.name, known.kind, [], [], true, known.note);
    },
  };
}

/** The alias table's people by the romanisation key of their aliases' last words: a lookup for Cyrillic surnames' keys, answering only when one person has the key. */
function curatedPeopleByKey(known: readonly KnownEntity[]): (keys: readonly string[]) => KnownEntity | undefined {
  const byKey = new Map<string, Set<KnownEntity>>();
  for (const entity of known) {
    if (entity.kind !== 'person') continue;
    for (const alias of entity.aliases) {
      const key = latinKey(alias.split(/\s+/).pop() ?? '');
      if (key) byKey.set(key, (byKey.get(key) ?? new Set()).add(entity));
    }
  }
  return (keys) => {
    const found = new Set<KnownEntity>();
    for (const key of keys) for (const entity of byKey.get(key) ?? []) found.add(entity);
    return found.size === 1 ? [...found][0] : undefined;
  };
}

function rolesOf(cluster: NameCluster): EntityRole[] {
  return cluster.roles.map((role) => ({ role: role.text, citations: role.written.map((written) => cite(written.mention.passage, written.role.span)) }));
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function entityOf(id: string, name: string, kind: EntityKind, mentions: readonly Mention[], roles: EntityRole[], curated: boolean, note?: string): Entity {
  const variants = new Map<string, { count: number; docIds: Set<string> }>();
  for (const mention of mentions) {
    const variant = variants.get(mention.text) ?? { count: 0, docIds: new Set<string>() };
    variant.count++;
    variant.docIds.add(mention.passage.docId);
    variants.set(mention.text, variant);
  }
  return {
    id,
    name,
    kind,
    ...(note ? { note } : {}),
    roles,
    variants: [...variants].map(([text, variant]) => ({ text, count: variant.count, docIds: [...variant.docIds] })),
    mentionCount: mentions.length,
    passageIds: [...new Set(mentions.map((mention) => mention.passage.id))],
    docIds: [...new Set(mentions.map((mention) => mention.passage.docId))],
    citations: mentions.map((mention) => cite(mention.passage, mention.span)),
    curated,
    foundBy: [...new Set(mentions.map((mention) => mention.foundBy))].sort(),
  };
}
