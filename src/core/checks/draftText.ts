import type { Span } from '../model';
import { htmlCommentSpans } from '../text/htmlComments';
import { spanIndexAt, splitSentences } from '../text/sentences';

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
  // Blanking works on a copy of the characters, and the text is made again once per kind of markup:
  // rebuilding the whole text for each match made 50 KB of footnote markers quadratic (issue #17).
  const codes = new Uint16Array(draft.length);
  for (let i = 0; i < draft.length; i++) codes[i] = draft.charCodeAt(i);
  let text = draft;
  let dirty = false;
  const blank = (start: number, end: number): void => {
    for (let i = start; i < end; i++) if (codes[i] !== 10) codes[i] = 32;
    dirty = true;
  };
  const refresh = (): void => {
    if (dirty) text = fromCodes(codes);
    dirty = false;
  };
  const blankAll = (pattern: RegExp, group?: number): void => {
    for (const match of text.matchAll(pattern)) {
      if (group === undefined) blank(match.index, match.index + match[0].length);
      else if (match[group] !== undefined) {
        const at = match.index + match[0].indexOf(match[group]);
        blank(at, at + match[group].length);
      }
    }
    refresh();
  };
  // YAML front matter.
  const front = /^---\n[\s\S]*?\n---(?:\n|$)/.exec(text);
  if (front) blank(0, front[0].length);
  refresh();
  // The references section: from its heading to the next heading of the same or a higher level.
  let blankedUntil = 0;
  for (const heading of [...text.matchAll(REFERENCES_HEADING)]) {
    const level = heading[1].length;
    const bodyStart = heading.index + heading[0].length;
    if (bodyStart <= blankedUntil) continue;
    const next = new RegExp(`^#{1,${level}}[ \\t]`, 'm').exec(text.slice(bodyStart));
    const end = next ? bodyStart + next.index : text.length;
    blank(Math.max(heading.index, blankedUntil), end);
    blankedUntil = end;
  }
  refresh();
  blankAll(/^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[^\n]*$/gm); // fenced code
  blankAll(/`[^`\n]+`/g); // inline code
  for (const comment of htmlCommentSpans(text)) blank(comment.start, comment.end); // hidden markers and comments
  refresh();
  blankAll(/^\[\^[^\]\s[]+\]:.*$/gm); // footnote definitions
  blankAll(/\[\^[^\]\s[]+\]/g); // footnote markers
  blankAll(/\[[^[\]\n]*?-?@[\p{L}\p{N}_][^[\]\n]*\](?!\()|(?<![\p{L}\p{N}\\[@])@[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_]/gu); // Pandoc citations: [@key, p. 3], @key
  blankAll(/\]\((<[^<>\n]*>|[^()\s]*)(?:\s+"[^"\n]*")?\)/g, 0); // link targets, keeping the link text
  blankAll(/\bhttps?:\/\/\S+/g);
  blankAll(/\\(?:footnote|cite[tp]?|autocite|parencite|ref|label|url|href)\*?(?:\[[^[\]\n]*\])*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g); // LaTeX citations
  blankAll(/\\[a-zA-Z]+\*?/g); // other LaTeX commands; their arguments stay prose
  blankAll(/\\(?=[!-/:-@[-`{-~])/g); // LaTeX and Markdown escapes: "5\%" reads as "5 %", "\*" as "*"
  return { text, sentences: sentencesOf(text) };
}

/** A string from UTF-16 code units, in chunks (an argument list cannot hold a million). */
function fromCodes(codes: Uint16Array): string {
  const parts: string[] = [];
  for (let at = 0; at < codes.length; at += 8192) parts.push(String.fromCharCode(...codes.subarray(at, at + 8192)));
  return parts.join('');
}

/** Sentences of each block (a paragraph, a heading, a list item, a quote line), never across blocks. */
function sentencesOf(text: string): Span[] {
  const blocks: Span[] = [];
  let current: Span | undefined;
  let previousLine = '';
  for (const line of text.matchAll(/[^\n]*/g)) {
    if (line.index > 0 && text[line.index - 1] !== '\n') continue; // the empty match after a line's end
    const content = line[0];
    const span = { start: line.index, end: line.index + content.length };
    if (content.trim().length === 0) {
      current = undefined;
      previousLine = '';
      continue;
    }
    const startsBlock = /^[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d+[.)][ \t]|>|\|)/.test(content);
    if (current === undefined) previousLine = '';
    // A heading, a table row, or a line with no closing punctuation before a capitalised one (a title in plain text) ends its block.
    const previousWasHeading = /^[ \t]*(?:#{1,6}[ \t]|\|)/.test(previousLine) || (!/[.!?:;,"”’)\]]\s*$/.test(previousLine) && /^\s*\p{Lu}/u.test(content));
    if (current && !startsBlock && !previousWasHeading) {
      current = { start: current.start, end: span.end };
      blocks[blocks.length - 1] = current;
    } else {
      current = span;
      blocks.push(current);
    }
    previousLine = content;
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
  return prose.sentences[spanIndexAt(prose.sentences, offset)];
}
