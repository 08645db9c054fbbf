/**
 * Who is who across the sources: name mentions grouped into one entity
 * each, the way news style refers to people. Within a document a surname
 * or a first-name-only form ("Pelosi", "Tuilaepa", "Pierluisi Urrutia")
 * refers to the full name given in that document; across documents
 * entities merge by full name and spelling variants ("Sarea" /
 * "Saree", "Erdoğan" / "Erdogan", "Pedro Pierluisi" / "Pedro R.
 * Pierluisi Urrutia"), and a surname alone only when a single person of
 * the sources carries it. What each entity is — a person, an
 * organisation, a place, a thing — is read from the evidence of all its
 * mentions together.
 */
import type { EntityKind } from '../types';
import type { NameEvidence, NameMention } from './nameMentions';
import type { WrittenRole } from './roles';
import { isPersonRole } from './roles';
import { pushTo } from '../lists';
import { cyrillicDisplayName } from './crossScript';

/** An entity found in the sources, with every mention of it. */
export interface NameCluster {
  readonly kind: EntityKind;
  /** The display name: the fullest form the sources use most. */
  readonly name: string;
  readonly mentions: readonly NameMention[];
  /** Roles the sources give the person, most often given first. */
  readonly roles: readonly { readonly text: string; readonly written: readonly { readonly mention: NameMention; readonly role: WrittenRole }[] }[];
}

interface Group {
  mentions: NameMention[];
  /** Folded words of the fullest name, initials and particles left out. */
  key: string[];
  evidence: NameEvidence;
  /** Only a single word was ever written for it in its document. */
  single: boolean;
  introduced: boolean;
}

/** Below this many groups in a document, spelling variants are looked for among all of them. */
const FEW = 300;
const PARTICLE = /^(?:al|el|bin|ibn|de|del|della|di|da|dos|das|du|van|von|der|den|la|le|ter|y|abu|of|for|jr|sr|ii|iii|iv)$/;

/** A word folded for comparing names: no diacritics, lowercase, no dots or apostrophes. */
export function foldName(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.’']/g, '');
}

/** The words that identify a name: folded, without initials, particles or suffixes. */
function keyWords(words: readonly string[]): string[] {
  return words.map(foldName).filter((word) => word.length > 1 && !PARTICLE.test(word));
}

function add(into: NameEvidence, from: NameEvidence): void {
  into.person += from.person;
  into.organisation += from.organisation;
  into.place += from.place;
  into.thing += from.thing;
}

/** Whether two surnames are spellings of one: equal once folded, or one letter apart in a long name. */
export function sameSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  if (longest < 5 || Math.abs(a.length - b.length) > 2) return false;
  return withinEdits(a, b, longest >= 8 ? 2 : 1);
}

/** Whether a is within `limit` edits of b (insertions, deletions, substitutions), in O(len × limit). */
function withinEdits(a: string, b: string, limit: number): boolean {
  const n = b.length;
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(n + 1).fill(limit + 1);
    row[0] = i;
    let best = row[0];
    const from = Math.max(1, i - limit);
    const to = Math.min(n, i + limit);
    for (let j = from; j <= to; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return false;
    previous = row;
  }
  return previous[n] <= limit;
}

/** Whether the shorter full name is the longer one with words left out ("Pedro Pierluisi" of "Pedro R. Pierluisi Urrutia"). */
function nests(shorter: readonly string[], longer: readonly string[]): boolean {
  if (shorter.length < 2 || shorter.length > longer.length) return false;
  let at = 0;
  for (const word of shorter) {
    while (at < longer.length && !sameSpelling(longer[at], word)) at++;
    if (at === longer.length) return false;
    at++;
  }
  return sameSpelling(shorter[0], longer[0]) || sameSpelling(shorter[shorter.length - 1], longer[longer.length - 1]);
}

/** Whether two full names are one person's: the same words, spelling variants of them, or one nested in the other. */
function sameFullName(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === b.length && a.every((word, i) => sameSpelling(word, b[i])) && a[0] === b[0]) return true;
  return a.length < b.length ? nests(a, b) : nests(b, a);
}

/**
 * Groups the mentions of each document (in document order, documents in
 * corpus order) into entities, then merges them across documents.
 */
