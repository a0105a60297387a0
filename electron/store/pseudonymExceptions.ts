import { randomUUID } from 'node:crypto';
import { AxialError } from '../../shared/errors';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow } from './journal';

/** An occurrence of a real name left as written: which entry, where in which document's text. */
export interface PseudonymException {
  id: string;
  entryId: string;
  documentId: string;
  start: number;
  end: number;
}

export function listPseudonymExceptions(db: Db): PseudonymException[] {
  return db
    .prepare(
      `SELECT id, pseudonym_id AS entryId, document_id AS documentId, start, "end"
       FROM pseudonym_exception ORDER BY document_id, start`,
    )
    .all() as PseudonymException[];
}

/** The ranges left as written in each document, by entry: what matching skips. */
export function exceptionsByDocument(
  exceptions: readonly PseudonymException[],
): Map<string, PseudonymException[]> {
  const byDocument = new Map<string, PseudonymException[]>();
  for (const exception of exceptions) {
    const list = byDocument.get(exception.documentId) ?? [];
    list.push(exception);
    byDocument.set(exception.documentId, list);
  }
  return byDocument;
}

/** Whether an occurrence is one of those left: the same entry on exactly the same words. */
export function isLeft(
  exceptions: readonly PseudonymException[] | undefined,
  occurrence: { entryId: string; start: number; end: number },
): PseudonymException | undefined {
  return exceptions?.find(
    (exception) =>
      exception.entryId === occurrence.entryId &&
      exception.start === occurrence.start &&
      exception.end === occurrence.end,
  );
}

/**
 * Leaves one occurrence as written ("Blanc" the colour): the caller has
 * checked that the entry's name is written there now. Leaving it twice is
 * leaving it once.
 */
export function leaveOccurrence(
  db: Db,
  changes: ChangeSet,
  occurrence: { entryId: string; documentId: string; start: number; end: number },
): string {
  const held = db
    .prepare(
      'SELECT id FROM pseudonym_exception WHERE pseudonym_id = ? AND document_id = ? AND start = ? AND "end" = ?',
    )
    .pluck()
    .get(occurrence.entryId, occurrence.documentId, occurrence.start, occurrence.end) as
    string | undefined;
  if (held) return held;
  const id = randomUUID();
  insertRow(db, changes, 'pseudonym_exception', {
    id,
    pseudonym_id: occurrence.entryId,
    document_id: occurrence.documentId,
    start: occurrence.start,
    end: occurrence.end,
    created_at: now(),
  });
  return id;
}

/** Replaces a left occurrence after all, when the table is applied or a copy made. */
export function replaceOccurrenceAfterAll(db: Db, changes: ChangeSet, id: string): void {
  if (!db.prepare('SELECT 1 FROM pseudonym_exception WHERE id = ?').get(id))
    throw new AxialError('not_found', 'This occurrence is no longer left as written.');
  deleteRow(db, changes, 'pseudonym_exception', id);
}

/** Forgets the occurrences left for an entry, before the entry itself goes. */
export function forgetExceptionsOf(db: Db, changes: ChangeSet, entryId: string): void {
  const ids = db
    .prepare('SELECT id FROM pseudonym_exception WHERE pseudonym_id = ?')
    .pluck()
    .all(entryId) as string[];
  for (const id of ids) deleteRow(db, changes, 'pseudonym_exception', id);
}
