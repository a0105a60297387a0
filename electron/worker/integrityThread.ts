import Database from 'better-sqlite3';
import type { PortLike } from './coreMessages';

export interface IntegrityThreadData {
  role: 'integrity';
  path: string;
}

/**
 * The project's PRAGMA quick_check on a read-only connection: 'ok', what it
 * found, or null when it could not look (the file moved away, no memory): that
 * says nothing about the project, which must not be called damaged for it.
 */
export function runIntegrityThread(port: PortLike, data: IntegrityThreadData): void {
  let found: string | null;
  let db: Database.Database | null = null;
  try {
    db = new Database(data.path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    found = String(db.pragma('quick_check', { simple: true }));
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    found = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' ? code : null;
    if (found === null) console.error('Axial: the integrity check could not run', error);
  } finally {
    db?.close();
  }
  port.postMessage({ kind: 'integrity', found });
}
