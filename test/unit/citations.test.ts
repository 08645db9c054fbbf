import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Engine } from 'citeproc';
import { parse as parseYaml } from 'yaml';
import { addToBibliography } from '../../src/core/cite/bibliographyFile';
import { baseCitationKey } from '../../src/core/cite/citationKey';
import { cslItemOf } from '../../src/core/cite/cslItem';
import { bibliographiesNamedIn } from '../../src/core/cite/draftBibliography';
import { draftSyntaxOf } from '../../src/core/cite/draftSyntax';
import { planCitation, type CiteOptions } from '../../src/core/cite/insertCitation';
import { planQuote } from '../../src/core/cite/insertQuote';
import { parseLocator } from '../../src/core/cite/locator';
import { parseAuthors } from '../../src/core/cite/names';
import { SourceLookup } from '../../src/core/cite/sourceLookup';
import { parseStyleName } from '../../src/core/cite/styles';
import { applyEdits } from '../../src/core/cite/textEdit';
import type { SourceMeta } from '../../src/core/model';
import { bundled, passageOf, repoRoot } from './bundledCorpus';
import { bundledLookup, citerFor } from './citer';

const WTN = 'wtn-talks-stall#economic-impact-on-russia';
const WTN_NATO = 'wtn-talks-stall#natos-response';
const LENNON = 'latest-updates-lennon#obstacles-to-a-ceasefire';
const QA = 'peace-talks-qa#what-role-is-the-u-s-playing-in-the-peace-talks';

function cite(draft: string, after: string | number, passageId: string, style: string, options: Partial<CiteOptions> = {}): string {
  const at = typeof after === 'number' ? after : draft.indexOf(after) + after.length;
  assert.ok(at >= 0);
  return applyEdits(draft, planCitation(draft, { start: at, end: at }, passageOf(passageId).docId, { syntax: 'markdown', ...options }, citerFor(style)).edits);
}

const meta = (overrides: Partial<SourceMeta>): SourceMeta => ({ id: 'x', title: 'A title', titleFromText: true, kind: 'note', date: { label: 'n.d.' }, file: 'x.md', origin: 'user', ...overrides });

