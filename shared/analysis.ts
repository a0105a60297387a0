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

export interface RatingScale {
  minimum: number;
  maximum: number;
  /** One label per value, from the minimum up; empty means the interface's default wording. */
  labels: string[];
}

export interface Rating {
  id: string;
  caseId: string;
  codeId: string;
  value: number | null;
  justification: string;
  /** Who last judged it ('' for a rating made before coders were recorded). */
  coder: string;
  /** Codings given as evidence (those still in the project). */
  evidence: string[];
}

export interface Ratings {
  scale: RatingScale;
  ratings: Rating[];
}

export interface ChartSettings {
  /** Horizontal and vertical axes of the 2×2 chart; null means the model's first two axes. */
  xCodeId: string | null;
  yCodeId: string | null;
  /** Quadrant labels: top left, top right, bottom left, bottom right; empty means the defaults. */
  quadrants: string[];
}

export interface CodeStatistics {
  codes: { codeId: string; passages: number; documents: number; cases: number }[];
  /** Pairs of codes applied to overlapping or the same passages, with how many such overlaps. */
  cooccurrences: { firstId: string; secondId: string; count: number }[];
}
