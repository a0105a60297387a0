import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AxialError } from '../../../shared/errors';
import {
  latestSchemaVersion,
  migrate,
  migrations,
  schemaVersion,
} from '../../../electron/store/migrations';
import { summaryColumns } from '../../../electron/store/documents';
import { makeTempDir } from '../../support/tempDir';

let folder: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  folder = makeTempDir();
});
afterEach(() => folder.remove());

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

describe('migrations', () => {
  it('14 → 15 keeps each document’s speakers beside its turns, in the order they first speak', () => {
    const db = new Database(join(folder.path, 'm15.axial'));
    migrate(db, 14);
    const turns = [
      { start: 0, speaker: 'Enquêtrice' },
      { start: 10, speaker: 'Élue 👩‍💼' },
      { start: 20, speaker: 'Enquêtrice' },
      { start: 30, speaker: 'DGS' },
    ];
    db.prepare(
      "INSERT INTO document (id, kind, title, content, plain_text, length, turns, position, created_at, modified_at) VALUES ('d', 'transcript', 'T', '{}', 'abc', 3, ?, 0, 'a', 'a')",
    ).run(JSON.stringify(turns));
    db.prepare(
      "INSERT INTO document (id, kind, title, content, plain_text, length, position, created_at, modified_at) VALUES ('e', 'secondary', 'Note', '{}', 'x', 1, 1, 'a', 'a')",
    ).run();
    migrate(db, 15);
    const speakers = db.prepare('SELECT id, speakers FROM document ORDER BY id').all();
    expect(speakers).toEqual([
      { id: 'd', speakers: JSON.stringify(['Enquêtrice', 'Élue 👩‍💼', 'DGS']) },
      { id: 'e', speakers: '[]' },
    ]);
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT ${summaryColumns} FROM document d ORDER BY d.position, d.created_at`,
        )
        .all() as { detail: string }[]
    ).map((row) => row.detail);
    expect(plan).toContain('SCAN d USING COVERING INDEX document_summary');
    db.close();
  });

  it('13 → 14 counts the codebook from one index, without reading the codings', () => {
    const db = new Database(join(folder.path, 'm14.axial'));
    migrate(db, 13);
    const plan = () =>
      (
        db
          .prepare(
            'EXPLAIN QUERY PLAN SELECT code_id, COUNT(*), COUNT(DISTINCT document_id) FROM coding GROUP BY code_id',
          )
          .all() as { detail: string }[]
      )
        .map((row) => row.detail)
        .join('; ');
    expect(plan()).not.toContain('COVERING INDEX');
    migrate(db, 14);
    expect(plan()).toContain('SCAN coding USING COVERING INDEX coding_code_document');
    const indexes = (db.prepare('PRAGMA index_list(coding)').all() as { name: string }[]).map(
      (row) => row.name,
    );
    expect(indexes).toContain('coding_code_document');
    expect(indexes).not.toContain('coding_code');
    db.close();
  });

  it('are numbered 1, 2, 3… in order with no gap', () => {
    migrations.forEach((migration, index) => expect(migration.version).toBe(index + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('0 → 1 creates the project and activity tables as STRICT tables', () => {
    const db = new Database(join(folder.path, 'm1.axial'));
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['activity', 'project']);
    const strict = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as {
      name: string;
      strict: number;
    }[];
    for (const table of strict) expect(table.strict, table.name).toBe(1);
    // STRICT rejects a value of the wrong type instead of storing it silently.
    expect(() =>
      db
        .prepare("INSERT INTO activity (at, action, subject) VALUES (?, 'x', 'y')")
        .run(Buffer.from([1])),
    ).toThrow();
    // One project row per file.
    const insert = db.prepare(
      "INSERT INTO project (singleton, id, title, language, created_at, modified_at) VALUES (?, 'i', 't', 'fr', 'a', 'a')",
    );
    insert.run(1);
    expect(() => insert.run(2)).toThrow();
    db.close();
  });

  it('refuses a project written by a newer Axial and leaves it untouched', () => {
    const db = new Database(join(folder.path, 'future.axial'));
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    let caught: unknown;
    try {
      migrate(db);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AxialError);
    expect((caught as AxialError).code).toBe('project_too_new');
    expect((caught as AxialError).message).toContain('Update Axial');
    expect(schemaVersion(db)).toBe(latestSchemaVersion + 1);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('rolls back every step of a run when one step fails', () => {
    const db = new Database(join(folder.path, 'broken.axial'));
    // A table that migration 1 wants to create already exists: migration 1 fails.
    db.exec('CREATE TABLE activity (x INTEGER)');
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual(['activity']);
    db.close();
  });

  it('is a no-op on an up-to-date project', () => {
    const db = new Database(join(folder.path, 'current.axial'));
    migrate(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    db.close();
  });
});

describe('migration 2 (documents, codes, codings)', () => {
  it('1 → 2 keeps the project row and adds the three tables, with their foreign keys', () => {
    const db = new Database(join(folder.path, 'm2.axial'));
    migrate(db, 1);
    db.prepare(
      "INSERT INTO project (singleton, id, title, language, created_at, modified_at) VALUES (1, 'p', 'Étude', 'fr', 'a', 'a')",
    ).run();
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['activity', 'code', 'coding', 'document', 'project']);
    expect(db.prepare('SELECT title FROM project').get()).toEqual({ title: 'Étude' });
    db.pragma('foreign_keys = ON');
    // A coding must point at an existing document and code.
    expect(() =>
      db
        .prepare(
          "INSERT INTO coding (id, document_id, code_id, start, \"end\", coder, created_at, modified_at) VALUES ('c', 'nope', 'nope', 0, 1, 'me', 'a', 'a')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    // An empty or reversed range is refused by the schema itself.
    db.prepare(
      "INSERT INTO document (id, kind, title, content, plain_text, length, position, created_at, modified_at) VALUES ('d', 'transcript', 'T', '{}', 'abc', 3, 0, 'a', 'a')",
    ).run();
    db.prepare(
      "INSERT INTO code (id, name, colour, codable, position, created_at, modified_at) VALUES ('k', 'K', '#000000', 1, 0, 'a', 'a')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO coding (id, document_id, code_id, start, \"end\", coder, created_at, modified_at) VALUES ('c', 'd', 'k', 2, 2, 'me', 'a', 'a')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 3 (cases, participants, attributes)', () => {
  it('2 → 3 keeps documents and codings and adds the case tables', () => {
    const db = new Database(join(folder.path, 'm3.axial'));
    migrate(db, 2);
    db.prepare(
      "INSERT INTO document (id, kind, title, content, plain_text, length, position, created_at, modified_at) VALUES ('d', 'transcript', 'T', '{}', 'abc', 3, 0, 'a', 'a')",
    ).run();
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual([
      'activity',
      'attribute',
      'attribute_value',
      'code',
      'coding',
      'document',
      'document_case',
      'document_participant',
      'participant',
      'project',
      'study_case',
    ]);
    expect(db.prepare('SELECT title FROM document').get()).toEqual({ title: 'T' });
    db.pragma('foreign_keys = ON');
    db.prepare(
      "INSERT INTO study_case (id, name, position, created_at, modified_at) VALUES ('c', 'Ville A', 0, 'a', 'a')",
    ).run();
    // Names identify cases whatever their case.
    expect(() =>
      db
        .prepare(
          "INSERT INTO study_case (id, name, position, created_at, modified_at) VALUES ('c2', 'ville a', 1, 'a', 'a')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO participant (id, name, case_id, position, created_at, modified_at) VALUES ('p', 'P', 'nope', 0, 'a', 'a')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO attribute (id, entity_kind, name, type, position, created_at, modified_at) VALUES ('x', 'case', 'X', 'colour', 0, 'a', 'a')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 4 (guides and answers)', () => {
  it('3 → 4 keeps documents, adds the guide tables and the document’s guide', () => {
    const db = new Database(join(folder.path, 'm4.axial'));
    migrate(db, 3);
    db.prepare(
      "INSERT INTO document (id, kind, title, content, plain_text, length, position, created_at, modified_at) VALUES ('d', 'transcript', 'T', '{}', 'abc', 3, 0, 'a', 'a')",
    ).run();
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    for (const table of ['guide', 'guide_item', 'guide_item_code', 'answer', 'interview_check']) {
      expect(tables(db)).toContain(table);
    }
    expect(db.prepare('SELECT title, guide_id FROM document').get()).toEqual({
      title: 'T',
      guide_id: null,
    });
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("UPDATE document SET guide_id = 'nope'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 5 (matrix summaries)', () => {
  it('4 → 5 adds one summary per cell, tied to its code', () => {
    const db = new Database(join(folder.path, 'm5.axial'));
    migrate(db, 4);
    db.prepare(
      "INSERT INTO code (id, name, colour, codable, position, created_at, modified_at) VALUES ('k', 'K', '#000000', 0, 0, 'a', 'a')",
    ).run();
    migrate(db, 5);
    expect(schemaVersion(db)).toBe(5);
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      "INSERT INTO matrix_summary (id, row_kind, row_id, code_id, summary, modified_at) VALUES (?, 'case', 'c', ?, 's', 'a')",
    );
    insert.run('s1', 'k');
    expect(() => insert.run('s2', 'k')).toThrow(/UNIQUE/);
    expect(() => insert.run('s3', 'nope')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 6 (ratings and chart)', () => {
  it('5 → 6 adds the default 1–5 scale, ratings with evidence, and the chart settings', () => {
    const db = new Database(join(folder.path, 'm6.axial'));
    migrate(db, 5);
    migrate(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT minimum, maximum FROM rating_scale').get()).toEqual({
      minimum: 1,
      maximum: 5,
    });
    expect(db.prepare('SELECT x_code_id, y_code_id FROM chart_setting').get()).toEqual({
      x_code_id: null,
      y_code_id: null,
    });
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare(
          "INSERT INTO rating (id, case_id, code_id, created_at, modified_at) VALUES ('r', 'no', 'no', 'a', 'a')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE rating_scale SET maximum = 0').run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 7 (full-text index)', () => {
  it('6 → 7 indexes the documents already in the project', () => {
    const db = new Database(join(folder.path, 'm7.axial'));
    migrate(db, 6);
    db.prepare(
      "INSERT INTO document (id, kind, title, content, plain_text, length, position, created_at, modified_at) VALUES ('d', 'transcript', 'T', '{}', 'La réunion.\nLa coopération.', 27, 0, 'a', 'a')",
    ).run();
    migrate(db, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(
      db
        .prepare(
          "SELECT document_id, block_start FROM text_index WHERE text_index MATCH 'cooperation'",
        )
        .all(),
    ).toEqual([{ document_id: 'd', block_start: 12 }]);
    db.close();
  });
});

describe('migration 8 (recordings)', () => {
  it('7 → 8 adds recordings tied to their document, with chunks by index', () => {
    const db = new Database(join(folder.path, 'm8.axial'));
    db.pragma('foreign_keys = ON');
    migrate(db, 7);
    db.prepare(
      "INSERT INTO document (id, kind, title, content, plain_text, length, position, created_at, modified_at) VALUES ('d', 'transcript', 'T', '{}', 'x', 1, 0, 'a', 'a')",
    ).run();
    migrate(db, 8);
    expect(schemaVersion(db)).toBe(8);
    db.prepare(
      "INSERT INTO recording (id, document_id, file_name, mime_type, size, created_at) VALUES ('r', 'd', 'a.wav', 'audio/wav', 3, 'a')",
    ).run();
    db.prepare("INSERT INTO recording_chunk VALUES ('r', 0, x'010203')").run();
    expect(() => db.prepare("INSERT INTO recording_chunk VALUES ('r', 0, x'04')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO recording (id, document_id, file_name, mime_type, size, created_at) VALUES ('s', 'nope', 'a.wav', 'audio/wav', 3, 'a')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 9 (coding counts index)', () => {
  it('8 → 9 counts codings per document and code from an index alone', () => {
    const db = new Database(join(folder.path, 'm9.axial'));
    migrate(db, 8);
    migrate(db, 9);
    expect(schemaVersion(db)).toBe(9);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT code_id, document_id, COUNT(*) FROM coding GROUP BY document_id, code_id',
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain(
      'USING COVERING INDEX coding_document_code',
    );
    db.close();
  });
});
