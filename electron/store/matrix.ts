import { randomUUID } from 'node:crypto';
import type { Matrix, MatrixLevel, MatrixRowKind } from '../../shared/analysis';
import { AxialError } from '../../shared/errors';
import { listCases, listParticipants } from './cases';
import { listCodes } from './codes';
import { now } from './clock';
import type { Db } from './database';
import { speakerAt, turnsReader } from './documentText';
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
  const codes = listCodes(db, { counts: false });
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
  const columnCache = new Map<string, string | null>();
  const columnOf = (codeId: string): string | null => {
    let found = columnCache.get(codeId);
    if (found === undefined) {
      found = findColumn(codeId);
      columnCache.set(codeId, found);
    }
    return found;
  };
  const findColumn = (codeId: string): string | null => {
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
  const turnsOf = turnsReader(db);
  // Counting in typed arrays indexed by row × column: 50,000 codings in a few milliseconds.
  const rowIndex = new Map(rows.map((row, index) => [row.id, index]));
  const columnIndex = new Map(columns.map((column, index) => [column.id, index]));
  const width = columns.length;
  const passages = new Int32Array(rows.length * width);
  const documentCounts = new Int32Array(rows.length * width);
  const documentNumbers = new Map<string, number>();
  // Which documents each cell has seen: one byte per cell and document.
  const seen = new Map<number, Uint8Array>();
  const codeColumn = new Map<string, number>();
  const columnNumber = (codeId: string): number => {
    let found = codeColumn.get(codeId);
    if (found === undefined) {
      const column = columnOf(codeId);
      found = column === null ? -1 : (columnIndex.get(column) ?? -1);
      codeColumn.set(codeId, found);
    }
    return found;
  };
  // A resolved (document, speaker) stands for thousands of codings: its rows are listed once.
  const rowsOfResolved = new WeakMap<object, number[]>();
  const rowsFor = (resolved: { participantIds: string[]; caseIds: string[] }): number[] => {
    let found = rowsOfResolved.get(resolved);
    if (!found) {
      const ids = rowKind === 'case' ? resolved.caseIds : resolved.participantIds;
      found = ids
        .map((id) => rowIndex.get(id))
        .filter((index): index is number => index !== undefined);
      rowsOfResolved.set(resolved, found);
    }
    return found;
  };
  const codings = db.prepare('SELECT document_id, code_id, start FROM coding').raw().all() as [
    string,
    string,
    number,
  ][];
  // Codings come mostly grouped by document: what depends on the document alone is looked up
  // when it changes, not per coding.
  let currentDocument: string | null = null;
  let documentNumber = 0;
  let turns: ReturnType<typeof turnsOf> | null = null;
  let fixedRows: number[] | null = null;
  for (const [documentId, codeId, start] of codings) {
    const column = columnNumber(codeId);
    if (column < 0) continue;
    if (documentId !== currentDocument) {
      currentDocument = documentId;
      let number = documentNumbers.get(documentId);
      if (number === undefined) {
        number = documentNumbers.size;
        documentNumbers.set(documentId, number);
      }
      documentNumber = number;
      if (rowKind === 'document') {
        const index = rowIndex.get(documentId);
        fixedRows = index === undefined ? [] : [index];
        turns = null;
      } else if (context.speakerMatters(documentId)) {
        // The turn's speaker is looked up only where it can change the answer.
        fixedRows = null;
        turns = turnsOf(documentId);
      } else {
        fixedRows = rowsFor(context.resolve(documentId, null));
        turns = null;
      }
    }
    const rowsHere = fixedRows ?? rowsFor(context.resolve(documentId, speakerAt(turns!, start)));
    for (const row of rowsHere) {
      const cell = row * width + column;
      passages[cell] = passages[cell]! + 1;
      let cellSeen = seen.get(cell);
      if (!cellSeen) seen.set(cell, (cellSeen = new Uint8Array(1024)));
      if (documentNumber >= cellSeen.length) {
        const grown = new Uint8Array(Math.max(cellSeen.length * 2, documentNumber + 1));
        grown.set(cellSeen);
        seen.set(cell, (cellSeen = grown));
      }
      if (!cellSeen[documentNumber]) {
        cellSeen[documentNumber] = 1;
        documentCounts[cell] = documentCounts[cell]! + 1;
      }
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
  const cells: Matrix['cells'] = [];
  rows.forEach((row, rowNumber) => {
    columns.forEach((column, columnNumberInRow) => {
      const cell = rowNumber * width + columnNumberInRow;
      const summary = summaryOf.get(`${row.id}|${column.id}`) ?? '';
      if (passages[cell] === 0 && !summary) return;
      cells.push({
        rowId: row.id,
        codeId: column.id,
        passages: passages[cell]!,
        documents: documentCounts[cell]!,
        summary,
      });
    });
  });
  return {
    rowKind,
    level,
    rows,
    columns: columns.map((code) => ({ id: code.id, name: code.name, colour: code.colour })),
    cells,
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
