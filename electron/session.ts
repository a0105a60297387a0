import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ReadOnlyCopy } from '../shared/domain';
import { AxialError } from '../shared/errors';
import type { Db } from './store/database';
import { History } from './store/history';
import {
  createProjectDatabase,
  openProjectDatabase,
  requireSqliteFile,
  snapshotProject,
} from './store/database';
import type { LockOwner, ProjectLock } from './store/projectLock';
import { acquireLock, currentOwner } from './store/projectLock';
import type { ProjectProperties } from './store/project';
import { initialiseProject } from './store/project';
import { requireFolderWritable, requireWritable, unwritableReason } from './store/notWritable';
import { collectOrphanOriginalChunks } from './store/originals';
import { collectOrphanChunks } from './store/recordings';

export interface OpenProject {
  path: string;
  db: Db;
  /** Undo history of this session with the project; it starts empty at every opening. */
  history: History;
  /** Held while the project is open: another program is told where it is open. */
  lock: ProjectLock | null;
  /** Set when this is a read-only snapshot of a project open elsewhere, or not writable. */
  readOnlyCopy: ReadOnlyCopy | null;
  /** Settles when the integrity check deferred at opening has run (at once where none was deferred). */
  integrityChecked?: Promise<void>;
}

/** Who has the project open, for a copy's banner; unknown when its lock cannot be read. */
function holderOf(path: string): LockOwner | null {
  try {
    return currentOwner(path);
  } catch {
    return null;
  }
}

/** The project a window (or the web host) has open: at most one at a time. */
export class ProjectSession {
  private current: OpenProject | null = null;
  private discardCopy: (() => void) | null = null;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly program: LockOwner['program'] = 'web',
  ) {}

  get project(): OpenProject | null {
    return this.current;
  }

  /** The open project, or an error telling the researcher to open one. */
  require(): OpenProject {
    if (!this.current) {
      throw new AxialError(
        'no_project_open',
        'No project is open. Open or create a project first.',
      );
    }
    return this.current;
  }

  /**
   * Opens a project for writing, with its lock. A project open in another
   * window or program is refused with where and since when; one left locked
   * by a crash on this computer is taken over.
   */
  open(
    path: string,
    options: { takeOver?: boolean; deferIntegrityCheck?: boolean } = {},
  ): OpenProject {
    const absolute = resolve(path);
    // Opening the open project again opens it afresh (its lock is this session's own).
    if (this.current?.path === absolute && this.current.lock) this.close();
    // Open the new file before closing the old one, so a refused file leaves the session as it was.
    requireSqliteFile(absolute);
    // Before the lock, which could not be written either: say what the researcher can do instead.
    requireWritable(absolute);
    const lock = acquireLock(absolute, this.program, options);
    let db: Db | undefined;
    try {
      db = openProjectDatabase(absolute, { integrityCheck: !options.deferIntegrityCheck });
      // Recordings removed in an earlier session (or uploads never finished) give back their space.
      collectOrphanChunks(db);
      collectOrphanOriginalChunks(db);
    } catch (error) {
      db?.close();
      lock.release();
      throw error;
    }
    this.close();
    this.current = this.opened(absolute, db, lock, null);
    return this.current;
  }

  create(path: string, properties: ProjectProperties): OpenProject {
    const absolute = resolve(path);
    requireFolderWritable(absolute);
    const lock = acquireLock(absolute, this.program);
    let db: Db | undefined;
    try {
      db = createProjectDatabase(absolute);
      initialiseProject(db, properties);
    } catch (error) {
      db?.close();
      lock.release();
      throw error;
    }
    this.close();
    this.current = this.opened(absolute, db, lock, null);
    return this.current;
  }

  /**
   * A read-only snapshot of a project open elsewhere, or that cannot be
   * written, taken now into a folder of its own and removed when closed: it
   * can be read, searched, exported and saved as a copy to work on.
   */
  async openCopy(path: string): Promise<OpenProject> {
    const absolute = resolve(path);
    const folder = mkdtempSync(join(tmpdir(), 'axial-copy-'));
    const destination = join(folder, basename(absolute));
    let db: Db;
    try {
      db = await snapshotProject(absolute, destination);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    this.close();
    const holder = holderOf(absolute);
    this.current = this.opened(destination, db, null, {
      of: absolute,
      takenAt: new Date().toISOString(),
      heldBy: holder && {
        program: holder.program,
        host: holder.host,
        since: holder.since,
        otherComputer: holder.host !== hostname(),
      },
      notWritable: unwritableReason(absolute) !== null,
    });
    this.discardCopy = () => rmSync(folder, { recursive: true, force: true });
    return this.current;
  }

  private opened(
    path: string,
    db: Db,
    lock: ProjectLock | null,
    readOnlyCopy: ReadOnlyCopy | null,
  ): OpenProject {
    return {
      path,
      db,
      history: new History(this.clock, readOnlyCopy),
      lock,
      readOnlyCopy,
    };
  }

  close(): void {
    if (!this.current) return;
    const { db, lock, readOnlyCopy } = this.current;
    const discard = this.discardCopy;
    this.current = null;
    this.discardCopy = null;
    try {
      // Fold the WAL back into the file so the project is one file again when closed.
      if (!readOnlyCopy) db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
      lock?.release();
      discard?.();
    }
  }
}
