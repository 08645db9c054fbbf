/**
 * Words put into a sentence take the case their place asks for: "Over
 * 1,000", lifted from the start of a source's sentence, reads "over 1,000"
 * in the middle of the writer's.
 */

/** `words` with the first letter upper-cased at the start of a sentence of `text` (before `at`), else lower-cased. */
export function caseAt(words: string, text: string, at: number): string {
  const first = words.charAt(0);
  if (!/\p{L}/u.test(first)) return words;
  const before = text.slice(Math.max(0, at - 200), at).replace(/[ \t]+$/, '');
  // After a full stop, or at the start of a line (of a list item, a block quote, a heading).
  const startsSentence = /[.!?]["”’)]*$/u.test(before) || /(?:^|\n)[ \t]*(?:[>*+-]|#{1,6}|\d+[.)])?$/u.test(before);
  return (startsSentence ? first.toUpperCase() : first.toLowerCase()) + words.slice(1);
}
