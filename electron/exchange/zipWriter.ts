import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import type { ZipInputFile } from 'fflate';
import { Zip } from 'fflate';
import { AxialError } from '../../shared/errors';
import { recycleSinkBuffer } from './utf8Sink';
import ZipStream from 'zip-stream';

/** An entry deflated as its bytes were made (see `EntryPacker`): the archive only lays it out. */
export interface PackedEntry {
  readonly packed: Uint8Array;
  readonly crc: number;
  readonly size: number;
  /**
   * Its bytes as made, for an archive past plain zip's limits, which is written again by
   * zip-stream; null for an entry deflated as it was made (see `packAsMade`), whose bytes are gone.
   */
  readonly pieces: readonly Uint8Array[] | null;
}

/**
 * An entry's bytes; pieces of them made as the archive asks for them; or an
 * entry deflated ahead, as it was made.
 */
export type ZipEntryData = Uint8Array | (() => Iterable<Uint8Array>) | Promise<PackedEntry>;

const deflate = promisify(deflateRaw);
/** Entries longer than this are deflated in pieces of this size side by side. */
const PIECE = 1 << 20;

// Level 1: text shrinks nearly as much as at 6, three times faster.
const LEVEL = 1;
/** Below these an archive needs no zip64, which fflate's writer does not write. */
const PLAIN_ZIP_ENTRIES = 65_000;
const PLAIN_ZIP_BYTES = 2 ** 31;
/** Zip's clock starts in 1980: an earlier one (a machine's battery gone) is written as its start. */
const ZIP_EPOCH = new Date(1980, 0, 1);

/**
 * A zip archive of the given files: zip64 once an archive passes 65,535
 * entries or 4 GB, times before 1980 clamped to what zip can hold, UTF-8 names.
 */
export async function zipFiles(
  files: Record<string, ZipEntryData>,
  at = new Date(),
  /** Stored, not deflated: an archive made only to be read at once (see `rebuiltArchive`). */
  store = false,
): Promise<Uint8Array> {
  // Awaited together: an entry that failed is reported however many are still packing.
  const entries = await Promise.all(
    Object.entries(files).map(async ([name, data]): Promise<[string, Awaited<ZipEntryData>]> => [
      name,
      await data,
    ]),
  );
  // Entries made as they are written (a workbook's sheets) are deflated as they come, a few
  // megabytes in flight, in the order given (the shared strings after the sheets that fill them):
  // their bytes as made are never held, only what they deflate to.
  if (entries.length <= PLAIN_ZIP_ENTRIES && entries.some(([, data]) => typeof data === 'function'))
    for (const entry of entries)
      if (typeof entry[1] === 'function') entry[1] = await packAsMade(entry[1]);
  const held = entries.every(([, data]) => typeof data !== 'function');
  const bytes = held
    ? entries.reduce(
        (sum, [, data]) =>
          sum + (data instanceof Uint8Array ? data.length : (data as PackedEntry).size),
        0,
      )
    : 0;
  if (held && entries.length <= PLAIN_ZIP_ENTRIES && bytes <= PLAIN_ZIP_BYTES)
    return zipHeld(entries as [string, Uint8Array | PackedEntry][], at, store);
  if (entries.some(([, data]) => data instanceof Object && 'pieces' in data && !data.pieces))
    throw new AxialError(
      'invalid_operation',
      'This export would be larger than 2 GB before compression, more than a spreadsheet opens. Export fewer documents or codes at a time.',
      { reason: 'exportTooLarge' },
    );
  return zipStreamed(
    entries.map(([name, data]) => [
      name,
      data instanceof Uint8Array || typeof data === 'function' ? data : () => data.pieces ?? [],
    ]),
    at,
    store,
  );
}

/**
 * Deflates an entry piece by piece as it is made, on libuv's threads, while
 * the thread that makes it goes on (a .qdpx's project.qde is built as its
 * first megabytes are compressed): the pieces join into one deflate stream.
 */
export class EntryPacker {
  private readonly packing: Promise<Buffer>[] = [];
  private readonly pieces: Uint8Array[] = [];
  private crc = 0;
  private size = 0;

  /** The next piece of the entry's bytes; `last` ends the stream. */
  add(bytes: Uint8Array, last = false): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.pieces.push(bytes);
    this.packing.push(
      deflate(bytes, {
        level: LEVEL,
        finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }),
    );
  }

  /** The entry, once its last piece was added. */
  async packed(): Promise<PackedEntry> {
    const packed = Buffer.concat(await Promise.all(this.packing));
    return { packed, crc: this.crc, size: this.size, pieces: this.pieces };
  }
}

/** Pieces deflating at once while the next is made: both cores busy, a few megabytes held. */
const IN_FLIGHT = 3;

