import { toBibtex } from './bibtex';
import type { CslItem } from './cslItem';
import { toRis } from './ris';

/** The formats sources export to, for Zotero, Pandoc and other reference managers. */
export type ExportFormat = 'csl-json' | 'bibtex' | 'ris';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csl-json', 'bibtex', 'ris'];

/** The file extension each format is saved with. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { 'csl-json': 'json', bibtex: 'bib', ris: 'ris' };

/** Reads a format name as typed: `csl-json` (or `json`, `csl`), `bibtex` (or `bib`, `biblatex`), `ris`. */
export function parseExportFormat(name: string): ExportFormat | undefined {
  const lower = name.trim().toLowerCase();
  if (['csl-json', 'csljson', 'json', 'csl'].includes(lower)) return 'csl-json';
  if (['bibtex', 'bib', 'biblatex'].includes(lower)) return 'bibtex';
  if (lower === 'ris') return 'ris';
  return undefined;
}

/** The sources as one file's text in the format. */
export function exportItems(items: readonly CslItem[], format: ExportFormat): string {
  switch (format) {
    case 'csl-json':
      return `${JSON.stringify(items, null, 2)}\n`;
    case 'bibtex':
      return items.map(toBibtex).join('\n');
    case 'ris':
      return items.map(toRis).join('\r\n');
  }
}
