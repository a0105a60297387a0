import type { Migration } from './types';

/**
 * Documents (their editor JSON and the derived plain text), the codebook tree,
 * and codings as code-point ranges over the plain text. Foreign keys do not
 * cascade: deleting a code or a document deletes its codings explicitly, so
 * that undo can put every row back. The same code on the same range twice is
 * prevented by the stores rather than a unique index, because an edit shifts
 * many ranges at once and a unique index would trip over the intermediate states.
 */
export const migration002DocumentsCodesCodings: Migration = {
  version: 2,
  name: 'documents, codes and codings',
  up(db) {
    db.exec(`
      CREATE TABLE document (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('transcript', 'secondary')),
        title TEXT NOT NULL,
        date TEXT,
        place TEXT,
        description TEXT NOT NULL DEFAULT '',
        memo TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL,
        plain_text TEXT NOT NULL,
        length INTEGER NOT NULL,
        turns TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 0,
        source_name TEXT,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE code (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES code (id),
        name TEXT NOT NULL,
        colour TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        memo TEXT NOT NULL DEFAULT '',
        codable INTEGER NOT NULL CHECK (codable IN (0, 1)),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX code_parent ON code (parent_id, position);

      CREATE TABLE coding (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document (id),
        code_id TEXT NOT NULL REFERENCES code (id),
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        memo TEXT NOT NULL DEFAULT '',
        coder TEXT NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX coding_document ON coding (document_id, start);
      CREATE INDEX coding_code ON coding (code_id);
    `);
  },
};
