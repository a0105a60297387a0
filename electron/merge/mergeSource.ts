import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxialError } from '../../shared/errors';
import type { Db } from '../store/database';
import { snapshotProject } from '../store/database';

export interface MergeSource {
  db: Db;
  close(): void;
}

/**
 * A colleague's project, read from a snapshot of its own: the file itself is
 * never written (not even to bring it to this version's format), and one still
 * open in another Axial is read as it stands.
 */
export async function openMergeSource(
  file: { path: string } | { fileName: string; data: Uint8Array },
): Promise<MergeSource> {
  const folder = mkdtempSync(join(tmpdir(), 'axial-merge-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    let path: string;
    if ('path' in file) path = file.path;
    else {
      path = join(folder, 'received.axial');
      writeFileSync(path, file.data);
    }
    const db = await snapshotProject(path, join(folder, 'snapshot.axial'));
    return {
      db,
      close() {
        db.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    if (error instanceof AxialError && error.code === 'not_an_axial_project')
      throw new AxialError(
        'not_an_axial_project',
        `"${'path' in file ? file.path : file.fileName}" is not an Axial project. Merge a copy saved by Axial (a file ending in .axial); a .qdpx from another program is imported as a new project first.`,
        { file: 'path' in file ? file.path : file.fileName, reason: 'mergeNotAxial' },
      );
    throw error;
  }
}
