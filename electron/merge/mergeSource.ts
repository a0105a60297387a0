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
    const name = 'path' in file ? file.path : file.fileName;
    // Said of the colleague's file, never of a temporary one or of this project.
    if (error instanceof AxialError && error.code === 'project_corrupt')
      throw new AxialError(
        'invalid_file',
        `"${name}" is damaged and cannot be merged. Ask for the copy again (saved with "Save a copy"); this project is unchanged.`,
        { file: name, reason: 'mergeDamaged' },
      );
    if (error instanceof AxialError && error.code === 'project_too_new')
      throw new AxialError(
        'project_too_new',
        `"${name}" was saved by a newer version of Axial than this one. Update Axial, then merge it; this project is unchanged.`,
        { file: name, reason: 'mergeTooNew' },
      );
    if (!(error instanceof AxialError))
      throw new AxialError(
        'invalid_file',
        `"${name}" could not be read as a project (${error instanceof Error ? error.message : String(error)}). Ask for the copy again; this project is unchanged.`,
        { file: name, reason: 'mergeUnreadable' },
      );
    if (error instanceof AxialError && error.code === 'not_an_axial_project')
      throw new AxialError(
        'not_an_axial_project',
        `"${'path' in file ? file.path : file.fileName}" is not an Axial project. Merge a copy saved by Axial (a file ending in .axial), or a .qdpx exported by another program.`,
        { file: 'path' in file ? file.path : file.fileName, reason: 'mergeNotAxial' },
      );
    throw error;
  }
}
