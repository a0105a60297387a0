import type { Matrix } from '../../shared/analysis';
import { writeCsvBytes } from './tables/csv';
import type { Cell } from './tables/cell';
import { writeXlsxSheets } from './tables/workbookWriter';

export interface MatrixLabels {
  row: string;
  column: string;
  passages: string;
  documents: string;
  summary: string;
}

/** The matrix for a spreadsheet: one sheet of passage counts, one of document counts, one of summaries. */
export async function matrixToXlsx(matrix: Matrix, labels: MatrixLabels): Promise<Uint8Array> {
  const cell = (rowId: string, codeId: string) =>
    matrix.cells.find((candidate) => candidate.rowId === rowId && candidate.codeId === codeId);
  const sheet = (value: (rowId: string, codeId: string) => Cell): Cell[][] => [
    [labels.row, ...matrix.columns.map((column) => column.name)],
    ...matrix.rows.map((row) => [
      row.name,
      ...matrix.columns.map((column) => value(row.id, column.id)),
    ]),
  ];
  return writeXlsxSheets([
    { name: labels.passages, rows: sheet((rowId, codeId) => cell(rowId, codeId)?.passages ?? 0) },
    { name: labels.documents, rows: sheet((rowId, codeId) => cell(rowId, codeId)?.documents ?? 0) },
    { name: labels.summary, rows: sheet((rowId, codeId) => cell(rowId, codeId)?.summary || null) },
  ]);
}

/** The matrix as a tidy CSV: one line per row × column, for R or a spreadsheet. */
export function matrixToCsv(
  matrix: Matrix,
  labels: MatrixLabels,
  delimiter: ',' | ';',
  bom: boolean,
): Uint8Array {
  const lines: string[][] = [
    [labels.row, labels.column, labels.passages, labels.documents, labels.summary],
  ];
  for (const row of matrix.rows) {
    for (const column of matrix.columns) {
      const cell = matrix.cells.find(
        (candidate) => candidate.rowId === row.id && candidate.codeId === column.id,
      );
      lines.push([
        row.name,
        column.name,
        String(cell?.passages ?? 0),
        String(cell?.documents ?? 0),
        cell?.summary ?? '',
      ]);
    }
  }
  return writeCsvBytes(lines, delimiter, bom);
}
