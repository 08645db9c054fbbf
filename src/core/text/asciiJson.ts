/**
 * JSON with every character past ASCII written as a \u escape. A file of
 * pure ASCII is read into a one-byte string and parsed faster; one curly
 * quote in a hundred megabytes otherwise makes the whole text two-byte.
 * Used for the saved indexes, which are large and read at every start.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
