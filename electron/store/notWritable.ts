import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AxialError } from '../../shared/errors';

/** Why Axial cannot write a project: the file, its folder, or the whole disk is read-only. */
export type UnwritableReason = 'fileReadOnly' | 'folderReadOnly' | 'mediumReadOnly';

const explanations: Record<UnwritableReason, (path: string) => string> = {
  fileReadOnly: (path) => `"${path}" is a read-only file`,
  folderReadOnly: (path) =>
    `the folder of "${path}" is read-only (Axial writes its changes and its lock beside the project)`,
  mediumReadOnly: (path) => `"${path}" is on a disk that cannot be written`,
};

export function notWritable(path: string, reason: UnwritableReason): AxialError {
  return new AxialError(
    'not_writable',
    `Axial cannot save anything in this project: ${explanations[reason](path)}. Open a read-only copy to read and export it, or save a copy in a folder you can write to and work on that.`,
    { path, reason },
  );
}

/** Whether this process may write `path`; the reason when it may not. */
function refusal(path: string, readOnly: UnwritableReason): UnwritableReason | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'mediumReadOnly';
    // EPERM: an immutable file (chattr +i), or a folder that refuses even its owner.
    if (code === 'EACCES' || code === 'EPERM') return readOnly;
    return null;
  }
}

/**
 * Why the project at `path` cannot be written, or null. SQLite writes the file,
 * its write-ahead log and shared memory beside it, and Axial its lock there:
 * each must be writable for a project to be opened for work. Asked before
 * opening, since SQLite would only say "unable to open database file".
 */
export function unwritableReason(path: string): UnwritableReason | null {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    const reason = refusal(file, 'fileReadOnly');
    if (reason) return reason;
  }
  return refusal(dirname(path), 'folderReadOnly');
}

/** Refuses a project Axial could open but never save, saying why and what can be done instead. */
export function requireWritable(path: string): void {
  const reason = unwritableReason(path);
  if (reason) throw notWritable(path, reason);
}

/** A new project needs a folder it can be written in; nothing else can be offered there. */
export function requireFolderWritable(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder)) return;
  const reason = refusal(folder, 'folderReadOnly');
  if (reason)
    throw new AxialError(
      'not_writable',
      `A project cannot be created in "${folder}": ${reason === 'mediumReadOnly' ? 'that disk cannot be written' : 'that folder is read-only'}. Choose a folder you can write to.`,
      { path, folder, reason: 'createNotWritable' },
    );
}
