import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseCorpus, type CorpusAnalysis } from '../../src/core/brief';
import { checkFigures, type FigureFinding } from '../../src/core/checks/figureCheck';
import { checkQuotes, type QuoteFinding } from '../../src/core/checks/quoteCheck';
import { bundled, repoRoot } from './bundledCorpus';

interface Expectation {
  readonly text: string;
  readonly expect: string;
  readonly fact?: string;
  readonly speaker?: string;
  readonly closest?: string;
}
interface DraftExpectations {
  readonly figures: readonly Expectation[];
  readonly quotes: readonly Expectation[];
}

const draftsDir = path.join(repoRoot, 'test', 'fixtures', 'drafts');
const expectations = JSON.parse(fs.readFileSync(path.join(draftsDir, 'expectations.json'), 'utf8')) as Record<string, DraftExpectations | string>;
const drafts = Object.entries(expectations).filter((entry): entry is [string, DraftExpectations] => typeof entry[1] !== 'string');

const FLAGGED_QUOTE = new Set(['misattributed', 'not-found']);
let analysis: CorpusAnalysis | undefined;
const corpus = () => bundled().bundle.corpus;
const analysed = (): CorpusAnalysis => (analysis ??= analyseCorpus(corpus()));
const read = (name: string): string => fs.readFileSync(path.join(draftsDir, name), 'utf8');

const figureText = (draft: string, finding: FigureFinding): string[] => [finding.figure.raw, draft.slice(finding.figure.span.start, finding.figure.span.end)];
const figureFor = (draft: string, findings: readonly FigureFinding[], text: string): FigureFinding | undefined =>
  findings.find((finding) => figureText(draft, finding).includes(text));
const quoteFor = (findings: readonly QuoteFinding[], text: string): QuoteFinding | undefined =>
  findings.find((finding) => finding.quote.text.startsWith(text));