/**
 * An entry made piece by piece (a sheet's rows), each piece deflated on libuv's threads as the
 * next is made and then dropped: only the deflated stream is kept. zip-stream's pipe of the
 * same pieces held a workbook's megabytes as made until the collector came (135 to 165 MB of
 * buffers at once for the XLSX of corpus (b), whose archive is 8 MB).
 */
async function packAsMade(make: () => Iterable<Uint8Array>): Promise<PackedEntry> {
  const packing: Promise<Buffer>[] = [];
  let crc = 0;
  let size = 0;
  let waiting: Uint8Array | null = null;
  const add = async (bytes: Uint8Array, last: boolean) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    packing.push(
      deflate(bytes, {
        level: LEVEL,
        finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }).then((packed) => {
        recycleSinkBuffer(bytes);
        return packed;
      }),
    );
    if (packing.length >= IN_FLIGHT) await packing[packing.length - IN_FLIGHT];
  };
  // One piece is held back so that the last one ends the stream.
  for (const piece of make()) {
    if (waiting) await add(waiting, false);
    waiting = piece;
  }
  await add(waiting ?? new Uint8Array(0), true);
  const packed = Buffer.concat(await Promise.all(packing));
  return { packed, crc, size, pieces: null };
}

/** Bytes already whole, deflated at once: an entry for `zipFiles`. */
export function packEntry(bytes: Uint8Array): Promise<PackedEntry> {
  const packer = new EntryPacker();
  for (let offset = 0; ; offset += PIECE) {
    const last = offset + PIECE >= bytes.length;
    packer.add(bytes.subarray(offset, offset + PIECE), last);
    if (last) return packer.packed();
  }
}

/**
 * Files already in memory (a .qdpx): every entry deflated at once on libuv's
 * threads by zlib itself (in pieces, as pigz does, so a 4 MB project.qde uses
 * both cores), and fflate lays out the archive around the results.
 * zip-stream's stream per entry spent as long waiting as deflating (65 ms
 * against 31 ms for the 7 MB of corpus (c)'s export).
 */
async function zipHeld(
  entries: [string, Uint8Array | PackedEntry][],
  at: Date,
  store: boolean,
): Promise<Uint8Array> {
  const packed = await Promise.all(
    entries.map(([, data]) =>
      !(data instanceof Uint8Array)
        ? { entry: data, stored: false }
        : store
          ? {
              entry: { packed: data, crc: crc32(data), size: data.length, pieces: [] },
              stored: true,
            }
          : packEntry(data).then((entry) => ({ entry, stored: false })),
    ),
  );
  const pieces: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, piece) => {
    if (error) failure = error;
    else pieces.push(piece);
  });
  const mtime = at < ZIP_EPOCH ? ZIP_EPOCH : at;
  entries.forEach(([filename], index) => {
    const { entry, stored } = packed[index]!;
    const input: ZipInputFile = {
      filename,
      size: entry.size,
      crc: entry.crc,
      compression: stored ? 0 : 8,
      flag: 0,
      mtime,
    };
    zip.add(input);
    // fflate's type asks for an ArrayBuffer's bytes; it only copies them out.
    input.ondata!(null, entry.packed as Uint8Array<ArrayBuffer>, true);
  });
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(pieces);
}

/**
 * Sheets made as they are written, or archives past plain zip's limits:
 * zip-stream (archiver's writer). (yazl was tried first: its entry pump
 * rescans every earlier entry, 74 s for 70,000 of them.)
 */
function zipStreamed(
  entries: [string, Uint8Array | (() => Iterable<Uint8Array>)][],
  at: Date,
  store: boolean,
): Promise<Uint8Array> {
  // Sheets streamed in megabytes are deflated into quarter-megabytes; an archive of many small
  // files keeps zlib's 16 KB buffers (a 256 KB one for each of 70,000 entries costs more than it saves).
  const streamed = entries.some(([, data]) => typeof data === 'function');
  const zip = new ZipStream(
    store
      ? { store: true }
      : { zlib: { level: LEVEL, ...(streamed ? { chunkSize: 1 << 18 } : {}) } },
  );
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = [];
    zip.on('data', (piece: Buffer) => pieces.push(piece));
    zip.on('error', reject);
    zip.on('end', () => resolve(Buffer.concat(pieces)));
    let next = 0;
    const addNext = (error?: Error | null) => {
      if (error) return reject(error);
      if (next === entries.length) return zip.finalize();
      const [name, data] = entries[next]!;
      next += 1;
      zip.entry(
        typeof data === 'function'
          ? Readable.from(data(), { objectMode: false, highWaterMark: 1 << 20 })
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
        { name, date: at },
        addNext,
      );
    };
    addNext();
  });
}