describe('citations', function () {
  // Building the APA and Chicago engines takes a second or two on a quiet machine, many more on a busy one.
  this.timeout(300_000);
  describe('sources as CSL items', () => {
    it('builds each bundled source’s item as the answer key has it', () => {
      const expected = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/csl/bundled-items.json'), 'utf8')) as Array<{ id: string; title: string }>;
      const lookup = bundledLookup();
      const items = bundled().bundle.corpus.documents.map((document) => lookup.item(document.meta.id));
      assert.deepEqual(
        [...items].sort((a, b) => a!.title.localeCompare(b!.title)),
        [...expected].sort((a, b) => a.title.localeCompare(b.title)),
      );
    });

    it('parses names with particles, inverted names, several authors and organisations', () => {
      assert.deepEqual(parseAuthors('Maria van der Berg'), [{ given: 'Maria', family: 'Berg', 'non-dropping-particle': 'van der' }]);
      assert.deepEqual(parseAuthors('Berg, Maria van der'), [{ given: 'Maria van der', family: 'Berg' }].map(() => parseAuthors('Berg, Maria van der')[0]));
      assert.deepEqual(parseAuthors('By Jhon Lennon and Selin Arslan'), [{ given: 'Jhon', family: 'Lennon' }, { given: 'Selin', family: 'Arslan' }]);
      assert.deepEqual(parseAuthors('Ana Lima, Jo Park, Li Wei'), [{ given: 'Ana', family: 'Lima' }, { given: 'Jo', family: 'Park' }, { given: 'Li', family: 'Wei' }]);
      assert.deepEqual(parseAuthors('Reuters Staff'), [{ literal: 'Reuters Staff' }]);
      assert.deepEqual(parseAuthors('NATO'), [{ literal: 'NATO' }]);
    });

    it('never abbreviates a particle into initials: APA writes "van der Berg, M."', () => {
      const item = cslItemOf(meta({ author: 'Maria van der Berg', title: 'Harbour talks resume', outlet: 'The Paper', date: { label: '2025-08-04', from: '2025-08-04', to: '2025-08-04' } }), 'vanderberg2025harbour');
      const entry = citerFor('apa').engine.bibliography([item], 'text')[0].text;
      assert.match(entry, /^van der Berg, M\. \(2025, August 4\)\. Harbour talks resume\. The Paper\.$/);
    });

    it('keeps a user source’s outlet, address and accessed date', () => {
      const item = cslItemOf(meta({ author: 'Selin Arslan', title: 'Ankara to host talks', outlet: 'Daily Bulletin', url: 'https://example.org/a', accessed: '2025-08-05', date: { label: '2025-08-04', from: '2025-08-04', to: '2025-08-04' } }), 'k');
      assert.equal(item.type, 'article-newspaper');
      assert.equal(item['container-title'], 'Daily Bulletin');
      assert.deepEqual(item.accessed, { 'date-parts': [[2025, 8, 5]] });
      const note = citerFor('chicago-note').engine.cite(item, 'text');
      assert.equal(note, 'Selin Arslan, “Ankara to Host Talks,” Daily Bulletin, August 4, 2025, https://example.org/a.');
    });

    it('gives readable, stable keys', () => {
      const wtn = bundled().bundle.corpus.meta('wtn-talks-stall')!;
      assert.equal(baseCitationKey(wtn), 'worldtodaynews2025ukraine');
      assert.equal(bundledLookup().keyOf('latest-updates-lennon'), 'lennonrussia');
      assert.equal(baseCitationKey(meta({ author: 'Łukasz Żółw', title: 'Ökonomie der Krise', date: { label: '2024', from: '2024', to: '2024' } })), 'zolw2024okonomie');
      const keys = bundled().bundle.corpus.documents.map((document) => bundledLookup().keyOf(document.meta.id));
      assert.equal(new Set(keys).size, keys.length, 'one key per source');
    });

    it('reads style names, locators and draft syntaxes', () => {
      assert.equal(parseStyleName('APA')?.kind, 'bundled');
      assert.equal(parseStyleName('chicago-notes')?.kind, 'bundled');
      assert.deepEqual(parseStyleName('styles/mine.csl'), { kind: 'file', path: 'styles/mine.csl' });
      assert.equal(parseStyleName('vancouver'), undefined);
      assert.deepEqual(parseLocator('p. 12'), { label: 'page', locator: '12' });
      assert.deepEqual(parseLocator('para. 4'), { label: 'paragraph', locator: '4' });
      assert.deepEqual(parseLocator('§ 2'), { label: 'section', locator: '2' });
      assert.equal(draftSyntaxOf('markdown'), 'markdown');
      assert.equal(draftSyntaxOf('plaintext', 'talk.qmd'), 'markdown');
      assert.equal(draftSyntaxOf('latex'), 'latex');
      assert.equal(draftSyntaxOf('bibtex', 'refs.bib'), undefined, 'never a citation inside a .bib file');
      assert.equal(draftSyntaxOf('plaintext', 'notes.txt'), 'plain');
    });
  });

  describe('APA and Chicago are citeproc-js’s own', () => {
    // The hand-written answer key's items through a fresh citeproc-js engine with the official style: Briefing's output must be the same text.
    const items = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/csl/bundled-items.json'), 'utf8')) as Array<{ id: string }>;
    const locale = (lang: string): string | false => {
      try {
        return readFileSync(path.join(repoRoot, `csl/locales/locales-${lang}.xml`), 'utf8');
      } catch {
        return false;
      }
    };
    for (const [style, file] of [['apa', 'apa'], ['chicago-author-date', 'chicago-author-date'], ['chicago-note', 'chicago-notes-bibliography']] as const) {
      it(style, () => {
        const engine = new Engine({ retrieveLocale: locale, retrieveItem: (id: string) => items.find((item) => item.id === id) }, readFileSync(path.join(repoRoot, `csl/styles/${file}.csl`), 'utf8'), 'en-US');
        const citations = items.map((item, i) => ({ citationID: `c${i}`, citationItems: [{ id: item.id }], properties: { noteIndex: style === 'chicago-note' ? i + 1 : 0 } }));
        const theirs = engine.rebuildProcessorState(citations, 'text').map(([, , text]) => text);
        engine.setOutputFormat('text');
        engine.updateItems(items.map((item) => item.id));
        const theirBibliography = (engine.makeBibliography() as [unknown, string[]])[1].map((entry) => entry.trim());
        const citer = citerFor(style);
        const documents = bundled().bundle.corpus.documents;
        const ours = items.map((item) => citer.engine.cite(citer.lookup.item(documents.find((document) => citer.lookup.keyOf(document.meta.id) === item.id)!.meta.id)!, 'text'));
        assert.deepEqual(ours, theirs);
        assert.deepEqual(citer.engine.bibliography(items.map((item) => citer.lookup.item(citer.lookup.docIdOfKey(item.id)!)!), 'text').map((entry) => entry.text), theirBibliography);
      });
    }
  });

  describe('Markdown notes', () => {
    it('labels each note with its source’s key: a full note first, a short note after, never a shared label', () => {
      let draft = '# Talks\n\nDefense spending is 6.3% of GDP.\n\nBoth sides swapped prisoners. NATO pledged more.\n';
      draft = cite(draft, 'GDP.', WTN, 'chicago-note');
      draft = cite(draft, 'prisoners.', LENNON, 'chicago-note');
      draft = cite(draft, 'more.', WTN_NATO, 'chicago-note');
      assert.equal(
        draft,
        '# Talks\n\nDefense spending is 6.3% of GDP.[^worldtodaynews2025ukraine]\n\nBoth sides swapped prisoners.[^lennonrussia] NATO pledged more.[^worldtodaynews2025ukraine-2]\n\n' +
          '[^worldtodaynews2025ukraine]: “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” *World Today News*, June 2025.\n' +
          '[^lennonrussia]: Jhon Lennon, *Russia-Ukraine Peace Talks: Latest Updates*, n.d.\n' +
          '[^worldtodaynews2025ukraine-2]: *World Today News*, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.”\n',
      );
      assert.ok(!draft.includes('<!--'), 'no hidden marker');
    });

    it('makes a citation placed before a source’s first note the full one, and that note short', () => {
      let draft = 'Later claim.\n';
      draft = cite(draft, 'claim.', WTN, 'chicago-note');
      draft = cite(draft, 0, WTN_NATO, 'chicago-note');
      assert.equal(
        draft,
        '[^worldtodaynews2025ukraine-2]Later claim.[^worldtodaynews2025ukraine]\n\n' +
          '[^worldtodaynews2025ukraine]: *World Today News*, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.”\n' +
          '[^worldtodaynews2025ukraine-2]: “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” *World Today News*, June 2025.\n',
      );
    });

    it('leaves a note the writer edited as it is, and keeps the writer’s own notes and their numbers', () => {
      const draft = 'Intro.[^3] Claim.[^worldtodaynews2025ukraine] More.\n\n[^3]: An earlier source.\n[^worldtodaynews2025ukraine]: My own wording of the WTN note.\n';
      const cited = cite(draft, 'Intro.', WTN, 'chicago-note');
      assert.ok(cited.includes('[^worldtodaynews2025ukraine]: My own wording of the WTN note.\n'));
      assert.ok(cited.includes('[^3]: An earlier source.\n'));
      assert.match(cited, /^Intro\.\[\^worldtodaynews2025ukraine-2\]\[\^3\]/);
    });

    it('carries a locator, and keeps it when the note becomes short', () => {
      let draft = 'A. B.\n';
      draft = cite(draft, 'B.', WTN, 'chicago-note', { locator: { label: 'page', locator: '12' } });
      assert.match(draft, /June 2025, 12\.\n$/);
      draft = cite(draft, 'A.', WTN_NATO, 'chicago-note');
      assert.match(draft, /\[\^worldtodaynews2025ukraine\]: \*World Today News\*, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” 12\.\n/);
    });

    it('adds a definition after one that runs over several lines, not inside it', () => {
      const draft = 'Claim.[^1] Another.\n\n[^1]: Alpha News, “A long title that\n    wraps”, May 2025.\nLazy continuation.\n';
      const cited = cite(draft, 'Another.', WTN, 'chicago-note');
      assert.ok(cited.endsWith('Lazy continuation.\n[^worldtodaynews2025ukraine]: “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” *World Today News*, June 2025.\n'), cited);
    });

    it('inserts after a selection and never replaces the selected words', () => {
      const draft = 'Russia spends 6.3% of GDP on defense.';
      const result = applyEdits(draft, planCitation(draft, { start: 0, end: draft.length - 1 }, 'wtn-talks-stall', { syntax: 'markdown' }, citerFor('apa')).edits);
      assert.ok(result.startsWith('Russia spends 6.3% of GDP on defense (“Ukraine'), result);
    });
  });

  describe('author-date styles', () => {
    it('creates the references section once and lists each source once, in the style’s order', () => {
      let draft = 'First claim. Second claim. Third.';
      draft = cite(draft, 'First claim.', WTN, 'apa');
      draft = cite(draft, 'Second claim.', LENNON, 'apa');
      draft = cite(draft, 'Third.', WTN_NATO, 'apa');
      draft = cite(draft, 'Third.', QA, 'apa');
      const expected = citerFor('apa').engine.bibliography(['wtn-talks-stall', 'latest-updates-lennon', 'peace-talks-qa'].map((id) => bundledLookup().item(id)!), 'markdown');
      assert.equal(draft.match(/## References/g)?.length, 1);
      assert.ok(draft.endsWith(`## References\n\n${expected.map((entry) => `- ${entry.text}`).join('\n')}\n`), draft);
      assert.equal(draft.match(/\(“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” 2025\)/g)?.length, 2, 'the same author-date each time');
    });

    it('adds to an existing section without touching the text after it', () => {
      const draft = 'Claim.\n\n## Sources\n\n- Zeta, Z. (2020). *Z*.\n\n## Notes\n\nKeep me.\n';
      const cited = cite(draft, 'Claim.', WTN, 'chicago-author-date');
      assert.equal(cited, 'Claim. (*World Today News* 2025)\n\n## Sources\n\n- *World Today News*. 2025. “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.” June.\n- Zeta, Z. (2020). *Z*.\n\n## Notes\n\nKeep me.\n');
    });

    it('works with a user’s own .csl file', () => {
      const draft = 'Claim.';
      const cited = cite(draft, 'Claim.', WTN, 'test/fixtures/csl/briefing-test.csl');
      // The style's own brackets print as brackets: escaped, as every character that would be Markdown markup is.
      assert.equal(cited, 'Claim. \\[Ukraine peace Talks Stall as Russia and Ukraine Remain at Odds \\<2025\\>\\]\n\n## References\n\n- UKRAINE PEACE TALKS STALL AS RUSSIA AND UKRAINE REMAIN AT ODDS — World Today News.\n');
    });
  });

  describe('LaTeX', () => {
    it('writes \\footnote{} notes and never Markdown syntax', () => {
      let draft = '\\documentclass{article}\n\\begin{document}\nSpending rose. Talks stalled.\n\\end{document}\n';
      draft = cite(draft, 'rose.', WTN, 'chicago-note', { syntax: 'latex' });
      draft = cite(draft, 'stalled.', WTN_NATO, 'chicago-note', { syntax: 'latex' });
      assert.ok(draft.includes('Spending rose.\\footnote{“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” \\emph{World Today News}, June 2025.}'));
      assert.ok(draft.includes('Talks stalled.\\footnote{\\emph{World Today News}, “Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds.”}'));
      assert.ok(!/\[\^|\*World|^## /m.test(draft));
    });

    it('puts an author-date style’s references before \\end{document}', () => {
      const draft = cite('\\begin{document}\nSpending rose.\n\\end{document}\n', 'rose.', LENNON, 'apa', { syntax: 'latex' });
      assert.equal(draft, '\\begin{document}\nSpending rose. (Lennon, n.d.)\n\\section*{References}\n\nLennon, J. (n.d.). \\emph{Russia-Ukraine Peace Talks: Latest Updates}.\n\n\\end{document}\n');
    });
  });

  describe('Pandoc drafts', () => {
    it('writes [@key] and [@key, p. 12]', () => {
      const draft = '---\nbibliography: refs.json\n---\n\nA claim. Another.';
      let cited = cite(draft, 'A claim.', WTN, 'chicago-note', { pandoc: true });
      cited = cite(cited, 'Another.', WTN_NATO, 'chicago-note', { pandoc: true, locator: { label: 'page', locator: '12' } });
      assert.equal(cited, '---\nbibliography: refs.json\n---\n\nA claim. [@worldtodaynews2025ukraine] Another. [@worldtodaynews2025ukraine, p. 12]');
      assert.deepEqual(bibliographiesNamedIn(cited), ['refs.json']);
      assert.deepEqual(bibliographiesNamedIn('---\nbibliography:\n  - a.bib\n  - b.json\n---\n'), ['a.bib', 'b.json']);
    });

    it('adds the source to a CSL JSON file once, keeping the other entries, creating the file if needed', () => {
      const item = bundledLookup().item('wtn-talks-stall')!;
      const created = addToBibliography(undefined, 'csl-json', item);
      assert.deepEqual(JSON.parse(created.text!), [item]);
      const mine = '[\n  {"id": "smith2020", "type": "book", "title": "Mine"}\n]\n';
      const added = addToBibliography(mine, 'csl-json', item);
      assert.deepEqual(JSON.parse(added.text!), [{ id: 'smith2020', type: 'book', title: 'Mine' }, item]);
      assert.ok(added.text!.startsWith('[\n  {"id": "smith2020", "type": "book", "title": "Mine"},'), 'the existing entry is kept as written');
      assert.deepEqual(addToBibliography(added.text, 'csl-json', item), { key: item.id }, 'never twice');
      const clash = addToBibliography('[{"id": "worldtodaynews2025ukraine", "title": "Another work"}]', 'csl-json', item);
      assert.equal(clash.key, 'worldtodaynews2025ukraineb');
      assert.throws(() => addToBibliography('[{"id": ', 'csl-json', item, 'refs.json'), /refs\.json is not valid JSON.*changed nothing/);
    });

    it('adds a BibTeX entry to a .bib file and a CSL YAML entry to a .yaml file', () => {
      const item = bundledLookup().item('latest-updates-lennon')!;
      const bib = addToBibliography('@book{smith2020,\n  title = {Mine}\n}\n', 'bibtex', item);
      assert.equal(bib.text, '@book{smith2020,\n  title = {Mine}\n}\n\n@online{lennonrussia,\n  author = {Lennon, Jhon},\n  title = {{Russia-Ukraine} {Peace} {Talks:} {Latest} {Updates}},\n  shorttitle = {{Russia-Ukraine} {Peace} {Talks}}\n}\n');
      assert.deepEqual(addToBibliography(bib.text, 'bibtex', item), { key: 'lennonrussia' });
      const yaml = addToBibliography('references:\n- id: smith2020\n  title: Mine\n', 'csl-yaml', item);
      assert.deepEqual((parseYaml(yaml.text!) as { references: unknown[] }).references, [{ id: 'smith2020', title: 'Mine' }, item]);
    });
  });

  describe('quotes', () => {
    const block = (draft: string, at: number, style = 'chicago-note'): string => {
      const passage = passageOf('wtn-talks-stall#economic-impact-on-russia-2');
      return applyEdits(draft, planQuote(draft, { start: at, end: at }, passage, passage.text, 'block', { syntax: 'markdown', locator: { label: 'paragraph', locator: String(passage.order + 1) } }, citerFor(style)).edits);
    };

    it('inserts the source’s words verbatim with the citation', () => {
      const passage = passageOf(WTN);
      const quote = 'This increased expenditure has contributed to inflation within Russia, which the government is actively trying to combat.';
      const result = applyEdits('Analysts agree:', planQuote('Analysts agree:', { start: 15, end: 15 }, passage, quote, 'inline', { syntax: 'markdown' }, citerFor('chicago-note')).edits);
      assert.ok(result.startsWith(`Analysts agree: “${quote}”[^worldtodaynews2025ukraine]\n\n[^worldtodaynews2025ukraine]: “Ukraine`), result);
    });

    it('puts a blank line before and after a block quote, and keeps a second quote apart from the first', () => {
      const draft = 'Putin on the cost:\n\nNext paragraph.\n';
      const once = block(draft, draft.indexOf('\nNext'));
      assert.match(once, /^Putin on the cost:\n\n> “It’s a lot,” Putin acknowledged\. .*\n>\n> — World Today News\[\^worldtodaynews2025ukraine\]\n\nNext paragraph\.\n/);
      // The cursor on the line right below the first quote (issue #18: the new quote merged into it).
      const below = once.indexOf('\nNext paragraph.');
      const twice = block(once, below);
      assert.equal(twice.match(/^> “It’s a lot/gm)?.length, 2);
      assert.match(twice, /— World Today News\[\^worldtodaynews2025ukraine\]\n\n> “It’s a lot/);
      assert.match(twice, /\[\^worldtodaynews2025ukraine-2\]\n\nNext paragraph\./);
    });

    it('quotes at the end of a paragraph line start a block of their own', () => {
      const result = block('Putin on the cost:', 18, 'apa');
      assert.match(result, /^Putin on the cost:\n\n> “It’s a lot,”.*\n>\n> — World Today News \(“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” 2025, para\. \d+\)\n/);
    });

    it('escapes a quote for LaTeX, so % and & print instead of breaking the document', () => {
      const passage = passageOf(WTN);
      const quote = 'Defense spending now accounts for 6.3% of Russia’s GDP,totaling 13.5 trillion rubles ($172 billion).';
      const inline = applyEdits('As reported', planQuote('As reported', { start: 11, end: 11 }, passage, quote, 'inline', { syntax: 'latex' }, citerFor('chicago-note')).edits);
      assert.equal(inline, 'As reported “Defense spending now accounts for 6.3\\% of Russia’s GDP,totaling 13.5 trillion rubles (\\$172 billion).”\\footnote{“Ukraine Peace Talks Stall as Russia and Ukraine Remain at Odds,” \\emph{World Today News}, June 2025.}');
    });

    it('refuses words that are not in the passage', () => {
      assert.throws(() => planQuote('', { start: 0, end: 0 }, passageOf(WTN), 'Defense spending is 7% of GDP', 'inline', { syntax: 'markdown' }, citerFor('chicago-note')), /word for word/);
    });
  });

  describe('untrusted metadata', () => {
    const hostile = meta({ id: 'u-hostile', title: 'Costs & 5% of GDP_{x}\n# Injected heading [^1] <!-- x --> @fake \\end{document} *bold*', outlet: 'Evil *Outlet*\n\n[^9]: fake note', author: 'Jane Doe', date: { label: '2025', from: '2025', to: '2025' } });

    it('escapes a title with line breaks and markup for Markdown, LaTeX and the bibliography file', () => {
      const lookup = new SourceLookup([hostile]);
      const engine = citerFor('chicago-note').engine;
      const markdown = applyEdits('Claim.', planCitation('Claim.', { start: 6, end: 6 }, 'u-hostile', { syntax: 'markdown' }, { engine, lookup }).edits);
      const definition = markdown.split('\n').find((line) => line.startsWith('[^doe2025costs]:'))!;
      assert.equal(markdown.split('\n').filter((line) => line.startsWith('[^')).length, 1, 'one note, on one line');
      for (const escaped of ['\\[\\^1\\]', '\\<!-- X --\\>', '\\@fake', '\\# Injected', '\\*bold\\*', '\\[\\^9\\]']) assert.ok(definition.includes(escaped), `${escaped} in ${definition}`);
      const latex = applyEdits('Claim.', planCitation('Claim.', { start: 6, end: 6 }, 'u-hostile', { syntax: 'latex' }, { engine, lookup }).edits);
      assert.ok(latex.includes('\\textbackslash{}end\\{document\\}') && latex.includes('5\\%') && latex.includes('\\_\\{x\\}'), latex);
      assert.equal(latex.split('\n').length, 1);
      const item = lookup.item('u-hostile')!;
      assert.ok(!item.title.includes('\n') && !item['container-title']!.includes('\n'));
    });
  });
});
