import { strict as assert } from 'node:assert';
import { citationAt } from '../../src/core/checks/citationAt';
import { checkClaims, supportFor } from '../../src/core/checks/claimCheck';
import { draftProse } from '../../src/core/checks/draftText';
import { citedDocIdsInOrder, tidyFootnotes } from '../../src/core/checks/tidyFootnotes';
import { applyEdits } from '../../src/core/cite/textEdit';
import { bundled } from './bundledCorpus';
import { bundledLookup, citerFor } from './citer';

const corpus = () => bundled().bundle.corpus;
const index = () => bundled().bundle.index;
const FULL = '“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” *World Today News*, June 2025.';
const SHORT = '*World Today News*, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.”';
const LENNON = 'Jhon Lennon, *Russia-Ukraine Peace Talks: Latest Updates*, n.d.';
// Notes as earlier versions wrote them: one label reused for a source, and a marker Pandoc copies into its HTML.
const FORMER_WTN = 'World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. <!-- briefing:wtn-talks-stall -->';
const FORMER_LENNON = 'Jhon Lennon, “Russia-Ukraine Peace Talks: Latest Updates”, n.d. <!-- briefing:latest-updates-lennon -->';

const MESSY =
  '# Where the talks stand\n\n' +
  'Defence spending is 6.3% of GDP.[^3] Prisoners were swapped.[^1] The NATO pledge is 5%.[^4] As noted before,[^note] talks stalled.[^2] ' +
  'Again the spending.[^3]\n\n' +
  'A closing line [^missing] with text that must stay.\n\n' +
  `[^1]: ${FORMER_LENNON}\n` +
  '[^2]: My own interview notes, 12 June.\n' +
  `[^3]: ${FORMER_WTN}\n` +
  `[^4]: ${FORMER_WTN}\n` +
  '[^5]: An orphan. <!-- briefing:peace-talks-qa -->\n' +
  '[^note]: A named note.\n';

/** The draft without footnote markers and definitions: what tidying must never change. */
const prose = (text: string): string => text.replace(/^\[\^[^\]]+\]:.*\n?/gm, '').replace(/\[\^[^\]]+\]/g, '');

describe('writing checks: tidy citations', function () {
  this.timeout(300_000); // builds the Chicago notes engine once: seconds on a busy machine

  it('gives each citation its own note, full first and short after, by key; renumbers the writer’s notes; drops orphans and former markers', () => {
    const { edits, summary } = tidyFootnotes(MESSY, citerFor('chicago-note'));
    const tidy = applyEdits(MESSY, edits);
    assert.equal(
      tidy,
      '# Where the talks stand\n\n' +
        'Defence spending is 6.3% of GDP.[^worldtodaynews2025ukraine] Prisoners were swapped.[^lennonrussia] The NATO pledge is 5%.[^worldtodaynews2025ukraine-2] As noted before,[^note] talks stalled.[^1] ' +
        'Again the spending.[^worldtodaynews2025ukraine-3]\n\n' +
        'A closing line [^missing] with text that must stay.\n\n' +
        `[^worldtodaynews2025ukraine]: ${FULL}\n` +
        `[^lennonrussia]: ${LENNON}\n` +
        `[^worldtodaynews2025ukraine-2]: ${SHORT}\n` +
        '[^note]: A named note.\n' +
        '[^1]: My own interview notes, 12 June.\n' +
        `[^worldtodaynews2025ukraine-3]: ${SHORT}\n`,
    );
    assert.ok(!tidy.includes('<!--'));
    assert.deepEqual(summary, { renumbered: 4, merged: 0, removed: 1, referencesRemoved: 0, split: 1, rewritten: 0 });
    assert.equal(prose(tidy), prose(MESSY));
    assert.deepEqual(citedDocIdsInOrder(MESSY, { lookup: bundledLookup() }), ['wtn-talks-stall', 'latest-updates-lennon']);
  });

  it('is idempotent: tidying a tidy draft changes nothing', () => {
    const once = applyEdits(MESSY, tidyFootnotes(MESSY, citerFor('chicago-note')).edits);
    assert.deepEqual(tidyFootnotes(once, citerFor('chicago-note')).edits, []);
  });

  it('rewrites Briefing’s notes for their place after the writer moved text: the first is full, the rest short', () => {
    const draft = `B.[^worldtodaynews2025ukraine-2] A.[^worldtodaynews2025ukraine]\n\n[^worldtodaynews2025ukraine]: ${FULL}\n[^worldtodaynews2025ukraine-2]: ${SHORT}\n`;
    const tidy = applyEdits(draft, tidyFootnotes(draft, citerFor('chicago-note')).edits);
    assert.equal(tidy, `B.[^worldtodaynews2025ukraine-2] A.[^worldtodaynews2025ukraine]\n\n[^worldtodaynews2025ukraine-2]: ${FULL}\n[^worldtodaynews2025ukraine]: ${SHORT}\n`);
  });

  it('merges a full citation of the writer’s written twice', () => {
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
    assert.equal(applyEdits(draft, tidyFootnotes(draft).edits), 'A[^1] B[^2]\n\n[^1]: Beta, a second source\n[^2]: Alpha, a first source\n    with a second line.\n');
  });

  it('removes only Briefing’s reference entries for sources no longer cited in the text', () => {
    const citer = citerFor('apa');
    const [lennon, wtn] = ['latest-updates-lennon', 'wtn-talks-stall'].map((id) => citer.engine.bibliography([bundledLookup().item(id)!], 'markdown')[0].text);
    const wtnInText = citer.engine.cite(bundledLookup().item('wtn-talks-stall')!, 'markdown');
    const draft = `Spending is 6.3% of GDP ${wtnInText}.\n\n## References\n\n- ${lennon}\n- Smith, J. (2024). *My notes*.\n- ${wtn}\n\n## Appendix\n\nMore.\n`;
    const { edits, summary } = tidyFootnotes(draft, citer);
    assert.equal(summary.referencesRemoved, 1);
    assert.equal(applyEdits(draft, edits), `Spending is 6.3% of GDP ${wtnInText}.\n\n## References\n\n- Smith, J. (2024). *My notes*.\n- ${wtn}\n\n## Appendix\n\nMore.\n`);
    assert.deepEqual(tidyFootnotes(applyEdits(draft, edits), citer).edits, []);
  });
});

