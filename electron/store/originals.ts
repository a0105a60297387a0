import { randomUUID } from 'node:crypto';
import type { DocumentOriginal } from '../../shared/documents';
import { AxialError } from '../../shared/errors';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { insertRow } from './journal';

/** As a recording's: a page of the viewer is read without the whole file. */
export const ORIGINAL_CHUNK_BYTES = 1 << 20;

interface OriginalRow {
  id: string;
  document_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  created_at: string;
}

function toOriginal(row: OriginalRow): DocumentOriginal {
  return {
    id: row.id,
    documentId: row.document_id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: row.size,
    createdAt: row.created_at,
  };
}

/**
 * Keeps the file a document was imported from (a PDF) in the project, in the
 * import's own transaction: its chunks first, unjournaled, then the journaled
 * row that makes them the document's.
 */
export function storeOriginal(
  db: Db,
  changes: ChangeSet,
  documentId: string,
  file: { fileName: string; mimeType: string; bytes: Uint8Array },
): string {
  const id = randomUUID();
  const write = db.prepare(
    'INSERT INTO document_original_chunk (original_id, chunk_index, data) VALUES (?, ?, ?)',
  );
  for (let offset = 0, index = 0; offset < file.bytes.length; offset += ORIGINAL_CHUNK_BYTES)
    write.run(id, index++, file.bytes.subarray(offset, offset + ORIGINAL_CHUNK_BYTES));
  insertRow(db, changes, 'document_original', {
    id,
    document_id: documentId,
    file_name: file.fileName,
    mime_type: file.mimeType,
    size: file.bytes.length,
    created_at: now(),
  });
  return id;
}

export function originalOf(db: Db, documentId: string): DocumentOriginal | null {
  const row = db
    .prepare('SELECT * FROM document_original WHERE document_id = ?')
    .get(documentId) as OriginalRow | undefined;
  return row ? toOriginal(row) : null;
}

/** The original's bytes, whole: a viewer reads the PDF at once. */
export function readOriginalBytes(db: Db, documentId: string): Uint8Array {
  const original = originalOf(db, documentId);
  if (!original)
    throw new AxialError('not_found', 'This document has no original file in the project.', {
      id: documentId,
    });
  const chunks = db
    .prepare('SELECT data FROM document_original_chunk WHERE original_id = ? ORDER BY chunk_index')
    .pluck()
    .all(original.id) as Buffer[];
  const bytes = Buffer.concat(chunks);
  if (bytes.length !== original.size)
    throw new AxialError(
      'project_corrupt',
      `The original of this document is incomplete in the project (${bytes.length} of ${original.size} bytes). Its text is not affected.`,
    );
  return bytes;
}

/** Chunks no original refers to (its import undone, its document deleted): freed when a project opens. */
export function collectOrphanOriginalChunks(db: Db): number {
  return db
    .prepare(
      'DELETE FROM document_original_chunk WHERE original_id NOT IN (SELECT id FROM document_original)',
    )
    .run().changes;
}
