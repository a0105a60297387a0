import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxialError } from '../../shared/errors';
import type { Language } from '../../shared/domain';
import { buildImportedProject } from '../exchange/refi/buildImportedProject';
import type { Db } from '../store/database';
import { snapshotProject } from '../store/database';

const isZip = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b;

export interface MergeSource {
  db: Db;
  close(): void;
}

/**
 * A colleague's project, read from a snapshot of its own: the file itself is
 * never written (not even to bring it to this version's format), and one still
 * open in another Axial is read as it stands. A .qdpx is first made into a
 * project of its own, with the checks and bounds of any import.
 */
export async function openMergeSource(
  file: { path: string } | { fileName: string; data: Uint8Array },
  language: Language = 'en',
): Promise<MergeSource> {
  const folder = mkdtempSync(join(tmpdir(), 'axial-merge-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    let path: string;
    if ('path' in file) path = file.path;
    else if (isZip(file.data)) {
      // A .qdpx (another program's export of the same sources): read as a project first.
      path = join(folder, 'imported.axial');
      await buildImportedProject({
        fileName: file.fileName,
        bytes: file.data,
        path,
        language,
        // Selections the file gives no user: the colleague's, named after their file.
        coder:
          file.fileName
            .replace(/\.qdpx$/i, '')
            .trim()
            .slice(0, 100) || 'REFI-QDA',
      });
    } else {
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
        `"${'path' in file ? file.path : file.fileName}" is not an Axial project. Merge a copy saved by Axial (a file ending in .axial), or a .qdpx exported by another program.`,
        { file: 'path' in file ? file.path : file.fileName, reason: 'mergeNotAxial' },
      );
    throw error;
  }
}