describe('writing checks on fixture drafts', () => {
  for (const [name, expected] of drafts) {
    describe(name, () => {
      for (const item of expected.figures) {
        it(`figure “${item.text}” is ${item.expect}`, () => {
          const draft = read(name);
          assert.ok(draft.includes(item.text.replace(' %', '\\%')) || draft.includes(item.text), `the draft has “${item.text}”`);
          const finding = figureFor(draft, checkFigures(draft, analysed(), corpus()), item.text);
          if (item.expect === 'none') return assert.equal(finding, undefined, finding?.message);
          assert.ok(finding, `no finding for “${item.text}”`);
          assert.equal(finding.status, item.expect, finding.message);
          if (item.fact) assert.ok(finding.fact.id.startsWith(item.fact), `${finding.fact.id} is not ${item.fact}`);
          assert.ok(finding.citations.length > 0);
          for (const citation of finding.citations) assert.equal(corpus().passage(citation.passageId)?.text.slice(citation.span.start, citation.span.end), citation.quote);
          if (finding.status === 'contradicted') assert.ok(finding.message.includes(finding.fact.citations[0].asWritten), finding.message);
        });
      }
      for (const item of expected.quotes) {
        it(`quote “${item.text}” is ${item.expect}`, () => {
          const finding = quoteFor(checkQuotes(read(name), corpus(), analysed()), item.text);
          if (item.expect === 'none') return assert.equal(finding, undefined);
          assert.ok(finding, `no finding for “${item.text}”`);
          assert.equal(finding.status, item.expect, finding.message);
          if (item.speaker) assert.equal(finding.sourceSpeaker?.id, item.speaker, finding.message);
          if (item.closest) assert.ok(finding.closest?.citation.quote.includes(item.closest), finding.message);
          if (finding.status === 'verbatim' || finding.status === 'misattributed') assert.ok(finding.citations.length > 0);
        });
      }
    });
  }

  it('flags no figure or quote the expectations do not list as wrong, and checks every source text as a clean draft (precision and recall)', () => {
    const tally = { figures: { tp: 0, fp: 0, fn: 0 }, quotes: { tp: 0, fp: 0, fn: 0 }, supported: { found: 0, expected: 0 }, verbatim: { found: 0, expected: 0 } };
    const sourceFalseAlarms: string[] = [];
    for (const [name, expected] of drafts) {
      const draft = read(name);
      const figures = checkFigures(draft, analysed(), corpus());
      const quotes = checkQuotes(draft, corpus(), analysed());
      for (const finding of figures.filter((candidate) => candidate.status === 'contradicted')) {
        const listed = expected.figures.some((item) => item.expect === 'contradicted' && figureText(draft, finding).includes(item.text));
        if (listed) tally.figures.tp++;
        else tally.figures.fp++;
      }
      for (const item of expected.figures) {
        const finding = figureFor(draft, figures, item.text);
        if (item.expect === 'contradicted' && finding?.status !== 'contradicted') tally.figures.fn++;
        if (item.expect === 'supported') {
          tally.supported.expected++;
          if (finding?.status === 'supported') tally.supported.found++;
        }
      }
      for (const finding of quotes.filter((candidate) => FLAGGED_QUOTE.has(candidate.status))) {
        const listed = expected.quotes.some((item) => item.expect === finding.status && finding.quote.text.startsWith(item.text));
        if (listed) tally.quotes.tp++;
        else tally.quotes.fp++;
      }
      for (const item of expected.quotes) {
        const finding = quoteFor(quotes, item.text);
        if (FLAGGED_QUOTE.has(item.expect) && finding?.status !== item.expect) tally.quotes.fn++;
        if (item.expect === 'verbatim') {
          tally.verbatim.expected++;
          if (finding?.status === 'verbatim') tally.verbatim.found++;
        }
      }
    }
    let sourceFigures = 0;
    let sourceQuotes = 0;
    for (const source of bundled().sources) {
      const figures = checkFigures(source.raw, analysed(), corpus());
      const quotes = checkQuotes(source.raw, corpus(), analysed());
      sourceFigures += figures.length;
      sourceQuotes += quotes.length;
      for (const finding of figures.filter((candidate) => candidate.status === 'contradicted')) sourceFalseAlarms.push(`${source.hints.id}: ${finding.message}`);
      for (const finding of quotes.filter((candidate) => FLAGGED_QUOTE.has(candidate.status))) sourceFalseAlarms.push(`${source.hints.id}: ${finding.message}`);
    }
    const precision = (t: { tp: number; fp: number }): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
    const recall = (t: { tp: number; fn: number }): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
    const fmt = (n: number): string => n.toFixed(2);
    console.log(
      `      writing checks — fixtures: contradictions P=${fmt(precision(tally.figures))} R=${fmt(recall(tally.figures))} (${tally.figures.tp} caught, ${tally.figures.fp} false, ${tally.figures.fn} missed); ` +
        `misquotes P=${fmt(precision(tally.quotes))} R=${fmt(recall(tally.quotes))} (${tally.quotes.tp}/${tally.quotes.fp}/${tally.quotes.fn}); ` +
        `supported figures ${tally.supported.found}/${tally.supported.expected}; verbatim quotes ${tally.verbatim.found}/${tally.verbatim.expected}. ` +
        `Sources as drafts: ${sourceFalseAlarms.length} false alarms over ${sourceFigures} figure and ${sourceQuotes} quote findings (precision ${sourceFalseAlarms.length === 0 ? '1.00' : '<1'}).`,
    );
    assert.deepEqual(sourceFalseAlarms, []);
    assert.equal(precision(tally.figures), 1);
    assert.equal(precision(tally.quotes), 1);
    assert.ok(recall(tally.figures) >= 0.8 && recall(tally.quotes) >= 0.8);
    assert.ok(sourceFigures > 10 && sourceQuotes > 5, 'the sources’ own figures and quotes are found and confirmed');
  });

  it('leaves changes, plans, other years, other things counted and unrelated figures alone', () => {
    for (const sentence of [
      'Russia’s defence spending rose 3.4% last year.',
      'In 2021, defence spending was 3.6% of GDP.',
      'Russia plans to cut defence spending to 5.1% of GDP next year.',
      'Ukraine lost 2,000 soldiers in Sumy.',
      'Inflation is 9.2%, while GDP grew 4%.',
      'Russia’s military budget is about 6% of GDP.',
      'The 2024 Olympics drew 15 million viewers, a 3-hour drive from here.',
    ]) {
      const flagged = checkFigures(sentence, analysed(), corpus()).filter((finding) => finding.status === 'contradicted');
      assert.deepEqual(flagged.map((finding) => finding.message), [], sentence);
    }
  });

  it('catches figures confused between subjects or misremembered', () => {
    for (const [sentence, figure] of [
      ['Defence spending now accounts for 5% of Russia’s GDP.', '5%'],
      ['NATO members pledged to raise defence spending to 3.5% of GDP.', '3.5%'],
      ['Russia’s full-scale invasion began in 2021.', '2021'],
      ['Russia’s defence spending of $150 billion dwarfs Ukraine’s.', '$150 billion'],
    ]) {
      const flagged = checkFigures(sentence, analysed(), corpus()).filter((finding) => finding.status === 'contradicted');
      assert.deepEqual(flagged.map((finding) => finding.figure.raw), [figure], sentence);
    }
  });
});
