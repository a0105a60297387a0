import type { Migration } from './types';

/**
 * Documents from PDFs: where each page starts in a document's plain text
 * (`pages`, beside `turns`: a passage cites "p. 12"), and the original file
 * kept in the project to be read beside its text. The original's row is
 * journaled (undoing an import takes it away, redo brings it back); its chunks
 * of 1 MiB are not (they would fill the undo history) and are removed when no
 * row refers to them, when the project is next opened, as a recording's are.
 * Frozen as of version 21.
 */
export const migration021DocumentPagesOriginals: Migration = {
  version: 21,
  name: 'document pages and originals',
  up(db) {
    db.exec(`
      ALTER TABLE document ADD COLUMN pages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pages));

      CREATE TABLE document_original (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE REFERENCES document (id),
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE document_original_chunk (
        original_id TEXT NOT NULL,
        chunk_index INTEGER NOT NULL CHECK (chunk_index >= 0),
        data BLOB NOT NULL,
        PRIMARY KEY (original_id, chunk_index)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
