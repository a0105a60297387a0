import type { Db } from '../store/database';
import { getRecording, readRecordingBytes } from '../store/recordings';

/** An open-ended range ("bytes=0-") is answered with at most this much: the player asks again. */
const MAX_OPEN_RANGE = 4 * 1024 * 1024;

export const MEDIA_PATH = '/media/';

export interface MediaResponse {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  /** The bytes, read chunk by chunk as they are sent. */
  body: Iterable<Buffer>;
}

function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    // "bytes=-500": the last 500 bytes.
    const length = Number(match[2]);
    if (length === 0) return null;
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(match[1]);
  const end =
    match[2] === ''
      ? Math.min(size - 1, start + MAX_OPEN_RANGE - 1)
      : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}

/**
 * A recording's bytes as the player asks for them: the whole file, or the
 * range of a `Range: bytes=…` header (206), read from the project's chunks
 * without loading the rest. Both hosts answer with this: the web host under
 * its token, Electron through its app:// protocol.
 */
export function mediaResponse(
  db: Db,
  recordingId: string,
  rangeHeader: string | null,
): MediaResponse {
  let recording;
  try {
    recording = getRecording(db, recordingId);
  } catch {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: [] };
  }
  const common = {
    'content-type': recording.mimeType,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
  };
  if (!rangeHeader)
    return {
      status: 200,
      headers: { ...common, 'content-length': String(recording.size) },
      body: readRecordingBytes(db, recording.id, 0, recording.size - 1),
    };
  const range = parseRange(rangeHeader, recording.size);
  if (!range)
    return {
      status: 416,
      headers: { ...common, 'content-range': `bytes */${recording.size}` },
      body: [],
    };
  return {
    status: 206,
    headers: {
      ...common,
      'content-length': String(range.end - range.start + 1),
      'content-range': `bytes ${range.start}-${range.end}/${recording.size}`,
    },
    body: readRecordingBytes(db, recording.id, range.start, range.end),
  };
}

/** The recording id in a media path, if it is one: `/media/<uuid>`. */
export function recordingIdFromPath(pathname: string): string | null {
  const match = /^\/media\/([0-9a-f-]{36})$/i.exec(pathname);
  return match ? match[1]!.toLowerCase() : null;
}

/** Where a host finds a recording's bytes: the project open in that host's session. */
export type MediaSource = (recordingId: string, rangeHeader: string | null) => MediaResponse;

export function sessionMediaSource(session: { project: { db: Db } | null }): MediaSource {
  return (recordingId, rangeHeader) => {
    const project = session.project;
    if (!project) return { status: 404, headers: { 'content-type': 'text/plain' }, body: [] };
    return mediaResponse(project.db, recordingId, rangeHeader);
  };
}

/** A media answer as a host serves it, read in this thread or streamed from the core's. */
export interface MediaAnswer {
  status: MediaResponse['status'];
  headers: Record<string, string>;
  body: Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

/** Where a host asks for a recording: the session in its own thread, or the core's thread. */
export type MediaAnswerSource = (
  recordingId: string,
  rangeHeader: string | null,
) => MediaAnswer | Promise<MediaAnswer>;

function asyncIteratorOf(
  body: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  return Symbol.asyncIterator in body ? body[Symbol.asyncIterator]() : body[Symbol.iterator]();
}

/** Lets go of a body that will not be read (a HEAD request, a 404 or 416): the core frees its stream. */
export async function releaseMediaBody(
  body: Iterable<Uint8Array> | AsyncIterable<Uint8Array> | undefined,
): Promise<void> {
  if (body && Symbol.asyncIterator in body) await body[Symbol.asyncIterator]().return?.();
}

/** The body as a web stream (Electron's protocol handlers answer with a fetch Response). */
export function mediaStream(
  body: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): ReadableStream<Uint8Array> {
  const iterator = asyncIteratorOf(body);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
