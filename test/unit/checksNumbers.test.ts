import { strict as assert } from 'node:assert';
import { findFigures, type Figure } from '../../src/core/checks/numbers';

const one = (text: string): Figure => {
  const figures = findFigures(text);
  assert.equal(figures.length, 1, JSON.stringify(figures.map((figure) => figure.raw)));
  return figures[0];
};

describe('writing checks: figures in a draft', () => {
  it('reads 1,000, 1000 and "a thousand" as one number, with the qualifier', () => {
    assert.equal(one('freed 1,000 soldiers').value, 1000);
    assert.equal(one('freed 1000 soldiers').value, 1000);
    assert.equal(one('freed a thousand soldiers').value, 1000);
    assert.equal(one('three thousand bodies').value, 3000);
    const bounded = one('Both sides freed more than 1,000 captured soldiers.');
    assert.deepEqual([bounded.raw, bounded.bound, bounded.unit, bounded.noun], ['more than 1,000', 'lower', 'count', 'captured soldiers']);
    assert.equal(one('about 6% of GDP').bound, 'approximate');
  });

  it('scales money and keeps the currency written: $172bn = $172 billion = 172 billion dollars', () => {
    for (const text of ['$172bn', '$172 billion', '172 billion dollars', 'US$172bn']) {
      const figure = one(`spent ${text} on it`);
      assert.equal(figure.unit, 'currency:USD', text);
      assert.equal(figure.value, 172e9, text);
    }
    const rubles = one('13.5 trillion rubles');
    assert.deepEqual([rubles.unit, rubles.value, rubles.precision], ['currency:RUB', 13.5e12, 0.05e12]);
    assert.equal(one('13.5tn roubles').value, 13.5e12);
  });

  it('reads 6.3%, 6.3 per cent and 6.3 percent alike, and percentage points apart', () => {
    for (const text of ['6.3%', '6.3 per cent', '6.3 percent']) assert.deepEqual([one(text).unit, one(text).value], ['percent', 6.3]);
    assert.equal(one('rose 2 percentage points').unit, 'percentage-point');
    assert.equal(one('5\\% of GDP'.replace('\\', '')).value, 5);
  });

  it('with a limit, reads the first dates of a draft by position, whatever their form (the rest are not read)', () => {
    const text = 'On 12 June, then June 20 and 30, in July 2024, on May 3 and 4 March. '.repeat(12);
    const all = findFigures(text).filter((figure) => figure.unit === 'date');
    assert.ok(all.length >= 4 * 12, `${all.length} dates`);
    const limited = findFigures(text, 7);
    assert.deepEqual(
      limited.map((figure) => figure.span),
      all.slice(0, 7).map((figure) => figure.span),
    );
  });

  it('reads durations, years and calendar dates, including ranges and the sources’ own typos', () => {
    assert.deepEqual([one('a 50-day deadline').unit, one('a 50-day deadline').value], ['duration:day', 50]);
    assert.equal(one('in over seven weeks').unit, 'duration:week');
    assert.equal(one('a 3-hour drive').unit, 'duration:hour');
    assert.deepEqual(one('the 2024 Olympics').date, { year: 2024 });
    assert.deepEqual(one('on June 2,2025, talks').date, { year: 2025, month: 6, day: 2 });
    assert.deepEqual(one('since Febuary 2022').date, { year: 2022, month: 2 });
    assert.deepEqual(one('between June 20 and June 30').date, { month: 6, day: 20, endMonth: 6, endDay: 30 });
    assert.deepEqual(one('on 2 June').date, { month: 6, day: 2 });
  });

  it('keeps exact offsets into the text', () => {
    const text = 'Defence spending is 6.3% of GDP, or 13.5 trillion rubles ($172 billion).';
    for (const figure of findFigures(text)) assert.equal(text.slice(figure.span.start, figure.span.end), figure.raw);
    assert.deepEqual(findFigures(text).map((figure) => figure.raw), ['6.3%', '13.5 trillion rubles', '$172 billion']);
  });

  it('reads no figure in pronouns, times, ordinals or the verb "may"', () => {
    assert.deepEqual(findFigures('One of the sides may agree at 10:30 in the 2nd round.').map((figure) => figure.raw), []);
  });
});
