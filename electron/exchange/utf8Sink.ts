const MEGABYTE = 1 << 20;
/** Megabytes whose bytes were deflated and dropped, to be written again (see `recycleSinkBuffer`). */
const spare: Buffer[] = [];
const SPARE_KEPT = 8;
const madeHere = new WeakSet<ArrayBufferLike>();

function freshBuffer(length: number): Buffer {
  if (length <= MEGABYTE) {
    const reused = spare.pop();
    if (reused) {
      madeHere.add(reused.buffer);
      return reused;
    }
  }
  const buffer = Buffer.allocUnsafe(Math.max(MEGABYTE, length));
  if (buffer.length === MEGABYTE) madeHere.add(buffer.buffer);
  return buffer;
}

/**
 * A piece a sink handed on, once nothing reads it any more (its deflate done): its megabyte is
 * written again by the next sink. Without it an XLSX export of 60 MB of sheets left 150 MB of
 * dropped megabytes to the collector at once, all of it in the host's peak.
 */
export function recycleSinkBuffer(piece: Uint8Array): void {
  if (!madeHere.has(piece.buffer) || spare.length >= SPARE_KEPT) return;
  // Once only until it is written again: two sinks must never share a megabyte.
  madeHere.delete(piece.buffer);
  spare.push(Buffer.from(piece.buffer, 0, MEGABYTE));
}

/**
 * UTF-8 written piece by piece into buffers of a megabyte: a large export is
 * never one string of its own, then a copy of it (most of an exporter's garbage).
 */
export class Utf8Sink {
  private full: Buffer[] = [];
  private current = freshBuffer(MEGABYTE);
  private used = 0;

  write(text: string): void {
    // Three bytes at most per UTF-16 unit.
    if (this.used + text.length * 3 > this.current.length) {
      this.full.push(this.current.subarray(0, this.used));
      this.current = freshBuffer(text.length * 3);
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
