import { AxialError } from '../../shared/errors';

/**
 * SQLite says SQLITE_FULL when the disk (or the file's size limit) has no room
 * for the pages a transaction needs; a file write says ENOSPC, or EDQUOT when
 * the user's quota is used up. For the researcher they are one situation.
 */
const fullCodes = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return fullCodes.has(String((error as { code: unknown }).code));
}

/**
 * The disk is full. SQLite has rolled the transaction back and the undo history
 * records only what committed, so the action is simply not there: nothing
 * saved before is touched, and the same action works once there is room.
 */
export function diskFull(): AxialError {
  return new AxialError(
    'disk_full',
    'The disk is full: this action was not saved. Nothing saved before was lost. Free some space on the disk, then do it again.',
  );
}
