// The library service as the extension calls it through the index worker
// (here in-process, as the CLI runs it): search with the draft's cited
// sources ranked first, and checking a draft's figures.
import { strict as assert } from 'node:assert';
import type { LibraryApi } from '../../src/worker/libraryApi';
import { createLibraryService } from '../../src/worker/libraryService';
import { repoRoot } from './bundledCorpus';

describe('the library service', () => {
  let service: LibraryApi;
  before(async function () {
    this.timeout(60_000);
    service = createLibraryService(() => {});
    await service.load({ extensionPath: repoRoot, roots: [], includeBundled: true, maxFileBytes: 1024 * 1024 });
  });

  describe('search with the draft’s cited sources', () => {
    it('ranks a cited source’s passage first even when it would fall outside the results shown', async () => {
      const query = 'ceasefire';
      const plain = await service.search(query, 20, []);
      const shown = 5;
      const topDocs = new Set(plain.slice(0, shown).map((hit) => hit.passage.docId));
      const below = plain.slice(shown).find((hit) => !topDocs.has(hit.passage.docId));
      assert.ok(below, `"${query}" should find a passage of a source that has none in its top ${shown}`);

      const preferred = await service.search(query, shown, [below.passage.docId]);
      assert.equal(preferred.length, shown);
      assert.equal(preferred[0].passage.docId, below.passage.docId, 'the cited source comes first');
      const cited = (hit: { passage: { docId: string } }): boolean => hit.passage.docId === below.passage.docId;
      const others = preferred.filter((hit) => !cited(hit)).map((hit) => hit.passage.id);
      assert.deepEqual(others, plain.filter((hit) => !cited(hit)).slice(0, others.length).map((hit) => hit.passage.id), 'the other results keep their order');
    });

    it('ranks as before when the cited source is unknown or the draft cites none', async () => {
      const plain = await service.search('prisoner exchange', 10, []);
      assert.deepEqual((await service.search('prisoner exchange', 10, ['no-such-source'])).map((hit) => hit.passage.id), plain.map((hit) => hit.passage.id));
    });
  });

  describe('checking a draft’s figures', () => {
    // The sources put Russia's defence spending at 6.3% of GDP.
    const contradicted = async (sentence: string): Promise<string[]> =>
      (await service.checkDraft(`# Draft\n\n${sentence}\n`)).filter((finding) => finding.kind === 'figure' && finding.status === 'contradicted').map((finding) => finding.message);

    it('flags a level the sources contradict', async () => {
      assert.equal((await contradicted('Defence spending now accounts for 5% of Russia’s GDP.')).length, 1);
    });

    it('leaves a change alone: "rose by 5%" is no level to compare', async () => {
      for (const sentence of ['Defence spending rose by 5% of Russia’s GDP.', 'Russia’s defence spending grew 5% of GDP.', 'Defence spending, a 5% increase, now weighs on Russia’s GDP.']) {
        assert.deepEqual(await contradicted(sentence), [], sentence);
      }
    });
  });
});
