import type { Migration } from './types';

/**
 * Intensity ratings of each case on the model's axes (or variables), with a
 * justification and the coded passages given as evidence; the project's rating
 * scale; and the 2×2 chart's axes and quadrant labels. Evidence points at
 * codings without a foreign key: a coding removed by an edit leaves its
 * evidence row in place (hidden), so that undo brings both back together.
 */
export const migration006RatingsChart: Migration = {
  version: 6,
  name: 'ratings and chart',
  up(db) {
    db.exec(`
      CREATE TABLE rating_scale (
        id TEXT PRIMARY KEY,
        minimum INTEGER NOT NULL,
        maximum INTEGER NOT NULL CHECK (maximum > minimum),
        labels TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      INSERT INTO rating_scale (id, minimum, maximum, labels) VALUES ('scale', 1, 5, '[]');

      CREATE TABLE rating (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES study_case (id),
        code_id TEXT NOT NULL REFERENCES code (id),
        value INTEGER,
        justification TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX rating_cell ON rating (case_id, code_id);

      CREATE TABLE rating_evidence (
        id TEXT PRIMARY KEY,
        rating_id TEXT NOT NULL REFERENCES rating (id),
        coding_id TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX rating_evidence_pair ON rating_evidence (rating_id, coding_id);

      CREATE TABLE chart_setting (
        id TEXT PRIMARY KEY,
        x_code_id TEXT REFERENCES code (id),
        y_code_id TEXT REFERENCES code (id),
        quadrants TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      INSERT INTO chart_setting (id, quadrants) VALUES ('chart', '[]');
    `);
  },
};