describe('writing checks: citations are not prose', () => {
  it('reads Pandoc citations and Markdown escapes as markup, so a figure or quote next to them is checked alone', () => {
    const draft = 'Spending rose 6.3% [@worldtodaynews2025ukraine, p. 12], as @lennonrussia says: “5 \\* 3”. Mail me@example.org.';
    const prose = draftProse(draft).text;
    assert.equal(prose.length, draft.length, 'offsets unchanged');
    assert.doesNotMatch(prose, /worldtodaynews|@lennonrussia|\\\*/);
    assert.match(prose, /Spending rose 6\.3% +, as +says: “5 +\* 3”/);
    assert.match(prose, /me@example\.org/, 'an e-mail address is not a citation');
  });
});

describe('writing checks: the citation under the cursor', () => {
  it('resolves a note by its key label, and a former note by its marker', () => {
    const draft = `Spending is 6.3%.[^worldtodaynews2025ukraine] Swaps.[^1]\n\n[^worldtodaynews2025ukraine]: ${FULL}\n[^1]: ${FORMER_LENNON}\n`;
    const target = citationAt(draft, draft.indexOf('[^world') + 2, corpus(), bundledLookup());
    assert.equal(target?.meta.id, 'wtn-talks-stall');
    assert.equal(target?.kind, 'footnote');
    assert.equal(citationAt(draft, draft.indexOf('[^1]') + 2, corpus(), bundledLookup())?.meta.id, 'latest-updates-lennon');
    assert.equal(citationAt(draft, 3, corpus(), bundledLookup()), undefined);
    assert.equal(citationAt('See.[^1]\n\n[^1]: A book.\n', 5, corpus(), bundledLookup()), undefined, 'not a Briefing footnote');
  });

  it('resolves Pandoc citations, with the paragraph a locator names', () => {
    const draft = 'Spending rose [@worldtodaynews2025ukraine, para. 3; @lennonrussia] and @lennonrussia says so. Mail me@example.org.';
    const pandoc = citationAt(draft, draft.indexOf('@world') + 3, corpus(), bundledLookup());
    assert.equal(pandoc?.meta.id, 'wtn-talks-stall');
    assert.equal(pandoc?.kind, 'pandoc');
    assert.equal(pandoc?.passage?.order, 2);
    assert.equal(citationAt(draft, draft.indexOf('@lennonrussia]') + 3, corpus(), bundledLookup())?.meta.id, 'latest-updates-lennon');
    assert.equal(citationAt(draft, draft.indexOf('@lennonrussia says') + 3, corpus(), bundledLookup())?.key, 'lennonrussia');
    assert.equal(citationAt(draft, draft.indexOf('example') + 2, corpus(), bundledLookup()), undefined);
  });

  it('resolves in-text citations of the bundled styles and LaTeX notes', function () {
    this.timeout(300_000);
    for (const style of ['apa', 'chicago-author-date', 'mla', 'harvard']) {
      const marker = citerFor(style).engine.cite(bundledLookup().item('latest-updates-lennon')!, 'markdown');
      const draft = `Swaps resumed ${marker} in June.`;
      assert.equal(citationAt(draft, draft.indexOf(marker) + 3, corpus(), bundledLookup())?.meta.id, 'latest-updates-lennon', `${style}: ${marker}`);
    }
    const latex = `Rose.\\footnote{${citerFor('chicago-note').engine.cite(bundledLookup().item('wtn-talks-stall')!, 'latex')}}`;
    assert.equal(citationAt(latex, 8, corpus(), bundledLookup())?.meta.id, 'wtn-talks-stall');
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
