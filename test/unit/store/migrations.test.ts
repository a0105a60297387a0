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
