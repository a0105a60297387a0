import type { AgreementFigures } from '../../shared/agreement/agreement';
import type { AgreementReport } from '../../shared/agreement/report';
import { FEW_CODINGS, fewCodings } from '../../shared/agreement/report';
import type { Language } from '../../shared/domain';
import { writeCsvBytes } from './tables/csv';
import type { NumberFormat, WorkbookSheet } from './tables/workbookWriter';
import type { Cell } from './tables/cell';
import { writeXlsxSheets } from './tables/workbookWriter';
import { translator } from './translator';

/** What the export says about itself: the project it comes from, and when it was made. */
export interface AgreementExportContext {
  /** The interface language: the researcher reads the headers in the language they work in. */
  language: Language;
  projectTitle: string;
  exportedAt: Date;
}

/** Three decimals, as a methods section reports κ and α (and shares, 91.2 %); never a negative zero. */
export function rounded(value: number | null): number | null {
  if (value === null) return null;
  return Math.round(value * 1000) / 1000 || 0;
}

/**
 * The figures' columns, in the order a methods section reports them: the
 * chance-corrected coefficients first, percent agreement (inflated by the text
 * neither coder coded) after them.
 */
function figureCells(figures: AgreementFigures): Cell[] {
  const { units, segments } = figures;
  return [
    rounded(figures.kappa),
    rounded(figures.alpha),
    rounded(figures.percentAgreement),
    rounded(figures.segmentAgreement),
    segments.matched,
    segments.matched + segments.unmatched,
    units.both,
    units.firstOnly,
    units.secondOnly,
    units.neither,
  ];
}

/** How each column of the table shows and how wide it is, in characters. */
const tableColumns: { width: number; format?: NumberFormat }[] = [
  { width: 36 },
  { width: 24 },
  { width: 12, format: 'coefficient' },
  { width: 14, format: 'coefficient' },
  { width: 14, format: 'percent' },
  { width: 16, format: 'percent' },
  { width: 12, format: 'count' },
  { width: 10, format: 'count' },
  { width: 14, format: 'count' },
  { width: 14, format: 'count' },
  { width: 14, format: 'count' },
  { width: 14, format: 'count' },
];

/**
 * The report as rows: the header, one line per code and the pooled line.
 * Shares are fractions (0.912): a percent format shows them in a workbook; a
 * CSV's header says so.
 */
export function agreementRows(
  report: AgreementReport,
  language: Language,
  sharesAsFractions = false,
): Cell[][] {
  const t = translator(language);
  const [first, second] = report.coders;
  const share = (header: string) =>
    sharesAsFractions ? t('agreement.report.fraction', { header }) : header;
  const header = [
    t('agreement.report.codePath'),
    t('agreement.report.code'),
    t('agreement.report.kappa'),
    t('agreement.report.alpha'),
    share(t('agreement.report.percentAgreement')),
    share(t('agreement.report.segmentAgreement', { percent: Math.round(report.threshold * 100) })),
    t('agreement.report.segmentsMatched'),
    t('agreement.report.segments'),
    t('agreement.report.unitsBoth'),
    t('agreement.report.unitsOnly', { coder: first }),
    t('agreement.report.unitsOnly', { coder: second }),
    t('agreement.report.unitsNeither'),
  ];
  return [
    header,
    ...report.codes.map((code) => [code.path.join(' / '), code.name, ...figureCells(code)]),
    [t('agreement.report.overall'), '', ...figureCells(report.overall)],
  ];
}

/** The local day, as a date cell shows it (a date is a day at midnight UTC). */
function day(moment: Date): Date {
  return new Date(Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate()));
}

/** What the figures rest on, for the methods section: when, which project, coders, N, threshold. */
function methodRows(report: AgreementReport, context: AgreementExportContext): Cell[][] {
  const t = translator(context.language);
  const percent = new Intl.NumberFormat(context.language, { style: 'percent' });
  const rows: Cell[][] = [
    [t('agreement.report.project'), context.projectTitle],
    [t('agreement.report.exportedOn'), day(context.exportedAt)],
    [t('agreement.report.coders'), report.coders.join(' · ')],
    [t('agreement.report.documentCount'), report.documents.length],
    [
      t('agreement.report.documents'),
      report.documents.map((document) => document.title).join(' · '),
    ],
    [t('agreement.report.unitCount'), report.units],
    [t('agreement.report.units'), t('agreement.report.unitsAre')],
    [t('agreement.report.threshold'), percent.format(report.threshold)],
  ];
  const few = report.codes.filter(fewCodings);
  if (few.length)
    rows.push([
      t('agreement.report.fewCodings', { count: FEW_CODINGS }),
      few.map((code) => code.path.join(' / ')).join(' · '),
    ]);
  report.coders.forEach((coder, side) => {
    const uncoded = report.documents.filter((document) => document.codings[side] === 0);
    if (uncoded.length)
      rows.push([
        t('agreement.report.notCodedBy', { coder }),
        uncoded.map((document) => document.title).join(' · '),
      ]);
  });
  return rows;
}

export async function agreementToXlsx(
  report: AgreementReport,
  context: AgreementExportContext,
): Promise<Uint8Array> {
  const t = translator(context.language);
  const sheets: WorkbookSheet[] = [
    {
      name: t('agreement.report.sheet'),
      rows: agreementRows(report, context.language),
      columns: tableColumns,
      wrapHeader: true,
    },
    {
      name: t('agreement.report.aboutSheet'),
      rows: methodRows(report, context),
      columns: [{ width: 40 }, { width: 90, format: 'count' }],
      frozen: false,
    },
  ];
  return writeXlsxSheets(sheets);
}

/**
 * One table, for R or a spreadsheet: no lines above the header, figures
 * rounded, shares as fractions (with a decimal comma in French Excel's dialect).
 */
export function agreementToCsv(
  report: AgreementReport,
  language: Language,
  frenchExcel: boolean,
): Uint8Array {
  const text = (cell: Cell) =>
    cell === null
      ? ''
      : typeof cell === 'number'
        ? frenchExcel
          ? String(cell).replace('.', ',')
          : String(cell)
        : String(cell);
  return writeCsvBytes(
    agreementRows(report, language, true).map((row) => row.map(text)),
    frenchExcel ? ';' : ',',
    frenchExcel,
  );
}

/** The export's file name, in the interface language: "agreement-Amélie-Bruno", "accord-Amélie-Bruno". */
export function agreementFileName(report: AgreementReport, language: Language): string {
  const [first, second] = report.coders;
  return translator(language)('agreement.report.fileName', { first, second })
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '_');
}
