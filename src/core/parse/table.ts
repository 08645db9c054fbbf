/** Cells of a Markdown table row: `| a | b |` → ["a", "b"]. */
export function parseTableRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** `|---|:---:|` lines separate a table's header from its body. */
export function isTableSeparator(line: string): boolean {
  return /^\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?$/.test(line.trim());
}
