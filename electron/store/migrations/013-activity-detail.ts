import type { Migration } from './types';

/**
 * The activity log records every action a researcher takes, not only the
 * project's creation: what was done to (a code's or document's name, kept as
 * it was then), where (a document or case), and how many times in a row.
 * Rows logged before keep their text; their new columns are empty.
 */
export const migration013ActivityDetail: Migration = {
  version: 13,
  name: 'activity names what was done',
  up(db) {
    db.exec(`
      ALTER TABLE activity ADD COLUMN target TEXT NOT NULL DEFAULT '';
      ALTER TABLE activity ADD COLUMN place TEXT NOT NULL DEFAULT '';
      ALTER TABLE activity ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
    `);
  },
};
