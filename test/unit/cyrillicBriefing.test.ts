/**
 * The briefing of Russian and Ukrainian sources: names read without a
 * title's complement glued on, one person over six cases and across
 * scripts with the variants listed, speakers of «…» quotes and of
 * "заявил X" / "по словам X", and the language a source is marked with.
 */
import assert from 'node:assert/strict';
import { analyseCorpus } from '../../src/core/brief/briefing';
import { Corpus } from '../../src/core/corpus';
import type { SourceDocument } from '../../src/core/model';
import { parseUserFile } from '../../src/core/sources/userSource';
import { languageMark } from '../../src/core/text/language';
import { searchRow } from '../../src/commands/quickPickText';

const source = (name: string, lang: string, body: string): SourceDocument =>
  parseUserFile({ path: `/sources/${name}.md`, text: `---\ntitle: ${name}\nlang: ${lang}\n---\n${body}\n` }).document;

const RUSSIAN = source(
  'ru',
  'ru',
  'Пресс-секретарь президента РФ Дмитрий Песков заявил, что переговоры идут трудно. «Никаких договорённостей нет», — сказал Песков. ' +
    'По словам Пескова, Владимир Путин готов к встрече. Президент Украины Зеленский ответил, что Киев не уступит. Дмитрию Пескову задали вопрос о Российской Федерации.',
);
const UKRAINIAN = source(
  'uk',
  'uk',
  'Президент України Володимир Зеленський заявив, що Київ не поступиться. «Ми не віддамо жодного метра», — наголосив Зеленський. ' +
    'За словами Зеленського, Путін боїться. Говорив з Прем\'єр-міністром Нідерландів Марком Рютте та з Генеральним секретарем ООН Антоніу Гутеррішем.',
);
const ENGLISH = source('en', 'en', 'Kremlin spokesman Dmitry Peskov said on Monday that the talks were "very difficult". President Vladimir Putin met President Volodymyr Zelensky. Peskov added that nothing was agreed.');

const people = (documents: SourceDocument[]) => analyseCorpus(new Corpus(documents)).entities.filter((entity) => entity.kind === 'person');

describe('briefing: Russian and Ukrainian sources', () => {
  it('reads a name without the title and its complement, and makes its cases one person named in the nominative', () => {
    const found = people([RUSSIAN]);
    const peskov = found.filter((entity) => entity.variants.some((variant) => /Песков/.test(variant.text)));
    assert.equal(peskov.length, 1, 'Песков, Пескова and Дмитрию Пескову are one person');
    assert.equal(peskov[0].name, 'Дмитрий Песков');
    assert.deepEqual(new Set(peskov[0].variants.map((variant) => variant.text)), new Set(['Дмитрий Песков', 'Песков', 'Пескова', 'Дмитрию Пескову']));
    assert.ok(peskov[0].roles.some((role) => role.role === 'Пресс-секретарь президента РФ'), 'the title and its complement are the role');
    const names = found.map((entity) => entity.name);
    assert.ok(names.includes('Зеленский'), `"Президент Украины Зеленский" names Зеленский, not "Украины Зеленский": ${names.join(', ')}`);
    assert.ok(!names.some((name) => /РФ|Украины|Российской/.test(name)), `no complement or state is a person: ${names.join(', ')}`);
  });

  it('reads Ukrainian names in the instrumental after a title and a genitive: "Прем\'єр-міністром Нідерландів Марком Рютте"', () => {
    const names = people([UKRAINIAN]).map((entity) => entity.name);
    assert.ok(names.includes('Марком Рютте'), names.join(', '));
    assert.ok(names.includes('Антоніу Гутеррішем'), names.join(', '));
    assert.ok(!names.some((name) => /Нідерландів|ООН/.test(name)), names.join(', '));
  });

  it('merges one person across scripts and spellings, keeps the English name and lists every variant it merged', () => {
    const found = people([ENGLISH, RUSSIAN, UKRAINIAN]);
    const zelensky = found.filter((entity) => entity.variants.some((variant) => /Zelensky|Зеленск|Зеленськ/.test(variant.text)));
    assert.equal(zelensky.length, 1, `one Zelensky: ${zelensky.map((entity) => entity.name).join(' | ')}`);
    assert.equal(zelensky[0].name, 'Volodymyr Zelensky');
    for (const written of ['Volodymyr Zelensky', 'Зеленский', 'Володимир Зеленський', 'Зеленського']) {
      assert.ok(zelensky[0].variants.some((variant) => variant.text === written), `${written} is listed among ${zelensky[0].variants.map((variant) => variant.text).join(', ')}`);
    }
    const peskov = found.filter((entity) => entity.variants.some((variant) => /Peskov|Песков/.test(variant.text)));
    assert.equal(peskov.length, 1);
    assert.equal(peskov[0].name, 'Dmitry Peskov');
    const putin = found.filter((entity) => entity.variants.some((variant) => /Putin|Путин|Путін/.test(variant.text)));
    assert.equal(putin.length, 1, 'the surname alone (Путін) joins the English person');
  });

  it('keeps two people apart whose Cyrillic surname matches no English name', () => {
    const found = people([ENGLISH, UKRAINIAN]);
    const rutte = found.find((entity) => entity.name === 'Марком Рютте');
    assert.ok(rutte, 'Rutte stays a person of his own');
    assert.ok(!rutte.variants.some((variant) => /[A-Za-z]/.test(variant.text)));
  });

  it('gives «…» quotes and "заявил X", "сказал X", "по словам X" to their speakers', () => {
    const stances = analyseCorpus(new Corpus([RUSSIAN, UKRAINIAN])).stances.flatMap((group) => group.stances);
    const quoted = (words: string) => stances.find((stance) => stance.quotes.includes(words));
    assert.match(quoted('Никаких договорённостей нет')?.speaker ?? 'nobody', /Песков/);
    assert.match(quoted('Ми не віддамо жодного метра')?.speaker ?? 'nobody', /Зеленськ/);
    const according = stances.find((stance) => /^по словам$/i.test(stance.verb));
    assert.match(according?.speaker ?? 'nobody', /Песков/);
    const said = stances.find((stance) => stance.verb === 'заявил');
    assert.match(said?.speaker ?? 'nobody', /Песков/);
  });

  it('marks a source in another language than English in the panel and the quick pick', () => {
    assert.deepEqual(languageMark('ru'), { code: 'RU', name: 'Russian' });
    assert.deepEqual(languageMark('uk'), { code: 'UK', name: 'Ukrainian' });
    assert.equal(languageMark('en'), undefined);
    assert.equal(languageMark(undefined), undefined);
    assert.equal(searchRow({ source: 'Офіс Президента', title: 'Звернення', snippet: 'Текст.', pinned: false, language: 'UK' }).label, 'UK · Офіс Президента — Звернення');
  });
});
