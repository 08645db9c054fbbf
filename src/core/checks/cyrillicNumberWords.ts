/**
 * Numbers written in words in Russian and Ukrainian: "три тысячи",
 * "двісті", "полтора миллиона", "п'ятсот", in the cases news prose uses
 * them ("более трёх тысяч", "понад двохсот"). No maintained package reads
 * Russian or Ukrainian number words (those on npm write numbers as words,
 * the other way), so this is a small table: units, teens, tens, hundreds,
 * and the scale words that multiply what came before.
 */

const table = (entries: string): ReadonlyMap<string, number> => {
  const map = new Map<string, number>();
  for (const line of entries.trim().split('\n')) {
    const [value, ...words] = line.trim().split(/\s+/);
    for (const word of words) map.set(word, Number(value));
  }
  return map;
};

/** Units, teens, tens and hundreds, in nominative and oblique forms (ё folded to е, apostrophes dropped). */
const SMALL = table(`
  1 один одна одно одного одной одну одним однієї одну
  2 два две двух двум двумя дві двох двом двома
  3 три трех трем тремя трьох трьом трьома
  4 четыре четырех четырем чотири чотирьох
  5 пять пяти пятью пять пяти
  6 шесть шести шість шести
  7 семь семи сім семи
  8 восемь восьми вісім восьми
  9 девять девяти девять девяти
  10 десять десяти
  11 одиннадцать одиннадцати одинадцять одинадцяти
  12 двенадцать двенадцати дванадцять дванадцяти
  13 тринадцать тринадцати тринадцять тринадцяти
  14 четырнадцать четырнадцати чотирнадцять чотирнадцяти
  15 пятнадцать пятнадцати пятнадцять пятнадцяти
  16 шестнадцать шестнадцати шістнадцять шістнадцяти
  17 семнадцать семнадцати сімнадцять сімнадцяти
  18 восемнадцать восемнадцати вісімнадцять вісімнадцяти
  19 девятнадцать девятнадцати девятнадцять девятнадцяти
  20 двадцать двадцати двадцять двадцяти
  30 тридцать тридцати тридцять тридцяти
  40 сорок сорока
  50 пятьдесят пятидесяти пятдесят пятдесяти
  60 шестьдесят шестидесяти шістдесят шістдесяти
  70 семьдесят семидесяти сімдесят сімдесяти
  80 восемьдесят восьмидесяти вісімдесят вісімдесяти
  90 девяносто девяноста девяносто
  100 сто ста сотні сотня
  200 двести двухсот двісті двохсот
  300 триста трехсот трьохсот
  400 четыреста четырехсот чотириста чотирьохсот
  500 пятьсот пятисот пятсот пятисот
  600 шестьсот шестисот шістсот шестисот
  700 семьсот семисот сімсот семисот
  800 восемьсот восьмисот вісімсот восьмисот
  900 девятьсот девятисот девятсот девятисот
`);

/** "полтора миллиона", "півтори тисячі": one and a half of the scale after it. */
const ONE_AND_A_HALF = new Set(['полтора', 'полторы', 'полутора', 'півтора', 'півтори']);

/** Scale words in every case and number, by stem. */
const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:тысяч|тисяч)\p{L}*$/u, 1e3],
  [/^(?:миллион|мільйон)\p{L}*$/u, 1e6],
  [/^(?:миллиард|мільярд)\p{L}*$/u, 1e9],
  [/^(?:триллион|трильйон)\p{L}*$/u, 1e12],
];

const fold = (word: string): string => word.toLowerCase().replace(/ё/g, 'е').replace(/['’ʼ]/g, '');

/** A pattern (global, sticky-free) for a word that can start a number written in Russian or Ukrainian words, apostrophes as written ("п'ять"). */
export function cyrillicNumberWordPattern(): RegExp {
  const words = [...SMALL.keys(), ...ONE_AND_A_HALF].sort((a, b) => b.length - a.length);
  const written = words.map((word) => word.replace(/^(п|дев)я/, "$1['’ʼ]?я").replace(/е/g, '[её]'));
  return new RegExp(`(?<![\\p{L}])(?:${written.join('|')})(?![\\p{L}'’ʼ])`, 'giu');
}

/**
 * The number that the words from `from` on write, and how many words it
 * takes; undefined when they write none. "три тысячи двести" is 3,200,
 * "полтора миллиона" 1,500,000; a scale word alone ("тысячи") is no number.
 */
export function readCyrillicNumberWords(words: readonly string[], from: number): { value: number; length: number } | undefined {
  let total = 0;
  let current = 0;
  let read = 0;
  let sawNumber = false;
  for (let i = from; i < words.length; i++) {
    const folded = fold(words[i]);
    const small = SMALL.get(folded);
    if (small !== undefined) {
      // "двадцать три": a smaller part adds to the larger one before it; "три двадцать" is no number.
      if (current !== 0 && current % 10 ** String(small).length !== 0 && small >= 10) break;
      current += small;
      sawNumber = true;
      read = i - from + 1;
      continue;
    }
    if (ONE_AND_A_HALF.has(folded) && current === 0) {
      current = 1.5;
      sawNumber = true;
      read = i - from + 1;
      continue;
    }
    const scale = SCALES.find(([pattern]) => pattern.test(folded))?.[1];
    if (scale !== undefined && sawNumber && current > 0) {
      total += current * scale;
      current = 0;
      read = i - from + 1;
      continue;
    }
    break;
  }
  if (!sawNumber || read === 0) return undefined;
  return { value: total + current, length: read };
}
