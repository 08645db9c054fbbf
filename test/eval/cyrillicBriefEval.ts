/**
 * The briefing of Russian and Ukrainian sources, measured against answer
 * keys written before the Cyrillic reader ran: people of the fixture texts
 * (test/fixtures/cyrillic/people.json: found, and one entity per person
 * over all its case forms), people of the lang-uk/ner-uk corpus (its
 * annotators' PERS spans, mention precision and recall), speakers of its
 * statements and cross-script merges with the bundled English sources
 * (nerUkSpeakers.json). ner-uk is CC BY-NC-SA, so it is read from a local
 * copy (NER_UK_DIR: a folder with bruk/, ng/ and split.txt) and never committed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyseCorpus } from '../../src/core/brief/briefing';
import { checkFigures } from '../../src/core/checks/figureCheck';
import { Corpus } from '../../src/core/corpus';
import type { SourceDocument } from '../../src/core/model';
import { parseUserFile } from '../../src/core/sources/userSource';
import { fixtureDocuments, fixturesRoot, type CyrillicSplit } from './cyrillicEval';

export interface Ratio {
  readonly hits: number;
  readonly total: number;
  readonly misses: readonly string[];
}

const fileStem = (file: string): string => path.basename(file).replace(/\.(?:md|txt)$/, '');
const fold = (text: string): string => text.toLowerCase().replace(/ё/g, 'е').replace(/['’ʼ]/g, '');
/** A surname matches a written form when the form starts with it less its last letter (its case ending). */
const sameName = (written: string, surname: string): boolean => {
  const stem = fold(surname).slice(0, Math.max(3, surname.length - 1));
  return fold(written).split(/\s+/).some((word) => word.startsWith(stem));
};

/** People of the fixture texts: each key person found (some entity has one of its forms), and found as one entity. */
export function fixturePeople(split: CyrillicSplit): { found: Ratio; oneEntity: Ratio; extra: readonly string[] } {
  const keys = (JSON.parse(readFileSync(path.join(fixturesRoot, 'people.json'), 'utf8')) as Record<CyrillicSplit, Record<string, string[][]>>)[split];
  const documents = fixtureDocuments().filter((document) => Object.hasOwn(keys, fileStem(document.meta.file)));
  const analysis = analyseCorpus(new Corpus(documents));
  const people = analysis.entities.filter((entity) => entity.kind === 'person');
  const foundMisses: string[] = [];
  const splitMisses: string[] = [];
  let found = 0;
  let one = 0;
  let total = 0;
  const matched = new Set<string>();
  for (const [doc, persons] of Object.entries(keys)) {
    const docId = documents.find((document) => fileStem(document.meta.file) === doc)?.meta.id;
    for (const forms of persons) {
      total++;
      const surname = forms[0].split(/\s+/).pop() ?? forms[0];
      const holders = people.filter((entity) => entity.docIds.includes(docId ?? '') && entity.variants.some((variant) => sameName(variant.text, surname)));
      holders.forEach((entity) => matched.add(entity.id));
      if (holders.length > 0) found++;
      else foundMisses.push(`${doc}: ${forms[0]}`);
      if (holders.length === 1) one++;
      else if (holders.length > 1) splitMisses.push(`${doc}: ${forms[0]} → ${holders.map((entity) => entity.name).join(' | ')}`);
    }
  }
  const extra = people.filter((entity) => !matched.has(entity.id)).map((entity) => `${entity.name} (${entity.variants.map((variant) => variant.text).join(', ')})`);
  return { found: { hits: found, total, misses: foundMisses }, oneEntity: { hits: one, total: found, misses: splitMisses }, extra };
}

// ---------------------------------------------------------------- ner-uk

interface NerUkDocument {
  readonly id: string;
  readonly document: SourceDocument;
  readonly persons: readonly { start: number; end: number; text: string }[];
  /** Characters of front matter put before the annotated text. */
  readonly offset: number;
}

