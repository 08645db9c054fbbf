/**
 * Measures the briefing and the writing checks on the news development set
 * (test/fixtures/news): people (precision, recall, splits, roles), who said
 * what (speaker accuracy), figures tied to what they measure, false "where
 * sources differ" items, and the checks on drafts with planted errors
 * (precision, recall, false alarms). Each story is loaded the way
 * `briefing --corpus DIR` loads a folder, and drafts go through the same
 * function the CLI and the editor use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CorpusAnalysis } from '../../src/core/brief/briefing';
import type { Entity } from '../../src/core/brief/types';
import type { Corpus } from '../../src/core/corpus';
import { LibraryEngine } from '../../src/node/libraryEngine';
import { checkDraft, type DraftFinding } from '../../src/worker/draftReport';

export const newsRoot = path.resolve(__dirname, '..', 'fixtures', 'news');
const repoRoot = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------- keys

interface KeyPerson {
  readonly name: string;
  readonly variants?: readonly string[];
  readonly roles?: readonly string[];
  readonly key?: boolean;
  readonly optional?: boolean;
}
interface KeyQuote {
  readonly text: string;
  readonly speaker: string | null;
  readonly speakerKind?: 'person' | 'organisation';
}
interface KeyFigure {
  readonly text: string;
  readonly kind: string;
  readonly measures: readonly string[];
  readonly optional?: boolean;
}
interface DraftItem {
  readonly kind: 'figure' | 'quote' | 'date';
  readonly text: string;
  readonly expect: 'supported' | 'contradicted' | 'ok' | 'verbatim' | 'misattributed' | 'not-found' | 'unsourced';
  readonly speaker?: string;
  readonly source?: string;
}
export interface StoryKey {
  readonly cluster: string;
  readonly people: readonly KeyPerson[];
  readonly notPeople: readonly string[];
  readonly quotes: readonly KeyQuote[];
  readonly figures: readonly KeyFigure[];
  readonly differences: { readonly acceptable: readonly (readonly string[])[]; readonly groups?: readonly (readonly string[])[] };
  readonly draft: { readonly file: string; readonly items: readonly DraftItem[] };
}

export type Split = 'dev' | 'heldout' | 'heldout2';

export function storiesOf(split: Split): string[] {
  return readdirSync(path.join(newsRoot, 'keys', split))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort();
}

export function keyOf(split: Split, story: string): StoryKey {
  return JSON.parse(readFileSync(path.join(newsRoot, 'keys', split, `${story}.json`), 'utf8')) as StoryKey;
}

/** A story's articles, loaded as `briefing --corpus DIR` loads a folder. */
export async function loadStory(split: Split, story: string): Promise<{ corpus: Corpus; analysis: CorpusAnalysis }> {
  const engine = new LibraryEngine({ extensionPath: repoRoot, roots: [path.join(newsRoot, split, story)], includeBundled: false, maxFileBytes: 1 << 20 });
  await engine.load();
  return { corpus: engine.index.corpus, analysis: await engine.analyse() };
}

// ---------------------------------------------------------------- matching

/** Lowercase, no diacritics, no possessive, single spaces, no punctuation but inner hyphens. */
export function norm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
const tokens = (text: string): string[] => norm(text).split(' ').filter(Boolean);

function personNames(person: KeyPerson): Set<string> {
  return new Set([person.name, ...(person.variants ?? [])].map(norm));
}

/** Whether a briefing entity is this key person: by its display name, or a variant that is the full name. */
function entityIs(entity: Pick<Entity, 'name' | 'variants'>, person: KeyPerson): boolean {
  const names = personNames(person);
  if (names.has(norm(entity.name))) return true;
  const full = new Set([person.name, ...(person.variants ?? []).filter((variant) => tokens(variant).length >= 2)].map(norm));
  return entity.variants.some((variant) => full.has(norm(variant.text)));
}

