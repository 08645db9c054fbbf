import { strict as assert } from 'node:assert';
import { findFigures } from '../../src/core/checks/numbers';
import { findQuotes } from '../../src/core/checks/quotes';
import { splitSentences } from '../../src/core/text/sentences';

describe('Russian and Ukrainian text: sentences, quotes and figures', () => {
  it('does not end a sentence at г., т.е. or им., and ends one after » and “', () => {
    const text = 'Соглашение подписано в 2025 г. в Стамбуле. Речь идёт о т.е. временном перемирии. Музей им. Пушкина открыт. «Мы готовы», — заявил он. „Це важливо“. Далі буде.';
    assert.deepEqual(
      splitSentences(text).map((span) => text.slice(span.start, span.end)),
      ['Соглашение подписано в 2025 г. в Стамбуле.', 'Речь идёт о т.е. временном перемирии.', 'Музей им. Пушкина открыт.', '«Мы готовы», — заявил он.', '„Це важливо“.', 'Далі буде.'],
    );
  });

  it('reads «…» and „…“ as quotes, a „…“ inside «…» as part of the outer quote', () => {
    assert.deepEqual(findQuotes('«Мы хотим только мира», – сказал он.').map((quote) => quote.text), ['Мы хотим только мира']);
    assert.deepEqual(findQuotes('„Це важливо“, — сказав він.').map((quote) => quote.text), ['Це важливо']);
    assert.deepEqual(findQuotes('«Он сказал: „нет“», — написал он.').map((quote) => quote.text), ['Он сказал: „нет“']);
    assert.deepEqual(findQuotes('He said “yes” and left.').map((quote) => quote.text), ['yes'], 'English quotes as before');
  });

  it('reads decimal commas, spaced thousands, тыс./тис., млн, млрд, currencies and percent as figures', () => {
    const figure = (text: string): [number, string, string | undefined] => {
      const found = findFigures(text)[0];
      return [found.value, found.unit, found.noun];
    };
    assert.deepEqual(figure('ВВП вырос на 1,5% за год.'), [1.5, 'percent', undefined]);
    assert.deepEqual(figure('Бюджет составит 3,2 млрд рублей.'), [3.2e9, 'currency:RUB', undefined]);
    assert.deepEqual(figure('Україна отримала 150 тис. доз і ліки.'), [150_000, 'count', 'доз']);
    assert.deepEqual(figure('Допомога склала 2,5 млн гривень.'), [2.5e6, 'currency:UAH', undefined]);
    assert.deepEqual(figure('Погибли 3 000 человек.'), [3000, 'count', 'человек']);
    assert.deepEqual(figure('He paid $1,000 in fees.'), [1000, 'currency:USD', undefined], 'English figures as before');
  });
});