/** The ner-uk documents of a part (`dev` tunes, `test` reports), with their PERS annotations; undefined when no local copy. */
export function nerUkDocuments(part: 'dev' | 'test'): NerUkDocument[] | undefined {
  const root = process.env.NER_UK_DIR;
  if (!root || !existsSync(path.join(root, 'split.txt'))) return undefined;
  const ids = new Set(readFileSync(path.join(root, 'split.txt'), 'utf8').split('\n').filter((line) => line.startsWith(`${part} `)).map((line) => line.slice(part.length + 1).trim()));
  const out: NerUkDocument[] = [];
  for (const folder of ['bruk', 'ng']) {
    for (const name of readdirSync(path.join(root, folder)).filter((file) => file.endsWith('.txt')).sort()) {
      const id = name.replace(/\.txt$/, '');
      if (!ids.has(id)) continue;
      const text = readFileSync(path.join(root, folder, name), 'utf8');
      const annotations = readFileSync(path.join(root, folder, `${id}.ann`), 'utf8').split('\n').map((line) => line.split('\t'));
      // Brat standoff, tab-separated: id, type, start, end, text.
      const persons = annotations.filter((fields) => fields[1] === 'PERS').map((fields) => ({ start: Number(fields[2]), end: Number(fields[3]), text: fields[4] }));
      // Plain text with front matter giving the language, as a user's file would.
      const frontMatter = `---\ntitle: ner-uk ${id}\nlang: uk\n---\n`;
      const document = parseUserFile({ path: path.join(root, folder, `${id}.md`), text: frontMatter + text }).document;
      out.push({ id, document, persons, offset: frontMatter.length });
    }
  }
  return out;
}

/** Mention precision and recall of people over ner-uk documents: a found person mention is right when it overlaps a PERS span. */
export function nerUkPeople(part: 'dev' | 'test'): { precision: Ratio; recall: Ratio } | undefined {
  const documents = nerUkDocuments(part);
  if (!documents) return undefined;
  let truePositive = 0;
  let predicted = 0;
  let gold = 0;
  let recalled = 0;
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const { document, persons, offset } of documents) {
    const analysis = analyseCorpus(new Corpus([document]));
    const spans = analysis.entities.filter((entity) => entity.kind === 'person').flatMap((entity) =>
      entity.citations.map((citation) => {
        const passage = document.passages.find((candidate) => candidate.id === citation.passageId);
        const start = (passage?.span.start ?? 0) + citation.span.start;
        return { start, end: start + citation.quote.length, text: citation.quote };
      }),
    );
    // Offsets of the annotations are into the text after the front matter.
    const goldSpans = persons.map((person) => ({ start: person.start + offset, end: person.end + offset, text: person.text }));
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
    for (const span of spans) {
      predicted++;
      if (goldSpans.some((goldSpan) => overlaps(goldSpan, span))) truePositive++;
      else if (falsePositives.length < 40) falsePositives.push(span.text);
    }
    for (const goldSpan of goldSpans) {
      gold++;
      if (spans.some((span) => overlaps(goldSpan, span))) recalled++;
      else if (falseNegatives.length < 40) falseNegatives.push(goldSpan.text);
    }
  }
  return { precision: { hits: truePositive, total: predicted, misses: falsePositives }, recall: { hits: recalled, total: gold, misses: falseNegatives } };
}

interface SpeakerKeys {
  readonly speakers: readonly { doc: string; at: string; speaker: string }[];
  readonly crossScript: { readonly pairs: readonly { cyrillic: string; english: string }[] };
}

/** Speakers of the keyed statements of ner-uk's TEST part: right when a stance whose sentence holds the words names the speaker. */
export function nerUkSpeakers(): Ratio | undefined {
  const documents = nerUkDocuments('test');
  if (!documents) return undefined;
  const keys = JSON.parse(readFileSync(path.join(fixturesRoot, 'nerUkSpeakers.json'), 'utf8')) as SpeakerKeys;
  let hits = 0;
  const misses: string[] = [];
  const byId = new Map(documents.map((document) => [document.id, document]));
  const analyses = new Map<string, ReturnType<typeof analyseCorpus>>();
  for (const key of keys.speakers) {
    const entry = byId.get(key.doc);
    if (!entry) {
      misses.push(`${key.doc}: not in the local copy`);
      continue;
    }
    let analysis = analyses.get(key.doc);
    if (!analysis) analyses.set(key.doc, (analysis = analyseCorpus(new Corpus([entry.document]))));
    const stances = analysis.stances.flatMap((group) => group.stances).filter((stance) => stance.citation.quote.includes(key.at));
    if (stances.some((stance) => sameName(stance.speaker, key.speaker))) hits++;
    else misses.push(`${key.speaker} (${key.at}) → ${stances.map((stance) => stance.speaker).join(', ') || 'no speaker'}`);
  }
  return { hits, total: keys.speakers.length, misses };
}

