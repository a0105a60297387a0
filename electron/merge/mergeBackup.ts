import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { saveCopy } from '../store/backup';
import type { Db } from '../store/database';

/**
 * The project as it was before a merge, saved beside it: Undo takes a merge
 * back only while the project stays open, the copy does so for good.
 */
export async function saveBeforeMerge(
  db: Db,
  projectPath: string,
): Promise<{ path: string; remove: () => void }> {
  const base = join(
    dirname(projectPath),
    `${basename(projectPath, extname(projectPath))} before merge ${new Date().toISOString().slice(0, 10)}`,
  );
  let path = `${base}.axial`;
  for (let count = 2; existsSync(path); count += 1) path = `${base} (${count}).axial`;
  const written = await saveCopy(db, projectPath, path, false);
  return {
    path: written,
    remove: () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(written + suffix, { force: true });
    },
  };
}
