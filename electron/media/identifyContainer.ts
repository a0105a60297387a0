/** Reads `length` bytes of the stored file from `offset` (fewer at its end). */
export type ByteReader = (offset: number, length: number) => Uint8Array;

export type Container = 'wav' | 'ogg' | 'mp4' | 'webm' | 'mp3' | 'aac';

/**
 * What the file is, by its structure, not by its first four bytes: a WAV's
 * chunks and format, an Ogg page and the codec it opens, an MP4's boxes, a
 * WebM's document type, and three MPEG or ADTS audio frames in a row, each
 * found where the one before says it ends (after an ID3 tag, wherever it ends).
 * A text, a PDF or random bytes that happen to begin like a recording are not
 * one. Reads a few kilobytes at most, wherever they are in the file.
 */
export function identifyContainer(read: ByteReader, size: number): Container | null {
  const head = read(0, 4096);
  const ascii = (bytes: Uint8Array, start: number, length: number) =>
    String.fromCharCode(...bytes.subarray(start, start + length));
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE')
    return isWave(read, size) ? 'wav' : null;
  if (ascii(head, 0, 4) === 'OggS') return isOgg(head) ? 'ogg' : null;
  if (ascii(head, 4, 4) === 'ftyp') return isMp4(head, size) ? 'mp4' : null;
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return isMatroska(head) ? 'webm' : null;
  // One ID3 tag or several in a row, each told by its own size, then the frames.
  let audioStart = 0;
  for (let tags = 0; tags < 4; tags += 1) {
    const tag = tags === 0 ? head : read(audioStart, 10);
    if (ascii(tag, 0, 3) !== 'ID3') break;
    const tagSize = syncSafe(tag.subarray(6, 10));
    if (tagSize === null) return null;
    audioStart += 10 + tagSize + ((tag[5] ?? 0) & 0x10 ? 10 : 0);
  }
  return audioFrames(read, audioStart, size);
}

function uint32le(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  );
}

function uint16le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function uint32be(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
  );
}

const printable = (bytes: Uint8Array, start: number, length: number) =>
  start + length <= bytes.length &&
  bytes.subarray(start, start + length).every((byte) => byte >= 0x20 && byte <= 0x7e);

/**
 * A `fmt ` chunk a player can read: a known encoding, 1 to 32 channels, a real
 * sample rate. Chunks before it (a field recorder's `bext` and `iXML`, `JUNK`
 * padding) are walked over by their headers, up to 64 of them in the first 16 MB.
 */
function isWave(read: ByteReader, size: number): boolean {
  let at = 12;
  for (let chunks = 0; chunks < 64 && at + 8 <= Math.min(size, 16 * 1024 * 1024); chunks += 1) {
    const header = read(at, 24);
    if (!printable(header, 0, 4)) return false;
    const id = String.fromCharCode(...header.subarray(0, 4));
    const length = uint32le(header, 4);
    if (id === 'fmt ') {
      if (length < 16 || header.length < 24) return false;
      const encoding = uint16le(header, 8);
      const channels = uint16le(header, 10);
      const sampleRate = uint32le(header, 12);
      return (
        [0x0001, 0x0002, 0x0003, 0x0006, 0x0007, 0x0011, 0x0055, 0xfffe].includes(encoding) &&
        channels >= 1 &&
        channels <= 32 &&
        sampleRate >= 1000 &&
        sampleRate <= 768_000
      );
    }
    at += 8 + length + (length % 2);
  }
  return false;
}

/** The first page of a stream that opens with a codec the player knows. */
function isOgg(head: Uint8Array): boolean {
  if (head[4] !== 0 || !((head[5] ?? 0) & 0x02)) return false;
  const segments = head[26] ?? 0;
  const payload = 27 + segments;
  const opening = String.fromCharCode(...head.subarray(payload, payload + 8));
  // A skeleton stream ("fishead") opens files that carry a codec in the pages after it.
  return ['\x01vorbis', 'OpusHead', '\x7fFLAC', '\x80theora', 'Speex   ', 'fishead\0'].some(
    (codec) => opening.startsWith(codec),
  );
}

