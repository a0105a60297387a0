import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AxialError } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import { listActivity } from '../../../electron/store/activity';
import { saveCopy } from '../../../electron/store/backup';
import {
  AXIAL_APPLICATION_ID,
  createProjectDatabase,
  openProjectDatabase,
} from '../../../electron/store/database';
import { latestSchemaVersion } from '../../../electron/store/migrations';
import { getProject, initialiseProject, updateProject } from '../../../electron/store/project';
import { ProjectSession } from '../../../electron/session';
import { makeTempDir } from '../../support/tempDir';

let folder: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  folder = makeTempDir();
});
afterEach(() => folder.remove());

function errorCodeOf(action: () => unknown): ErrorCode | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof AxialError) return error.code;
    throw error;
  }
  return undefined;
}

function newProject(name = 'study.axial', title = 'Gouvernance locale') {
  const path = join(folder.path, name);
  const db = createProjectDatabase(path);
  initialiseProject(db, { title, description: 'Six collectivités', language: 'fr' });
  return { path, db };
}

describe('the project file', () => {
  it('is a SQLite file marked as Axial, in WAL mode with foreign keys on', () => {
    const { path, db } = newProject();
    expect(db.pragma('application_id', { simple: true })).toBe(AXIAL_APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('keeps its properties across close and reopen, with a UUID id', () => {
    const { path, db } = newProject();
    const created = getProject(db, path);
    expect(created.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    updateProject(db, path, { title: 'Villes intelligentes 😀', language: 'en' });
    db.close();

    const reopened = openProjectDatabase(path);
    const project = getProject(reopened, path);
    expect(project).toMatchObject({
      id: created.id,
      title: 'Villes intelligentes 😀',
      description: 'Six collectivités',
      language: 'en',
      schemaVersion: latestSchemaVersion,
    });
    expect(listActivity(reopened, 10).map((entry) => entry.action)).toEqual([
      'project.update',
      'project.create',
    ]);
    reopened.close();
  });

  it('refuses to create over an existing file', () => {
    const { path, db } = newProject();
    db.close();
    expect(errorCodeOf(() => createProjectDatabase(path))).toBe('file_exists');
  });

  it('gives a clear error for a missing file, a text file, a foreign SQLite file, a damaged file and a newer project', () => {
    expect(errorCodeOf(() => openProjectDatabase(join(folder.path, 'nowhere.axial')))).toBe(
      'file_not_found',
    );

    const text = join(folder.path, 'notes.axial');
    writeFileSync(text, 'Entretien avec la DGS, 12 mars.\n');
    expect(errorCodeOf(() => openProjectDatabase(text))).toBe('not_an_axial_project');

    const empty = join(folder.path, 'empty.axial');
    writeFileSync(empty, '');
    expect(errorCodeOf(() => openProjectDatabase(empty))).toBe('not_an_axial_project');

    const foreign = join(folder.path, 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(errorCodeOf(() => openProjectDatabase(foreign))).toBe('not_an_axial_project');

    const { path: damagedPath, db } = newProject('damaged.axial');
    for (let index = 0; index < 200; index += 1)
      updateProject(db, damagedPath, { description: 'x'.repeat(2000) + index });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(damagedPath);
    // Keep the header, scribble over the pages after it.
    for (let offset = 4096; offset < bytes.length; offset += 1) bytes[offset] = (offset * 7) % 251;
    writeFileSync(damagedPath, bytes);
    const damagedCode = errorCodeOf(() => openProjectDatabase(damagedPath));
    expect(['project_corrupt', 'not_an_axial_project']).toContain(damagedCode);

    const { path: futurePath, db: future } = newProject('future.axial');
    future.pragma(`user_version = ${latestSchemaVersion + 5}`);
    future.close();
    expect(errorCodeOf(() => openProjectDatabase(futurePath))).toBe('project_too_new');
  });

  it('saves a consistent copy with the online backup, never over the open file', async () => {
    const { path, db } = newProject();
    updateProject(db, path, { description: 'Avant la copie' });
    const copyPath = join(folder.path, 'copy.axial');
    await saveCopy(db, path, copyPath, false);
    updateProject(db, path, { description: 'Après la copie' });

    const copy = openProjectDatabase(copyPath);
    expect(getProject(copy, copyPath).description).toBe('Avant la copie');
    copy.close();
    expect(getProject(db, path).description).toBe('Après la copie');

    await expect(saveCopy(db, path, path, true)).rejects.toMatchObject({ code: 'same_file' });
    await expect(saveCopy(db, path, copyPath, false)).rejects.toMatchObject({
      code: 'file_exists',
    });
    await saveCopy(db, path, copyPath, true);
    const replaced = openProjectDatabase(copyPath);
    expect(getProject(replaced, copyPath).description).toBe('Après la copie');
    replaced.close();
    await expect(
      saveCopy(db, path, join(folder.path, 'no', 'such', 'c.axial'), false),
    ).rejects.toMatchObject({
      code: 'file_not_found',
    });
    db.close();
  });
});

describe('the project session', () => {
  it('keeps the open project when another file is refused', () => {
    const session = new ProjectSession();
    const path = join(folder.path, 'kept.axial');
    session.create(path, { title: 'Kept', description: '', language: 'fr' });
    const bad = join(folder.path, 'bad.axial');
    writeFileSync(bad, 'not a database');
    expect(() => session.open(bad)).toThrow(AxialError);
    expect(session.require().path).toBe(path);
    expect(getProject(session.require().db, path).title).toBe('Kept');
    session.close();
    expect(() => session.require()).toThrow('No project is open');
  });

  it('folds the write-ahead log into the file on close, leaving one file', () => {
    const session = new ProjectSession();
    const path = join(folder.path, 'single.axial');
    session.create(path, { title: 'Single', description: '', language: 'en' });
    session.close();
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
