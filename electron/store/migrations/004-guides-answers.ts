import type { Migration } from './types';

/**
 * Interview guides (sections → questions → prompts, versioned), their links to
 * the codebook's axes, answers as code-point ranges over transcripts (kept on
 * their words through edits, like codings), the interview checklist, and the
 * guide version a transcript was conducted with.
 */
export const migration004GuidesAnswers: Migration = {
  version: 4,
  name: 'guides and answers',
  up(db) {
    db.exec(`
      CREATE TABLE guide (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        version_label TEXT NOT NULL DEFAULT '1',
        change_note TEXT NOT NULL DEFAULT '',
        based_on_id TEXT REFERENCES guide (id),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE guide_item (
        id TEXT PRIMARY KEY,
        guide_id TEXT NOT NULL REFERENCES guide (id),
        parent_id TEXT REFERENCES guide_item (id),
        kind TEXT NOT NULL CHECK (kind IN ('section', 'question', 'prompt')),
        text TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        duration_minutes REAL,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX guide_item_guide ON guide_item (guide_id, parent_id, position);

      CREATE TABLE guide_item_code (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES guide_item (id),
        code_id TEXT NOT NULL REFERENCES code (id)
      ) STRICT;
      CREATE UNIQUE INDEX guide_item_code_pair ON guide_item_code (item_id, code_id);

      CREATE TABLE answer (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document (id),
        item_id TEXT NOT NULL REFERENCES guide_item (id),
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX answer_document ON answer (document_id, start);
      CREATE INDEX answer_item ON answer (item_id);

      CREATE TABLE interview_check (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document (id),
        item_id TEXT NOT NULL REFERENCES guide_item (id),
        checked_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX interview_check_pair ON interview_check (document_id, item_id);

      ALTER TABLE document ADD COLUMN guide_id TEXT REFERENCES guide (id);
    `);
  },
};
