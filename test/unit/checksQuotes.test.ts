import { strict as assert } from 'node:assert';
import { analyseCorpus, type CorpusAnalysis } from '../../src/core/brief';
import { checkQuotes } from '../../src/core/checks/quoteCheck';
import { findQuotes } from '../../src/core/checks/quotes';
import { resolveSpeaker } from '../../src/core/checks/speakers';
import { quotePieces, findPieces, likeness } from '../../src/core/checks/wording';
import { bundled } from './bundledCorpus';

let analysis: CorpusAnalysis | undefined;
const analysed = (): CorpusAnalysis => (analysis ??= analyseCorpus(bundled().bundle.corpus));
const check = (draft: string) => checkQuotes(draft, bundled().bundle.corpus, analysed());

describe('writing checks: quotes', () => {
  it('finds curly, straight and LaTeX quotes, and single quotes only where they open and close one', () => {
    const draft = `Putin called it “aggressive”. Peskov said "very difficult". He called it 'aggressive'. Russia's and the sides' positions. ‘It’s a lot,’ Putin said. ${'``'}aggressive'' said Putin.`;
    assert.deepEqual(findQuotes(draft).map((quote) => [quote.text, quote.marks]), [
      ['aggressive', 'curly-double'],
      ['very difficult', 'straight-double'],
      ['aggressive', 'straight-single'],
      ['It’s a lot,', 'curly-single'],
      ['aggressive', 'latex'],
    ]);
  });

  it('reads the speaker before, after and around a quote, and carries it to the next quote or a “he said”', () => {
    const quotes = findQuotes(
      '“It’s a lot,” Putin acknowledged. “We paid for it with inflation.”\n\n' +
        'According to Putin, demands remain “absolutely contradictory.”\n\n' +
        'Putin, during a press conference in Minsk, Belarus, characterized them as “two absolutely contradictory memorandums”.\n\n' +
        'Putin conceded the cost. “It’s a lot,” he said.\n\n' +
        'The word “deadlock” is everywhere.',
    );
    assert.deepEqual(quotes.map((quote) => quote.attributedTo ?? null), ['Putin', 'Putin', 'Putin', 'Putin', 'Putin', null]);
    assert.deepEqual(quotes.map((quote) => quote.attributionCarried ?? false), [false, true, false, false, true, false]);
  });

  it('resolves speakers by last name, spelling and unique role', () => {
    assert.equal(resolveSpeaker('Zelenskyy', analysed())?.id, 'volodymyr-zelensky');
    assert.equal(resolveSpeaker('President Vladimir Putin', analysed())?.id, 'vladimir-putin');
    assert.equal(resolveSpeaker('the Kremlin spokesman', analysed())?.id, 'dmitry-peskov');
    assert.equal(resolveSpeaker('a European diplomat', analysed()), undefined);
  });

  it('compares words, not quote marks, case, dashes or spacing; an ellipsis is a gap', () => {
    const source = 'that’s why negotiations are being organized and conducted – to try to bring these positions closer'.split(' ').map((word) => word.replace('’', ''));
    assert.ok(findPieces(source, quotePieces("That's why negotiations are being organized … to bring these positions closer")));
    assert.equal(findPieces(source, quotePieces('to bring these positions … organized')), undefined, 'pieces must come in order');
    assert.equal(likeness(['completely', 'contradictory'], ['two', 'absolutely', 'contradictory', 'memorandums']), 0.5);
  });

  it('finds one-word quotes verbatim and checks them against the speaker the sources give', () => {
    const [right] = check('Putin called the pledge “aggressive”.');
    assert.equal(right.status, 'verbatim');
    assert.equal(right.sourceSpeaker?.id, 'vladimir-putin');
    assert.ok(right.citations.every((citation) => citation.docId === 'wtn-talks-stall'));
    const [wrong] = check('Zelenskiy called the pledge “aggressive”.');
    assert.equal(wrong.status, 'misattributed');
    assert.match(wrong.message, /Vladimir Putin, not Zelenskiy/);
  });

  it('offers the closest sentence for a misquote, and says so plainly for words no source has', () => {
    const [misquote] = check('Putin called the memorandums “completely contradictory”.');
    assert.equal(misquote.status, 'not-found');
    assert.match(misquote.closest!.citation.quote, /absolutely contradictory/);
    const [unsourced] = check('“We are tired of waiting,” said Olena Kovalenko, a teacher in Kharkiv.');
    assert.equal(unsourced.status, 'unsourced');
  });

  it('does not attribute to a side what its official said, nor check quotes with no speaker', () => {
    const [side] = check('The Kremlin called the talks “very difficult”.');
    assert.equal(side.status, 'verbatim', 'a side is not a person: no misattribution');
    assert.deepEqual(check('The talks were “very difficult” and “completely stuck”.'), []);
  });
});
