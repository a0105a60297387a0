import type { ActivityAction, ActivityEntry } from '../../shared/domain';
import type { HistoryAction } from '../../shared/history';
import { describeOperations } from './activityTarget';
import { now } from './clock';
import type { Db } from './database';
import type { Operation } from './journal';
import { statement } from './statements';

interface ActivityRow {
  id: number;
  at: string;
  action: ActivityAction;
  subject: string;
  target: string;
  place: string;
  count: number;
}

function toActivityEntry(row: ActivityRow): ActivityEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    subject: row.subject,
    target: row.target,
    place: row.place,
    count: row.count,
  };
}

/**
 * The same action on the same thing, again within this time, adds to the
 * entry before it: a morning of typing or of coding one document with one code
 * is one line of the log, not hundreds.
 */
const JOIN_WITHIN_MS = 10 * 60 * 1000;

/** Actions the log counts once each, however many rows they write. */
const onePerAction: ReadonlySet<HistoryAction> = new Set(['resolveDisagreement']);

/** Call inside the transaction of the action it records. */
export function recordActivity(db: Db, action: ActivityAction, subject: string): void {
  statement(db, 'INSERT INTO activity (at, action, subject) VALUES (?, ?, ?)').run(
    now(),
    action,
    subject,
  );
}

/**
 * Logs an action of the undo history, or its undo or redo, with what it was
 * done to: called inside the action's transaction, after its writes, so the log
 * and the project never disagree.
 */
export function recordHistoryActivity(
  db: Db,
  action: 'do' | 'undo' | 'redo',
  label: HistoryAction,
  operations: readonly Operation[],
): void {
  const described = describeOperations(db, operations);
  const { target, place } = described;
  // Settling a disagreement removes and adds codings for both coders: it is one settlement.
  const count = onePerAction.has(label) ? 1 : described.count;
  const at = now();
  const last = statement(
    db,
    'SELECT id, at, action, subject, target, place FROM activity ORDER BY id DESC LIMIT 1',
  ).get() as Omit<ActivityRow, 'count'> | undefined;
  if (
    last &&
    last.action === action &&
    last.subject === label &&
    last.target === target &&
    last.place === place &&
    Date.parse(at) - Date.parse(last.at) < JOIN_WITHIN_MS
  ) {
    statement(db, 'UPDATE activity SET at = ?, count = count + ? WHERE id = ?').run(
      at,
      count,
      last.id,
    );
    return;
  }
  statement(
    db,
    'INSERT INTO activity (at, action, subject, target, place, count) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(at, action, label, target, place, count);
}

export function listActivity(db: Db, limit: number): ActivityEntry[] {
  const rows = statement(
    db,
    'SELECT id, at, action, subject, target, place, count FROM activity ORDER BY id DESC LIMIT ?',
  ).all(limit) as ActivityRow[];
  return rows.map(toActivityEntry);
}

/** When the project was last changed by an action of the log, or null before any. */
export function lastActivityAt(db: Db): string | null {
  const row = statement(db, 'SELECT at FROM activity ORDER BY id DESC LIMIT 1').get() as
    { at: string } | undefined;
  return row?.at ?? null;
}
