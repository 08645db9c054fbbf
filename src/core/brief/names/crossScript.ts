/**
 * One person across cases and scripts. A Cyrillic name is written in six
 * cases ("Иванов", "Иванова", "Иванову", "Ивановым"…) and romanised in
 * several ways in English sources ("Ivanov"; "Kovalenko", "Kovalenco" for
 * "Коваленко"). Each Cyrillic word carries
 * keys (nameKeys.ts: the romanised skeleton of the word and of its stem);
 * words sharing a key are one lemma, so the clustering sees one word for
 * all six cases. After clustering, a Cyrillic person whose surname's keys
 * hold an English person's surname key is merged into that person (the
 * given names, when both are written, must start alike: "Владимир",
 * "Володимир", "Vladimir", "Volodymyr"), and the merged entity keeps
 * every variant it was written in.
 */
import { latinKey } from '../../text/nameKeys';
import type { NameCluster } from './nameClusters';
import type { NameMention } from './nameMentions';

/** Cyrillic lemma keys are marked so that they never meet an English name's folded words by spelling. */
const LEMMA = '~';

/** Union-find over the keys of every Cyrillic name word, so that a word's cases meet through any shared key. */
class KeyUnion {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    // Path halving would do; the chains are a few keys long.
    this.parent.set(key, root);
    return root;
  }

  union(keys: readonly string[]): void {
    if (keys.length === 0) return;
    for (const key of keys) if (!this.parent.has(key)) this.parent.set(key, key);
    const root = this.find(keys[0]);
    for (const key of keys.slice(1)) {
      const other = this.find(key);
      if (other !== root) this.parent.set(other, root);
    }
  }
}

/**
 * The mentions with each Cyrillic word replaced by its lemma (one key for
 * all its cases), so the clustering groups "Иван Иванов", "Иванова"
 * and "Ивану Иванову" as one name. English mentions are returned as they are.
 */
export function withLemmaWords(documents: readonly (readonly NameMention[])[]): NameMention[][] {
  const union = new KeyUnion();
  // The English sources' name words by key: a Cyrillic word whose keys hold exactly one of them is written as it ("Іванова" as "Ivanov").
  const latin = new Map<string, Set<string>>();
  for (const mentions of documents) {
    for (const mention of mentions) {
      if (mention.wordKeys) for (const keys of mention.wordKeys) union.union(keys);
      else for (const word of mention.words) {
        const key = /^\p{Lu}/u.test(word) ? latinKey(word) : undefined;
        if (key) latin.set(key, (latin.get(key) ?? new Set()).add(word));
      }
    }
  }
  const asLatin = (keys: readonly string[]): string | undefined => {
    const words = new Set(keys.flatMap((key) => [...(latin.get(key) ?? [])]));
    return words.size === 1 ? [...words][0] : undefined;
  };
  return documents.map((mentions) =>
    mentions.map((mention) => {
      if (!mention.wordKeys) return mention;
      const words = mention.wordKeys.map((keys, i) => (keys.length === 0 ? mention.words[i] : asLatin(keys) ?? LEMMA + union.find(keys[0])));
      return { ...mention, words };
    }),
  );
}

const isCyrillicCluster = (cluster: NameCluster): boolean => cluster.mentions.every((mention) => mention.wordKeys !== undefined);

/** Every key of the cluster's written surnames (and, apart, of its given names), from all its Cyrillic mentions. */
function cyrillicKeys(cluster: NameCluster): { surname: Set<string>; given: Set<string> } {
  const surname = new Set<string>();
  const given = new Set<string>();
  for (const mention of cluster.mentions) {
    const keys = mention.wordKeys ?? [];
    for (const key of keys[keys.length - 1] ?? []) surname.add(key);
    if (keys.length >= 2) for (const key of keys[0]) given.add(key);
  }
  return { surname, given };
}

function latinNameKeys(cluster: NameCluster): { surname?: string; given?: string } {
  const words = cluster.name.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word));
  const surname = latinKey(words[words.length - 1] ?? '');
  const given = words.length >= 2 ? latinKey(words[0]) : undefined;
  return { ...(surname ? { surname } : {}), ...(given ? { given } : {}) };
}

/** Whether two given names can be one person's in two scripts: the same key, or the same first sound ("Vladimir", "Volodymyr"). */
function givenNamesAgree(latin: string | undefined, cyrillic: ReadonlySet<string>): boolean {
  if (!latin || cyrillic.size === 0) return true;
  if (cyrillic.has(latin)) return true;
  return [...cyrillic].some((key) => key[0] === latin[0]);
}

/**
 * Cyrillic people merged into the English person of the same name, when
 * exactly one English person matches; the English spelling stays the
 * display name (the briefing's own words are English), and the Cyrillic
 * forms become variants of it. Cyrillic people no English source names
 * stay as they are.
 */
export function mergeAcrossScripts(clusters: readonly NameCluster[]): NameCluster[] {
  const latinPeople = clusters.filter((cluster) => cluster.kind === 'person' && !isCyrillicCluster(cluster));
  const bySurname = new Map<string, { cluster: NameCluster; given?: string }[]>();
  for (const cluster of latinPeople) {
    const keys = latinNameKeys(cluster);
    if (!keys.surname) continue;
    const list = bySurname.get(keys.surname) ?? [];
    list.push({ cluster, ...(keys.given ? { given: keys.given } : {}) });
    bySurname.set(keys.surname, list);
  }
  const absorbed = new Map<NameCluster, NameCluster[]>();
  const merged = new Set<NameCluster>();
  for (const cluster of clusters) {
    if (cluster.kind !== 'person' || !isCyrillicCluster(cluster)) continue;
    const keys = cyrillicKeys(cluster);
    const candidates = new Set<{ cluster: NameCluster; given?: string }>();
    for (const key of keys.surname) for (const candidate of bySurname.get(key) ?? []) candidates.add(candidate);
    const matching = [...candidates].filter((candidate) => givenNamesAgree(candidate.given, keys.given));
    const people = new Set(matching.map((candidate) => candidate.cluster));
    if (people.size !== 1) continue;
    const [target] = people;
    const list = absorbed.get(target) ?? [];
    list.push(cluster);
    absorbed.set(target, list);
    merged.add(cluster);
  }
  const out: NameCluster[] = [];
  for (const cluster of clusters) {
    if (merged.has(cluster)) continue;
    const others = absorbed.get(cluster);
    if (!others) {
      out.push(cluster);
      continue;
    }
    const mentions = [...cluster.mentions, ...others.flatMap((other) => other.mentions)];
    const roles = [...cluster.roles, ...others.flatMap((other) => other.roles)];
    out.push({ ...cluster, mentions, roles });
  }
  return out;
}

/**
 * The display name of a Cyrillic person: the shortest form written with
 * the most words (the nominative is the shortest of a Russian or Ukrainian
 * name's case forms: "Иванов" before "Иванова", "Шевченко" before
 * "Шевченком"), the most frequent among equals.
 */
export function cyrillicDisplayName(mentions: readonly NameMention[]): string {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.text, (counts.get(mention.text) ?? 0) + 1);
  const words = (text: string): number => text.split(/\s+/).length;
  return [...counts].sort(([a, ca], [b, cb]) => Math.min(words(b), 2) - Math.min(words(a), 2) || a.length - b.length || cb - ca)[0][0];
}
