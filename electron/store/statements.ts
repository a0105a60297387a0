import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const prepared = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement kept for the connection's lifetime: the paths every
 * keystroke's save runs through prepare the same SQL each time otherwise.
 */
export function statement(db: Db, sql: string): Statement {
  let statements = prepared.get(db);
  if (!statements) {
    statements = new Map();
    prepared.set(db, statements);
  }
  let found = statements.get(sql);
  if (!found) {
    found = db.prepare(sql);
    statements.set(sql, found);
  }
  return found;
}
