import { strict as assert } from 'node:assert';
import { planCitation } from '../../src/core/cite/insertCitation';
import { planQuote } from '../../src/core/cite/insertQuote';
import { defaultStyleFor, formatCitation, parseCitationStyle } from '../../src/core/cite/styles';
import { applyEdits } from '../../src/core/cite/textEdit';
import type { Passage, SourceMeta } from '../../src/core/model';
import { bundled, passageOf } from './bundledCorpus';

const meta = (docId: string): SourceMeta => bundled().bundle.corpus.meta(docId)!;
const wtn = (): Passage => passageOf('wtn-talks-stall#economic-impact-on-russia');
const lennon = (): Passage => passageOf('latest-updates-lennon#obstacles-to-a-ceasefire');
const qa = (): Passage => passageOf('peace-talks-qa#what-role-is-the-u-s-playing-in-the-peace-talks');

function cite(draft: string, cursor: number, passage: Passage, style: Parameters<typeof planCitation>[4]): string {
  return applyEdits(draft, planCitation(draft, { start: cursor, end: cursor }, passage, meta(passage.docId), style).edits);
}

describe('citations', () => {
  describe('formats', () => {
    it('writes each style from the source’s own metadata', () => {
      assert.equal(formatCitation(wtn(), meta('wtn-talks-stall'), 'inline').inText, '(World Today News, *Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds*, June 2025, “Economic Impact on Russia”)');
      assert.deepEqual(formatCitation(wtn(), meta('wtn-talks-stall'), 'apa'), {
        inText: '(World Today News, 2025)',
        entry: 'World Today News. (2025, June). *Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds*.',
      });
      assert.deepEqual(formatCitation(lennon(), meta('latest-updates-lennon'), 'apa'), {
        inText: '(Lennon, n.d.)',
        entry: 'Lennon, J. (n.d.). *Russia-Ukraine Peace Talks: Latest Updates*.',
      });
      assert.equal(formatCitation(wtn(), meta('wtn-talks-stall'), 'chicago').entry, 'World Today News. 2025. “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds.”');
      assert.equal(formatCitation(lennon(), meta('latest-updates-lennon'), 'plain').inText, '(Source: Jhon Lennon, "Russia-Ukraine Peace Talks: Latest Updates", n.d., section "Obstacles to a Ceasefire")');
    });

    it('cites a source with neither author nor outlet by its title, and never invents a date', () => {
      const parts = formatCitation(qa(), meta('peace-talks-qa'), 'apa');
      assert.equal(parts.inText, '(*Russia-Ukraine peace talks: questions…*, n.d.)');
      assert.ok(!/\b(19|20)\d\d\b/.test(parts.entry));
    });

    it('escapes LaTeX special characters', () => {
      const latex = formatCitation(wtn(), { ...meta('wtn-talks-stall'), title: 'Costs & 5% of GDP_{x}' }, 'latex').inText;
      assert.equal(latex, '\\footnote{World Today News, \\emph{Costs \\& 5\\% of GDP\\_\\{x\\}}, June 2025, “Economic Impact on Russia”.}');
    });

    it('chooses a style by language and reads style names users type', () => {
      assert.equal(defaultStyleFor('markdown'), 'footnote');
      assert.equal(defaultStyleFor('latex'), 'latex');
      assert.equal(defaultStyleFor('plaintext'), 'plain');
      assert.equal(parseCitationStyle('Markdown'), 'inline');
      assert.equal(parseCitationStyle('harvard'), undefined);
    });
  });

  describe('Markdown footnotes', () => {
    it('numbers new footnotes in order and adds definitions at the end', () => {
      let draft = '# Talks\n\nDefense spending is 6.3% of GDP.\n\nBoth sides swapped prisoners.\n';
      draft = cite(draft, draft.indexOf('GDP.') + 4, wtn(), 'footnote');
      draft = cite(draft, draft.indexOf('prisoners.') + 10, lennon(), 'footnote');
      assert.equal(
        draft,
        '# Talks\n\nDefense spending is 6.3% of GDP.[^1]\n\nBoth sides swapped prisoners.[^2]\n\n' +
          '[^1]: World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. <!-- briefing:wtn-talks-stall -->\n' +
          '[^2]: Jhon Lennon, “Russia-Ukraine Peace Talks: Latest Updates”, n.d. <!-- briefing:latest-updates-lennon -->\n',
      );
    });

    it('reuses the number of a source already cited', () => {
      let draft = 'One claim.\n';
      draft = cite(draft, 10, wtn(), 'footnote');
      const again = passageOf('wtn-talks-stall#natos-response');
      const before = draft;
      draft = cite(draft, 0, again, 'footnote');
      assert.ok(draft.startsWith('[^1]One claim.[^1]'));
      assert.equal(draft.match(/^\[\^1\]:/gm)?.length, 1, 'one definition');
      assert.equal(draft.length, before.length + 4);
    });

    it('keeps existing footnotes and their numbers, continuing after the highest', () => {
      const draft = 'Intro.[^3] More.[^note]\n\n[^3]: An earlier source.\n[^note]: A note.\n';
      const cited = cite(draft, 'Intro.[^3] More.'.length, wtn(), 'footnote');
      assert.equal(cited, 'Intro.[^3] More.[^4][^note]\n\n[^3]: An earlier source.\n[^note]: A note.\n[^4]: World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. <!-- briefing:wtn-talks-stall -->\n');
    });

    it('adds a new definition after a definition that runs over several lines, not inside it', () => {
      const draft = 'Claim.[^1] Another.\n\n[^1]: Alpha News, “A long title that\n    wraps”, May 2025.\nLazy continuation.\n';
      const cited = cite(draft, 'Claim.[^1] Another.'.length, wtn(), 'footnote');
      assert.equal(cited, `Claim.[^1] Another.[^2]\n\n[^1]: Alpha News, “A long title that\n    wraps”, May 2025.\nLazy continuation.\n[^2]: World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025. <!-- briefing:wtn-talks-stall -->\n`);
    });

    it('inserts after a selection and never replaces the selected words', () => {
      const draft = 'Russia spends 6.3% of GDP on defense.';
      const selection = { start: 0, end: draft.length - 1 };
      const result = applyEdits(draft, planCitation(draft, selection, wtn(), meta('wtn-talks-stall'), 'inline').edits);
      assert.ok(result.startsWith('Russia spends 6.3% of GDP on defense (World Today News'));
      assert.ok(result.endsWith(').'));
    });
  });

  describe('references sections', () => {
    it('creates the section once and adds each source once, in alphabetical order', () => {
      let draft = 'First claim. Second claim. Third.';
      draft = cite(draft, 12, wtn(), 'apa');
      draft = cite(draft, draft.indexOf('Second claim.') + 13, lennon(), 'apa');
      draft = cite(draft, draft.indexOf('Third.') + 6, wtn(), 'apa');
      assert.equal(
        draft,
        'First claim. (World Today News, 2025) Second claim. (Lennon, n.d.) Third. (World Today News, 2025)\n\n## References\n\n' +
          '- Lennon, J. (n.d.). *Russia-Ukraine Peace Talks: Latest Updates*.\n' +
          '- World Today News. (2025, June). *Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds*.\n',
      );
    });

    it('adds to an existing references section without touching the text after it', () => {
      const draft = 'Claim.\n\n## Sources\n\n- Zeta. (2020). *Z*.\n\n## Notes\n\nKeep me.\n';
      const cited = cite(draft, 6, wtn(), 'chicago');
      assert.equal(
        cited,
        'Claim. (World Today News 2025)\n\n## Sources\n\n- World Today News. 2025. “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds.”\n- Zeta. (2020). *Z*.\n\n## Notes\n\nKeep me.\n',
      );
    });
  });

  describe('quotes', () => {
    it('inserts the source’s words verbatim with the citation', () => {
      const passage = wtn();
      const quote = 'This increased expenditure has contributed to inflation within Russia, which the government is actively trying to combat.';
      const draft = 'Analysts agree:';
      const insertion = planQuote(draft, { start: draft.length, end: draft.length }, passage, meta(passage.docId), 'footnote', quote, 'inline');
      const result = applyEdits(draft, insertion.edits);
      assert.ok(result.startsWith(`Analysts agree: “${quote}”[^1]\n\n[^1]: World Today News`));
    });

    it('writes a block quote with its attribution', () => {
      const passage = passageOf('wtn-talks-stall#economic-impact-on-russia-2');
      const draft = 'Putin on the cost:\n';
      const insertion = planQuote(draft, { start: draft.length, end: draft.length }, passage, meta(passage.docId), 'inline', passage.text, 'block');
      assert.equal(
        applyEdits(draft, insertion.edits),
        `Putin on the cost:\n> ${passage.text}\n>\n> — World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025\n`,
      );
    });

    it('escapes a quote for LaTeX, so % and & print instead of breaking the document', () => {
      const passage = wtn();
      const quote = 'Defense spending now accounts for 6.3% of Russia’s GDP,totaling 13.5 trillion rubles ($172 billion).';
      const inline = applyEdits('As reported', planQuote('As reported', { start: 11, end: 11 }, passage, meta(passage.docId), 'latex', quote, 'inline').edits);
      assert.equal(inline, 'As reported “Defense spending now accounts for 6.3\\% of Russia’s GDP,totaling 13.5 trillion rubles (\\$172 billion).”\\footnote{World Today News, \\emph{Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds}, June 2025, “Economic Impact on Russia”.}');
      const block = applyEdits('', planQuote('', { start: 0, end: 0 }, passage, meta(passage.docId), 'latex', quote, 'block').edits);
      assert.match(block, /^\\begin\{quote\}\nDefense spending now accounts for 6\.3\\% .*\n\n--- World Today News, “Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds”, June 2025\\footnote\{.*\}\n\\end\{quote\}\n$/);
    });

    it('escapes the quote in a LaTeX draft whatever the citation style', () => {
      const passage = wtn();
      const quote = 'Defense spending now accounts for 6.3% of Russia’s GDP,totaling 13.5 trillion rubles ($172 billion).';
      const inserted = applyEdits('', planQuote('', { start: 0, end: 0 }, passage, meta(passage.docId), 'apa', quote, 'inline', true).edits);
      assert.ok(inserted.startsWith('“Defense spending now accounts for 6.3\\% of'), inserted);
    });

    it('refuses words that are not in the passage', () => {
      const passage = wtn();
      assert.throws(() => planQuote('', { start: 0, end: 0 }, passage, meta(passage.docId), 'inline', 'Defense spending is 7% of GDP', 'inline'), /word for word/);
    });
  });
});
