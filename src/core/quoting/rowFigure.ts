/**
 * A table row is data, not anyone's words: it is never quoted. What a
 * writer takes from it is its figure ("Ships Inspected (Each port) |
 * Over 1,000" gives "Over 1,000"), cited like any figure.
 */

/** The row's values (every cell after the first, which names the metric), or undefined for a row of one cell. */
export function rowFigure(rowText: string): string | undefined {
  const cells = rowText.split('|').map((cell) => cell.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return cells.length >= 2 ? cells.slice(1).join(', ') : undefined;
}
