import type { FlateError, UnzipDecoder } from 'fflate';
import { Unzip } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { zipFiles } from './zipWriter';

export interface ZipLimits {
  /** Entries the archive may hold at all. */
  entries: number;
  /** Bytes one selected entry may inflate to (by its name, when entries differ). */
  perEntry: number | ((name: string) => number);
  /** Bytes all selected entries together may inflate to. */
  total: number;
}

export type ZipOutcome =
  | { ok: true; files: Map<string, Uint8Array>; entries: string[] }
  | {
      ok: false;
      problem: 'notZip' | 'unsafePath' | 'tooManyEntries' | 'entryTooLarge' | 'tooLarge';
      entry?: string;
    };

/** A path that stays inside the archive: no "..", no absolute path, no drive letter. */
export function isSafeEntryPath(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z]:/i.test(path)) return false;
  return !path.split(/[\\/]/).some((part) => part === '..');
}

/**
 * Inflates the entries of a zip that `select` asks for, counting the bytes
 * actually inflated, never the sizes the archive declares (a bomb declares
 * small ones): it stops at the first entry, or the first byte, past a limit,
 * so memory and time are bounded by the limits, not by the file. Entries not
 * selected are walked over, not inflated.
 */
export function inflateZip(
  bytes: Uint8Array,
  select: (name: string) => boolean,
  limits: ZipLimits,
): ZipOutcome {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, problem: 'notZip' };
  const files = new Map<string, Uint8Array>();
  const entries: string[] = [];
  let failure: Exclude<ZipOutcome, { ok: true }> | null = null;
  let total = 0;
  const unzip = new Unzip();
  const limitOf = (name: string) =>
    typeof limits.perEntry === 'number' ? limits.perEntry : limits.perEntry(name);
  /**
   * Deflate undone by Node's zlib (native, three times fflate's speed) once an
   * entry's compressed bytes are all there (they are in memory already), told
   * to stop one byte past what the entry may still inflate to: a bomb stops there.
   */
  class BoundedInflate implements UnzipDecoder {
    static compression = 8;
    ondata: UnzipDecoder['ondata'] = () => undefined;
    private readonly pieces: Uint8Array[] = [];
    constructor(private readonly name: string) {}
    push(chunk: Uint8Array, final: boolean): void {
      // A view of the archive's own bytes, which stay whole until the end.
      this.pieces.push(chunk);
      if (!final) return;
      const room = limits.total - total;
      const cap = Math.max(0, Math.min(limitOf(this.name), room)) + 1;
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(Buffer.concat(this.pieces), { maxOutputLength: cap });
      } catch (error) {
        if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE')
          return this.ondata(error as FlateError, new Uint8Array(0), true);
        failure ??= {
          ok: false,
          problem: limitOf(this.name) < room ? 'entryTooLarge' : 'tooLarge',
          entry: this.name,
        };
        return;
      }
      // A small entry comes back as a view of zlib's 16 KB working buffer: copied, so that
      // 20,000 small sources do not hold 20,000 such buffers.
      const whole = inflated.byteLength * 2 >= inflated.buffer.byteLength;
      this.ondata(
        null,
        whole
          ? new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.byteLength)
          : new Uint8Array(inflated),
        true,
      );
    }
  }
  unzip.register(BoundedInflate);
  unzip.onfile = (file) => {
    if (failure) return;
    entries.push(file.name);
    if (entries.length > limits.entries) {
      failure = { ok: false, problem: 'tooManyEntries' };
      return;
    }
    if (!isSafeEntryPath(file.name)) {
      failure = { ok: false, problem: 'unsafePath', entry: file.name };
      return;
    }
    if (!select(file.name)) return;
    const limit = limitOf(file.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = { ok: false, problem: 'notZip', entry: file.name };
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limit || total > limits.total) {
        failure = {
          ok: false,
          problem: size > limit ? 'entryTooLarge' : 'tooLarge',
          entry: file.name,
        };
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks, size));
    };
    file.start();
  };
  try {
    // In pieces: fflate's streaming reader recurses once per entry of what it is given, and an
    // archive of thousands of small entries pushed whole would overflow the stack.
    const PIECE = 64 * 1024;
    for (let offset = 0; offset < bytes.length && !failure; offset += PIECE)
      unzip.push(bytes.subarray(offset, offset + PIECE), offset + PIECE >= bytes.length);
  } catch {
    failure ??= { ok: false, problem: 'notZip' };
  }
  if (failure) return failure;
  if (entries.length === 0) return { ok: false, problem: 'notZip' };
  return { ok: true, files, entries };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

/**
 * The entries `inflateZip` inflated, and only those, as a stored archive for a
 * reader that opens zips itself (mammoth, ExcelJS): such a reader follows the
 * central directory, which a crafted file can point at entries the local
 * headers never showed (a bomb hidden in another entry's data). Given this
 * archive, it reads exactly the bytes that were measured.
 */
export function rebuiltArchive(files: Map<string, Uint8Array>): Promise<Uint8Array> {
  return zipFiles(Object.fromEntries(files), new Date(), true);
}
