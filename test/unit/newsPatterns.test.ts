import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CorpusAnalysis } from '../../src/core/brief/briefing';
import { nameMentions } from '../../src/core/brief/names/nameMentions';
import type { Corpus } from '../../src/core/corpus';
import { tagText } from '../../src/core/text/posTags';
import { LibraryEngine } from '../../src/node/libraryEngine';
import { checkDraft, type DraftFinding } from '../../src/worker/draftReport';
import { repoRoot } from './bundledCorpus';

/**
 * How news prose names people, gives quotes to speakers and states figures, on
 * invented sources (test/fixtures/news-patterns): the patterns behind the errors
 * measured on the news development set, each tested on text of its own.
 */
let loaded: Promise<{ corpus: Corpus; analysis: CorpusAnalysis }> | undefined;
const patterns = (): Promise<{ corpus: Corpus; analysis: CorpusAnalysis }> => {
  loaded ??= (async () => {
    const engine = new LibraryEngine({ extensionPath: repoRoot, roots: [path.join(repoRoot, 'test', 'fixtures', 'news-patterns')], includeBundled: false, maxFileBytes: 1 << 20 });
    await engine.load();
    return { corpus: engine.index.corpus, analysis: await engine.analyse() };
  })();
  return loaded;
};
const speakerOf = (analysis: CorpusAnalysis, words: string): string[] =>
  analysis.stances.flatMap((group) => group.stances).filter((stance) => stance.quotes.some((quote) => quote.includes(words))).map((stance) => stance.speaker);
const mentions = (text: string) => nameMentions({ id: 'p', docId: 'd', kind: 'paragraph', text, span: { start: 0, end: text.length }, order: 0 }, [{ start: 0, end: text.length }]);
const findingsOn = async (draft: string): Promise<(text: string) => DraftFinding | undefined> => {
  const { corpus, analysis } = await patterns();
  const findings = checkDraft(draft, corpus, analysis);
  return (text) => findings.find((finding) => draft.slice(finding.span.start, finding.span.end).includes(text));
};

describe('news patterns on any subject', function () {
  this.timeout(60_000);

  describe('names', () => {
    it('keeps a name with letters beyond Latin-1 whole', () => {
      const words = tagText('Turkish president Erdoğan spoke. A chef named Łukasz helped.').map((token) => token.text);
      assert.ok(words.includes('Erdoğan') && words.includes('Łukasz'), words.join(' '));
      assert.deepEqual(mentions('Turkish president Erdoğan called for talks.').map((mention) => mention.text), ['Erdoğan']);
    });

    it('reads an age in apposition and a trade opening a sentence as a person’s', () => {
      const [amman] = mentions('The attacker, identified as Sudesh Amman, 20, was placed under surveillance.');
      assert.equal(amman.text, 'Sudesh Amman');
      assert.ok(amman.evidence.person > amman.evidence.place, JSON.stringify(amman.evidence));
      const [morgan] = mentions('Broadcaster Piers Morgan commented on the attack.');
      assert.equal(morgan.text, 'Piers Morgan');
      assert.deepEqual(morgan.roles.map((role) => role.text), ['Broadcaster']);
    });

    it('keeps a possessor with the role before a name, and a given name before a place’s head word a person', async () => {
      const { analysis } = await patterns();
      const people = analysis.entities.filter((entity) => entity.kind === 'person');
      const park = people.find((entity) => entity.name === 'Sam Park');
      assert.ok(park, people.map((entity) => entity.name).join(', '));
      assert.ok(park.roles.some((role) => role.role === "Lee's rival"), park.roles.map((role) => role.role).join('; '));
      assert.ok(!people.some((entity) => entity.name === 'Park'), 'Park alone is Sam Park, not another person');
      const ortiz = people.find((entity) => entity.name === 'Dan Ortiz');
      assert.ok(ortiz?.roles.some((role) => role.role === "governor's spokesman"));
    });
  });

  describe('who said what', () => {
    it('gives a quote to the subject of the sentence, not to a time or a place before it', async () => {
      const { analysis } = await patterns();
      assert.deepEqual(speakerOf(analysis, 'Every cent is accounted for'), ['Ann Lee'], 'Asked about the cost, Lee said: …');
      assert.deepEqual(speakerOf(analysis, 'We are ready'), ['Dan Ortiz'], 'Speaking to reporters, Ortiz said …; “…,” he said.');
      assert.deepEqual(speakerOf(analysis, 'a disaster waiting to happen'), ['Sam Park']);
    });

    it('follows a quote over two paragraphs, a title standing for its holder, and a quote after its speaker’s sentence', async () => {
      const { analysis } = await patterns();
      assert.deepEqual(speakerOf(analysis, 'Now the work begins in every town'), ['Ann Lee']);
      assert.deepEqual(speakerOf(analysis, 'The staff gave everything they had'), ['Nora Fisk'], '“…,” said the director.');
      assert.deepEqual(speakerOf(analysis, 'The clinic could have stayed open'), ['Raj Patel'], 'The clinic’s owner, Raj Patel, disagreed. “…”');
      assert.deepEqual(speakerOf(analysis, 'looked after in the new wing'), [], 'an unnamed spokesperson is nobody named');
    });
  });

  describe('checks', () => {
    it('catches a changed figure however the sentence frames it, in any unit', async () => {
      const on = await findingsOn(
        'Mayor Jane Roe opened the Kessel Bridge, which is 1,500 metres long and cost US$3.6 billion. Winds reached 158 km/h, and the old crossing was closed for just over twenty minutes. The harbour authority was founded in 1912. The storm destroyed 430 homes. Klein said crews rescued 75 people.',
      );
      for (const figure of ['1,500', 'US$3.6 billion', '158', 'twenty', '1912', '430', '75']) assert.equal(on(figure)?.status, 'contradicted', figure);
    });

    it('confirms correct figures of several subjects in one sentence', async () => {
      const on = await findingsOn(
        'About 4,500 workers built the bridge. Governor Lena Dahl said 3,400 homes had lost power. Eva Moss took 45% of the vote, while Karl Brandt won 52%. Nordgrid’s revenue reached $6.1 billion in 2021, up from $5.2 billion in 2020.',
      );
      for (const figure of ['About 4,500', '3,400', '45%', '52%', '$6.1 billion', '$5.2 billion']) assert.equal(on(figure)?.status, 'supported', figure);
    });

    it('reads the speaker of a draft’s quote from a title, a colon or a participle, without the full stop', async () => {
      const on = await findingsOn(
        '"The bridge is a promise to our children," said Ana Ruiz. The mayor said the city "will not be intimidated by the sea". Vale backed the design: "It will stand for a hundred years." "We have waited too long. Now the work begins in every town and village of the province," said Lee.',
      );
      assert.equal(on('a promise to our children')?.status, 'misattributed');
      assert.equal(on('will not be intimidated')?.status, 'verbatim');
      assert.equal(on('will not be intimidated')?.severity, 'information');
      assert.equal(on('stand for a hundred years')?.status, 'verbatim');
      assert.equal(on('We have waited too long')?.status, 'verbatim', 'a quote the source runs over two paragraphs');
    });
  });
});