function speakerIs(name: string, key: KeyQuote, people: readonly KeyPerson[]): boolean {
  if (!key.speaker) return false;
  if (key.speakerKind === 'organisation') {
    const a = norm(name);
    const b = norm(key.speaker);
    return a.length > 0 && (a.includes(b) || b.includes(a));
  }
  const person = people.find((candidate) => candidate.name === key.speaker);
  return person ? personNames(person).has(norm(name)) : norm(name) === norm(key.speaker);
}

const ROLE_BREAKERS = new Set(['vice', 'deputy', 'assistant', 'under']);
/** A role is right when it holds an accepted wording whole, not as part of a bigger title ("Vice President" is not "President"). */
export function roleIsRight(role: string, accepted: readonly string[]): boolean {
  const words = tokens(role);
  return accepted.some((option) => {
    const want = tokens(option);
    if (want.length === 0) return false;
    for (let i = 0; i + want.length <= words.length; i++) {
      if (want.every((word, j) => words[i + j] === word) && !(i > 0 && ROLE_BREAKERS.has(words[i - 1]))) return true;
    }
    return false;
  });
}

// ---------------------------------------------------------------- measures

export interface Tally {
  people: { shown: number; right: number; keyPeople: number; found: number; splits: string[]; keySplits: string[]; wrong: string[]; merged: string[]; notPeopleShown: string[]; missed: string[] };
  roles: { shown: number; right: number; wrong: string[]; withRole: number; withRightRole: number };
  speakers: { total: number; right: number; wrong: string[]; missed: string[]; nullTotal: number; nullGivenPerson: string[] };
  figures: { total: number; found: number; measured: number; missing: string[]; unmeasured: string[] };
  differences: { values: number; falseOnes: string[] };
  checks: {
    figure: { tp: number; fp: string[]; fn: string[] };
    quote: { tp: number; fp: string[]; fn: string[]; wrongType: string[]; wrongSpeaker: string[] };
    unsourced: { total: number; info: number; warning: string[]; missed: string[] };
    falseAlarms: { correctFigures: string[]; verbatimQuotes: string[] };
    confirmed: { figures: number; figuresExpected: number; quotes: number; quotesExpected: number };
  };
}

export function emptyTally(): Tally {
  return {
    people: { shown: 0, right: 0, keyPeople: 0, found: 0, splits: [], keySplits: [], wrong: [], merged: [], notPeopleShown: [], missed: [] },
    roles: { shown: 0, right: 0, wrong: [], withRole: 0, withRightRole: 0 },
    speakers: { total: 0, right: 0, wrong: [], missed: [], nullTotal: 0, nullGivenPerson: [] },
    figures: { total: 0, found: 0, measured: 0, missing: [], unmeasured: [] },
    differences: { values: 0, falseOnes: [] },
    checks: {
      figure: { tp: 0, fp: [], fn: [] },
      quote: { tp: 0, fp: [], fn: [], wrongType: [], wrongSpeaker: [] },
      unsourced: { total: 0, info: 0, warning: [], missed: [] },
      falseAlarms: { correctFigures: [], verbatimQuotes: [] },
      confirmed: { figures: 0, figuresExpected: 0, quotes: 0, quotesExpected: 0 },
    },
  };
}

