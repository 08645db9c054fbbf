/**
 * Base64 for the serialized index's binary runs, in plain JS so the core
 * runs in a web worker as well as in Node (no Buffer).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 3 * 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes: number[] = [];
    for (let i = start; i < end; i += 3) {
      const a = bytes[i];
      const b = i + 1 < end ? bytes[i + 1] : 0;
      const c = i + 2 < end ? bytes[i + 2] : 0;
      codes.push(
        ALPHABET.charCodeAt(a >> 2),
        ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4)),
        i + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61,
        i + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61,
      );
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61) length--;
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  // Four characters to three bytes at a time: the serialized index is tens of megabytes of this.
  const whole = length - (length % 4);
  let at = 0;
  let invalid = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    invalid |= a | b | c | d;
    const value = (CODES[a & 0x7f] << 18) | (CODES[b & 0x7f] << 12) | (CODES[c & 0x7f] << 6) | CODES[d & 0x7f];
    invalid |= CODES[a & 0x7f] | CODES[b & 0x7f] | CODES[c & 0x7f] | CODES[d & 0x7f];
    bytes[at++] = value >>> 16;
    bytes[at++] = (value >>> 8) & 0xff;
    bytes[at++] = value & 0xff;
  }
  // A code of 255 (not base64) or a character past ASCII sets a bit no valid input sets.
  if (invalid & 0xff80) throw new Error('the index data is not base64');
  let buffer = 0;
  let bits = 0;
  for (let i = whole; i < length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? CODES[code] : 255;
    if (value === 255) throw new Error('the index data is not base64');
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return at === bytes.length ? bytes : bytes.subarray(0, at);
}
