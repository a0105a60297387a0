/**
 * Files cross HTTP as bytes beside a JSON envelope, never as base64 inside it
 * (a third larger, and decoded once more on each side). A framed body is:
 * the magic `AXB1`, the envelope's length (4 bytes, big-endian), the envelope
 * as UTF-8 JSON, then each byte array one after another. The envelope holds the
 * value with every byte array replaced by null, and where each one goes (its
 * path of keys and indexes) with its length. Paths rather than a marker inside
 * the value: no text a researcher types can be mistaken for a file.
 *
 * IPC and the core's port carry byte arrays as they are (structured clone).
 */
export const FRAMES_CONTENT_TYPE = 'application/x-axial-frames';

const MAGIC = [0x41, 0x58, 0x42, 0x31]; // "AXB1"
const PREFIX_BYTES = 8;

type PathStep = string | number;

interface Envelope {
  value: unknown;
  bytes: [PathStep[], number][];
}

/** Whether a value holds a byte array anywhere: only then is it framed. */
export function holdsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(holdsBytes);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsBytes);
  return false;
}

/** The pieces of a framed body, to send or write one after another (the byte arrays are not copied). */
export function encodeFrames(value: unknown): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  const places: [PathStep[], number][] = [];
  const strip = (item: unknown, path: PathStep[]): unknown => {
    if (item instanceof Uint8Array) {
      blobs.push(item);
      places.push([path, item.byteLength]);
      return null;
    }
    if (Array.isArray(item)) return item.map((entry, index) => strip(entry, [...path, index]));
    if (item !== null && typeof item === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(item))
        defineKey(copy, key, strip(entry, [...path, key]));
      return copy;
    }
    return item;
  };
  const envelope: Envelope = { value: strip(value, []), bytes: places };
  const header = new TextEncoder().encode(JSON.stringify(envelope));
  const prefix = new Uint8Array(PREFIX_BYTES);
  prefix.set(MAGIC);
  new DataView(prefix.buffer).setUint32(4, header.byteLength);
  return [prefix, header, ...blobs];
}

/** Defined rather than assigned: a key named __proto__ stays a key (a speaker label can be anything). */
function defineKey(target: object, key: PathStep, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export class FramesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FramesError';
  }
}

function isPathStep(step: unknown): step is PathStep {
  return typeof step === 'string' || (Number.isInteger(step) && (step as number) >= 0);
}

/** Puts `bytes` where the envelope left null, refusing any path that does not lead to one. */
function place(root: unknown, path: PathStep[], bytes: Uint8Array): unknown {
  if (path.length === 0) {
    if (root !== null) throw new FramesError('A file is placed over a value.');
    return bytes;
  }
  let parent: unknown = root;
  for (const step of path.slice(0, -1)) {
    parent = childOf(parent, step);
  }
  const last = path[path.length - 1]!;
  if (childOf(parent, last) !== null) throw new FramesError('A file is placed over a value.');
  // Defined rather than assigned: a key named __proto__ stays a key.
  Object.defineProperty(parent, last, {
    value: bytes,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

function childOf(parent: unknown, step: PathStep): unknown {
  if (Array.isArray(parent) && typeof step === 'number' && step < parent.length)
    return parent[step] as unknown;
  if (
    parent !== null &&
    typeof parent === 'object' &&
    !Array.isArray(parent) &&
    typeof step === 'string' &&
    Object.hasOwn(parent, step)
  )
    return (parent as Record<string, unknown>)[step];
  throw new FramesError('A file is placed where the request has no value.');
}

/** Reads a framed body back into its value; the byte arrays are views of `body`, not copies. */
export function decodeFrames(body: Uint8Array): unknown {
  if (body.byteLength < PREFIX_BYTES || MAGIC.some((byte, index) => body[index] !== byte))
    throw new FramesError('The body is not framed.');
  const headerLength = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(4);
  const headerEnd = PREFIX_BYTES + headerLength;
  if (headerEnd > body.byteLength) throw new FramesError('The envelope is cut short.');
  let envelope: unknown;
  try {
    envelope = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(8, headerEnd)),
    );
  } catch {
    throw new FramesError('The envelope is not valid JSON.');
  }
  if (
    envelope === null ||
    typeof envelope !== 'object' ||
    !('bytes' in envelope) ||
    !('value' in envelope) ||
    !Array.isArray(envelope.bytes)
  )
    throw new FramesError('The envelope has no value or no list of files.');
  let value: unknown = envelope.value;
  let offset = headerEnd;
  for (const entry of envelope.bytes as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2)
      throw new FramesError('A file entry is malformed.');
    const [path, length] = entry as [unknown, unknown];
    if (!Array.isArray(path) || !path.every(isPathStep))
      throw new FramesError('A file entry has no valid path.');
    if (
      !Number.isInteger(length) ||
      (length as number) < 0 ||
      offset + (length as number) > body.byteLength
    )
      throw new FramesError('A file entry is longer than the body.');
    value = place(value, path, body.subarray(offset, offset + (length as number)));
    offset += length as number;
  }
  if (offset !== body.byteLength) throw new FramesError('The body holds more than its files.');
  return value;
}
