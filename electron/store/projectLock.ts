import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, uptime, userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { ErrorParams } from '../../shared/errors';
import { AxialError } from '../../shared/errors';
import type { HostKind } from '../../shared/domain';

/** Who holds a project: written in the lock file beside it, shown to a second opener. */
export interface LockOwner {
  token: string;
  pid: number;
  host: string;
  user: string;
  program: HostKind | 'cli';
  since: string;
  /** When the holder's machine started (ms): a process id from before a restart means nothing. */
  bootedAt: number;
}

/** The lock beside `study.axial`: `study.axial.lock`. */
export function lockPathOf(projectPath: string): string {
  return `${projectPath}.lock`;
}

// Locks this process holds, by lock path: two windows of one Axial share a process id.
const heldHere = new Map<string, string>();

/** Boot times read a few milliseconds apart differ; a restart moves them by far more. */
const BOOT_TOLERANCE_MS = 120_000;

function bootedAt(): number {
  return Date.now() - uptime() * 1000;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

function readOwner(path: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AxialError(
      'io_error',
      `Axial cannot read "${path}", which marks the project as open (${(error as Error).message}). Open a read-only copy, or remove that file if no Axial has the project open.`,
      {
        path: path.replace(/\.lock$/, ''),
        detail: (error as Error).message,
        reason: 'lockNotWritable',
      },
    );
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.token === 'string' && typeof owner.pid === 'number') return owner as LockOwner;
  } catch {
    // A lock half written by a process killed at that moment: nobody holds it.
  }
  return { token: '', pid: 0, host: '', user: '', program: 'cli', since: '', bootedAt: 0 };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the owner may still be using the project. On this machine that can
 * be known (the process, its machine's start); on another it cannot, and the
 * lock stands until the researcher says that computer no longer has it open.
 */
function stillHeld(path: string, owner: LockOwner): boolean {
  if (!owner.token) return false;
  if (owner.host !== hostname()) return true;
  if (Math.abs(owner.bootedAt - bootedAt()) > BOOT_TOLERANCE_MS) return false;
  if (owner.pid === process.pid) return heldHere.get(path) === owner.token;
  return processAlive(owner.pid);
}

const programNames: Record<LockOwner['program'], string> = {
  cli: 'the Axial command line',
  electron: 'Axial',
  web: 'Axial in a web browser',
};

/** Where a project is open, in words: "in Axial on this computer (user marie) since 2026-12-01 09:30 UTC". */
export function describeHolder(params: ErrorParams): string {
  const program = programNames[params.program as LockOwner['program']] ?? 'Axial';
  const where = params.otherComputer ? `on the computer "${params.host}"` : 'on this computer';
  const since = String(params.since).replace('T', ' ').slice(0, 16);
  return `in ${program} ${where}${params.user ? ` (user ${params.user})` : ''} since ${since} UTC`;
}

function lockedError(projectPath: string, owner: LockOwner): AxialError {
  const params = {
    path: projectPath,
    program: owner.program,
    host: owner.host,
    user: owner.user,
    since: owner.since,
    otherComputer: owner.host === hostname() ? 0 : 1,
  };
  return new AxialError(
    'project_locked',
    `"${projectPath}" is open ${describeHolder(params)}. Close it there first, or open a read-only copy.`,
    params,
  );
}

function writeNew(path: string, owner: LockOwner): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT')
      throw new AxialError('file_not_found', `The folder of "${path}" does not exist.`, {
        path: dirname(path),
      });
    throw new AxialError(
      'io_error',
      `The project's folder does not let Axial mark the project as open (${(error as Error).message}). Open a read-only copy, or copy the project to a folder you can write to.`,
      {
        path: path.replace(/\.lock$/, ''),
        detail: (error as Error).message,
        reason: 'lockNotWritable',
      },
    );
  }
  try {
    writeSync(descriptor, JSON.stringify(owner));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

export interface ProjectLock {
  owner: LockOwner;
  /** The lock found was left by a process that no longer runs (a crash): it was taken over. */
  tookOver: LockOwner | null;
  release(): void;
}

/**
 * Takes the project's lock for this session, or says who has the project
 * open. A lock left by a crashed or killed Axial on this computer is taken
 * over; one from another computer only when the researcher asks (`takeOver`).
 */
export function acquireLock(
  projectPath: string,
  program: LockOwner['program'],
  options: { takeOver?: boolean } = {},
): ProjectLock {
  const path = lockPathOf(projectPath);
  const owner: LockOwner = {
    token: randomUUID(),
    pid: process.pid,
    host: hostname(),
    user: currentUser(),
    program,
    since: new Date().toISOString(),
    bootedAt: bootedAt(),
  };
  let tookOver: LockOwner | null = null;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (writeNew(path, owner)) {
      // Two openers clearing the same stale lock at once: only the one whose token stayed holds it.
      if (readOwner(path)?.token !== owner.token) continue;
      heldHere.set(path, owner.token);
      return {
        owner,
        tookOver,
        release: () => {
          if (heldHere.get(path) !== owner.token) return;
          heldHere.delete(path);
          if (readOwner(path)?.token === owner.token) rmSync(path, { force: true });
        },
      };
    }
    const found = readOwner(path);
    if (!found) continue;
    const forced = options.takeOver === true && found.host !== hostname();
    if (stillHeld(path, found) && !forced) throw lockedError(projectPath, found);
    tookOver = found;
    rmSync(path, { force: true });
  }
  const found = readOwner(path);
  throw lockedError(projectPath, found ?? owner);
}

/** Refuses to write over a project another program has open (a copy saved onto it). */
export function refuseIfOpen(projectPath: string): void {
  const owner = currentOwner(projectPath);
  if (owner) throw lockedError(projectPath, owner);
}

/** Who holds the project now, if anyone does (for a read-only opener's title). */
export function currentOwner(projectPath: string): LockOwner | null {
  const path = lockPathOf(projectPath);
  const found = readOwner(path);
  return found && stillHeld(path, found) ? found : null;
}
