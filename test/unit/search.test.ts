import { strict as assert } from 'node:assert';
import { Corpus } from '../../src/core/corpus';
import { exactTerms } from '../../src/core/search/exactTerms';
import { SearchIndex } from '../../src/core/search/searchIndex';
import { parseUserFile } from '../../src/core/sources/userSource';
import { bundled } from './bundledCorpus';

const search = (query: string, limit = 3): string[] => bundled().bundle.index.search(query, { limit }).map((hit) => hit.passage.id);

function assertInTop(query: string, passageId: string, top = 3): void {
  const ids = search(query, top);
  assert.ok(ids.includes(passageId), `"${query}" should find ${passageId} in the top ${top}, got:\n  ${ids.join('\n  ')}`);
}

describe('searching the bundled corpus', () => {
  describe('questions in a writer’s words', () => {
    const cases: Array<[string, string]> = [
      ['prisoner exchange', 'wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts'],
      ['what did Peskov say about the talks', 'istanbul-talks-blog#intro-2'],
      ['Russian defence spending share of GDP', 'wtn-talks-stall#economic-impact-on-russia'],
      ['Trump deadline sanctions', 'istanbul-talks-blog#intro'],
      ['Zelenskiy priorities', 'istanbul-talks-blog#intro-4'],
      ['Russia list of demands neutrality NATO', 'istanbul-talks-blog#intro-5'],
      ['bodies of soldiers returned', 'wtn-talks-stall#ukrainian-soldiers-bodies-to-be-returned-by-russia'],
      ['Rubio Lavrov meeting', 'us-russia-explainer#intro'],
      ['Putin contradictory memorandums', 'wtn-talks-stall#deadlock-in-negotiations'],
      ['NATO pledge 5% of GDP aggressive', 'wtn-talks-stall#natos-response'],
      ['Umerov proposed talks June', 'peace-talks-qa#what-are-the-latest-updates-on-the-russia-ukraine-peace'],
      ['Crimea annexation 2014', 'wtn-talks-stall#evergreen-insights-the-russia-ukraine-conflict'],
      ['Turkey mediation', 'latest-updates-lennon#international-reaction-and-mediation-efforts'],
      ['inflation rubles', 'wtn-talks-stall#economic-impact-on-russia'],
      ['peacekeepers to monitor the ceasefire', 'latest-updates-lennon#potential-paths-forward'],
      ['Lithuanian officials unacceptable', 'us-russia-explainer#how-has-russia-responded-to-us-proposals-in-the-talks'],
    ];
    for (const [query, passageId] of cases) it(`"${query}"`, () => assertInTop(query, passageId));
  });

  describe('while the last word is being typed', () => {
    it('matches a prefix of the last word', () => {
      assertInTop('Rubio Lav', 'us-russia-explainer#intro');
      assertInTop('peaceke', 'latest-updates-lennon#potential-paths-forward');
    });

    it('does not treat finished words as prefixes', () => {
      assert.deepEqual(search('Lav '), [], 'a word followed by a space is finished; "Lav" is no word of the corpus');
    });
  });

  describe('typos and spelling variants', () => {
    it('survives a one-letter typo', () => {
      assertInTop('ceasfire obstacles', 'latest-updates-lennon#obstacles-to-a-ceasefire');
      assertInTop('Peskow expectations', 'istanbul-talks-blog#intro-2');
      assertInTop('Umerof', 'peace-talks-qa#what-are-the-latest-updates-on-the-russia-ukraine-peace');
    });

    it('treats defence and defense, Kiev and Kyiv, and the Zelensky spellings alike', () => {
      assert.deepEqual(search('defence spending', 5), search('defense spending', 5));
      assert.deepEqual(search('Kiev', 5), search('Kyiv', 5));
      const zelensky = search('Zelensky', 10);
      assert.deepEqual(search('Zelenskyy', 10), zelensky);
      assert.ok(zelensky.includes('istanbul-talks-blog#intro-6'), 'finds the Zelenskiy spelling');
      assert.ok(zelensky.includes('latest-updates-lennon#key-players-and-their-stances'), 'finds the Zelenskyy spelling');
    });
  });

  describe('aliases applied at query time', () => {
    it('finds the U.S. when the writer says Washington', () => {
      assertInTop('Washington role in the peace talks', 'peace-talks-qa#what-role-is-the-u-s-playing-in-the-peace-talks');
    });

    it('finds the Kremlin spokesperson by name and by role', () => {
      assertInTop('Kremlin spokesperson', 'istanbul-talks-blog#intro-2', 1);
      assertInTop('Peskov', 'istanbul-talks-blog#intro-2', 1);
    });

    it('reads number words as digits and "per cent" as %', () => {
      assertInTop('a thousand prisoners', 'wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts');
      assertInTop('three thousand bodies', 'wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts');
      assertInTop('6.3 per cent', 'wtn-talks-stall#economic-impact-on-russia');
      assertInTop('fifty-day deadline', 'istanbul-talks-blog#intro');
    });

    it('matches prisoner swaps and prisoner exchanges', () => {
      const swaps = search('prisoner swaps', 10);
      assert.ok(swaps.includes('wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts'));
      assert.ok(swaps.includes('wtn-talks-stall#future-prospects-for-negotiation'));
    });
  });

  describe('snippets', () => {
    it('cuts one to three verbatim sentences of the passage and marks the matched words', () => {
      const [hit] = bundled().bundle.index.search('3,000 bodies returned', { limit: 1 });
      assert.ok(hit.passage.text.includes(hit.snippet.text), 'the snippet is the passage’s own words');
      const marked = hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end).toLowerCase());
      assert.ok(marked.includes('3,000') && marked.includes('bodies'), `marked: ${marked.join(', ')}`);
    });

    it('picks the sentence that answers the query out of a long paragraph', () => {
      const [hit] = bundled().bundle.index.search('peacekeepers buffer', { limit: 1 });
      assert.equal(hit.passage.id, 'latest-updates-lennon#potential-paths-forward');
      assert.ok(hit.passage.text.length > 1000);
      assert.ok(hit.snippet.text.length < 400, `snippet has ${hit.snippet.text.length} characters`);
      assert.match(hit.snippet.text, /international peacekeepers/);
      assert.equal(hit.passage.text.slice(hit.snippet.span.start, hit.snippet.span.end), hit.snippet.text);
    });
  });

  describe('edge cases', () => {
    it('returns nothing for an empty query or one of stop words only', () => {
      assert.deepEqual(search(''), []);
      assert.deepEqual(search('   '), []);
      assert.deepEqual(search('what is the'), []);
    });

    it('treats markup and regex characters in a query as plain text', () => {
      assert.doesNotThrow(() => search('<script>alert(1)</script> (.*+?[ '));
      assertInTop('"prisoner exchanges" (humanitarian)', 'wtn-talks-stall#prisoner-exchanges-and-humanitarian-efforts');
    });

    it('ranks preferred passages first', () => {
      const plain = bundled().bundle.index.search('prisoner', { limit: 5 }).map((hit) => hit.passage.id);
      const preferred = new Set([plain[4]]);
      const ranked = bundled().bundle.index.search('prisoner', { limit: 5, preferred }).map((hit) => hit.passage.id);
      assert.equal(ranked[0], plain[4]);
    });
  });

  describe('figures and names typed exactly', () => {
    const clipping = (name: string, body: string): ReturnType<typeof parseUserFile>['document'] =>
      parseUserFile({ path: `/clips/${name}.md`, text: `---\ntitle: ${name}\noutlet: Wire ${name}\ndate: 2025-08-04\n---\n# ${name}\n\n${body}\n` }).document;
    // A small library: one clipping states the figure asked for; the others only share the other words.
    const documents = [
      clipping('exact', 'Officials said the swap would free 1,200 prisoners on each side.'),
      clipping('cited', 'Prisoners held since 2022 were discussed. The prisoners were not named. More prisoners may follow.'),
      clipping('rounded', 'About 1,000 prisoners went home last year after a swap of prisoners.'),
      clipping('names', 'Arslan wrote that prisoners from Ankara talks were counted. Prisoners again.'),
      clipping('other', 'Arslanov said prisoners were moved. Prisoners, prisoners.'),
    ];
    const index = SearchIndex.build(new Corpus(documents));
    const ids = (query: string, preferredDoc?: string): string[] => {
      const preferred = new Set(documents.filter((document) => document.meta.id === preferredDoc).flatMap((document) => document.passages.map((passage) => passage.id)));
      return index.search(query, { limit: 5, preferred }).map((hit) => hit.passage.docId);
    };
    const id = (name: string): string => documents.find((document) => document.meta.title === name)!.meta.id;

    it('reads the figures and capitalised words of a query, not the word still being typed', () => {
      assert.deepEqual(exactTerms('1,200 prisoners'), ['1200']);
      assert.deepEqual(exactTerms('Arslan prisoners '), ['arslan']);
      assert.deepEqual(exactTerms('prisoners Arsl'), []);
      assert.deepEqual(exactTerms('the 6.3% of GDP '), ['6.3', 'gdp']);
      assert.deepEqual(exactTerms('the 6.3% of GDP ', { names: false }), ['6.3'], 'by meaning, only the figures');
    });

    it('puts the passage with the figure as typed first, above the sources the draft already cites', () => {
      assert.equal(ids('1,200 prisoners')[0], id('exact'));
      assert.equal(ids('1,200 prisoners', id('cited'))[0], id('exact'), 'a cited source ranks first only among equal matches');
      assert.equal(ids('1,200 prisoners', id('cited'))[1], id('cited'), 'and still above the others that match as well');
    });

    it('puts a name typed exactly above a longer name it is the start of', () => {
      assert.equal(ids('Arslan prisoners', id('other'))[0], id('names'));
    });
  });

  describe('suggestions', () => {
    it('completes the word being typed from the corpus vocabulary', () => {
      const suggestions = bundled().bundle.index.suggest('prisoner exch').map((suggestion) => suggestion.text);
      assert.ok(suggestions.some((text) => text.startsWith('prisoner exchang')), suggestions.join(', '));
    });
  });
});
