/**
 * PostgreSQL's COPY text format: one row per line, columns separated by
 * tabs, \N for NULL, and backslash, tab, newline and carriage return
 * escaped. PostgreSQL text cannot hold NUL, so a NUL becomes U+FFFD (one
 * code unit for one, so passage offsets stay right).
 */

export type CopyValue = string | number | null | undefined;

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value} in the archive`);
    return String(value);
  }
  return value.replace(/[\\\t\n\r\0]/g, (char) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : char === '\r' ? '\\r' : '\uFFFD'));
}

/** One row of COPY text, with its line break. */
export function copyRow(values: readonly CopyValue[]): string {
  return values.map(copyField).join('\t') + '\n';
}
