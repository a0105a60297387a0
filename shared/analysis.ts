/** The framework matrix: rows are cases, participants or documents; columns the model at one level. */

export const matrixRowKinds = ['case', 'participant', 'document'] as const;
export type MatrixRowKind = (typeof matrixRowKinds)[number];

export const matrixLevels = ['axis', 'variable', 'code'] as const;
export type MatrixLevel = (typeof matrixLevels)[number];

export interface MatrixCell {
  rowId: string;
  codeId: string;
  passages: number;
  documents: number;
  summary: string;
}

export interface Matrix {
  rowKind: MatrixRowKind;
  level: MatrixLevel;
  rows: { id: string; name: string }[];
  columns: { id: string; name: string; colour: string }[];
  /** Only cells with passages or a summary. */
  cells: MatrixCell[];
}
