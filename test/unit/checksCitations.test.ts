import { strict as assert } from 'node:assert';
import { citationAt } from '../../src/core/checks/citationAt';
import { checkClaims, supportFor } from '../../src/core/checks/claimCheck';
import { citedDocIdsInOrder, tidyFootnotes } from '../../src/core/checks/tidyFootnotes';
import { formatCitation } from '../../src/core/cite/styles';
import { applyEdits } from '../../src/core/cite/textEdit';
import { bundled, passageOf } from './bundledCorpus';

const corpus = () => bundled().bundle.corpus;
const index = () => bundled().bundle.index;
const WTN = 'World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. <!-- briefing:wtn-talks-stall -->';
const LENNON = 'Jhon Lennon, “Russia-Ukraine Peace Talks: Latest Updates”, n.d. <!-- briefing:latest-updates-lennon -->';

const MESSY =
  '# Where the talks stand\n\n' +
  'Defence spending is 6.3% of GDP.[^3] Prisoners were swapped.[^1] The NATO pledge is 5%.[^4] As noted before,[^note] talks stalled.[^2] ' +
  'Again the spending.[^3]\n\n' +
  'A closing line [^missing] with text that must stay.\n\n' +
  `[^1]: ${LENNON}\n` +
  '[^2]: My own interview notes, 12 June.\n' +
  `[^3]: ${WTN}\n` +
  `[^4]: ${WTN}\n` +
  '[^5]: An orphan. <!-- briefing:peace-talks-qa -->\n' +
  '[^note]: A named note.\n';

/** The draft without footnote markers and definitions: what tidying must never change. */
const prose = (text: string): string => text.replace(/^\[\^[^\]]+\]:.*\n?/gm, '').replace(/\[\^[^\]]+\]/g, '');

describe('writing checks: tidy citations', () => {
  it('renumbers by first use, merges one source’s footnotes, drops orphans, keeps other footnotes and all other text', () => {
    const { edits, summary } = tidyFootnotes(MESSY);
    const tidy = applyEdits(MESSY, edits);
    assert.equal(
      tidy,
      '# Where the talks stand\n\n' +
        'Defence spending is 6.3% of GDP.[^1] Prisoners were swapped.[^2] The NATO pledge is 5%.[^1] As noted before,[^note] talks stalled.[^3] ' +
        'Again the spending.[^1]\n\n' +
        'A closing line [^missing] with text that must stay.\n\n' +
        `[^1]: ${WTN}\n` +
        `[^2]: ${LENNON}\n` +
        '[^3]: My own interview notes, 12 June.\n' +
        '[^note]: A named note.\n',
    );
    assert.deepEqual(summary, { renumbered: 3, merged: 1, removed: 1, referencesRemoved: 0 });
    assert.equal(prose(tidy), prose(MESSY));
    assert.deepEqual(citedDocIdsInOrder(MESSY), ['wtn-talks-stall', 'latest-updates-lennon']);
  });

  it('is idempotent: tidying a tidy draft changes nothing', () => {
    const once = applyEdits(MESSY, tidyFootnotes(MESSY).edits);
    assert.deepEqual(tidyFootnotes(once).edits, []);
    assert.deepEqual(tidyFootnotes(once).summary, { renumbered: 0, merged: 0, removed: 0, referencesRemoved: 0 });
  });

  it('merges a full citation written twice, even without Briefing’s marker', () => {
    const draft = 'A.[^1] B.[^2]\n\n[^1]: Interview with a negotiator, Istanbul, 2 June 2025.\n[^2]: Interview with a negotiator, Istanbul, 2 June 2025.\n';
    assert.equal(applyEdits(draft, tidyFootnotes(draft).edits), 'A.[^1] B.[^1]\n\n[^1]: Interview with a negotiator, Istanbul, 2 June 2025.\n');
  });

  it('never merges short texts like “Ibid.”, which point at different sources', () => {
    const draft = 'A[^1] B[^2] C[^3] D[^4]\n\n[^1]: Source A, a long citation of the first.\n[^2]: Ibid.\n[^3]: Source B, a long citation of the second.\n[^4]: Ibid.\n';
    assert.deepEqual(tidyFootnotes(draft).edits, []);
  });

  it('does not merge two notes that only share their first line', () => {
    const draft = 'A[^1] B[^2]\n\n[^1]: Interview with a negotiator, Istanbul,\n    2 June 2025.\n[^2]: Interview with a negotiator, Istanbul,\n    3 June 2025.\n';
    assert.deepEqual(tidyFootnotes(draft).edits, []);
  });

  it('keeps multi-line definitions whole in a draft with Windows line endings', () => {
    const draft = 'A[^2] B[^1]\r\n\r\n[^1]: Alpha, a first source\r\n    with a second line.\r\n[^2]: Beta, a second source\r\n';
    assert.equal(applyEdits(draft, tidyFootnotes(draft).edits), 'A[^1] B[^2]\r\n\r\n[^1]: Beta, a second source\r\n[^2]: Alpha, a first source\r\n    with a second line.\r\n');
  });

  it('moves and removes multi-line definitions whole', () => {
    const draft = 'A[^2] B[^1]\n\n[^1]: Alpha, a first source\n    with a second line.\n[^2]: Beta, a second source\n[^3]: Orphan\n    continued.\n';
    assert.equal(
      applyEdits(draft, tidyFootnotes(draft).edits),
      'A[^1] B[^2]\n\n[^1]: Beta, a second source\n[^2]: Alpha, a first source\n    with a second line.\n',
    );
  });

  it('removes only Briefing’s reference entries for sources no longer cited in the text', () => {
    const wtn = formatCitation(passageOf('wtn-talks-stall#economic-impact-on-russia'), corpus().meta('wtn-talks-stall')!, 'apa');
    const lennon = formatCitation(passageOf('latest-updates-lennon#obstacles-to-a-ceasefire'), corpus().meta('latest-updates-lennon')!, 'apa');
    const draft = `Spending is 6.3% of GDP ${wtn.inText}.\n\n## References\n\n- ${lennon.entry}\n- Smith, J. (2024). *My notes*.\n- ${wtn.entry}\n\n## Appendix\n\nMore.\n`;
    const { edits, summary } = tidyFootnotes(draft, corpus());
    assert.equal(summary.referencesRemoved, 1);
    assert.equal(applyEdits(draft, edits), `Spending is 6.3% of GDP ${wtn.inText}.\n\n## References\n\n- Smith, J. (2024). *My notes*.\n- ${wtn.entry}\n\n## Appendix\n\nMore.\n`);
    assert.deepEqual(tidyFootnotes(applyEdits(draft, edits), corpus()).edits, []);
  });
});

