/**
 * The article-extraction benchmark's text metric (evaluate.py of
 * scrapinghub/article-extraction-benchmark), written for Briefing: the text
 * is cut into tokens (Python's `\w+`: runs of letters, digits and
 * underscores, case kept), the tokens into overlapping 4-token shingles (one
 * shorter shingle for a text of fewer than 4 tokens); each page gets true and
 * false positives and false negatives of shingles (counted with repeats),
 * scaled so a long page weighs no more than a short one; precision is
 * averaged over pages with a prediction, recall over pages with a key, and F1
 * is taken from the two averages. Checked against evaluate.py page by page on
 * the benchmark's published Readability output (see bench/articles/README.md).
 */

function shingles(text: string, n = 4): Map<string, number> {
  // Python's `\w` is a letter or a number (any script) or "_"; combining marks are not word characters there.
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n).join('\u0001');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** True/false positives and false negatives of shingles, normalised so long pages weigh no more than short ones. */
export function shingleMatch(expected: string, predicted: string): [number, number, number] {
  const gold = shingles(expected);
  const guess = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...gold.keys(), ...guess.keys()])) {
    const a = gold.get(key) ?? 0;
    const b = guess.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

export function textScores(pairs: ReadonlyArray<[number, number, number]>): { precision: number; recall: number; f1: number } {
  const precisionOf = ([tp, fp, fn]: [number, number, number]): number => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
  const recallOf = ([tp, fp, fn]: [number, number, number]): number => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const precision = mean(pairs.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(pairs.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** F1 of one page's predicted text against the expected text. */
export function pageF1(expected: string, predicted: string): number {
  return textScores([shingleMatch(expected, predicted)]).f1;
}
