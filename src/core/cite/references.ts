import type { Span } from '../model';
import type { DraftSyntax } from './draftSyntax';
import { plainWords } from './sourceLookup';
import type { TextEdit } from './textEdit';

/** A draft's list of references: its heading, its body and the entries in it. */
export interface ReferencesSection {
  readonly heading: Span;
  readonly body: Span;
  readonly entries: ReadonlyArray<{ readonly span: Span; readonly text: string }>;
}

const NAMES = String.raw`(?:References|Reference List|Sources|Bibliography|Works Cited)`;

/** The first references section of a draft, if it has one. */
export function findReferencesSection(draft: string, syntax: DraftSyntax): ReferencesSection | undefined {
  if (syntax === 'markdown') {
    const heading = new RegExp(String.raw`^(#{1,6})[ \t]+${NAMES}[ \t]*#*[ \t]*$`, 'im').exec(draft);
    if (!heading) return undefined;
    const bodyStart = heading.index + heading[0].length;
    const next = new RegExp(`^#{1,${heading[1].length}}[ \\t]`, 'm').exec(draft.slice(bodyStart));
    const body = { start: bodyStart, end: next ? bodyStart + next.index : draft.length };
    return { heading: span(heading), body, entries: entriesIn(draft, body, /^[-*+][ \t]+(.*?)[ \t]*\r?$/gm) };
  }
  if (syntax === 'latex') {
    const heading = new RegExp(String.raw`^[ \t]*\\(?:section|subsection|chapter)\*?\{${NAMES}\}[ \t]*$`, 'im').exec(draft);
    if (!heading) return undefined;
    const bodyStart = heading.index + heading[0].length;
    const next = /^[ \t]*\\(?:section|subsection|chapter|end\{document\}|printbibliography|appendix)/m.exec(draft.slice(bodyStart));
    const body = { start: bodyStart, end: next ? bodyStart + next.index : draft.length };
    return { heading: span(heading), body, entries: entriesIn(draft, body, /^(?![ \t]*[\\%])[ \t]*(\S.*?)[ \t]*\r?$/gm) };
  }
  const heading = new RegExp(String.raw`^${NAMES}:?[ \t]*\r?$`, 'im').exec(draft);
  if (!heading) return undefined;
  const body = { start: heading.index + heading[0].length, end: draft.length };
  return { heading: span(heading), body, entries: entriesIn(draft, body, /^[ \t]*(\S.*?)[ \t]*\r?$/gm) };
}

function span(match: RegExpExecArray): Span {
  return { start: match.index, end: match.index + match[0].length };
}

function entriesIn(draft: string, body: Span, line: RegExp): ReferencesSection['entries'] {
  return [...draft.slice(body.start, body.end).matchAll(line)].map((match) => ({
    span: { start: body.start + match.index, end: body.start + match.index + match[0].replace(/\r$/, '').length },
    text: match[1],
  }));
}

/** An entry as a line of the section: a list item in Markdown, a paragraph in LaTeX, a line in plain text. */
function entryLine(syntax: DraftSyntax, text: string): string {
  return syntax === 'markdown' ? `- ${text}` : text;
}

/**
 * The edits that add an entry to the draft's references section, creating
 * the section once (in LaTeX, before `\end{document}`). `before` says which
 * of the existing entries the new one goes in front of, as the style sorts
 * them; undefined puts it after the entries the style sorts first, or, for
 * a list of the writer's own entries, alphabetically.
 */
export function planReferenceEntry(
  draft: string,
  syntax: DraftSyntax,
  text: string,
  sortsAfter: (entry: string) => boolean | undefined,
): TextEdit[] {
  const line = entryLine(syntax, text);
  const gap = syntax === 'latex' ? '\n\n' : '\n';
  const section = findReferencesSection(draft, syntax);
  if (!section) {
    const heading = syntax === 'markdown' ? '## References' : syntax === 'latex' ? '\\section*{References}' : 'References';
    const block = `${heading}\n\n${line}\n`;
    const end = syntax === 'latex' ? /^[ \t]*\\end\{document\}/m.exec(draft) : null;
    if (end) return [{ start: end.index, end: end.index, text: `${block}\n` }];
    return [{ start: draft.length, end: draft.length, text: `${blockSeparator(draft)}${block}` }];
  }
  if (section.entries.some((entry) => entry.text === text)) return [];
  // The first entry the new one sorts before: by the style among Briefing's entries, by its words among the writer's own.
  const next = section.entries.find((entry) => sortsAfter(entry.text) ?? plainWords(entry.text).localeCompare(plainWords(text)) > 0);
  if (next) return [{ start: next.span.start, end: next.span.start, text: `${line}${gap}` }];
  const last = section.entries[section.entries.length - 1];
  if (last) return [{ start: last.span.end, end: last.span.end, text: `${gap}${line}` }];
  return [{ start: section.heading.end, end: section.heading.end, text: `\n\n${line}` }];
}

/** Line breaks so that what is appended at the end of a text starts a block of its own. */
export function blockSeparator(draft: string): string {
  if (draft.length === 0) return '';
  const trailing = /\n*$/.exec(draft)?.[0].length ?? 0;
  return '\n'.repeat(Math.max(0, 2 - trailing));
}
