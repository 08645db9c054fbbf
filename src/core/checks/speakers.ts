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

/**
 * The entity a draft's attribution names: a person by full or last name in
 * any spelling the sources use ("Erdoğan", "Erdogan"), a side or
 * organisation by name ("the White House"), or a person by a role only one
 * entity holds ("the Senate Majority Leader" → Mitch McConnell). Undefined when
 * the name is unknown or ambiguous.
 */
export function resolveSpeaker(asWritten: string, analysis: CorpusAnalysis): Speaker | undefined {
  const written = asWritten.trim();
  const last = lastTerm(written);
  const matches = new Map<string, Entity>();
  // A full name as the sources write it names that entity, even when another shares the surname ("Joshua Wong", "Wong").
  if (written.split(/\s+/).length >= 2) {
    const exact = analysis.entities.filter((entity) =>
      [entity.name, ...entity.variants.map((variant) => variant.text)].some((name) => name.split(/\s+/).length >= 2 && (sameWords(name, written) || endsWithWords(written, name))),
    );
    if (exact.length === 1) return { id: exact[0].id, name: exact[0].name, kind: exact[0].kind };
  }
  for (const entity of analysis.entities) {
    const names = [entity.name, ...entity.variants.map((variant) => variant.text)];
    if (entity.kind === 'person') {
      if (last && names.some((name) => lastTerm(name) === last)) matches.set(entity.id, entity);
    } else if (names.some((name) => sameWords(name, written))) {
      matches.set(entity.id, entity);
    }
  }
  if (matches.size === 0) {
    const keys = termsOf(written);
    for (const entity of analysis.entities) {
      if (entity.kind !== 'person') continue;
      const roleMatch = entity.roles.some((role) => {
        const roleKeys = termsOf(role.role);
        // "the Senate Majority Leader" holds the role's words; "the mayor" names the mayor when the role is that one word.
        return (roleKeys.size >= 2 || (roleKeys.size === 1 && keys.size === 1)) && [...roleKeys].every((key) => keys.has(key));
      });
      if (roleMatch) matches.set(entity.id, entity);
    }
  }
  if (matches.size !== 1) return undefined;
  const [entity] = matches.values();
  return { id: entity.id, name: entity.name, kind: entity.kind };
}

/** Whether `text` ends with the words of `name` ("Student protester Joshua Wong" ends with "Joshua Wong"). */
function endsWithWords(text: string, name: string): boolean {
  const terms = (value: string): string[] => value.split(/\s+/).map((word) => toTerm(word.replace(/[’']s$/, '')) ?? '').filter(Boolean);
  const a = terms(text);
  const b = terms(name);
  return b.length > 0 && b.length <= a.length && b.every((word, i) => a[a.length - b.length + i] === word);
}

function sameWords(a: string, b: string): boolean {
  const terms = (text: string): string => text.split(/\s+/).map((word) => toTerm(word.replace(/[’']s$/, '')) ?? '').filter(Boolean).join(' ');
  const x = terms(a);
  return x.length > 0 && x === terms(b);
}

/** The search terms of a text cut to five letters, for comparing roles ("spokesman" meets "spokesperson"). */
function termsOf(text: string): Set<string> {
  return new Set(tokenize(text).flatMap((token) => toTerm(token.word)?.slice(0, 5) ?? []));
}
