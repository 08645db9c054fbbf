/** The bibliography files Pandoc and Quarto read that Briefing can add to. */
export type BibliographyFormat = 'csl-json' | 'bibtex' | 'csl-yaml';

/** The format of a bibliography file by its extension; undefined for one Briefing cannot write. */
export function bibliographyFormatOf(path: string): BibliographyFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === 'json') return 'csl-json';
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex';
  if (extension === 'yaml' || extension === 'yml') return 'csl-yaml';
  return undefined;
}
