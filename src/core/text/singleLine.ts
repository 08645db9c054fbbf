/**
 * Metadata from a source (a title, an author, an outlet) as Briefing keeps
 * it: one line, no control characters, bounded. Sources are untrusted: a
 * front-matter title with line breaks would end a footnote early and start
 * a new one in the user's draft; ESC and BEL would reach a terminal through
 * the CLI; bidirectional overrides would make a title read as another.
 */

/** C0 and C1 controls, DEL, bidirectional embeddings, overrides and isolates, and the byte order mark. */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Line and paragraph breaks of every kind, tabs and other spacing controls: each becomes a space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** ESC sequences (CSI, OSC…) lose their introducer with the controls, but their tails ("]52;c;…") would stay as noise. */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]{0,1000}(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;

/** The longest title, author or outlet kept; longer ones end with "…". */
export const METADATA_MAX_CHARS = 300;

/** One line of plain text: escape sequences and controls removed, breaks made spaces, spaces collapsed, trimmed and bounded. */
export function singleLine(text: string, maxChars = METADATA_MAX_CHARS): string {
  const line = text
    .slice(0, maxChars * 8)
    .replace(ESCAPE_SEQUENCE, '')
    .replace(BREAKS, ' ')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return line.length <= maxChars ? line : `${line.slice(0, maxChars - 1).trimEnd()}…`;
}

/** Text for a terminal or a draft: escape sequences and controls other than line feed and tab removed (bidi overrides too). */
export function withoutControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Text for a terminal: see withoutControls. */
export const terminalSafe = withoutControls;
