/** A Markdown footnote definition: `[^label]: text`, with any continuation lines. */
export interface FootnoteDefinition {
  readonly label: string;
  /** The text of its first line (without Briefing's former marker). */
  readonly text: string;
  /** Where the text starts (after `[^label]:` and its spaces). */
  readonly textStart: number;
  /** Offsets of the whole definition, continuation lines included, without its last line break. */
  readonly start: number;
  readonly end: number;
  /** The source id of a former Briefing note's `<!-- briefing:… -->` marker, if it has one (new notes name their source by their label). */
  readonly sourceId?: string;
}

const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm;
const SOURCE_MARKER = /\s*<!-- briefing:([^\s>]+) -->\s*$/;

/** Every footnote definition in a Markdown text, in order. */
export function findFootnoteDefinitions(text: string): FootnoteDefinition[] {
  const definitions: FootnoteDefinition[] = [];
  const pattern = new RegExp(DEFINITION.source, DEFINITION.flags);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const sourceId = SOURCE_MARKER.exec(match[2])?.[1];
    definitions.push({
      label: match[1],
      text: match[2].replace(SOURCE_MARKER, ''),
      textStart: match.index + match[0].length - match[2].length,
      start: match.index,
      end: continuationEnd(text, match.index + match[0].length),
      ...(sourceId === undefined ? {} : { sourceId }),
    });
  }
  // A definition ends where the next begins: a lone \r (or \u2028) starts a line for the pattern but not for the
  // continuation lines, and overlapping definitions would give tidying overlapping edits.
  return definitions.map((definition, i) => {
    const next = definitions[i + 1];
    return next && definition.end > next.start ? { ...definition, end: lineEndBefore(text, next.start) } : definition;
  });
}

/** The end of the line before the one starting at `lineStart`, without its line break. */
function lineEndBefore(text: string, lineStart: number): number {
  const end = lineStart - 1;
  return text[end] === '\n' && text[end - 1] === '\r' ? end - 1 : end;
}

/**
 * Where a definition ends: after the lines that continue it — indented
 * lines (also after a blank line, for a footnote of several paragraphs)
 * and unindented "lazy" lines right below — up to the next definition.
 */
function continuationEnd(text: string, firstLineEnd: number): number {
  const lineAt = (start: number): { text: string; end: number; next: number } => {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    // CRLF drafts: the line's own text stops before its \r.
    const content = text.slice(start, end).replace(/\r$/, '');
    return { text: content, end: start + content.length, next: newline === -1 ? text.length : newline + 1 };
  };
  let end = firstLineEnd;
  let at = text[firstLineEnd] === '\r' ? firstLineEnd + 1 : firstLineEnd;
  let previousBlank = false;
  while (at < text.length && text[at] === '\n') {
    const line = lineAt(at + 1);
    if (line.text.trim() === '') {
      // A blank line ends the definition unless an indented line follows it.
      if (line.next >= text.length || !/^( {2,}|\t)\S/.test(lineAt(line.next).text)) break;
      previousBlank = true;
      at = line.next - 1;
      continue;
    }
    const indented = /^( {2,}|\t)\S/.test(line.text);
    const lazy = !previousBlank && !/^\[\^[^\]\s]+\]:/.test(line.text) && !/^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|```|~~~|\|)/.test(line.text);
    if (!indented && !lazy) break;
    end = line.end;
    previousBlank = false;
    at = line.next - 1;
  }
  return end;
}

/** The ids of the sources a draft cites through the `<!-- briefing:… -->` markers Briefing wrote before its notes were named by key. */
export function citedSourceIds(draft: string): Set<string> {
  return new Set([...draft.matchAll(/<!-- briefing:([^\s>]+) -->/g)].map((match) => match[1]));
}

/** A definition's whole text, continuation lines included, without its label or a former Briefing marker, spaces collapsed. */
export function definitionBody(draft: string, definition: FootnoteDefinition): string {
  return draft
    .slice(definition.start, definition.end)
    .replace(/^\[\^[^\]\s]+\]:/, '')
    .replace(/<!-- briefing:[^\s>]+ -->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The `<!-- briefing:… -->` marker Briefing once wrote in its notes: it leaks into Pandoc's HTML, so tidying removes it. */
export const FORMER_SOURCE_MARKER = /[ \t]*<!-- briefing:[^\s>]+ -->/g;

/** A footnote reference in the text (not a definition's label). */
export interface FootnoteMarker {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** The footnote references of a Markdown text, in order: `[^label]` anywhere but at the start of a definition. */
export function findFootnoteMarkers(text: string, definitions: readonly FootnoteDefinition[] = findFootnoteDefinitions(text)): FootnoteMarker[] {
  const definitionStarts = new Set(definitions.map((definition) => definition.start));
  // One match at a time: spreading matchAll kept every match array of a draft of 262,000 markers alive at once.
  const markers: FootnoteMarker[] = [];
  const pattern = /\[\^([^\]\s[]+)\](?!:)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!definitionStarts.has(match.index)) markers.push({ label: match[1], start: match.index, end: match.index + match[0].length });
  }
  return markers;
}
