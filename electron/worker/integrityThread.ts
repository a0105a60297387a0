import Database from 'better-sqlite3';
import type { PortLike } from './coreMessages';

export interface IntegrityThreadData {
  role: 'integrity';
  path: string;
}

/** The project's PRAGMA quick_check on a read-only connection: 'ok', or what it found. */
export function runIntegrityThread(port: PortLike, data: IntegrityThreadData): void {
  let found: string;
  let db: Database.Database | null = null;
  try {
    db = new Database(data.path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    found = String(db.pragma('quick_check', { simple: true }));
  } catch (error) {
    found = error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
  port.postMessage({ kind: 'integrity', found });
}