/** Scores one story's briefing and draft into `tally`. */
export function scoreStory(key: StoryKey, corpus: Corpus, analysis: CorpusAnalysis, draft: string, tally: Tally, findings: readonly DraftFinding[] = checkDraft(draft, corpus, analysis)): void {
  const tag = (text: string): string => `${key.cluster}: ${text}`;

  // People.
  const persons = analysis.entities.filter((entity) => entity.kind === 'person');
  const matchedBy = new Map<KeyPerson, Entity[]>();
  for (const entity of persons) {
    const matches = key.people.filter((person) => entityIs(entity, person));
    if (matches.length > 1) tally.people.merged.push(tag(`${entity.name} = ${matches.map((person) => person.name).join(' + ')}`));
    const main = matches[0];
    if (main?.optional) continue;
    tally.people.shown++;
    if (!main) {
      tally.people.wrong.push(tag(entity.name));
      if (key.notPeople.some((name) => norm(name) === norm(entity.name))) tally.people.notPeopleShown.push(tag(entity.name));
      continue;
    }
    tally.people.right++;
    matchedBy.set(main, [...(matchedBy.get(main) ?? []), entity]);
    for (const role of entity.roles) {
      tally.roles.shown++;
      if (roleIsRight(role.role, main.roles ?? [])) tally.roles.right++;
      else tally.roles.wrong.push(tag(`${entity.name} — ${role.role}`));
    }
  }
  for (const person of key.people) {
    if (person.optional) continue;
    tally.people.keyPeople++;
    const found = matchedBy.get(person) ?? [];
    if (found.length > 0) tally.people.found++;
    else tally.people.missed.push(tag(person.name));
    if (found.length > 1) (person.key ? tally.people.keySplits : tally.people.splits).push(tag(`${person.name}: ${found.map((entity) => entity.name).join(' | ')}`));
    if ((person.roles ?? []).length > 0 && found.length > 0) {
      tally.roles.withRole++;
      if (found.some((entity) => entity.roles.some((role) => roleIsRight(role.role, person.roles ?? [])))) tally.roles.withRightRole++;
    }
  }

  // Who said what.
  const stances = analysis.stances.flatMap((group) => group.stances);
  for (const quote of key.quotes) {
    const want = norm(quote.text);
    const holding = stances.filter((stance) => stance.quotes.some((text) => norm(text).includes(want) || (want.includes(norm(text)) && norm(text).length >= 8)));
    if (quote.speaker === null) {
      tally.speakers.nullTotal++;
      const personal = holding.find((stance) => analysis.entities.find((entity) => entity.id === stance.speakerId)?.kind === 'person');
      if (personal) tally.speakers.nullGivenPerson.push(tag(`“${quote.text}” → ${personal.speaker}`));
      continue;
    }
    tally.speakers.total++;
    if (holding.length === 0) {
      tally.speakers.missed.push(tag(`“${quote.text}” (${quote.speaker})`));
      continue;
    }
    if (holding.some((stance) => speakerIs(stance.speaker, quote, key.people))) tally.speakers.right++;
    else tally.speakers.wrong.push(tag(`“${quote.text}” → ${holding.map((stance) => stance.speaker).join(', ')} (key: ${quote.speaker})`));
  }

  // Figures and what they measure.
  const facts = analysis.facts.filter((fact) => fact.kind !== 'date');
  for (const figure of key.figures) {
    if (figure.optional) continue;
    tally.figures.total++;
    // The figure's number as written ("60 thousand" of "60 thousand people"), matched against what a fact's citation writes.
    const figureText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').replace(/[^\p{L}\p{N}%., -]/gu, '').trim();
    const want = figureText(figure.text).replace(/(?:\s+(?!(?:thousand|million|billion|trillion|percent|per cent)\b)[\p{L}-]+)+$/u, '');
    const holding = facts.filter((fact) =>
      fact.citations.some((citation) => {
        const written = figureText(citation.asWritten);
        return written === want || (written.length >= want.length && written.includes(want)) || (want.includes(written) && /\d/.test(written) && written.length >= want.length - 12 && want.replace(written, '').trim().split(' ').every((word) => /^(?:[a-z]+)$/.test(word)));
      }),
    );
    if (holding.length === 0) {
      tally.figures.missing.push(tag(figure.text));
      continue;
    }
    tally.figures.found++;
    const stems = figure.measures.map((word) => norm(word).slice(0, 5));
    const measured = holding.some((fact) => [fact.measures, ...fact.citations.map((citation) => citation.measures)].some((label) => stems.some((stem) => norm(label).includes(stem))));
    if (measured) tally.figures.measured++;
    else tally.figures.unmeasured.push(tag(`${figure.text} → ${holding.map((fact) => fact.measures).join(' | ')}`));
  }

  // Where sources differ: value and date differences only where the key allows them.
  const allowed = [...key.differences.acceptable, ...(key.differences.groups ?? [])].map((group) => group.map(norm));
  for (const difference of analysis.disagreements) {
    if (difference.kind === 'spelling') continue;
    tally.differences.values++;
    const sides = difference.sides.map((side) => norm(side.says));
    const ok = allowed.some((group) => sides.every((side) => group.some((value) => side.includes(value) || value.includes(side.replace(/\s*\(.*$/, '')))));
    if (!ok) tally.differences.falseOnes.push(tag(`${difference.subject}: ${difference.sides.map((side) => side.says).join(' vs ')}`));
  }

  // Checks on the draft.
  const warnings = findings.filter((finding) => finding.severity === 'warning' || finding.severity === 'error');
  const claimed = new Set<DraftFinding>();
  const at = (item: DraftItem): { start: number; end: number } => {
    const start = draft.indexOf(item.text);
    if (start < 0) throw new Error(`${key.cluster}: the draft has no “${item.text}”`);
    return { start, end: start + item.text.length };
  };
  const over = (item: DraftItem, list: readonly DraftFinding[]): DraftFinding[] => {
    const span = at(item);
    return list.filter((finding) => finding.span.start < span.end && span.start < finding.span.end);
  };
  const isQuote = (finding: DraftFinding): boolean => finding.kind === 'quote';
  for (const item of key.draft.items) {
    const hits = over(item, findings);
    const warned = over(item, warnings);
    for (const finding of hits) claimed.add(finding);
    const label = tag(`${item.kind} “${item.text}” (${item.expect})`);
    switch (item.expect) {
      case 'contradicted': {
        if (warned.some((finding) => !isQuote(finding) && finding.status === 'contradicted')) tally.checks.figure.tp++;
        else tally.checks.figure.fn.push(`${label} → ${hits.map((finding) => finding.status).join(', ') || 'nothing'}`);
        break;
      }
      case 'misattributed':
      case 'not-found': {
        const problem = warned.find((finding) => isQuote(finding) && (finding.status === 'misattributed' || finding.status === 'not-found'));
        if (!problem) {
          tally.checks.quote.fn.push(`${label} → ${hits.map((finding) => `${finding.status}/${finding.severity}`).join(', ') || 'nothing'}`);
          break;
        }
        tally.checks.quote.tp++;
        if (problem.status !== item.expect) tally.checks.quote.wrongType.push(`${label} → ${problem.status}`);
        if (item.expect === 'misattributed' && item.speaker && !(problem.sourceSpeaker && speakerIs(problem.sourceSpeaker.name, { text: item.text, speaker: item.speaker }, key.people))) {
          tally.checks.quote.wrongSpeaker.push(`${label} → ${problem.sourceSpeaker?.name ?? 'no speaker'}`);
        }
        break;
      }
      case 'unsourced': {
        tally.checks.unsourced.total++;
        if (warned.some(isQuote)) tally.checks.unsourced.warning.push(label);
        else if (hits.some((finding) => isQuote(finding) && finding.status === 'not-found')) tally.checks.unsourced.info++;
        else tally.checks.unsourced.missed.push(label);
        break;
      }
      case 'verbatim': {
        tally.checks.confirmed.quotesExpected++;
        if (hits.some((finding) => finding.status === 'verbatim')) tally.checks.confirmed.quotes++;
        if (warned.some(isQuote)) {
          tally.checks.falseAlarms.verbatimQuotes.push(`${label} → ${warned.map((finding) => finding.message).join(' / ')}`);
          tally.checks.quote.fp.push(label);
        }
        break;
      }
      case 'supported':
      case 'ok': {
        if (item.expect === 'supported') {
          tally.checks.confirmed.figuresExpected++;
          if (hits.some((finding) => finding.status === 'supported')) tally.checks.confirmed.figures++;
        }
        if (warned.some((finding) => !isQuote(finding))) {
          tally.checks.falseAlarms.correctFigures.push(`${label} → ${warned.map((finding) => finding.message).join(' / ')}`);
          tally.checks.figure.fp.push(label);
        }
        break;
      }
    }
  }
  for (const finding of warnings) {
    if (claimed.has(finding)) continue;
    const text = draft.slice(finding.span.start, finding.span.end);
    (isQuote(finding) ? tally.checks.quote.fp : tally.checks.figure.fp).push(tag(`${finding.kind} ${finding.status} “${text}”: ${finding.message}`));
  }
}

// ---------------------------------------------------------------- report

const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));

