import type { Migration } from './types';

/** The researcher's summary of a framework-matrix cell: a row (case, participant or document) × a code. */
export const migration005MatrixSummaries: Migration = {
  version: 5,
  name: 'matrix summaries',
  up(db) {
    db.exec(`
      CREATE TABLE matrix_summary (
        id TEXT PRIMARY KEY,
        row_kind TEXT NOT NULL CHECK (row_kind IN ('case', 'participant', 'document')),
        row_id TEXT NOT NULL,
        code_id TEXT NOT NULL REFERENCES code (id),
        summary TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX matrix_summary_cell ON matrix_summary (row_kind, row_id, code_id);
    `);
  },
};