/** An `ftyp` box, then boxes of four printable letters whose sizes chain up within the file. */
function isMp4(head: Uint8Array, size: number): boolean {
  const first = uint32be(head, 0);
  if (first < 16 || first > 4096 || !printable(head, 8, 4)) return false;
  let boxes = 0;
  for (let at = first; at + 8 <= Math.min(head.length, size); boxes += 1) {
    if (!printable(head, at + 4, 4)) return false;
    const length = uint32be(head, at);
    // 0: the box runs to the end of the file; 1: its size is the 64-bit one that follows.
    if (length === 0 || length === 1) return true;
    if (length < 8 || at + length > size) return false;
    at += length;
  }
  return boxes > 0 || first < size;
}

/** An EBML header whose document type is "webm" or "matroska" (its size in any length of vint). */
function isMatroska(head: Uint8Array): boolean {
  const header = head.subarray(0, 64);
  for (let at = 4; at + 3 < header.length; at += 1) {
    if (header[at] !== 0x42 || header[at + 1] !== 0x82) continue;
    const first = header[at + 2]!;
    const width = Math.clz32(first) - 23;
    if (width < 1 || width > 8) return false;
    let length = first & (0xff >> width);
    for (let byte = 1; byte < width; byte += 1)
      length = length * 256 + (header[at + 2 + byte] ?? 0);
    const start = at + 2 + width;
    const docType = String.fromCharCode(...header.subarray(start, start + length));
    return docType === 'webm' || docType === 'matroska';
  }
  return false;
}

function syncSafe(bytes: Uint8Array): number | null {
  if (bytes.length < 4 || bytes.some((byte) => byte & 0x80)) return null;
  return (bytes[0]! << 21) | (bytes[1]! << 14) | (bytes[2]! << 7) | bytes[3]!;
}

const MPEG_BITRATES: Record<string, number[]> = {
  // Per version (1, or 2 and 2.5) and layer, in kbit/s, index 1 to 14.
  '1-1': [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MPEG_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The length of the MPEG audio frame whose header is at `at`, or null if it is none. */
function mpegFrameLength(bytes: Uint8Array, at: number): number | null {
  const [b0, b1, b2] = [bytes[at], bytes[at + 1], bytes[at + 2]];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 0x03;
  const layer = 4 - ((b1 >> 1) & 0x03);
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0x03;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const bitrate = MPEG_BITRATES[`${version === 3 ? 1 : 2}-${layer}`]![bitrateIndex - 1]! * 1000;
  const sampleRate = MPEG_RATES[version as 0 | 2 | 3][rateIndex]!;
  const padding = (b2 >> 1) & 0x01;
  if (layer === 1) return (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  const perFrame = layer === 3 && version !== 3 ? 72 : 144;
  return Math.floor((perFrame * bitrate) / sampleRate) + padding;
}

/** The length of the ADTS (AAC) frame whose header is at `at`, or null if it is none. */
function adtsFrameLength(bytes: Uint8Array, at: number): number | null {
  if (bytes[at] !== 0xff || ((bytes[at + 1] ?? 0) & 0xf6) !== 0xf0 || at + 6 >= bytes.length)
    return null;
  if (((bytes[at + 2]! >> 2) & 0x0f) > 12) return null;
  const length = ((bytes[at + 3]! & 0x03) << 11) | (bytes[at + 4]! << 3) | (bytes[at + 5]! >> 5);
  return length >= 7 ? length : null;
}

/**
 * Three MPEG or ADTS frames in a row, each where the one before ends, starting
 * within 16 KB of `start` (padding or junk after an ID3 tag), or two that end the file.
 */
function audioFrames(read: ByteReader, start: number, size: number): Container | null {
  if (start >= size) return null;
  // Three frames of the largest ADTS kind fit in 32 KB, after up to 16 KB of padding or junk.
  const window = read(start, 48 * 1024);
  for (let first = 0; first < Math.min(window.length, 16 * 1024); first += 1) {
    if (window[first] !== 0xff) continue;
    for (const [kind, frameLength] of [
      ['mp3', mpegFrameLength],
      ['aac', adtsFrameLength],
    ] as const) {
      let at = first;
      let frames = 0;
      while (frames < 3) {
        const length = frameLength(window, at);
        if (length === null) break;
        frames += 1;
        at += length;
        if (start + at >= size) break;
      }
      if (frames === 3 || (frames === 2 && start + at >= size)) return kind;
    }
  }
  return null;
}