export function clusterNames(documents: readonly (readonly NameMention[])[]): NameCluster[] {
  const merged: Group[] = [];
  const byFirst = new Map<string, Group[]>();
  const byLast = new Map<string, Group[]>();
  const index = (group: Group): void => {
    const first = group.key[0];
    const last = group.key[group.key.length - 1];
    if (first) pushTo(byFirst, first, group);
    if (last && last !== first) pushTo(byLast, last, group);
  };

  const singles: Group[] = [];
  for (const mentions of documents) {
    for (const group of groupDocument(mentions)) {
      if (group.single) {
        singles.push(group);
        continue;
      }
      const candidates = [...(byFirst.get(group.key[0]) ?? []), ...(byLast.get(group.key[group.key.length - 1]) ?? [])];
      const target = candidates.find((other) => !other.single && sameFullName(group.key, other.key) && compatible(group.evidence, other.evidence));
      if (target) {
        absorb(target, group);
      } else {
        merged.push(group);
        index(group);
      }
    }
  }
  // A surname alone, in a document that never gives the full name, is that person only when one person of the sources has it.
  const singleByWord = new Map<string, Group>();
  for (const group of singles) {
    const word = group.key[0] ?? foldName(group.mentions[0].text);
    const people = [...(byLast.get(word) ?? []), ...(byFirst.get(word) ?? [])].filter((other) => kindOf(other) === 'person');
    const unique = [...new Set(people)];
    if (!group.introduced && unique.length === 1 && compatible(group.evidence, unique[0].evidence)) {
      absorb(unique[0], group);
      continue;
    }
    const same = singleByWord.get(word);
    if (same && !group.introduced && !same.introduced) absorb(same, group);
    else {
      singleByWord.set(word, group);
      merged.push(group);
    }
  }

  const clusters: NameCluster[] = [];
  for (const group of merged) {
    const kind = kindOf(group);
    if (!kind) continue;
    const name = group.mentions.every((mention) => mention.wordKeys) ? cyrillicDisplayName(group.mentions) : displayName(group);
    clusters.push({ kind, name, mentions: group.mentions, roles: kind === 'person' ? rolesOf(group) : [] });
  }
  return clusters;
}

function absorb(into: Group, from: Group): void {
  into.mentions.push(...from.mentions);
  add(into.evidence, from.evidence);
  if (from.key.length > into.key.length && !from.single) into.key = from.key;
}

/** A person's name and an organisation's do not merge, whatever their words. */
function compatible(a: NameEvidence, b: NameEvidence): boolean {
  const aPerson = a.person >= 3 && a.person > Math.max(a.organisation, a.place);
  const bPerson = b.person >= 3 && b.person > Math.max(b.organisation, b.place);
  const aOther = Math.max(a.organisation, a.place, a.thing) >= 3 && Math.max(a.organisation, a.place, a.thing) > a.person;
  const bOther = Math.max(b.organisation, b.place, b.thing) >= 3 && Math.max(b.organisation, b.place, b.thing) > b.person;
  return !((aPerson && bOther) || (aOther && bPerson));
}

