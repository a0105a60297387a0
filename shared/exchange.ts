/** Coded datasets and REFI-QDA exchange: what crosses between the interface and the main process. */

export const datasetTables = ['passages', 'codeByCase', 'codeByParticipant'] as const;
export type DatasetTable = (typeof datasetTables)[number];

export const datasetValues = ['counts', 'binary'] as const;
export type DatasetValues = (typeof datasetValues)[number];

export interface DatasetScope {
  /** Codes kept (with their sub-codes); empty or absent means every code. */
  codeIds?: string[];
  caseIds?: string[];
  documentIds?: string[];
}

export interface ExportedFile {
  fileName: string;
  data: Uint8Array;
  mimeType: string;
}

/** How the selections of an imported project count characters. */
export const offsetCountings = ['codePoints', 'utf16', 'codePointsCrlf', 'utf16Crlf'] as const;
export type OffsetCounting = (typeof offsetCountings)[number];

/**
 * Why selections were counted so: the researcher chose; Axial's own file; the
 * standard; the file's origin names a program known to count otherwise; or
 * only that counting puts every selection inside its text.
 */
export const countingBases = ['chosen', 'axial', 'standard', 'origin', 'fit'] as const;

export interface CountingDecision {
  counting: OffsetCounting;
  basis: (typeof countingBases)[number];
  /** The program the origin names, for basis 'origin' (and 'axial'). */
  program: string | null;
}

export interface ExchangeWarning {
  /** A key of `exchangeWarnings` in the translations. */
  kind:
    | 'missingSource'
    | 'selectionOutside'
    | 'unknownCode'
    | 'unsupportedSource'
    | 'duplicateName'
    | 'badValue'
    | 'truncated'
    | 'badSelection'
    | 'badIdentifier';
  /** The source, code or variable concerned, by name. */
  item: string;
}

export interface ExchangeImportReport {
  sources: number;
  codes: number;
  codings: number;
  cases: number;
  participants: number;
  variables: number;
  notes: number;
  /** How selections were counted, and why; null when no selection had to be placed. */
  counting: CountingDecision | null;
  warnings: ExchangeWarning[];
}

/** What an Axial project holds that the REFI-QDA standard has no place for. */
export const notCarriedByRefi = [
  'guides',
  'answers',
  'ratings',
  'matrixSummaries',
  'chart',
] as const;
export type NotCarriedByRefi = (typeof notCarriedByRefi)[number];

export interface RefiExport {
  file: ExportedFile;
  /** What this project holds that the standard cannot carry, told to the researcher after the export. */
  notExported: NotCarriedByRefi[];
}
