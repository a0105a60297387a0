import type { Migration } from './types';

/**
 * Occurrences of a real name the researcher chose to leave as written ("Blanc"
 * the colour, not Mme Blanc): a range of a document's text, per entry of the
 * pseudonym table, carried by edits as codings are. Frozen as of version 18.
 */
export const migration018PseudonymExceptions: Migration = {
  version: 18,
  name: 'pseudonym-exceptions',
  up(db) {
    db.exec(`
      CREATE TABLE pseudonym_exception (
        id TEXT PRIMARY KEY,
        pseudonym_id TEXT NOT NULL REFERENCES pseudonym (id),
        document_id TEXT NOT NULL REFERENCES document (id),
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pseudonym_exception_document ON pseudonym_exception (document_id, start);
      CREATE INDEX pseudonym_exception_entry ON pseudonym_exception (pseudonym_id);
    `);
  },
};
