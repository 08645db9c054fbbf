/** Number words read as figures: "a thousand" is 1,000, "three hundred and fifty" 350. */
const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Reads a run of number words starting at `words[index]` ("a thousand",
 * "three thousand", "fifty") and returns its value and how many words it
 * took, or undefined when no number starts there.
 */
export function readNumberWords(words: readonly string[], index: number): { value: number; length: number } | undefined {
  // Own keys only, so "constructor" or "valueOf" is no number.
  const small = (word: string): number | undefined => (Object.hasOwn(SMALL, word) ? SMALL[word] : undefined);
  const scale = (word: string): number | undefined => (Object.hasOwn(SCALES, word) ? SCALES[word] : undefined);
  let total = 0;
  let current = 0;
  let length = 0;
  let sawNumber = false;
  for (let i = index; i < words.length; i++) {
    const word = words[i].toLowerCase();
    if ((word === 'a' || word === 'one') && i === index && scale(words[i + 1]?.toLowerCase() ?? '')) {
      current = 1;
    } else if (small(word) !== undefined) {
      current += small(word)!;
    } else if (scale(word) !== undefined && (sawNumber || current > 0)) {
      const factor = scale(word)!;
      if (factor === 100) current *= factor;
      else {
        total += current * factor;
        current = 0;
      }
    } else if (word === 'and' && sawNumber && i + 1 < words.length && small(words[i + 1].toLowerCase()) !== undefined) {
      // "three hundred and fifty"
    } else break;
    sawNumber = true;
    length = i - index + 1;
  }
  if (!sawNumber || length === 0) return undefined;
  return { value: total + current, length };
}
