import type { Span } from '../model';
import { splitSentences } from '../text/sentences';

/**
 * The prose of a draft, as the writing checks read it: markup that is not
 * the writer's claims (footnote markers and definitions, Briefing's hidden
 * markers, the references section, code, front matter, URLs, LaTeX
 * citation commands) is blanked with spaces, so every offset still points
 * into the draft unchanged.
 */
export interface DraftProse {
  /** The draft with non-prose blanked; same length as the draft. */
  readonly text: string;
  /** Sentences of the prose, headings and list items each on their own. */
  readonly sentences: readonly Span[];
}

const REFERENCES_HEADING = /^(#{1,6})[ \t]+(?:References|Sources|Bibliography|Works Cited|Notes)[ \t]*#*[ \t]*$/gim;

export function draftProse(draft: string): DraftProse {
  let text = draft;
  const blank = (start: number, end: number): void => {
    text = text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
  };
  const blankAll = (pattern: RegExp, group?: number): void => {
    for (const match of [...text.matchAll(pattern)]) {
      if (group === undefined) blank(match.index, match.index + match[0].length);
      else if (match[group] !== undefined) {
        const at = match.index + match[0].indexOf(match[group]);
        blank(at, at + match[group].length);
      }
    }
  };
  // YAML front matter.
  const front = /^---\n[\s\S]*?\n---(?:\n|$)/.exec(text);
  if (front) blank(0, front[0].length);
  // The references section: from its heading to the next heading of the same or a higher level.
  for (const heading of [...text.matchAll(REFERENCES_HEADING)]) {
    const level = heading[1].length;
    const bodyStart = heading.index + heading[0].length;
    const next = new RegExp(`^#{1,${level}}[ \\t]`, 'm').exec(text.slice(bodyStart));
    blank(heading.index, next ? bodyStart + next.index : text.length);
  }
  blankAll(/^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[^\n]*$/gm); // fenced code
  blankAll(/`[^`\n]+`/g); // inline code
  blankAll(/<!--[\s\S]*?-->/g); // hidden markers and comments
  blankAll(/^\[\^[^\]\s]+\]:.*$/gm); // footnote definitions
  blankAll(/\[\^[^\]\s]+\]/g); // footnote markers
  blankAll(/\[[^[\]\n]*?-?@[\p{L}\p{N}_][^[\]\n]*\](?!\()|(?<![\p{L}\p{N}\\[@])@[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_]/gu); // Pandoc citations: [@key, p. 3], @key
  blankAll(/\]\((<[^>]*>|[^)\s]*)(?:\s+"[^"]*")?\)/g, 0); // link targets, keeping the link text
  blankAll(/\bhttps?:\/\/\S+/g);
  blankAll(/\\(?:footnote|cite[tp]?|autocite|parencite|ref|label|url|href)\*?(?:\[[^\]]*\])*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g); // LaTeX citations
  blankAll(/\\[a-zA-Z]+\*?/g); // other LaTeX commands; their arguments stay prose
  blankAll(/\\(?=[!-/:-@[-`{-~])/g); // LaTeX and Markdown escapes: "5\%" reads as "5 %", "\*" as "*"
  return { text, sentences: sentencesOf(text) };
}

/** Sentences of each block (a paragraph, a heading, a list item, a quote line), never across blocks. */
function sentencesOf(text: string): Span[] {
  const blocks: Span[] = [];
  let current: Span | undefined;
  for (const line of text.matchAll(/[^\n]*/g)) {
    if (line.index > 0 && text[line.index - 1] !== '\n') continue; // the empty match after a line's end
    const content = line[0];
    const span = { start: line.index, end: line.index + content.length };
    if (content.trim().length === 0) {
      current = undefined;
      continue;
    }
    const startsBlock = /^[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d+[.)][ \t]|>|\|)/.test(content);
    const previousLine = current === undefined ? '' : text.slice(current.start, current.end).split('\n').pop() ?? '';
    // A heading, a table row, or a line with no closing punctuation before a capitalised one (a title in plain text) ends its block.
    const previousWasHeading = /^[ \t]*(?:#{1,6}[ \t]|\|)/.test(previousLine) || (!/[.!?:;,"”’)\]]\s*$/.test(previousLine) && /^\s*\p{Lu}/u.test(content));
    if (current && !startsBlock && !previousWasHeading) {
      current = { start: current.start, end: span.end };
      blocks[blocks.length - 1] = current;
    } else {
      current = span;
      blocks.push(current);
    }
  }
  const spans: Span[] = [];
  for (const block of blocks) {
    for (const span of splitSentences(text.slice(block.start, block.end))) {
      spans.push({ start: block.start + span.start, end: block.start + span.end });
    }
  }
  return spans;
}

/** The sentence holding `offset`, or undefined when it is not in prose. */
export function sentenceAt(prose: DraftProse, offset: number): Span | undefined {
  return prose.sentences.find((span) => offset >= span.start && offset < span.end);
}
