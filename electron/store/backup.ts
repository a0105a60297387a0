import { existsSync, realpathSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AxialError } from '../../shared/errors';
import type { Db } from './database';
import { isDiskFull } from './diskFull';
import { unwritableReason } from './notWritable';
import { refuseIfOpen } from './projectLock';

function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/**
 * "Save a copy": SQLite's online backup gives a consistent snapshot even while
 * the project is being written, and the open project stays the one in use.
 */
export async function saveCopy(
  db: Db,
  sourcePath: string,
  destination: string,
  overwrite: boolean,
): Promise<string> {
  const target = resolve(destination);
  if (canonical(target) === canonical(sourcePath)) {
    throw new AxialError(
      'same_file',
      'A copy cannot be saved over the project that is open. Choose another file name.',
      { path: target },
    );
  }
  if (!existsSync(dirname(target))) {
    throw new AxialError('file_not_found', `The folder "${dirname(target)}" does not exist.`, {
      path: dirname(target),
    });
  }
  if (existsSync(target)) {
    refuseIfOpen(target);
    if (!overwrite) {
      throw new AxialError(
        'file_exists',
        `A file already exists at "${target}". Choose another name, or confirm that it should be replaced.`,
        { path: target },
      );
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  }
  try {
    await db.backup(target);
  } catch (error) {
    // A copy cut short by a full disk leaves its journal too: nothing of it stays.
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    if (isDiskFull(error))
      throw new AxialError(
        'disk_full',
        `The disk of "${target}" is full: the copy was not written, and the project is unchanged. Free some space on that disk, or choose another one, then save the copy again.`,
        { path: target, reason: 'copyDiskFull' },
      );
    if (unwritableReason(target) !== null)
      throw new AxialError(
        'not_writable',
        `The copy cannot be written to "${target}": that folder or disk is read-only. Choose a folder you can write to.`,
        { path: target, reason: 'copyNotWritable' },
      );
    const detail = error instanceof Error ? error.message : String(error);
    throw new AxialError('io_error', `The copy could not be written to "${target}": ${detail}`, {
      path: target,
      detail,
    });
  }
  return target;
}
