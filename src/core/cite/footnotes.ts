/** A Markdown footnote definition: `[^label]: text`, with any continuation lines. */
export interface FootnoteDefinition {
  readonly label: string;
  /** The text of its first line (without Briefing's marker). */
  readonly text: string;
  /** Offsets of the whole definition, continuation lines included, without its last line break. */
  readonly start: number;
  readonly end: number;
  /** The source id recorded in the definition's `<!-- briefing:… -->` marker, if any. */
  readonly sourceId?: string;
}

const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm;
const SOURCE_MARKER = /\s*<!-- briefing:([^\s>]+) -->\s*$/;

/** Every footnote definition in a Markdown text, in order. */
export function findFootnoteDefinitions(text: string): FootnoteDefinition[] {
  return [...text.matchAll(DEFINITION)].map((match) => {
    const sourceId = SOURCE_MARKER.exec(match[2])?.[1];
    return {
      label: match[1],
      text: match[2].replace(SOURCE_MARKER, ''),
      start: match.index,
      end: continuationEnd(text, match.index + match[0].length),
      ...(sourceId === undefined ? {} : { sourceId }),
    };
  });
}

/**
 * Where a definition ends: after the lines that continue it — indented
 * lines (also after a blank line, for a footnote of several paragraphs)
 * and unindented "lazy" lines right below — up to the next definition.
 */
function continuationEnd(text: string, firstLineEnd: number): number {
  let end = firstLineEnd;
  let at = firstLineEnd;
  while (at < text.length && text[at] === '\n') {
    const lineStart = at + 1;
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      // A blank line ends the definition unless an indented line follows it.
      const nextStart = lineEnd + 1;
      const nextEnd = text.indexOf('\n', nextStart) === -1 ? text.length : text.indexOf('\n', nextStart);
      if (lineEnd >= text.length || !/^( {2,}|\t)\S/.test(text.slice(nextStart, nextEnd))) break;
      at = lineEnd;
      continue;
    }
    const indented = /^( {2,}|\t)\S/.test(line);
    const lazy = end === at && !/^\[\^[^\]\s]+\]:/.test(line) && !/^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|```|~~~|\|)/.test(line);
    if (!indented && !lazy) break;
    end = lineEnd;
    at = lineEnd;
  }
  return end;
}

/** The hidden marker that lets Briefing recognise its own footnotes later. */
export function sourceMarker(sourceId: string): string {
  return ` <!-- briefing:${sourceId} -->`;
}

/** The ids of the sources a draft already cites through Briefing's markers. */
export function citedSourceIds(draft: string): Set<string> {
  return new Set([...draft.matchAll(/<!-- briefing:([^\s>]+) -->/g)].map((match) => match[1]));
}
