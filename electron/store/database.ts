import Database from 'better-sqlite3';
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readSync } from 'node:fs';
import { AxialError } from '../../shared/errors';
import { diskFull, isDiskFull } from './diskFull';
import { latestSchemaVersion, migrate, schemaVersion } from './migrations';
import { notWritable, unwritableReason } from './notWritable';

export type Db = Database.Database;

/** 'AXIA' in ASCII: marks a SQLite file as an Axial project (PRAGMA application_id). */
export const AXIAL_APPLICATION_ID = 0x41584941;

const SQLITE_HEADER = 'SQLite format 3\0';

function configure(db: Db): void {
  // WAL with synchronous=NORMAL survives an application crash or kill without
  // losing a committed transaction; only a power cut may lose the last ones.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function readHeader(path: string): string {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(descriptor, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(descriptor);
  }
}

function notAProject(path: string): AxialError {
  return new AxialError(
    'not_an_axial_project',
    `"${path}" is not an Axial project. Choose a file ending in .axial that Axial created.`,
    { path },
  );
}

export function corrupt(path: string, detail: string): AxialError {
  return new AxialError(
    'project_corrupt',
    `"${path}" is damaged and cannot be opened safely (${detail}). Open a backup copy of the project, or keep this file aside for recovery.`,
    { path, detail },
  );
}

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** Turns a SQLite failure while opening into an error the researcher can act on. */
function translateOpenError(path: string, error: unknown): AxialError {
  if (error instanceof AxialError) return error;
  const code = sqliteCode(error) ?? '';
  if (isDiskFull(error)) return diskFull();
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    // SQLite says only "unable to open database file": say which part cannot be written.
    const reason = unwritableReason(path);
    if (reason) return notWritable(path, reason);
  }
  if (code === 'SQLITE_NOTADB') return notAProject(path);
  if (code.startsWith('SQLITE_CORRUPT')) return corrupt(path, code);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AxialError(
      'project_locked',
      `"${path}" is being written by another program. Close the other Axial window that has it open, then try again.`,
      { path },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AxialError('io_error', `"${path}" could not be opened: ${detail}`, { path, detail });
}

/** Refuses a path that holds no file, or a file that is not a SQLite database. */
export function requireSqliteFile(path: string): void {
  if (!existsSync(path)) {
    throw new AxialError(
      'file_not_found',
      `There is no file at "${path}". It may have been moved or renamed.`,
      {
        path,
      },
    );
  }
  let header: string;
  try {
    header = readHeader(path);
  } catch (error) {
    throw translateOpenError(path, error);
  }
  if (header !== SQLITE_HEADER) throw notAProject(path);
}

/** Opens an existing project, checking it is one of ours, intact, and not from a newer Axial. */
export function openProjectDatabase(
  path: string,
  options: {
    /**
     * False when the caller has the check run on a thread of its own after opening
     * (PRAGMA quick_check reads every page: 0.9 s of a 470 MB project's opening).
     */
    integrityCheck?: boolean;
  } = {},
): Db {
  requireSqliteFile(path);

  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true });
    if (applicationId !== AXIAL_APPLICATION_ID) throw notAProject(path);
    if (options.integrityCheck !== false) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw corrupt(path, String(check));
    }
    configure(db);
    // SQLite opens a file it may not write read-only, without a word: a write
    // (of the value already there), rolled back, finds out now rather than the
    // researcher's first action. A network share may refuse what access() allowed.
    db.exec(`BEGIN IMMEDIATE; PRAGMA application_id = ${AXIAL_APPLICATION_ID}; ROLLBACK`);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw translateOpenError(path, error);
  }
}

/**
 * SQLite reads a project in WAL mode only where it can create the shared-memory
 * file beside it: a project in a read-only folder or on a read-only disk cannot
 * be read in place (SQLITE_READONLY_DIRECTORY where the folder's mode says so,
 * SQLITE_CANTOPEN where the file system does). Nobody can be writing it there
 * either, so its files are copied as they are (the log too, replayed when the
 * copy opens). False when the failure was something else.
 */
function copyUnreadableInPlace(path: string, destination: string, error: unknown): boolean {
  const code = sqliteCode(error) ?? '';
  const unreadable = code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY');
  if (!unreadable || unwritableReason(path) === null) return false;
  try {
    for (const suffix of ['', '-wal']) {
      if (suffix && !existsSync(path + suffix)) continue;
      copyFileSync(path + suffix, destination + suffix);
      // The copy is Axial's own, brought to this version's format below: not read-only like its source.
      chmodSync(destination + suffix, 0o600);
    }
  } catch (copyError) {
    throw translateOpenError(path, copyError);
  }
  return true;
}

/**
 * A read-only snapshot of a project another program has open: SQLite's online
 * backup copies it consistently while it is being written; the copy is brought
 * to this version's format, then opened read-only.
 */
export async function snapshotProject(path: string, destination: string): Promise<Db> {
  requireSqliteFile(path);
  let source: Db | undefined;
  let failure: { error: unknown } | null = null;
  try {
    source = new Database(path, { fileMustExist: true });
    source.pragma('busy_timeout = 5000');
    if (source.pragma('application_id', { simple: true }) !== AXIAL_APPLICATION_ID)
      throw notAProject(path);
    await source.backup(destination);
  } catch (error) {
    failure = { error };
  } finally {
    source?.close();
  }
  if (failure && !copyUnreadableInPlace(path, destination, failure.error))
    throw translateOpenError(path, failure.error);
  const copy = new Database(destination, { fileMustExist: true });
  try {
    if (copy.pragma('application_id', { simple: true }) !== AXIAL_APPLICATION_ID)
      throw notAProject(path);
    migrate(copy);
    // One file, no write-ahead log: a read-only connection needs nothing beside it.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const db = new Database(destination, { readonly: true, fileMustExist: true });
  db.pragma('foreign_keys = ON');
  return db;
}

/** Creates a new, empty project file at `path`, refusing to overwrite anything. */
export function createProjectDatabase(path: string): Db {
  if (existsSync(path)) {
    throw new AxialError(
      'file_exists',
      `A file already exists at "${path}". Choose another name, or open that project instead.`,
      { path },
    );
  }
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma(`application_id = ${AXIAL_APPLICATION_ID}`);
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw translateOpenError(path, error);
  }
}

export { latestSchemaVersion, schemaVersion };
