import { randomUUID } from 'node:crypto';
import { AxialError } from '../../shared/errors';
import type { Recording } from '../../shared/recordings';
import { RECORDING_CHUNK_BYTES } from '../../shared/recordings';
import { now } from './clock';
import type { Db } from './database';
import { getDocumentSummary } from './documents';
import type { ChangeSet } from './journal';
import type { ByteReader } from '../media/identifyContainer';
import { identifyContainer } from '../media/identifyContainer';
import { deleteRow, insertRow } from './journal';

interface RecordingRow {
  id: string;
  document_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  duration_ms: number | null;
  created_at: string;
}

function toRecording(row: RecordingRow): Recording {
  return {
    id: row.id,
    documentId: row.document_id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: row.size,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  };
}

export function listRecordings(db: Db, documentId: string): Recording[] {
  return (
    db
      .prepare('SELECT * FROM recording WHERE document_id = ? ORDER BY created_at')
      .all(documentId) as RecordingRow[]
  ).map(toRecording);
}

export function getRecording(db: Db, id: string): Recording {
  const row = db.prepare('SELECT * FROM recording WHERE id = ?').get(id) as
    RecordingRow | undefined;
  if (!row)
    throw new AxialError('not_found', 'This recording is no longer in the project.', { id });
  return toRecording(row);
}

/** One chunk of an upload in progress; chunks arrive in order, and a repeated one replaces itself. */
export function writeChunk(db: Db, recordingId: string, index: number, data: Uint8Array): void {
  if (data.length === 0 || data.length > RECORDING_CHUNK_BYTES)
    throw new AxialError('invalid_input', 'A recording chunk must hold between 1 byte and 1 MiB.', {
      details: 'data',
    });
  if (db.prepare('SELECT 1 FROM recording WHERE id = ?').get(recordingId))
    throw new AxialError('invalid_operation', 'This recording is already attached.', {
      id: recordingId,
    });
  db.prepare(
    'INSERT OR REPLACE INTO recording_chunk (recording_id, chunk_index, data) VALUES (?, ?, ?)',
  ).run(recordingId, index, data);
}

export function discardChunks(db: Db, recordingId: string): void {
  if (db.prepare('SELECT 1 FROM recording WHERE id = ?').get(recordingId)) return;
  db.prepare('DELETE FROM recording_chunk WHERE recording_id = ?').run(recordingId);
}

/** The bytes of an upload from its chunks, `length` from `offset`, as few rows read as it spans. */
function uploadReader(db: Db, recordingId: string): ByteReader {
  const piece = db.prepare(
    'SELECT substr(data, ?, ?) AS bytes FROM recording_chunk WHERE recording_id = ? AND chunk_index = ?',
  );
  return (offset, length) => {
    const parts: Buffer[] = [];
    for (let at = offset; at < offset + length;) {
      const index = Math.floor(at / RECORDING_CHUNK_BYTES);
      const within = at - index * RECORDING_CHUNK_BYTES;
      const wanted = Math.min(offset + length - at, RECORDING_CHUNK_BYTES - within);
      const row = piece.get(within + 1, wanted, recordingId, index) as
        { bytes: Buffer } | undefined;
      if (!row || row.bytes.length === 0) break;
      parts.push(row.bytes);
      at += row.bytes.length;
      if (row.bytes.length < wanted) break;
    }
    return Buffer.concat(parts);
  };
}

/**
 * Makes an uploaded file a recording of the document, once every chunk is
 * there and its structure is one of a format the player reads (not only its
 * first bytes: a text that begins "ID3" is no recording).
 */
export function attachRecording(
  db: Db,
  changes: ChangeSet,
  input: {
    recordingId: string;
    documentId: string;
    fileName: string;
    mimeType: string;
    size: number;
    durationMs: number | null;
  },
): Recording {
  getDocumentSummary(db, input.documentId);
  const stored = db
    .prepare(
      'SELECT COUNT(*) AS chunks, COALESCE(SUM(length(data)), 0) AS bytes, MAX(chunk_index) AS last FROM recording_chunk WHERE recording_id = ?',
    )
    .get(input.recordingId) as { chunks: number; bytes: number; last: number | null };
  if (stored.bytes !== input.size || stored.last !== stored.chunks - 1)
    throw new AxialError(
      'invalid_operation',
      `"${input.fileName}" did not arrive whole (${stored.bytes} of ${input.size} bytes). Attach it again.`,
      { file: input.fileName, reason: 'recordingIncomplete' },
    );
  if (!identifyContainer(uploadReader(db, input.recordingId), input.size)) {
    discardChunks(db, input.recordingId);
    throw new AxialError(
      'unsupported_format',
      `"${input.fileName}" does not hold a recording Axial can play, whatever its name says: its content is not audio or video in a format Axial reads. Convert the recording to MP3, M4A, WAV, OGG, WebM or MP4 and attach it again.`,
      { file: input.fileName, reason: 'notMedia' },
    );
  }
  insertRow(db, changes, 'recording', {
    id: input.recordingId,
    document_id: input.documentId,
    file_name: input.fileName,
    mime_type: input.mimeType,
    size: input.size,
    duration_ms: input.durationMs,
    created_at: now(),
  });
  return getRecording(db, input.recordingId);
}

/** Removes the recording from its transcript; the transcript and its codings are not touched. */
export function removeRecording(db: Db, changes: ChangeSet, id: string): void {
  getRecording(db, id);
  deleteRow(db, changes, 'recording', id);
}

/** Chunks no recording refers to (removed, or an upload never finished): freed when a project opens. */
export function collectOrphanChunks(db: Db): number {
  return db
    .prepare('DELETE FROM recording_chunk WHERE recording_id NOT IN (SELECT id FROM recording)')
    .run().changes;
}

export function newRecordingId(): string {
  return randomUUID();
}

/** The chunks covering bytes [start, end], read one at a time. */
export function* readRecordingBytes(
  db: Db,
  id: string,
  start: number,
  end: number,
): Generator<Buffer> {
  const first = Math.floor(start / RECORDING_CHUNK_BYTES);
  const last = Math.floor(end / RECORDING_CHUNK_BYTES);
  const read = db.prepare(
    'SELECT data FROM recording_chunk WHERE recording_id = ? AND chunk_index = ?',
  );
  for (let index = first; index <= last; index += 1) {
    const row = read.get(id, index) as { data: Buffer } | undefined;
    if (!row) return;
    const chunkStart = index * RECORDING_CHUNK_BYTES;
    const from = Math.max(0, start - chunkStart);
    const to = Math.min(row.data.length, end - chunkStart + 1);
    yield row.data.subarray(from, to);
  }
}
