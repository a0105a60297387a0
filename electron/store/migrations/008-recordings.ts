import type { Migration } from './types';

/**
 * Recordings inside the project file, in chunks of 1 MiB so the player reads
 * a range without loading the whole file. The recording row is journaled like
 * any other (attach and remove are undoable); its chunks are not (they would
 * fill the undo history) and stay until no recording row refers to them, when
 * the project is next opened.
 */
export const migration008Recordings: Migration = {
  version: 8,
  name: 'recordings',
  up(db) {
    db.exec(`
      CREATE TABLE recording (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document (id),
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        duration_ms INTEGER,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recording_document ON recording (document_id);

      CREATE TABLE recording_chunk (
        recording_id TEXT NOT NULL,
        chunk_index INTEGER NOT NULL CHECK (chunk_index >= 0),
        data BLOB NOT NULL,
        PRIMARY KEY (recording_id, chunk_index)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
