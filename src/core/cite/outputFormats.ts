import { Output } from 'citeproc';
import { escapeLatex, escapeMarkdown, oneLine } from './escape';

/** The formats Briefing asks citeproc-js for: each escapes the source's text for where it goes. */
export type OutputFormat = 'markdown' | 'latex' | 'text';

const FORMAT_NAMES: Readonly<Record<OutputFormat, string>> = { markdown: 'briefing-markdown', latex: 'briefing-latex', text: 'briefing-text' };

let registered = false;

/**
 * Adds Briefing's output formats to citeproc-js, once: plain text on one
 * line; Markdown with `*italics*` and every markup character escaped; LaTeX
 * with `\emph{}` and the special characters escaped. Built on citeproc-js's
 * own plain-text format, so quotes, terms and punctuation are the style's.
 */
export function citeprocFormat(format: OutputFormat): string {
  if (!registered) {
    const formats = Output.Formats;
    const text = formats.text;
    const wrap = (template: string) => template;
    formats[FORMAT_NAMES.text] = { ...text, text_escape: (value: string) => oneLine(value ?? '') };
    formats[FORMAT_NAMES.markdown] = {
      ...text,
      text_escape: (value: string) => escapeMarkdown(value ?? ''),
      '@font-style/italic': wrap('*%%STRING%%*'),
      '@font-style/oblique': wrap('*%%STRING%%*'),
      '@font-weight/bold': wrap('**%%STRING%%**'),
    };
    formats[FORMAT_NAMES.latex] = {
      ...text,
      text_escape: (value: string) => escapeLatex(value ?? ''),
      '@font-style/italic': wrap('\\emph{%%STRING%%}'),
      '@font-style/oblique': wrap('\\emph{%%STRING%%}'),
      '@font-weight/bold': wrap('\\textbf{%%STRING%%}'),
      '@font-variant/small-caps': wrap('\\textsc{%%STRING%%}'),
      '@vertical-align/sup': wrap('\\textsuperscript{%%STRING%%}'),
      '@vertical-align/sub': wrap('\\textsubscript{%%STRING%%}'),
    };
    registered = true;
  }
  return FORMAT_NAMES[format];
}