/** One document's mentions grouped: full names first, then the shorter forms that refer to them. */
function groupDocument(mentions: readonly NameMention[]): Group[] {
  const groups: Group[] = [];
  const full = mentions.filter((mention) => keyWords(mention.words).length >= 2);
  const sorted = [...full].sort((a, b) => keyWords(b.words).length - keyWords(a.words).length);
  const groupOf = new Map<NameMention, Group>();
  // Groups by their first and last words, so a document of thousands of names is not compared name by name.
  const byWord = new Map<string, Group[]>();
  const indexed = (group: Group): void => {
    for (const word of new Set([group.key[0], group.key[group.key.length - 1]])) pushTo(byWord, word, group);
  };
  const near = (key: readonly string[]): readonly Group[] => {
    const found = new Set([...(byWord.get(key[0]) ?? []), ...(byWord.get(key[key.length - 1]) ?? [])]);
    // Spelling variants share neither word exactly: look at every group while there are few.
    return found.size > 0 || groups.length > FEW ? [...found] : groups;
  };
  for (const mention of sorted) {
    const key = keyWords(mention.words);
    const target = near(key).find((group) => sameFullName(key, group.key) && compatible(mention.evidence, group.evidence));
    if (target) {
      target.mentions.push(mention);
      add(target.evidence, mention.evidence);
      groupOf.set(mention, target);
    } else {
      const group: Group = { mentions: [mention], key, evidence: { ...mention.evidence }, single: false, introduced: mention.introduced };
      groups.push(group);
      indexed(group);
      groupOf.set(mention, group);
    }
  }
  const counts = (group: Group): number => group.mentions.length;
  for (const mention of mentions) {
    if (groupOf.has(mention)) continue;
    const word = keyWords(mention.words)[0] ?? foldName(mention.words[0] ?? mention.text);
    // The full name this word belongs to: by surname first, then by first name; the most mentioned when several do.
    const pool = (byWord.get(word) ?? []).length > 0 || groups.length > FEW ? byWord.get(word) ?? [] : groups;
    const bySurname = pool.filter((group) => !group.single && sameSpelling(group.key[group.key.length - 1], word));
    const byAnyWord = bySurname.length > 0 ? bySurname : pool.filter((group) => !group.single && group.key.some((other) => other === word));
    const candidates = byAnyWord.filter((group) => compatible(mention.evidence, group.evidence));
    const target = mention.introduced ? undefined : candidates.sort((a, b) => counts(b) - counts(a))[0];
    if (target) {
      target.mentions.push(mention);
      add(target.evidence, mention.evidence);
      continue;
    }
    const same = (byWord.get(word) ?? []).find((group) => group.single && group.key[0] === word && !mention.introduced && !group.introduced);
    if (same) {
      same.mentions.push(mention);
      add(same.evidence, mention.evidence);
    } else {
      const group: Group = { mentions: [mention], key: [word], evidence: { ...mention.evidence }, single: true, introduced: mention.introduced };
      groups.push(group);
      indexed(group);
    }
  }
  // Mentions in document order within each group.
  for (const group of groups) group.mentions.sort((a, b) => a.passage.order - b.passage.order || a.span.start - b.span.start);
  return groups;
}

/**
 * What an entity is, from all its mentions: a person when titles, roles
 * or speech say so and nothing says otherwise; an organisation, a place
 * or a thing by the heads and prepositions of its names; a full name
 * with nothing against it that the text also calls by one of its words
 * alone is a person, as news style refers to people.
 */
function kindOf(group: Group): EntityKind | undefined {
  const { person, organisation, place, thing } = group.evidence;
  const other = Math.max(organisation, place);
  if (thing >= 3 && thing >= person) return undefined;
  if (person >= 3 && person > other) return 'person';
  if (other >= 2 && other >= person) return organisation >= place ? 'organisation' : 'place';
  if (group.single) return undefined;
  // News style calls a person by the surname: the last word of the name ("Giuliani"), not the first ("Mazars" of "Mazars USA").
  const surname = group.key[group.key.length - 1];
  const referredToByOneWord = group.mentions.some((mention) => {
    const words = keyWords(mention.words);
    return words.length === 1 && sameSpelling(words[0], surname);
  });
  if (referredToByOneWord && other === 0) return 'person';
  if (person >= 2 && other === 0) return 'person';
  return other > 0 ? (organisation >= place ? 'organisation' : 'place') : undefined;
}

function displayName(group: Group): string {
  const counts = new Map<string, { count: number; first: number; words: number }>();
  group.mentions.forEach((mention, order) => {
    const entry = counts.get(mention.text) ?? { count: 0, first: order, words: keyWords(mention.words).length };
    entry.count++;
    counts.set(mention.text, entry);
  });
  const ranked = [...counts].sort(([, a], [, b]) => Number(b.words >= 2) - Number(a.words >= 2) || b.count - a.count || a.first - b.first);
  return ranked[0][0];
}

function rolesOf(group: Group): NameCluster['roles'] {
  const roles = new Map<string, { text: string; written: { mention: NameMention; role: WrittenRole }[] }>();
  for (const mention of group.mentions) {
    for (const role of mention.roles) {
      const text = role.text.replace(/\s+/g, ' ').trim();
      if (!text || !isPersonRole(text)) continue;
      const key = text.toLowerCase();
      const entry = roles.get(key) ?? { text, written: [] };
      entry.written.push({ mention, role });
      roles.set(key, entry);
    }
  }
  return [...roles.values()].sort((a, b) => b.written.length - a.written.length);
}