describe('writing checks: the citation under the cursor', () => {
  it('resolves a footnote marker through its definition’s Briefing marker', () => {
    const draft = 'Spending is 6.3%.[^1]\n\n' + `[^1]: ${WTN}\n`;
    const target = citationAt(draft, draft.indexOf('[^1]') + 2, corpus());
    assert.equal(target?.meta.id, 'wtn-talks-stall');
    assert.equal(target?.kind, 'footnote');
    assert.equal(citationAt(draft, 3, corpus()), undefined);
    assert.equal(citationAt('See.[^1]\n\n[^1]: A book.\n', 5, corpus()), undefined, 'not a Briefing footnote');
  });

  it('resolves in-text citations of every style, with the passage when the section is named', () => {
    const passage = passageOf('wtn-talks-stall#economic-impact-on-russia');
    const meta = corpus().meta('wtn-talks-stall')!;
    for (const style of ['apa', 'chicago', 'plain', 'latex'] as const) {
      const marker = formatCitation(passage, meta, style).inText;
      const draft = `Spending is 6.3% ${marker} of GDP.`;
      assert.equal(citationAt(draft, draft.indexOf(marker) + 3, corpus())?.meta.id, 'wtn-talks-stall', style);
    }
    const inline = formatCitation(passage, meta, 'inline').inText;
    const target = citationAt(`Spending ${inline}.`, 12, corpus());
    assert.equal(target?.passage?.section, 'Economic Impact on Russia');
  });
});

describe('writing checks: support for claims', () => {
  it('counts the documents and outlets behind a sentence, and says when one outlet is all there is', () => {
    const spending = supportFor('Defence spending now accounts for 6.3% of Russia’s GDP.', index(), corpus());
    assert.ok(spending.passages.length > 0);
    assert.deepEqual(spending.outlets, ['World Today News']);
    assert.equal(spending.singleOutlet, true);
    const istanbul = supportFor('Russia and Ukraine met in Istanbul to exchange prisoners and proposals for a ceasefire.', index(), corpus());
    assert.ok(istanbul.documents >= 2, `${istanbul.documents} documents`);
    assert.equal(istanbul.singleOutlet, false);
  });

  it('gives an unrelated sentence no support', () => {
    for (const sentence of ['The 2024 Olympics opened in Paris with a parade on the Seine.', 'Russia and Ukraine.', 'It rained all week in Lisbon.']) {
      assert.deepEqual(supportFor(sentence, index(), corpus()).passages, [], sentence);
    }
  });

  it('checks each sentence of the paragraph at the cursor', () => {
    const draft = '# Title\n\nDefence spending is 6.3% of GDP.[^1] The Olympics opened in Paris.\n\nNext paragraph.\n';
    const claims = checkClaims(draft, draft.indexOf('Olympics'), index(), corpus());
    assert.deepEqual(claims.map((claim) => [claim.text, claim.documents > 0]), [['Defence spending is 6.3% of GDP.', true], ['The Olympics opened in Paris.', false]]);
  });
});
