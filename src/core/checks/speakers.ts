import type { CorpusAnalysis } from '../brief/briefing';
import type { Entity, EntityKind } from '../brief/types';
import { toTerm } from '../text/terms';
import { tokenize } from '../text/tokens';

/** A speaker of the briefing's entities, as a draft's attribution names them. */
export interface Speaker {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
}

const lastTerm = (name: string): string | undefined => {
  const words = name.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const last = words[words.length - 1];
  return last ? toTerm(last.replace(/[’']s$/, '')) ?? undefined : undefined;
};

/** A name's words as search terms, possessive dropped ("Erdoğan's" → "erdogan"). */
const nameTerms = (value: string): string[] => value.split(/\s+/).map((word) => toTerm(word.replace(/[’']s$/, '')) ?? '').filter(Boolean);

/**
 * The briefing's entities indexed by how a draft may name them, built once
 * per analysis: a draft names thousands of people and things, and comparing
 * each with every entity's every spelling was most of a check's time.
 */
interface SpeakerIndex {
  /** Names of two words or more, by their terms: a written name equal to one or ending with one names that entity. */
  readonly fullNames: Map<string, Set<Entity>>;
  /** The most terms a full name has. */
  readonly longestFullName: number;
  /** People by the last term of any of their names. */
  readonly byLastTerm: Map<string, Set<Entity>>;
  /** Other entities by the terms of any of their names. */
  readonly othersByName: Map<string, Set<Entity>>;
  /** People with the keys of each of their roles. */
  readonly roles: ReadonlyArray<{ readonly entity: Entity; readonly keys: readonly Set<string>[] }>;
  /** Answers already given, by the name as written (cleared when large). */
  readonly answers: Map<string, Speaker | undefined>;
}

const indexes = new WeakMap<CorpusAnalysis, SpeakerIndex>();
const MAX_ANSWERS = 20_000;

function speakerIndex(analysis: CorpusAnalysis): SpeakerIndex {
  const known = indexes.get(analysis);
  if (known) return known;
  const add = (map: Map<string, Set<Entity>>, key: string, entity: Entity): void => void map.set(key, (map.get(key) ?? new Set()).add(entity));
  const index: SpeakerIndex = { fullNames: new Map(), longestFullName: 0, byLastTerm: new Map(), othersByName: new Map(), roles: [], answers: new Map() };
  let longest = 0;
  const roles: Array<{ entity: Entity; keys: Set<string>[] }> = [];
  for (const entity of analysis.entities) {
    for (const name of [entity.name, ...entity.variants.map((variant) => variant.text)]) {
      const terms = nameTerms(name);
      if (terms.length > 0 && name.split(/\s+/).length >= 2) {
        add(index.fullNames, terms.join(' '), entity);
        longest = Math.max(longest, terms.length);
      }
      if (entity.kind === 'person') {
        const last = lastTerm(name);
        if (last) add(index.byLastTerm, last, entity);
      } else if (terms.length > 0) add(index.othersByName, terms.join(' '), entity);
    }
    if (entity.kind === 'person') {
      const keys = entity.roles.map((role) => termsOf(role.role)).filter((roleKeys) => roleKeys.size >= 1);
      if (keys.length > 0) roles.push({ entity, keys });
    }
  }
  const built = { ...index, longestFullName: longest, roles };
  indexes.set(analysis, built);
  return built;
}

/**
 * The entity a draft's attribution names: a person by full or last name in
 * any spelling the sources use ("Erdoğan", "Erdogan"), a side or
 * organisation by name ("the White House"), or a person by a role only one
 * entity holds ("the Senate Majority Leader" → Mitch McConnell). Undefined when
 * the name is unknown or ambiguous.
 */
export function resolveSpeaker(asWritten: string, analysis: CorpusAnalysis): Speaker | undefined {
  const index = speakerIndex(analysis);
  const written = asWritten.trim();
  if (index.answers.has(written)) return index.answers.get(written);
  const answer = resolveIn(index, written);
  if (index.answers.size >= MAX_ANSWERS) index.answers.clear();
  index.answers.set(written, answer);
  return answer;
}

function resolveIn(index: SpeakerIndex, written: string): Speaker | undefined {
  const terms = nameTerms(written);
  // A full name as the sources write it names that entity, even when another shares the surname ("Joshua Wong", "Wong"):
  // the written name is one of the full names, or ends with one.
  if (written.split(/\s+/).length >= 2) {
    const exact = new Set<Entity>();
    for (let length = 1; length <= Math.min(terms.length, index.longestFullName); length++) {
      for (const entity of index.fullNames.get(terms.slice(terms.length - length).join(' ')) ?? []) exact.add(entity);
    }
    if (exact.size === 1) return speakerOf([...exact][0]);
  }
  const last = lastTerm(written);
  const matches = new Set<Entity>([...(last ? (index.byLastTerm.get(last) ?? []) : []), ...(terms.length > 0 ? (index.othersByName.get(terms.join(' ')) ?? []) : [])]);
  if (matches.size === 0 && index.roles.length > 0) {
    const keys = termsOf(written);
    for (const { entity, keys: roleKeys } of index.roles) {
      // "the Senate Majority Leader" holds the role's words; "the mayor" names the mayor when the role is that one word.
      const matchesRole = (role: Set<string>): boolean => (role.size >= 2 || keys.size === 1) && [...role].every((key) => keys.has(key));
      if (roleKeys.some(matchesRole)) matches.add(entity);
    }
  }
  if (matches.size !== 1) return undefined;
  return speakerOf([...matches][0]);
}

const speakerOf = (entity: Entity): Speaker => ({ id: entity.id, name: entity.name, kind: entity.kind });

/** The search terms of a text cut to five letters, for comparing roles ("spokesman" meets "spokesperson"). */
function termsOf(text: string): Set<string> {
  return new Set(tokenize(text).flatMap((token) => toTerm(token.word)?.slice(0, 5) ?? []));
}
