import type { Migration } from './types';

/**
 * The study report's blocks in the researcher's order: each its kind and its
 * options (the columns of a table, the code of a typology) as JSON, read
 * through the report's schema, so a block whose code or attribute was deleted
 * says so instead of failing. Frozen as of version 20.
 */
export const migration020ReportBlocks: Migration = {
  version: 20,
  name: 'report-blocks',
  up(db) {
    db.exec(`
      CREATE TABLE report_block (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
        position INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
