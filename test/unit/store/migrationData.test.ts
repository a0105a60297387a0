import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journaledTables } from '../../../electron/store/journal';
import { latestSchemaVersion, migrate, migrations } from '../../../electron/store/migrations';
import { makeTempDir } from '../../support/tempDir';

/**
 * Rows a researcher's project holds at each version, written as that version's
 * schema takes them (frozen here like the migrations): `rows[v]` goes in once
 * the file is at version v. Text with accents, emoji and CRLF on purpose.
 */
const rows: Record<number, string[]> = {
  1: [
    "INSERT INTO project (singleton, id, title, description, language, created_at, modified_at) VALUES (1, 'p', 'Étude 😀', 'Six collectivités', 'fr', '2024-01-01', '2024-01-02')",
    "INSERT INTO activity (at, action, subject) VALUES ('2024-01-01', 'project.create', 'Étude')",
  ],
  2: [
    `INSERT INTO document (id, kind, title, content, plain_text, length, position, created_at, modified_at) VALUES ('d', 'transcript', 'Entretien A', '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"La réunion 😀."}]},{"type":"paragraph","content":[{"type":"text","text":"La coopération\\r avance."}]}]}', 'La réunion 😀.' || char(10) || 'La coopération' || char(13) || ' avance.', 38, 0, '2024-01-01', '2024-01-01')`,
    "INSERT INTO code (id, name, colour, codable, position, created_at, modified_at) VALUES ('axis', 'Ouverture', '#0072b2', 0, 0, 'a', 'a'), ('k', 'Coopération', '#e69f00', 1, 0, 'a', 'a')",
    "UPDATE code SET parent_id = 'axis' WHERE id = 'k'",
    "INSERT INTO coding (id, document_id, code_id, start, \"end\", memo, coder, created_at, modified_at) VALUES ('c', 'd', 'k', 17, 28, 'mémo', 'marie', 'a', 'a')",
  ],
  3: [
    "INSERT INTO study_case (id, name, position, created_at, modified_at) VALUES ('A', 'Collectivité A', 0, 'a', 'a')",
    "INSERT INTO participant (id, name, case_id, position, created_at, modified_at) VALUES ('P', 'DGS de A', 'A', 0, 'a', 'a')",
    "INSERT INTO document_participant (id, document_id, participant_id) VALUES ('dp', 'd', 'P')",
    "INSERT INTO document_case (id, document_id, case_id) VALUES ('dc', 'd', 'A')",
    "INSERT INTO attribute (id, entity_kind, name, type, unit, position, created_at, modified_at) VALUES ('pop', 'case', 'Population', 'number', 'habitants', 0, 'a', 'a')",
    "INSERT INTO attribute_value (id, attribute_id, entity_id, value) VALUES ('v', 'pop', 'A', '215000')",
  ],
  4: [
    "INSERT INTO guide (id, title, position, created_at, modified_at) VALUES ('g', 'Guide', 0, 'a', 'a')",
    "INSERT INTO guide_item (id, guide_id, kind, text, position, created_at, modified_at) VALUES ('q', 'g', 'question', 'Comment ?', 0, 'a', 'a')",
    "INSERT INTO guide_item_code (id, item_id, code_id) VALUES ('gic', 'q', 'axis')",
    "INSERT INTO answer (id, document_id, item_id, start, \"end\", created_at, modified_at) VALUES ('an', 'd', 'q', 0, 14, 'a', 'a')",
    "INSERT INTO interview_check (id, document_id, item_id, checked_at) VALUES ('ic', 'd', 'q', 'a')",
    "UPDATE document SET guide_id = 'g'",
  ],
  5: [
    "INSERT INTO matrix_summary (id, row_kind, row_id, code_id, summary, modified_at) VALUES ('ms', 'case', 'A', 'axis', 'Ouverte', 'a')",
  ],
  6: [
    "INSERT INTO rating (id, case_id, code_id, value, justification, created_at, modified_at) VALUES ('r', 'A', 'axis', 4, 'Comité citoyen', 'a', 'a')",
    "INSERT INTO rating_evidence (id, rating_id, coding_id) VALUES ('re', 'r', 'c')",
    "UPDATE chart_setting SET x_code_id = 'axis'",
  ],
  15: [
    "INSERT INTO coding (id, document_id, code_id, start, \"end\", memo, coder, created_at, modified_at) VALUES ('c2', 'd', 'k', 0, 5, '', 'Bruno', 'b', 'b')",
  ],
  17: [
    `INSERT INTO pseudonym (id, kind, real, variants, pseudonym, source_kind, source_id, position, created_at, modified_at) VALUES ('ps', 'person', 'Aurélie Martin', '["Aurélie","Mme Martin"]', 'DGS de A', 'participant', 'P', 0, 'a', 'a')`,
  ],
  18: [
    "INSERT INTO pseudonym_exception (id, pseudonym_id, document_id, start, \"end\", created_at) VALUES ('px', 'ps', 'd', 3, 10, 'a')",
  ],
  19: [
    "INSERT INTO quotation (id, coding_id, short_form, position, created_at, modified_at) VALUES ('qu', 'c', 'La coopération […]', 0, 'a', 'a')",
    "UPDATE report_setting SET quote_reference = 'case'",
  ],
  20: [
    `INSERT INTO report_block (id, kind, options, position) VALUES ('rb', 'typology', '{"codeId":"k","presence":"ticks","caption":"Mécanismes 😀"}', 0)`,
  ],
  21: [
    `UPDATE document SET pages = '[{"start":0,"page":3},{"start":15,"page":4}]'`,
    "INSERT INTO document_original (id, document_id, file_name, mime_type, size, created_at) VALUES ('or', 'd', 'rapport élu.pdf', 'application/pdf', 3, 'a')",
    "INSERT INTO document_original_chunk (original_id, chunk_index, data) VALUES ('or', 0, x'255044')",
  ],
  8: [
    "INSERT INTO recording (id, document_id, file_name, mime_type, size, duration_ms, created_at) VALUES ('rec', 'd', 'a.wav', 'audio/wav', 3, 1000, 'a')",
    "INSERT INTO recording_chunk (recording_id, chunk_index, data) VALUES ('rec', 0, x'010203')",
  ],
};