export interface Figures {
  readonly peoplePrecision: number;
  readonly peopleRecall: number;
  readonly keySplits: number;
  readonly roleAccuracy: number;
  readonly roleRecall: number;
  readonly speakerAccuracy: number;
  readonly speakerCoverage: number;
  readonly figuresMeasured: number;
  readonly falseDifferences: number;
  readonly figureCheckPrecision: number;
  readonly figureCheckRecall: number;
  readonly quoteCheckPrecision: number;
  readonly quoteCheckRecall: number;
  readonly unsourcedAsInfo: number;
  readonly falseAlarms: number;
}

export function figuresOf(t: Tally): Figures {
  const div = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return {
    peoplePrecision: div(t.people.right, t.people.shown),
    peopleRecall: div(t.people.found, t.people.keyPeople),
    keySplits: t.people.keySplits.length,
    roleAccuracy: div(t.roles.right, t.roles.shown),
    roleRecall: div(t.roles.withRightRole, t.roles.withRole),
    speakerAccuracy: div(t.speakers.right, t.speakers.right + t.speakers.wrong.length),
    speakerCoverage: div(t.speakers.right + t.speakers.wrong.length, t.speakers.total),
    figuresMeasured: div(t.figures.measured, t.figures.total),
    falseDifferences: t.differences.falseOnes.length,
    figureCheckPrecision: div(t.checks.figure.tp, t.checks.figure.tp + t.checks.figure.fp.length),
    figureCheckRecall: div(t.checks.figure.tp, t.checks.figure.tp + t.checks.figure.fn.length),
    quoteCheckPrecision: div(t.checks.quote.tp, t.checks.quote.tp + t.checks.quote.fp.length),
    quoteCheckRecall: div(t.checks.quote.tp, t.checks.quote.tp + t.checks.quote.fn.length),
    unsourcedAsInfo: div(t.checks.unsourced.info, t.checks.unsourced.total),
    falseAlarms: t.checks.falseAlarms.correctFigures.length + t.checks.falseAlarms.verbatimQuotes.length,
  };
}

