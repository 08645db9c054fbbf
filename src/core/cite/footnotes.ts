/** A Markdown footnote definition line: `[^label]: text`. */
export interface FootnoteDefinition {
  readonly label: string;
  readonly text: string;
  /** Offsets of the whole line, without its line break. */
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
      end: match.index + match[0].length,
      ...(sourceId === undefined ? {} : { sourceId }),
    };
  });
}

/** The hidden marker that lets Briefing recognise its own footnotes later. */
export function sourceMarker(sourceId: string): string {
  return ` <!-- briefing:${sourceId} -->`;
}

/** The ids of the sources a draft already cites through Briefing's markers. */
export function citedSourceIds(draft: string): Set<string> {
  return new Set([...draft.matchAll(/<!-- briefing:([^\s>]+) -->/g)].map((match) => match[1]));
}
