import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import type { ZipInputFile } from 'fflate';
import { Zip } from 'fflate';
import ZipStream from 'zip-stream';

/** An entry's bytes, or pieces of them made as the archive asks for them. */
export type ZipEntryData = Uint8Array | (() => Iterable<Uint8Array>);

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
export function zipFiles(
  files: Record<string, ZipEntryData>,
  at = new Date(),
  /** Stored, not deflated: an archive made only to be read at once (see `rebuiltArchive`). */
  store = false,
): Promise<Uint8Array> {
  const entries = Object.entries(files);
  const held = entries.every(([, data]) => typeof data !== 'function');
  const bytes = held ? entries.reduce((sum, [, data]) => sum + (data as Uint8Array).length, 0) : 0;
  if (held && entries.length <= PLAIN_ZIP_ENTRIES && bytes <= PLAIN_ZIP_BYTES)
    return zipHeld(entries as [string, Uint8Array][], at, store);
  return zipStreamed(entries, at, store);
}

/**
 * Files already in memory (a .qdpx): every entry deflated at once on libuv's
 * threads by zlib itself, and fflate lays out the archive around the results.
 * zip-stream's stream per entry spent as long waiting as deflating (65 ms
 * against 31 ms for the 7 MB of corpus (c)'s export).
 */
async function zipHeld(
  entries: [string, Uint8Array][],
  at: Date,
  store: boolean,
): Promise<Uint8Array> {
  const packed = await Promise.all(entries.map(([, data]) => (store ? data : deflated(data))));
  const pieces: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, piece) => {
    if (error) failure = error;
    else pieces.push(piece);
  });
  const mtime = at < ZIP_EPOCH ? ZIP_EPOCH : at;
  entries.forEach(([name, data], index) => {
    const entry: ZipInputFile = {
      filename: name,
      size: data.length,
      crc: crc32(data),
      compression: store ? 0 : 8,
      flag: 0,
      mtime,
    };
    zip.add(entry);
    // fflate's type asks for an ArrayBuffer's bytes; it only copies them out.
    entry.ondata!(null, packed[index]! as Uint8Array<ArrayBuffer>, true);
  });
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(pieces);
}

/**
 * One deflate stream made of independent pieces, as pigz makes them: each but
 * the last ends on a sync flush (a byte boundary, no final block), so they
 * join into a valid stream and a 4 MB project.qde uses both cores.
 */
async function deflated(data: Uint8Array): Promise<Uint8Array> {
  if (data.length <= PIECE) return deflate(data, { level: LEVEL });
  const pieces: Promise<Buffer>[] = [];
  for (let offset = 0; offset < data.length; offset += PIECE) {
    const last = offset + PIECE >= data.length;
    pieces.push(
      deflate(data.subarray(offset, offset + PIECE), {
        level: LEVEL,
        finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }),
    );
  }
  return Buffer.concat(await Promise.all(pieces));
}

/**
 * Sheets made as they are written, or archives past plain zip's limits:
 * zip-stream (archiver's writer). (yazl was tried first: its entry pump
 * rescans every earlier entry, 74 s for 70,000 of them.)
 */
function zipStreamed(
  entries: [string, ZipEntryData][],
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
