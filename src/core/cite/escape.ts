/**
 * Escaping for the formats a citation is written into. Metadata and quotes
 * come from sources, so they are untrusted: a title with a line break,
 * Markdown or LaTeX markup must print as the words it is, never change the
 * draft around it.
 */

/** One line: line breaks, tabs and other control characters become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ');
}

/**
 * Markdown (CommonMark, GFM and Pandoc's Markdown): backslash before every
 * character that could start markup inside a line — emphasis, code,
 * links, footnotes, HTML, entities, Pandoc citations (`@`), math (`$`),
 * super- and subscripts (`^`, `~`) and table cells (`|`).
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~^@$&#]/g, '\\$&');
}

/** Like `escapeMarkdown`, for text that starts a line: also what would open a block (a heading, a list, a quote). */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** LaTeX: the ten special characters print as themselves. */
export function escapeLatex(text: string): string {
  return oneLine(text).replace(/[\\{}$&#%_^~]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${char}`;
    }
  });
}
