import type { Migration } from './types';

/**
 * Cases and participants as separate entities, their links to documents, and
 * typed attributes. Values are stored as canonical text (numbers as decimal
 * strings, dates as yyyy-mm-dd, booleans as true/false) and cast when compared.
 * Link and value rows have their own ids so undo treats them like any row.
 */
export const migration003CasesParticipantsAttributes: Migration = {
  version: 3,
  name: 'cases, participants and attributes',
  up(db) {
    db.exec(`
      CREATE TABLE study_case (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        memo TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX study_case_name ON study_case (name COLLATE NOCASE);

      CREATE TABLE participant (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        case_id TEXT REFERENCES study_case (id),
        description TEXT NOT NULL DEFAULT '',
        memo TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX participant_name ON participant (name COLLATE NOCASE);
      CREATE INDEX participant_case ON participant (case_id);

      CREATE TABLE document_participant (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document (id),
        participant_id TEXT NOT NULL REFERENCES participant (id)
      ) STRICT;
      CREATE UNIQUE INDEX document_participant_pair ON document_participant (document_id, participant_id);
      CREATE INDEX document_participant_participant ON document_participant (participant_id);

      CREATE TABLE document_case (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document (id),
        case_id TEXT NOT NULL REFERENCES study_case (id)
      ) STRICT;
      CREATE UNIQUE INDEX document_case_pair ON document_case (document_id, case_id);
      CREATE INDEX document_case_case ON document_case (case_id);

      CREATE TABLE attribute (
        id TEXT PRIMARY KEY,
        entity_kind TEXT NOT NULL CHECK (entity_kind IN ('case', 'participant', 'document')),
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'choice')),
        unit TEXT,
        choices TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX attribute_name ON attribute (entity_kind, name COLLATE NOCASE);

      CREATE TABLE attribute_value (
        id TEXT PRIMARY KEY,
        attribute_id TEXT NOT NULL REFERENCES attribute (id),
        entity_id TEXT NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX attribute_value_pair ON attribute_value (attribute_id, entity_id);
      CREATE INDEX attribute_value_entity ON attribute_value (entity_id);
    `);
  },
};
