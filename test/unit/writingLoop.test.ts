import { strict as assert } from 'node:assert';
import { analyseCorpus } from '../../src/core/brief/briefing';
import { buildHome } from '../../src/core/briefingHome';
import { findFigures } from '../../src/core/checks/numbers';
import { applyEdits } from '../../src/core/cite/textEdit';
import { correctAttribution } from '../../src/core/fixes/attributionFix';
import { composeEdits } from '../../src/core/fixes/composeEdits';
import { correctFigure } from '../../src/core/fixes/figureFix';
import { rowFigure } from '../../src/core/quoting/rowFigure';
import { caseAt } from '../../src/core/quoting/sentenceCase';
import { speakerWords } from '../../src/core/statements/speakerWords';
import { statementOf } from '../../src/core/statements/statement';
import { exportFileName } from '../../src/commands/exportFileName';
import { searchRow } from '../../src/commands/quickPickText';
import { checkDraft } from '../../src/worker/draftReport';
import { bundled } from './bundledCorpus';

const figureIn = (text: string, raw: string) => findFigures(text).find((figure) => figure.raw === raw)!;

describe('the writing loop', () => {
  describe('composing a change with what is planned after it', () => {
    it('keeps edits before, shifts edits after, and merges an edit that overlaps the first', () => {
      const text = 'Spending is 7.5% of GDP.';
      const first = { start: 12, end: 16, text: '6.3 per cent' };
      const middle = applyEdits(text, [first]);
      const then = [
        { start: 0, end: 0, text: '> ' },
        { start: middle.length, end: middle.length, text: '[^1]' },
        { start: 16, end: 19, text: 'PER' },
      ];
      const composed = composeEdits(text, first, then);
      assert.equal(applyEdits(text, composed), applyEdits(middle, then));
      assert.equal(composed.length, 3, 'the overlapping edit joined the first');
    });

    it('puts words inserted at one place in order: the lead, then the quote', () => {
      const text = 'He said ';
      const composed = composeEdits(text, { start: 8, end: 8, text: 'Peskov called it ' }, [{ start: 25, end: 25, text: '“hard”' }]);
      assert.equal(applyEdits(text, composed), 'He said Peskov called it “hard”');
    });
  });

  describe('correcting a figure to the source’s', () => {
    it('replaces the number and unit, keeping the draft’s own qualifier when the source bounds it alike', () => {
      const draft = 'Both sides freed more than 1,200 captured soldiers.';
      const fix = correctFigure(draft, figureIn(draft, 'more than 1,200'), 'Over 1,000');
      assert.deepEqual(fix && { from: fix.from, to: fix.to }, { from: '1,200', to: '1,000' });
      assert.equal(applyEdits(draft, [fix!.edit]), 'Both sides freed more than 1,000 captured soldiers.');
    });

    it('takes the source’s qualifier when it bounds the figure and the draft does not, in the draft’s case', () => {
      const draft = 'Both sides freed 1,200 captured soldiers.';
      const fix = correctFigure(draft, figureIn(draft, '1,200'), 'Over 1,000');
      assert.equal(applyEdits(draft, [fix!.edit]), 'Both sides freed over 1,000 captured soldiers.');
    });

    it('writes a percentage, a sum and a date as the source does, without its typing slips', () => {
      const cases: Array<[string, string, string, string]> = [
        ['Spending is 7.5% of GDP.', '7.5%', '6.3%', 'Spending is 6.3% of GDP.'],
        ['Russia spends $180 billion.', '$180 billion', '$172 billion', 'Russia spends $172 billion.'],
        ['They met on June 3, 2025.', 'June 3, 2025', 'June 2,2025', 'They met on June 2, 2025.'],
      ];
      for (const [draft, raw, stated, expected] of cases) {
        const fix = correctFigure(draft, figureIn(draft, raw), stated);
        assert.equal(fix && applyEdits(draft, [fix.edit]), expected, draft);
      }
    });

    it('offers nothing when the source’s words hold no figure of that unit', () => {
      const draft = 'Spending is 7.5% of GDP.';
      assert.equal(correctFigure(draft, figureIn(draft, '7.5%'), '13.5 trillion rubles'), undefined);
    });
  });

  it('gives a quote to the speaker the sources name, as the draft named its own', () => {
    const draft = 'Putin called it “very difficult”. Vladimir Putin said so.';
    assert.deepEqual(correctAttribution(draft, { start: 0, end: 5 }, 'Dmitry Peskov'), { start: 0, end: 5, text: 'Peskov' });
    assert.deepEqual(correctAttribution(draft, { start: 34, end: 48 }, 'Dmitry Peskov'), { start: 34, end: 48, text: 'Dmitry Peskov' });
  });

  describe('findings with their corrections, on the bundled sources', () => {
    const { bundle } = bundled();
    const analysis = analyseCorpus(bundle.corpus);

    it('a contradicted figure comes with the source’s figure to cite', () => {
      const [finding] = checkDraft("Defense spending is 7.5% of Russia's GDP.", bundle.corpus, analysis);
      assert.equal(finding?.status, 'contradicted');
      assert.equal(finding?.correction?.title, 'Replace 7.5% with 6.3% and cite World Today News');
      assert.equal(bundle.corpus.passage(finding!.correction!.cite!.passageId)?.kind, 'paragraph', 'prose is cited before a table row');
    });

    it('a contradicted date comes with the source’s date to cite', () => {
      const [finding] = checkDraft('Russia annexed Crimea in 2015.', bundle.corpus, analysis);
      assert.deepEqual([finding?.kind, finding?.status], ['date', 'contradicted']);
      assert.deepEqual(finding?.correction && { from: finding.correction.from, to: finding.correction.to }, { from: '2015', to: '2014' });
      assert.ok(finding?.correction?.cite, 'and cites it');
    });

    it('a misattributed quote comes with the speaker the sources give', () => {
      const [finding] = checkDraft('Putin called the negotiations “very difficult”.', bundle.corpus, analysis);
      assert.equal(finding?.status, 'misattributed');
      assert.deepEqual(finding?.correction && { title: finding.correction.title, from: finding.correction.from, to: finding.correction.to }, { title: 'Attribute to Dmitry Peskov', from: 'Putin', to: 'Peskov' });
    });
  });

  describe('a speaker’s own words', () => {
    const spoken = {
      sentence:
        'Kremlin spokesperson Dmitry Peskov acknowledged that expectations for a breakthrough are low, calling the negotiations "very difficult" and the two sides’ positions “diametrically opposed.”',
      speakerAsWritten: 'Kremlin spokesperson Dmitry Peskov',
      speaker: 'Dmitry Peskov',
      person: true,
      quotes: ['very difficult', 'diametrically opposed'],
    };

    it('are each quote with the verb phrase that frames it, in the past tense', () => {
      assert.deepEqual(
        speakerWords(spoken).map((words) => `${words.short} ${words.lead} “${words.words}”`),
        ['Peskov called the negotiations “very difficult”', 'Peskov called the two sides’ positions “diametrically opposed”'],
      );
      assert.equal(speakerWords(spoken)[0]?.full, 'Dmitry Peskov');
    });

    it('read after the speaker when the source quotes first, and keep the source’s spelling of the name', () => {
      const first = { sentence: '“It’s a lot,” Putin acknowledged.', speakerAsWritten: 'Putin', speaker: 'Vladimir Putin', person: true, quotes: ['It’s a lot'] };
      assert.deepEqual(speakerWords(first).map((words) => `${words.full} ${words.lead} “${words.words}”`), ['Vladimir Putin acknowledged: “It’s a lot”']);
      const spelled = { sentence: 'Zelenskiy called the offer “a trap”.', speakerAsWritten: 'Zelenskiy', speaker: 'Volodymyr Zelensky', person: true, quotes: ['a trap'] };
      assert.deepEqual(speakerWords(spelled).map((words) => [words.full, words.short]), [['Volodymyr Zelenskiy', 'Zelenskiy']]);
    });

    it('are not offered when the speaker is not named in the sentence', () => {
      assert.deepEqual(speakerWords({ ...spoken, speakerAsWritten: 'Lavrov' }), []);
    });
  });

  describe('statements as sentences', () => {
    it('read who, the verb and the quoted words', () => {
      const putin = statementOf({
        sentence: 'Negotiations have faltered, with President Vladimir Putin stating that the demands of both nations remain “absolutely contradictory.”',
        speakerAsWritten: 'President Vladimir Putin',
        speaker: 'Vladimir Putin',
        person: true,
        quotes: ['absolutely contradictory'],
      });
      assert.deepEqual(putin, { who: 'Putin', text: 'stated that the demands of both nations remain “absolutely contradictory”', whole: false });
    });

    it('keep the main clause of a statement without quotes, and the whole sentence when the speaker is not its subject', () => {
      const claims = statementOf({ sentence: 'Russia claims to have captured new territory, while Ukraine struck air bases.', speakerAsWritten: 'Russia', speaker: 'Russia', person: false, quotes: [] });
      assert.deepEqual(claims, { who: 'Russia', text: 'claims to have captured new territory', whole: false });
      const sentence = 'Russia’s demands include Ukraine ceding more land, conditions that Kyiv has firmly rejected.';
      assert.deepEqual(statementOf({ sentence, speakerAsWritten: 'Kyiv', speaker: 'Kyiv', person: false, quotes: [] }), { who: 'Kyiv', text: sentence, whole: true });
    });

    it('on the home: quotes first, no fragments, no internal ids, no differences where the sources agree', () => {
      const { bundle } = bundled();
      const home = buildHome(bundle.corpus, analyseCorpus(bundle.corpus), []);
      assert.ok(home.stances.slice(0, 2).every((stance) => stance.words.length > 0), 'the first statements quote their speakers');
      for (const stance of home.stances) {
        assert.ok(stance.statement.whole || stance.statement.text.split(/\s+/).length >= 3, `a fragment: ${stance.statement.who} ${stance.statement.text}`);
      }
      const peskov = home.stances.find((stance) => stance.speaker === 'Dmitry Peskov');
      assert.equal(`${peskov?.statement.who} ${peskov?.statement.text}`, 'Peskov called the negotiations “very difficult”');
      const shown = JSON.stringify(home);
      for (const document of bundle.corpus.documents) {
        assert.ok(!shown.replace(/"(?:passageIds|passageId|docId)":(?:\[[^\]]*\]|"[^"]*")/g, '').includes(document.meta.id), `${document.meta.id} shows in the home`);
      }
      assert.ok(home.differences.every((difference) => !/agree/.test(difference.note)), 'no “the dates agree”');
      assert.ok(home.facts.slice(0, 3).every((fact) => /\d/.test(fact.value)), `the first key facts are figures, not the story’s frame: ${home.facts.slice(0, 3).map((fact) => `${fact.value} ${fact.label}`).join('; ')}`);
    });
  });

  it('cites a table row’s figure, never the row', () => {
    assert.equal(rowFigure('Prisoners Exchanged (Each side) | Over 1,000'), 'Over 1,000');
    assert.equal(rowFigure('Russian Defense Spending | 6.3% of GDP ($172 Billion)'), '6.3% of GDP ($172 Billion)');
    assert.equal(rowFigure('A paragraph with no cells.'), undefined);
    assert.equal(caseAt('Over 1,000', 'Freed by each side: ', 20), 'over 1,000');
    assert.equal(caseAt('over 1,000', 'It rose. ', 9), 'Over 1,000');
  });

  it('shows a search result’s outlet and title first and its snippet whole', () => {
    const snippet = 'Kremlin spokesperson Dmitry Peskov acknowledged that expectations for a breakthrough are low, calling the negotiations "very difficult" and the two sides’ positions “diametrically opposed.”';
    const row = searchRow({ source: 'World Today News', title: 'Ukraine peace Talks Stall', heading: 'Deadlock in Negotiations', snippet: `${snippet}\n`, pinned: false });
    assert.deepEqual(row, { label: 'World Today News — Ukraine peace Talks Stall', description: 'Deadlock in Negotiations', detail: snippet });
    assert.equal(searchRow({ source: 'Notes', title: 'Notes', snippet: 'Costs $(rose).', pinned: true }).label, '$(pinned) Notes');
  });

  it('suggests an export name from the topic and the day', () => {
    const day = new Date(2026, 10, 29);
    assert.equal(exportFileName('prisoner exchanges', day), 'briefing-prisoner-exchanges-2026-11-29.md');
    assert.equal(exportFileName('Prisoner exchanges and humanitarian issues', day), 'briefing-prisoner-exchanges-humanitarian-2026-11-29.md');
    assert.equal(exportFileName(undefined, day), 'briefing-2026-11-29.md');
    assert.equal(exportFileName('Ceasefire', day, (name) => name === 'briefing-ceasefire-2026-11-29.md'), 'briefing-ceasefire-2026-11-29-2.md');
  });
});
