import { randomUUID } from 'node:crypto';
import type { Coding } from '../../shared/documents';
import { AxialError } from '../../shared/errors';
import { sliceCodePoints } from '../../shared/text/codePoints';
import { now } from './clock';
import { createCode, getCode } from './codes';
import type { Db } from './database';
import { getDocumentText } from './documents';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';

export interface CodingRow {
  id: string;
  document_id: string;
  code_id: string;
  start: number;
  end: number;
  memo: string;
  memo_coder: string | null;
  coder: string;
  created_at: string;
  modified_at: string;
}

export function toCoding(row: CodingRow): Coding {
  return {
    id: row.id,
    documentId: row.document_id,
    codeId: row.code_id,
    start: row.start,
    end: row.end,
    memo: row.memo,
    memoCoder: row.memo_coder ?? '',
    coder: row.coder,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

/** A document's codings, everyone's or only the coders named. */
export function listCodings(db: Db, documentId: string, coders?: readonly string[]): Coding[] {
  getDocumentText(db, documentId);
  const rows = (
    coders
      ? db
          .prepare(
            `SELECT * FROM coding WHERE document_id = ? AND coder IN (SELECT value FROM json_each(?))
             ORDER BY start, "end"`,
          )
          .all(documentId, JSON.stringify(coders))
      : db
          .prepare('SELECT * FROM coding WHERE document_id = ? ORDER BY start, "end"')
          .all(documentId)
  ) as CodingRow[];
  return rows.map(toCoding);
}

/** How many codings one coder made with each code (codes without any are left out). */
export function codingCountsOf(db: Db, coder: string): Record<string, number> {
  const rows = db
    .prepare('SELECT code_id, COUNT(*) FROM coding WHERE coder = ? GROUP BY code_id')
    .raw()
    .all(coder) as [string, number][];
  return Object.fromEntries(rows);
}

export function getCoding(db: Db, id: string): Coding {
  const row = db.prepare('SELECT * FROM coding WHERE id = ?').get(id) as CodingRow | undefined;
  if (!row)
    throw new AxialError(
      'not_found',
      'This coded passage no longer exists. It may have been removed.',
      { id },
    );
  return toCoding(row);
}

function checkRange(db: Db, documentId: string, start: number, end: number): void {
  const { length } = getDocumentText(db, documentId);
  if (end > length || start >= end) {
    throw new AxialError(
      'invalid_input',
      `The passage ${start}–${end} is outside the document (${length} characters). Reload the document and select the passage again.`,
      { details: `${start}–${end} / ${length}` },
    );
  }
}

/** Codes a passage; a code this coder already put on exactly this passage is left as it is. */
export function createCodings(
  db: Db,
  changes: ChangeSet,
  documentId: string,
  start: number,
  end: number,
  codeIds: readonly string[],
  coder: string,
): Coding[] {
  checkRange(db, documentId, start, end);
  const created: Coding[] = [];
  const timestamp = now();
  // Another coder's coding of the same words is theirs: double coding keeps both.
  const existing = db.prepare(
    'SELECT id FROM coding WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ? AND coder = ?',
  );
  for (const codeId of new Set(codeIds)) {
    const code = getCode(db, codeId);
    if (!code.codable) {
      throw new AxialError(
        'invalid_operation',
        `"${code.name}" groups other codes and is not applied to text. Choose a code under it, or allow coding with it in its properties.`,
        { reason: 'notCodable', name: code.name },
      );
    }
    if (existing.get(documentId, codeId, start, end, coder)) continue;
    const id = randomUUID();
    insertRow(db, changes, 'coding', {
      id,
      document_id: documentId,
      code_id: codeId,
      start,
      end,
      memo: '',
      coder,
      created_at: timestamp,
      modified_at: timestamp,
    });
    created.push(getCoding(db, id));
  }
  return created;
}

/** In-vivo: the passage's own words (trimmed, at most 80 characters) name a new code, applied to it. */
export function createInVivoCoding(
  db: Db,
  changes: ChangeSet,
  documentId: string,
  start: number,
  end: number,
  parentId: string | null,
  coder: string,
): { codeId: string; coding: Coding } {
  checkRange(db, documentId, start, end);
  const { text } = getDocumentText(db, documentId);
  const words = sliceCodePoints(text, start, end).replace(/\s+/g, ' ').trim();
  if (!words)
    throw new AxialError('invalid_operation', 'The selection has no words to name a code with.', {
      reason: 'noWords',
    });
  const name = [...words].length > 80 ? `${[...words].slice(0, 79).join('')}…` : words;
  const existing = db
    .prepare('SELECT id FROM code WHERE parent_id IS ? AND lower(name) = lower(?)')
    .get(parentId, name) as { id: string } | undefined;
  const codeId =
    existing?.id ?? createCode(db, changes, { parentId, name, description: '', codable: true });
  const [coding] = createCodings(db, changes, documentId, start, end, [codeId], coder);
  const applied =
    coding ??
    toCoding(
      db
        .prepare(
          'SELECT * FROM coding WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ?',
        )
        .get(documentId, codeId, start, end) as CodingRow,
    );
  return { codeId, coding: applied };
}

export function updateCoding(
  db: Db,
  changes: ChangeSet,
  id: string,
  patch: { start?: number; end?: number; memo?: string },
  /** Who writes: recorded with a memo. */
  coder = '',
): void {
  const coding = getCoding(db, id);
  const start = patch.start ?? coding.start;
  const end = patch.end ?? coding.end;
  if (start !== coding.start || end !== coding.end) {
    checkRange(db, coding.documentId, start, end);
    // A code is on a passage once: a boundary moved onto the same code's other passage would double it.
    if (
      db
        .prepare(
          'SELECT 1 FROM coding WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ? AND coder = ? AND id != ?',
        )
        .get(coding.documentId, coding.codeId, start, end, coding.coder, id)
    )
      throw new AxialError(
        'invalid_operation',
        'This code is already on exactly these words. Remove one of the two passages instead.',
        { reason: 'sameCodedPassage' },
      );
  }
  const row: Record<string, unknown> = { modified_at: now() };
  if (patch.start !== undefined) row.start = start;
  if (patch.end !== undefined) row.end = end;
  if (patch.memo !== undefined) Object.assign(row, { memo: patch.memo, memo_coder: coder || null });
  updateRow(db, changes, 'coding', id, row);
}

export function deleteCoding(db: Db, changes: ChangeSet, id: string): void {
  getCoding(db, id);
  deleteRow(db, changes, 'coding', id);
}