export function report(name: string, t: Tally, verbose: boolean): string {
  const lines: string[] = [];
  const list = (title: string, items: readonly string[]): void => {
    if (!verbose || items.length === 0) return;
    lines.push(`    ${title}:`);
    for (const item of items) lines.push(`      - ${item}`);
  };
  const c = t.checks;
  lines.push(`== ${name}`);
  lines.push(`  people      precision ${ratio(t.people.right, t.people.shown)} (${t.people.right}/${t.people.shown})  recall ${ratio(t.people.found, t.people.keyPeople)} (${t.people.found}/${t.people.keyPeople})  key people split ${t.people.keySplits.length}, others split ${t.people.splits.length}, merged ${t.people.merged.length}, places/organisations as people ${t.people.notPeopleShown.length}`);
  list('not people', t.people.wrong);
  list('missed', t.people.missed);
  list('key people split', t.people.keySplits);
  list('others split', t.people.splits);
  list('merged', t.people.merged);
  lines.push(`  roles       accuracy ${ratio(t.roles.right, t.roles.shown)} (${t.roles.right}/${t.roles.shown})  people with a right role ${ratio(t.roles.withRightRole, t.roles.withRole)} (${t.roles.withRightRole}/${t.roles.withRole})`);
  list('wrong roles', t.roles.wrong);
  lines.push(`  speakers    accuracy ${ratio(t.speakers.right, t.speakers.right + t.speakers.wrong.length)} (${t.speakers.right}/${t.speakers.right + t.speakers.wrong.length})  quotes attributed ${ratio(t.speakers.right + t.speakers.wrong.length, t.speakers.total)} (${t.speakers.right + t.speakers.wrong.length}/${t.speakers.total})  unattributed quotes given to a person ${t.speakers.nullGivenPerson.length}/${t.speakers.nullTotal}`);
  list('wrong speakers', t.speakers.wrong);
  list('quotes with no speaker', t.speakers.missed);
  list('given to a person', t.speakers.nullGivenPerson);
  lines.push(`  figures     found ${ratio(t.figures.found, t.figures.total)} (${t.figures.found}/${t.figures.total})  tied to what they measure ${ratio(t.figures.measured, t.figures.total)} (${t.figures.measured}/${t.figures.total})`);
  list('missing', t.figures.missing);
  list('measure wrong', t.figures.unmeasured);
  lines.push(`  differ      value/date differences ${t.differences.values}, false ${t.differences.falseOnes.length}`);
  list('false differences', t.differences.falseOnes);
  lines.push(`  checks      figures/dates precision ${ratio(c.figure.tp, c.figure.tp + c.figure.fp.length)} recall ${ratio(c.figure.tp, c.figure.tp + c.figure.fn.length)} (${c.figure.tp} caught, ${c.figure.fp.length} false, ${c.figure.fn.length} missed)`);
  lines.push(`              quotes precision ${ratio(c.quote.tp, c.quote.tp + c.quote.fp.length)} recall ${ratio(c.quote.tp, c.quote.tp + c.quote.fn.length)} (${c.quote.tp} caught, ${c.quote.fp.length} false, ${c.quote.fn.length} missed; ${c.quote.wrongType.length} of the wrong kind, ${c.quote.wrongSpeaker.length} naming the wrong speaker)`);
  lines.push(`              invented quotes “not in your sources” ${c.unsourced.info}/${c.unsourced.total} (as warnings ${c.unsourced.warning.length}, missed ${c.unsourced.missed.length})`);
  lines.push(`              false alarms on correct figures ${c.falseAlarms.correctFigures.length}, on verbatim quotes ${c.falseAlarms.verbatimQuotes.length}; confirmed figures ${c.confirmed.figures}/${c.confirmed.figuresExpected}, verbatim quotes ${c.confirmed.quotes}/${c.confirmed.quotesExpected}`);
  list('figure errors missed', c.figure.fn);
  list('false figure warnings', c.figure.fp);
  list('quote problems missed', c.quote.fn);
  list('false quote warnings', c.quote.fp);
  list('quote problems of the wrong kind', c.quote.wrongType);
  list('misattributions naming the wrong speaker', c.quote.wrongSpeaker);
  list('invented quotes as warnings', c.unsourced.warning);
  list('invented quotes missed', c.unsourced.missed);
  list('false alarms on correct figures', c.falseAlarms.correctFigures);
  list('false alarms on verbatim quotes', c.falseAlarms.verbatimQuotes);
  return lines.join('\n');
}

/** Scores every story of a split. */
export async function evaluate(split: Split, onStory?: (story: string, tally: Tally) => void): Promise<Tally> {
  const total = emptyTally();
  for (const story of storiesOf(split)) {
    const key = keyOf(split, story);
    const { corpus, analysis } = await loadStory(split, story);
    const draft = readFileSync(path.join(newsRoot, 'drafts', split, key.draft.file), 'utf8');
    const own = emptyTally();
    scoreStory(key, corpus, analysis, draft, own);
    onStory?.(story, own);
    merge(total, own);
  }
  return total;
}

function merge(into: Tally, from: Tally): void {
  const walk = (a: Record<string, unknown>, b: Record<string, unknown>): void => {
    for (const [name, value] of Object.entries(b)) {
      if (typeof value === 'number') a[name] = (a[name] as number) + value;
      else if (Array.isArray(value)) (a[name] as unknown[]).push(...value);
      else walk(a[name] as Record<string, unknown>, value as Record<string, unknown>);
    }
  };
  walk(into as unknown as Record<string, unknown>, from as unknown as Record<string, unknown>);
}
