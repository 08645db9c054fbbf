/**
 * Working memory for one query: typed arrays handed out from a few large
 * buffers and all taken back when the next query starts. A keystroke then
 * leaves next to no garbage, and the collector's pauses — which made the
 * slowest keystrokes — come rarely. Arrays handed out are zeroed.
 */
export class Scratch {
  private ints = new Int32Array(1 << 14);
  private intsUsed = 0;
  private uints = new Uint32Array(1 << 14);
  private uintsUsed = 0;
  private floats = new Float64Array(1 << 14);
  private floatsUsed = 0;
  private bytes = new Uint8Array(1 << 14);
  private bytesUsed = 0;

  /** Takes back everything handed out: call when a query starts, once nothing from the last one is in use. */
  reset(): void {
    this.intsUsed = 0;
    this.uintsUsed = 0;
    this.floatsUsed = 0;
    this.bytesUsed = 0;
  }

  int32(length: number): Int32Array {
    if (this.intsUsed + length > this.ints.length) {
      // A larger buffer; what was handed out from the old one stays valid.
      this.ints = new Int32Array(Math.max(this.ints.length * 2, length));
      this.intsUsed = 0;
    }
    const array = this.ints.subarray(this.intsUsed, this.intsUsed + length);
    this.intsUsed += length;
    return array.fill(0);
  }

  uint32(length: number): Uint32Array {
    if (this.uintsUsed + length > this.uints.length) {
      this.uints = new Uint32Array(Math.max(this.uints.length * 2, length));
      this.uintsUsed = 0;
    }
    const array = this.uints.subarray(this.uintsUsed, this.uintsUsed + length);
    this.uintsUsed += length;
    return array.fill(0);
  }

  float64(length: number): Float64Array {
    if (this.floatsUsed + length > this.floats.length) {
      this.floats = new Float64Array(Math.max(this.floats.length * 2, length));
      this.floatsUsed = 0;
    }
    const array = this.floats.subarray(this.floatsUsed, this.floatsUsed + length);
    this.floatsUsed += length;
    return array.fill(0);
  }

  uint8(length: number): Uint8Array {
    if (this.bytesUsed + length > this.bytes.length) {
      this.bytes = new Uint8Array(Math.max(this.bytes.length * 2, length));
      this.bytesUsed = 0;
    }
    const array = this.bytes.subarray(this.bytesUsed, this.bytesUsed + length);
    this.bytesUsed += length;
    return array.fill(0);
  }
}
