import type { Migration } from './types';

/**
 * The project's pseudonym table: each real name or other identifier, its
 * variants (first name, surname, initials, inflected forms) as a JSON array,
 * and what replaces them; `source_kind` and `source_id` name the participant
 * or case an entry was made from. Frozen as of version 17.
 */
export const migration017Pseudonyms: Migration = {
  version: 17,
  name: 'pseudonyms',
  up(db) {
    db.exec(`
      CREATE TABLE pseudonym (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation', 'other')),
        real TEXT NOT NULL,
        variants TEXT NOT NULL DEFAULT '[]',
        pseudonym TEXT NOT NULL,
        source_kind TEXT CHECK (source_kind IN ('participant', 'case')),
        source_id TEXT,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
