import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, statSync } from 'node:fs';

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a file or folder one this process cannot write, as a researcher meets
 * a project copied from a CD, a colleague's share or a folder of someone else's.
 * chmod does that for a user; root writes through any mode, so as root the
 * file is made immutable (chattr +i, refused even to root) instead. Returns how
 * to make it writable again, or why neither works here (a file system without
 * immutable files, root without CAP_LINUX_IMMUTABLE).
 */
export function makeUnwritable(
  path: string,
): { ok: true; value: () => void } | { ok: false; error: string } {
  if (process.getuid?.() !== 0) {
    const mode = statSync(path).mode & 0o7777;
    chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    if (writable(path)) {
      chmodSync(path, mode);
      return { ok: false, error: 'this system lets its user write a read-only file' };
    }
    return { ok: true, value: () => chmodSync(path, mode) };
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
  } catch {
    return {
      ok: false,
      error: 'running as root, where only chattr +i refuses writes, and chattr +i fails here',
    };
  }
  const restore = () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
  if (writable(path)) {
    restore();
    return { ok: false, error: 'chattr +i does not stop root writing here' };
  }
  return { ok: true, value: restore };
}
