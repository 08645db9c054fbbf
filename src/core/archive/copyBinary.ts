/**
 * PostgreSQL's binary COPY format, written into one growing byte array:
 * the server takes fields as they are instead of parsing text (a
 * tsvector's text form costs the server three times what its binary form
 * does, and nothing needs escaping here). Uses only TextEncoder and typed
 * arrays, so it runs anywhere the core does.
 */
import type { SearchVector } from './searchVector';

/** The column types the archive's COPY rows use. */
export type CopyColumnType = 'text' | 'int' | 'jsonb' | 'tsvector';

/** A value of a row: strings for text and jsonb (JSON text), numbers for int, a SearchVector for tsvector. */
export type BinaryValue = string | number | null | undefined | SearchVector;

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // PGCOPY\n\377\r\n\0
const JSONB_VERSION = 1;
/** tsvector weights in WordEntryPos's top two bits: A 3, B 2, C 1 (index 0, 1, 2 in a SearchVector). */
const WEIGHT_BITS = [3 << 14, 2 << 14, 1 << 14] as const;
const MAX_WORD_POSITION = 0x3fff;

const encoder = new TextEncoder();

export class BinaryCopy {
  private bytes: Uint8Array;
  private view: DataView;
  private length = 0;
  private rowCount = 0;

  constructor(initialBytes = 1 << 16) {
    this.bytes = new Uint8Array(initialBytes);
    this.view = new DataView(this.bytes.buffer);
    this.bytes.set(SIGNATURE, 0);
    // Flags (no OIDs) and the header extension's length.
    this.view.setInt32(11, 0);
    this.view.setInt32(15, 0);
    this.length = 19;
  }

  get rows(): number {
    return this.rowCount;
  }

  /** One row; `types` says how each value is sent. */
  row(values: readonly BinaryValue[], types: readonly CopyColumnType[]): void {
    this.reserve(2);
    this.view.setInt16(this.length, values.length);
    this.length += 2;
    for (let i = 0; i < values.length; i++) this.field(values[i], types[i]);
    this.rowCount++;
  }

  /** The data with its trailer; the writer must not be used after. */
  finish(): Uint8Array {
    this.reserve(2);
    this.view.setInt16(this.length, -1);
    this.length += 2;
    return this.bytes.subarray(0, this.length);
  }

  private field(value: BinaryValue, type: CopyColumnType): void {
    if (value === null || value === undefined) {
      this.int32(-1);
      return;
    }
    if (type === 'int') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new Error(`cannot store ${String(value)} as an integer in the archive`);
      this.int32(4);
      this.int32(value);
      return;
    }
    if (type === 'tsvector') {
      if (typeof value !== 'object') throw new Error('a tsvector column needs a SearchVector');
      this.tsvector(value);
      return;
    }
    if (typeof value !== 'string') throw new Error(`a ${type} column needs a string`);
    this.reserve(5);
    const lengthAt = this.length;
    this.length += 4;
    if (type === 'jsonb') {
      this.reserve(1);
      this.bytes[this.length++] = JSONB_VERSION;
    }
    this.utf8(value);
    this.view.setInt32(lengthAt, this.length - lengthAt - 4);
  }

  /**
   * tsvector's binary form: the lexeme count, then per lexeme its UTF-8
   * text, a NUL, its position count and positions (weight in the top two
   * bits). Lexemes go in sorted order, so the server has nothing to sort
   * (it sorts if the order differs from its byte order, as with characters
   * beyond the BMP); positions must rise strictly.
   */
  private tsvector(vector: SearchVector): void {
    this.reserve(8);
    const lengthAt = this.length;
    this.length += 4;
    this.int32(vector.size);
    const lexemes = [...vector.keys()].sort();
    for (const lexeme of lexemes) {
      this.utf8(lexeme);
      this.reserve(3);
      this.bytes[this.length++] = 0;
      const packed = vector.get(lexeme)!;
      const countAt = this.length;
      this.length += 2;
      let count = 0;
      let last = 0;
      this.reserve(packed.length * 2);
      for (const entry of packed) {
        const position = Math.min(entry >> 2, MAX_WORD_POSITION);
        if (position <= last) continue;
        this.view.setUint16(this.length, WEIGHT_BITS[entry & 3] | position);
        this.length += 2;
        last = position;
        count++;
      }
      this.view.setUint16(countAt, count);
    }
    this.view.setInt32(lengthAt, this.length - lengthAt - 4);
  }

  /** UTF-8 of a string; PostgreSQL text cannot hold NUL, so a NUL becomes U+FFFD (one code unit for one). */
  private utf8(text: string): void {
    this.reserve(text.length * 3);
    // Short ASCII (most lexemes, ids, kinds) byte by byte: TextEncoder's call costs more than such a string.
    if (text.length <= 64) {
      const start = this.length;
      let i = 0;
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x80 || code === 0) break;
        this.bytes[start + i] = code;
      }
      if (i === text.length) {
        this.length += i;
        return;
      }
    }
    const clean = text.includes('\0') ? text.replace(/\0/g, '\uFFFD') : text;
    this.length += encoder.encodeInto(clean, this.bytes.subarray(this.length)).written;
  }

  private int32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
  }

  private reserve(bytes: number): void {
    const needed = this.length + bytes + 4;
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
}
