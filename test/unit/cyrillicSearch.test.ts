import { strict as assert } from 'node:assert';
import { Corpus } from '../../src/core/corpus';
import { SearchIndex } from '../../src/core/search/searchIndex';
import { splitFrontMatter } from '../../src/core/sources/frontMatter';
import { parseUserFile } from '../../src/core/sources/userSource';
import { foldCyrillic } from '../../src/core/text/cyrillicWords';
import { detectDocumentLanguage, languageTag } from '../../src/core/text/language';
import { nameKeys } from '../../src/core/text/nameKeys';
import { evaluateCyrillic, fixtureDocuments } from '../eval/cyrillicEval';
import { bundled } from './bundledCorpus';

describe('Russian and Ukrainian search', () => {
  it('tells Russian from Ukrainian documents and takes lang: from front matter', () => {
    const documents = fixtureDocuments();
    for (const document of documents) {
      const expected = document.meta.file.split('/').pop()!.slice(0, 2);
      assert.equal(document.meta.lang, expected, document.meta.file);
    }
    assert.equal(splitFrontMatter('---\nlang: uk-UA\n---\nТекст').frontMatter.lang, 'uk-UA');
    assert.equal(languageTag('uk-UA'), 'uk');
    assert.equal(languageTag('Russian'), 'ru');
    const forced = parseUserFile({ path: '/notes/x.md', text: '---\nlang: ru\n---\nПрезидент України заявив про обмін полоненими.' }).document;
    assert.equal(forced.meta.lang, 'ru', 'front matter wins over detection');
    assert.equal(detectDocumentLanguage('The talks in the capital ended without an agreement on Tuesday.'), undefined, 'English text is not given to the detector');
  });

  it('folds ё, ґ and every apostrophe the same way', () => {
    assert.equal(foldCyrillic('Договорённость'), 'договоренность');
    assert.equal(foldCyrillic('Ґанок'), 'ганок');
    assert.equal(foldCyrillic('обʼєднаних'), foldCyrillic('об’єднаних'));
    assert.equal(foldCyrillic("об'єднаних"), foldCyrillic('об’єднаних'));
  });

  it('gives one name one key across scripts, languages and cases', () => {
    const key = (word: string): string[] => nameKeys(word, undefined);
    const shared = (a: string, b: string): boolean => key(a).some((k) => key(b).includes(k));
    assert.ok(shared('Ivanov', 'Иванова'));
    assert.ok(shared('Shevchenko', 'Шевченком'));
    assert.ok(shared('Kharkiv', 'Харькова'));
    assert.ok(shared('Kharkiv', 'Харків'));
    assert.ok(!shared('Ivanov', 'Петрова'));
  });

  it('finds inflected forms, prefixes while typing, one-letter typos and Latin spellings in a Cyrillic source', () => {
    const document = parseUserFile({
      path: '/notes/obmin.md',
      text: 'Сьогодні Україна повернула з полону 157 українців. Омбудсмен Дмитро Лубінець подякував партнерам за посередництво.',
    }).document;
    const index = SearchIndex.build(new Corpus([document]));
    const found = (query: string): boolean => index.search(query).length > 0;
    assert.ok(found('українцями полоні'), 'inflected forms meet in the stem');
    assert.ok(found('посередн'), 'the word being typed matches as a prefix');
    assert.ok(found('посередництва'), 'another case');
    assert.ok(found('партнирам'), 'one wrong letter');
    assert.ok(found('Lubinets'), 'a Latin spelling of the name');
    assert.ok(!found('Lavrov'), 'another name finds nothing');
    const hit = index.search('Lubinets')[0];
    assert.ok(hit.snippet.highlights.length > 0, 'the Cyrillic name is marked in the snippet');
  });

  it('meets hit@3 ≥ 0.9 on the held-out queries (npm run eval:cyrillic prints the figures)', () => {
    const figures = evaluateCyrillic('heldout', bundled().bundle.corpus.documents);
    for (const [kind, figure] of Object.entries(figures)) assert.ok(figure.hits / figure.total >= 0.9, `${kind}: ${figure.hits}/${figure.total} ${figure.misses.join('; ')}`);
  });
});
