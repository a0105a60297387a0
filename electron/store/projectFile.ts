import { rmSync } from 'node:fs';
import type { Db } from './database';
import { createProjectDatabase } from './database';
import type { ProjectProperties } from './project';
import { initialiseProject } from './project';

/**
 * Makes a new project file and fills it (an import, the demo). The file is
 * whole or absent: if filling fails or is cancelled, nothing is left behind.
 */
export async function buildProjectFile<T>(
  path: string,
  properties: ProjectProperties,
  fill: (db: Db) => T | Promise<T>,
): Promise<T> {
  const db = createProjectDatabase(path);
  try {
    initialiseProject(db, properties);
    const result = await fill(db);
    // Folded back into one file, as a closed project is.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return result;
  } catch (error) {
    if (db.open) db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw error;
  }
}
