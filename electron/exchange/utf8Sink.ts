/**
 * UTF-8 written piece by piece into buffers of a megabyte: a large export is
 * never one string of its own, then a copy of it (most of an exporter's garbage).
 */
export class Utf8Sink {
  private full: Buffer[] = [];
  private current = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  write(text: string): void {
    // Three bytes at most per UTF-16 unit.
    if (this.used + text.length * 3 > this.current.length) {
      this.full.push(this.current.subarray(0, this.used));
      this.current = Buffer.allocUnsafe(Math.max(1 << 20, text.length * 3));
      this.used = 0;
    }
    this.used += this.current.write(text, this.used);
  }

  /** The megabytes filled so far, handed on (to the zip's deflate) and forgotten here. */
  take(): Buffer[] {
    return this.full.splice(0);
  }

  /** Everything not taken yet, the last partial buffer included. */
  rest(): Buffer[] {
    const last = this.current.subarray(0, this.used);
    this.current = Buffer.allocUnsafe(0);
    this.used = 0;
    return [...this.full.splice(0), last];
  }
}

/** All of it as one array of bytes (a Buffer is one: no further copy). */
export function sinkBytes(sink: Utf8Sink): Uint8Array {
  return Buffer.concat(sink.rest());
}
