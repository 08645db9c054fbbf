/** How a draft writes citations: Markdown (also Quarto and R Markdown), LaTeX, or plain text. */
export type DraftSyntax = 'markdown' | 'latex' | 'plain';

const MARKDOWN_LANGUAGES = new Set(['markdown', 'quarto', 'rmd', 'rmarkdown', 'pandoc', 'mdx']);
const LATEX_LANGUAGES = new Set(['latex', 'tex', 'context', 'latex-expl3', 'doctex']);
const BIBLIOGRAPHY_LANGUAGES = new Set(['bibtex', 'biblatex', 'bibtex-style', 'ris', 'csl']);

/**
 * The syntax of a draft from its VS Code language (and its file name, for
 * files no extension gave a language). Undefined for a bibliography file
 * (BibTeX, RIS, CSL): a citation never goes into one.
 */
export function draftSyntaxOf(languageId: string, fileName = ''): DraftSyntax | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (BIBLIOGRAPHY_LANGUAGES.has(languageId) || ['bib', 'ris', 'csl', 'bbl'].includes(extension)) return undefined;
  if (MARKDOWN_LANGUAGES.has(languageId) || ['md', 'markdown', 'qmd', 'rmd'].includes(extension)) return 'markdown';
  if (LATEX_LANGUAGES.has(languageId) || ['tex', 'ltx', 'sty'].includes(extension)) return 'latex';
  return 'plain';
}