/** Cyrillic people of ner-uk's TEST part merged with the bundled English sources' person of the same name, and no one else merged with an English person. */
export function crossScriptMerges(english: readonly SourceDocument[]): { merged: Ratio; wrong: readonly string[] } | undefined {
  const documents = nerUkDocuments('test');
  if (!documents) return undefined;
  const keys = JSON.parse(readFileSync(path.join(fixturesRoot, 'nerUkSpeakers.json'), 'utf8')) as SpeakerKeys;
  const withPair = documents.filter((entry) => keys.crossScript.pairs.some((pair) => fold(entry.document.passages.map((passage) => passage.text).join(' ')).includes(fold(pair.cyrillic))));
  const analysis = analyseCorpus(new Corpus([...english, ...withPair.map((entry) => entry.document)]));
  const englishIds = new Set(english.map((document) => document.meta.id));
  let hits = 0;
  let total = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const entity of analysis.entities.filter((candidate) => candidate.kind === 'person')) {
    const inEnglish = entity.docIds.some((docId) => englishIds.has(docId));
    const cyrillicVariants = entity.variants.filter((variant) => /[\u0400-\u04ff]/.test(variant.text));
    if (!inEnglish || cyrillicVariants.length === 0) continue;
    const pair = keys.crossScript.pairs.find((candidate) => entity.name.includes(candidate.english));
    for (const variant of cyrillicVariants) {
      if (!pair || !fold(variant.text).includes(fold(pair.cyrillic).slice(0, -1))) wrong.push(`${variant.text} → ${entity.name}`);
    }
  }
  for (const pair of keys.crossScript.pairs) {
    for (const entry of withPair.filter((candidate) => fold(candidate.document.passages.map((passage) => passage.text).join(' ')).includes(fold(pair.cyrillic)))) {
      total++;
      const merged = analysis.entities.some((entity) => entity.name.includes(pair.english) && entity.docIds.includes(entry.document.meta.id) && entity.docIds.some((docId) => englishIds.has(docId)));
      if (merged) hits++;
      else misses.push(`${pair.cyrillic} in ${entry.id}`);
    }
  }
  return { merged: { hits, total, misses }, wrong };
}

/** English draft sentences checked against one Cyrillic fixture text each: the outcome the key expects (figures.json). */
export function crossLanguageFigures(split: CyrillicSplit): Ratio {
  const keys = (JSON.parse(readFileSync(path.join(fixturesRoot, 'figures.json'), 'utf8')) as Record<CyrillicSplit, { doc: string; draft: string; expect: 'supported' | 'contradicted' | 'none' }[]>)[split];
  const documents = fixtureDocuments();
  let hits = 0;
  const misses: string[] = [];
  for (const key of keys) {
    const document = documents.find((candidate) => fileStem(candidate.meta.file) === key.doc);
    if (!document) {
      misses.push(`${key.doc}: no such fixture`);
      continue;
    }
    const corpus = new Corpus([document]);
    const findings = checkFigures(key.draft, analyseCorpus(corpus), corpus).filter((finding) => finding.kind === 'figure');
    const got = findings.some((finding) => finding.status === 'contradicted') ? 'contradicted' : findings.some((finding) => finding.status === 'supported') ? 'supported' : 'none';
    if (got === key.expect) hits++;
    else misses.push(`${key.draft} → ${got}, expected ${key.expect}`);
  }
  return { hits, total: keys.length, misses };
}
