import { resolve } from 'node:path';
import { AxialError } from '../shared/errors';
import type { Db } from './store/database';
import { History } from './store/history';
import { createProjectDatabase, openProjectDatabase } from './store/database';
import type { ProjectProperties } from './store/project';
import { initialiseProject } from './store/project';
import { collectOrphanChunks } from './store/recordings';

export interface OpenProject {
  path: string;
  db: Db;
  /** Undo history of this session with the project; it starts empty at every opening. */
  history: History;
}

/** The project a window (or the web host) has open: at most one at a time. */
export class ProjectSession {
  private current: OpenProject | null = null;

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

  open(path: string): OpenProject {
    const absolute = resolve(path);
    // Open the new file before closing the old one, so a refused file leaves the session as it was.
    const db = openProjectDatabase(absolute);
    // Recordings removed in an earlier session (or uploads never finished) give back their space.
    collectOrphanChunks(db);
    this.close();
    this.current = { path: absolute, db, history: new History() };
    return this.current;
  }

  create(path: string, properties: ProjectProperties): OpenProject {
    const absolute = resolve(path);
    const db = createProjectDatabase(absolute);
    try {
      initialiseProject(db, properties);
    } catch (error) {
      db.close();
      throw error;
    }
    this.close();
    this.current = { path: absolute, db, history: new History() };
    return this.current;
  }

  close(): void {
    if (!this.current) return;
    const { db } = this.current;
    this.current = null;
    // Fold the WAL back into the file so the project is one file again when closed.
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  }
}