/** Every ordinary table's rows (the search index's own tables aside: each index test reads them). */
function contents(db: Database.Database): Record<string, unknown[]> {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'text_index%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (db.prepare(`SELECT * FROM "${table}"`).all() as object[]).sort(byContent),
    ]),
  );
}

const byContent = (left: object, right: object) =>
  JSON.stringify(left).localeCompare(JSON.stringify(right));

/** The rows after, cut to the columns they had before: a migration may add columns, never lose a value. */
function carried(before: unknown[], after: unknown[]): unknown[] {
  const columns = Object.keys((before[0] ?? {}) as object);
  return after
    .map((row) =>
      Object.fromEntries(
        columns.map((column) => [column, (row as Record<string, unknown>)[column]]),
      ),
    )
    .sort(byContent);
}

let folder: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  folder = makeTempDir();
});
afterEach(() => folder.remove());

function projectAt(version: number): Database.Database {
  const db = new Database(join(folder.path, `v${version}.axial`));
  db.pragma('foreign_keys = ON');
  for (let step = 1; step <= version; step += 1) {
    migrate(db, step);
    for (const statement of rows[step] ?? []) db.prepare(statement).run();
  }
  return db;
}

describe('every migration carries a project with data', () => {
  for (const migration of migrations.slice(1)) {
    const from = migration.version - 1;
    it(`${from} → ${migration.version} (${migration.name}) keeps every row and value`, () => {
      const db = projectAt(from);
      const before = contents(db);
      migrate(db, migration.version);
      const after = contents(db);
      for (const [table, tableRows] of Object.entries(before)) {
        expect(after[table], table).toHaveLength(tableRows.length);
        expect(carried(tableRows, after[table]!), table).toEqual(tableRows);
      }
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('9 → 10 indexes the carried text again, block by block, found by search', () => {
    const db = projectAt(9);
    migrate(db, 10);
    expect(
      db
        .prepare(
          `SELECT b.document_id, b.start FROM text_index t JOIN text_block b ON b.id = t.rowid
           WHERE text_index MATCH 'cooperation'`,
        )
        .all(),
    ).toEqual([{ document_id: 'd', start: 14 }]);
    expect(db.prepare('SELECT COUNT(*) AS blocks FROM text_block').get()).toEqual({ blocks: 2 });
    // Finding a document's blocks reads an index, not every block of the project.
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM text_block WHERE document_id = ? AND start >= ?')
      .all('d', 0) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('text_block_document_start');
    db.close();
  });
});

describe('coders after 15 → 16', () => {
  it('makes a coder of everyone who coded, in the order they first coded, each a colour of their own', () => {
    const db = projectAt(15);
    migrate(db, 16);
    const coders = db.prepare('SELECT name, colour FROM coder ORDER BY created_at').all() as {
      name: string;
      colour: string;
    }[];
    expect(coders.map((coder) => coder.name)).toEqual(['marie', 'Bruno']);
    expect(new Set(coders.map((coder) => coder.colour)).size).toBe(2);
    expect(db.prepare("SELECT coder FROM rating WHERE id = 'r'").pluck().get()).toBe('');
    db.close();
  });
});

describe('pseudonyms after 16 → 17', () => {
  it('keeps every row of 16 and takes a pseudonym table whose variants read back as written', () => {
    const db = projectAt(16);
    const before = db.prepare('SELECT COUNT(*) FROM coding').pluck().get();
    migrate(db, 17);
    expect(db.prepare('SELECT COUNT(*) FROM coding').pluck().get()).toBe(before);
    db.exec(rows[17]!.join(';'));
    const row = db
      .prepare("SELECT variants FROM pseudonym WHERE id = 'ps'")
      .pluck()
      .get() as string;
    expect(JSON.parse(row)).toEqual(['Aurélie', 'Mme Martin']);
    expect(() =>
      db.exec(
        "INSERT INTO pseudonym (id, kind, real, pseudonym, position, created_at, modified_at) VALUES ('x', 'pet', 'a', 'b', 1, 'a', 'a')",
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('occurrences left as written after 17 → 18', () => {
  it('keeps the table of 17 and takes ranges that belong to an entry and a document', () => {
    const db = projectAt(17);
    migrate(db, 18);
    expect(db.prepare('SELECT real FROM pseudonym').pluck().all()).toEqual(['Aurélie Martin']);
    db.exec(rows[18]!.join(';'));
    expect(db.prepare('SELECT start, "end" FROM pseudonym_exception').get()).toEqual({
      start: 3,
      end: 10,
    });
    // An entry with occurrences left cannot be removed under them.
    expect(() => db.exec("DELETE FROM pseudonym WHERE id = 'ps'")).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(
        "INSERT INTO pseudonym_exception (id, pseudonym_id, document_id, start, \"end\", created_at) VALUES ('py', 'ps', 'd', 5, 5, 'a')",
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('quotations after 18 → 19', () => {
  it('keeps every coding of 18, takes quotations of them and one reference style', () => {
    const db = projectAt(18);
    const codings = db.prepare('SELECT COUNT(*) FROM coding').pluck().get();
    migrate(db, 19);
    expect(db.prepare('SELECT COUNT(*) FROM coding').pluck().get()).toBe(codings);
    expect(db.prepare('SELECT quote_reference FROM report_setting').pluck().all()).toEqual([
      'participant-case',
    ]);
    db.exec(rows[19]!.join(';'));
    expect(db.prepare('SELECT short_form FROM quotation').pluck().get()).toBe('La coopération […]');
    // One quotation per passage; a style the reports cannot write is refused.
    expect(() =>
      db.exec(
        "INSERT INTO quotation (id, coding_id, position, created_at, modified_at) VALUES ('qv', 'c', 1, 'a', 'a')",
      ),
    ).toThrow(/UNIQUE/);
    expect(() => db.exec("UPDATE report_setting SET quote_reference = 'apa'")).toThrow(/CHECK/);
    db.close();
  });
});

describe('report blocks after 19 → 20', () => {
  it('keeps the quotations of 19 and takes blocks whose options are JSON', () => {
    const db = projectAt(19);
    migrate(db, 20);
    expect(db.prepare('SELECT short_form FROM quotation').pluck().get()).toBe('La coopération […]');
    expect(db.prepare('SELECT COUNT(*) FROM report_block').pluck().get()).toBe(0);
    db.exec(rows[20]!.join(';'));
    expect(
      JSON.parse(db.prepare('SELECT options FROM report_block').pluck().get() as string),
    ).toMatchObject({ codeId: 'k', caption: 'Mécanismes 😀' });
    expect(() =>
      db.exec(
        "INSERT INTO report_block (id, kind, options, position) VALUES ('rc', 'chart', 'not json', 1)",
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('document pages and originals after 20 → 21', () => {
  it('keeps the documents of 20, without pages, and takes pages and an original', () => {
    const db = projectAt(20);
    migrate(db, 21);
    const document = db
      .prepare("SELECT plain_text, turns, pages FROM document WHERE id = 'd'")
      .get() as {
      plain_text: string;
      pages: string;
    };
    expect(document.plain_text).toBe('La réunion 😀.\nLa coopération\r avance.');
    expect(document.pages).toBe('[]');
    expect(db.prepare('SELECT options FROM report_block').pluck().get()).toContain('Mécanismes');
    db.exec(rows[21]!.join(';'));
    expect(JSON.parse(db.prepare('SELECT pages FROM document').pluck().get() as string)).toEqual([
      { start: 0, page: 3 },
      { start: 15, page: 4 },
    ]);
    expect(db.prepare('SELECT file_name FROM document_original').pluck().get()).toBe(
      'rapport élu.pdf',
    );
    expect(() => db.exec("UPDATE document SET pages = 'pas du json'")).toThrow(/CHECK/);
    // One original per document.
    expect(() =>
      db.exec(
        "INSERT INTO document_original (id, document_id, file_name, mime_type, size, created_at) VALUES ('o2', 'd', 'b.pdf', 'application/pdf', 1, 'a')",
      ),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('search after 11 → 12', () => {
  it('finds the carried text by its words and by its emoji', () => {
    const db = projectAt(11);
    db.prepare(
      "UPDATE document SET plain_text = 'Bravo 👏 pour la coopération' WHERE id = 'd'",
    ).run();
    db.prepare("INSERT INTO text_block (id, document_id, start) VALUES (99, 'd', 0)").run();
    db.prepare(
      "INSERT INTO text_index (rowid, text) VALUES (99, 'Bravo 👏 pour la coopération')",
    ).run();
    migrate(db, 12);
    const found = (query: string) =>
      db
        .prepare(
          'SELECT b.id FROM text_index t JOIN text_block b ON b.id = t.rowid WHERE text_index MATCH ? ORDER BY b.id',
        )
        .all(query);
    expect(found('"👏"')).toEqual([{ id: 99 }]);
    expect(found('cooperation')).toContainEqual({ id: 99 });
    db.close();
  });
});

describe('the schema as the undo journal sees it', () => {
  it('journals exactly the columns each table has', () => {
    const db = projectAt(latestSchemaVersion);
    for (const [table, columns] of Object.entries(journaledTables)) {
      const actual = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (column) => column.name,
      );
      expect([...columns].sort(), table).toEqual(actual.sort());
    }
    db.close();
  });

  it('has every table either journaled or named here as written outside the undo history', () => {
    // The activity log, recordings' and originals' bytes, the search index and the ids of deleted
    // rows (kept by the journal's own writes) are not undone.
    const outside = [
      'activity',
      'recording_chunk',
      'document_original_chunk',
      'text_block',
      'text_index',
      'deleted_row',
    ];
    const db = projectAt(latestSchemaVersion);
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'text_index_%'",
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
    for (const table of tables)
      expect(Object.keys(journaledTables).includes(table) || outside.includes(table), table).toBe(
        true,
      );
    db.close();
  });
});

describe('shipped migrations', () => {
  it('are frozen: none imports the live store, only the migration type', () => {
    const directory = join('electron', 'store', 'migrations');
    for (const file of readdirSync(directory).filter((name) => /^\d{3}-.*\.ts$/.test(name))) {
      const imports = [...readFileSync(join(directory, file), 'utf8').matchAll(/from '([^']+)'/g)]
        .map((match) => match[1])
        .filter((source) => source !== './types');
      expect(imports, file).toEqual([]);
    }
  });
});
