import type { Migration } from './types';

/**
 * The project row (one per file) and the activity log that records every
 * action a researcher takes, for the audit trail qualitative methods ask for.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE project (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL
      ) STRICT;
    `);
  },
};
