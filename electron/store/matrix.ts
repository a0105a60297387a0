import { randomUUID } from 'node:crypto';
import type { Matrix, MatrixLevel, MatrixRowKind } from '../../shared/analysis';
import { AxialError } from '../../shared/errors';
import { listCases, listParticipants } from './cases';
import { listCodes } from './codes';
import { now } from './clock';
import type { Db } from './database';
import { speakerAt, type TurnStart } from './documentText';
import { listDocuments } from './documents';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';
import { PassageContext } from './passageContext';

const depthOf: Record<MatrixLevel, number> = { axis: 0, variable: 1, code: 2 };

/**
 * Counts passages and documents per row × column. A coding counts under its
 * ancestor at the chosen level (an axis, a variable) or, at the code level,
 * under itself; a passage belongs to the rows its participants, cases or
 * document give it.
 */
export function buildMatrix(db: Db, rowKind: MatrixRowKind, level: MatrixLevel): Matrix {
  const codes = listCodes(db);
  const byId = new Map(codes.map((code) => [code.id, code]));
  const depth = (id: string): number => {
    let count = 0;
    let current = byId.get(id);
    while (current?.parentId) {
      count += 1;
      current = byId.get(current.parentId);
    }
    return count;
  };
  const wanted = depthOf[level];
  const columnOf = (codeId: string): string | null => {
    const own = depth(codeId);
    if (level === 'code') return own >= wanted ? codeId : null;
    if (own < wanted) return null;
    let current = byId.get(codeId);
    while (current && depth(current.id) > wanted)
      current = current.parentId ? byId.get(current.parentId) : undefined;
    return current?.id ?? null;
  };
  const columns = codes.filter((code) =>
    level === 'code' ? depth(code.id) >= wanted : depth(code.id) === wanted,
  );

  const rows =
    rowKind === 'case'
      ? listCases(db).map((row) => ({ id: row.id, name: row.name }))
      : rowKind === 'participant'
        ? listParticipants(db).map((row) => ({ id: row.id, name: row.name }))
        : listDocuments(db).map((row) => ({ id: row.id, name: row.title }));

  const context = new PassageContext(db);
  const turns = new Map<string, TurnStart[]>();
  const turnsOf = (documentId: string) => {
    let found = turns.get(documentId);
    if (!found) {
      found = JSON.parse(
        (db.prepare('SELECT turns FROM document WHERE id = ?').get(documentId) as { turns: string })
          .turns,
      ) as TurnStart[];
      turns.set(documentId, found);
    }
    return found;
  };
  const cells = new Map<string, { passages: number; documents: Set<string> }>();
  const codings = db.prepare('SELECT document_id, code_id, start FROM coding').all() as {
    document_id: string;
    code_id: string;
    start: number;
  }[];
  for (const coding of codings) {
    const column = columnOf(coding.code_id);
    if (!column) continue;
    let rowIds: string[];
    if (rowKind === 'document') rowIds = [coding.document_id];
    else {
      const resolved = context.resolve(
        coding.document_id,
        speakerAt(turnsOf(coding.document_id), coding.start),
      );
      rowIds = rowKind === 'case' ? resolved.caseIds : resolved.participantIds;
    }
    for (const rowId of rowIds) {
      const key = `${rowId}|${column}`;
      const cell = cells.get(key) ?? { passages: 0, documents: new Set<string>() };
      cell.passages += 1;
      cell.documents.add(coding.document_id);
      cells.set(key, cell);
    }
  }
  const summaries = db
    .prepare('SELECT row_id, code_id, summary FROM matrix_summary WHERE row_kind = ?')
    .all(rowKind) as {
    row_id: string;
    code_id: string;
    summary: string;
  }[];
  const summaryOf = new Map(summaries.map((row) => [`${row.row_id}|${row.code_id}`, row.summary]));
  const keys = new Set([...cells.keys(), ...summaryOf.keys()]);
  const rowIds = new Set(rows.map((row) => row.id));
  const columnIds = new Set(columns.map((column) => column.id));
  return {
    rowKind,
    level,
    rows,
    columns: columns.map((code) => ({ id: code.id, name: code.name, colour: code.colour })),
    cells: [...keys]
      .map((key) => {
        const [rowId, codeId] = key.split('|') as [string, string];
        const cell = cells.get(key);
        return {
          rowId,
          codeId,
          passages: cell?.passages ?? 0,
          documents: cell?.documents.size ?? 0,
          summary: summaryOf.get(key) ?? '',
        };
      })
      .filter((cell) => rowIds.has(cell.rowId) && columnIds.has(cell.codeId)),
  };
}

/** Writes (or, when empty, removes) a cell's summary. */
export function setMatrixSummary(
  db: Db,
  changes: ChangeSet,
  rowKind: MatrixRowKind,
  rowId: string,
  codeId: string,
  summary: string,
): void {
  if (!db.prepare('SELECT 1 FROM code WHERE id = ?').get(codeId))
    throw new AxialError('not_found', 'This code no longer exists.', { id: codeId });
  const table = rowKind === 'case' ? 'study_case' : rowKind;
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(rowId))
    throw new AxialError('not_found', `This ${rowKind} no longer exists.`, { id: rowId });
  const existing = db
    .prepare('SELECT id FROM matrix_summary WHERE row_kind = ? AND row_id = ? AND code_id = ?')
    .get(rowKind, rowId, codeId) as { id: string } | undefined;
  const text = summary.trim();
  if (!text) {
    if (existing) deleteRow(db, changes, 'matrix_summary', existing.id);
  } else if (existing) {
    updateRow(db, changes, 'matrix_summary', existing.id, { summary: text, modified_at: now() });
  } else {
    insertRow(db, changes, 'matrix_summary', {
      id: randomUUID(),
      row_kind: rowKind,
      row_id: rowId,
      code_id: codeId,
      summary: text,
      modified_at: now(),
    });
  }
}
