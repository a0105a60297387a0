import type { Migration } from './types';

/**
 * Key quotations for the write-up: a coded passage marked as one, with an
 * optional short form ("cut with […]") and its place in the researcher's
 * order. The coding is named without a foreign key, as ratings' evidence
 * names it: a quotation whose coding is removed is not shown, and comes back
 * with it on undo. The project's reference style ("DGS, Collectivité B" or
 * "B") is one row. Frozen as of version 19.
 */
export const migration019Quotations: Migration = {
  version: 19,
  name: 'quotations',
  up(db) {
    db.exec(`
      CREATE TABLE quotation (
        id TEXT PRIMARY KEY,
        coding_id TEXT NOT NULL,
        short_form TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX quotation_coding ON quotation (coding_id);

      CREATE TABLE report_setting (
        id TEXT PRIMARY KEY CHECK (id = 'report'),
        quote_reference TEXT NOT NULL DEFAULT 'participant-case'
          CHECK (quote_reference IN ('participant-case', 'participant', 'case', 'document'))
      ) STRICT;
      INSERT INTO report_setting (id) VALUES ('report');
    `);
  },
};
