import type { ActivityAction, ActivityEntry } from '../../shared/domain';
import { now } from './clock';
import type { Db } from './database';

interface ActivityRow {
  id: number;
  at: string;
  action: ActivityAction;
  subject: string;
}

function toActivityEntry(row: ActivityRow): ActivityEntry {
  return { id: row.id, at: row.at, action: row.action, subject: row.subject };
}

/** Call inside the transaction of the action it records. */
export function recordActivity(db: Db, action: ActivityAction, subject: string): void {
  db.prepare('INSERT INTO activity (at, action, subject) VALUES (?, ?, ?)').run(
    now(),
    action,
    subject,
  );
}

export function listActivity(db: Db, limit: number): ActivityEntry[] {
  const rows = db
    .prepare('SELECT id, at, action, subject FROM activity ORDER BY id DESC LIMIT ?')
    .all(limit) as ActivityRow[];
  return rows.map(toActivityEntry);
}
