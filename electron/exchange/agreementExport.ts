import type { AgreementFigures } from '../../shared/agreement/agreement';
import type { AgreementReport } from '../../shared/agreement/report';
import type { Language } from '../../shared/domain';
import { writeCsvBytes } from './tables/csv';
import type { Cell } from './tables/xlsx';
import { writeXlsxSheets } from './tables/xlsx';
import { translator } from './translator';

/** The figures' columns, in the order a methods section reports them. */
function figureCells(figures: AgreementFigures): Cell[] {
  const { units, segments } = figures;
  return [
    figures.percentAgreement,
    figures.kappa,
    figures.alpha,
    figures.segmentAgreement,
    segments.matched,
    segments.matched + segments.unmatched,
    units.both,
    units.firstOnly,
    units.secondOnly,
    units.neither,
  ];
}

/** The report as rows: what was compared, then one line per code and the pooled line. */
export function agreementRows(report: AgreementReport, language: Language): Cell[][] {
  const t = translator(language);
  const [first, second] = report.coders;
  const header = [
    t('agreement.report.codePath'),
    t('agreement.report.code'),
    t('agreement.report.percentAgreement'),
    t('agreement.report.kappa'),
    t('agreement.report.alpha'),
    t('agreement.report.segmentAgreement', { percent: Math.round(report.threshold * 100) }),
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

/** What the figures rest on, for the methods section: coders, documents, units, threshold. */
function aboutRows(report: AgreementReport, language: Language): Cell[][] {
  const t = translator(language);
  return [
    [t('agreement.report.coders'), report.coders.join(' · ')],
    [
      t('agreement.report.documents'),
      report.documents.map((document) => document.title).join(' · '),
    ],
    [t('agreement.report.units'), t('agreement.report.unitsAre')],
    [t('agreement.report.threshold'), report.threshold],
  ];
}

export async function agreementToXlsx(
  report: AgreementReport,
  language: Language,
): Promise<Uint8Array> {
  const t = translator(language);
  return writeXlsxSheets([
    { name: t('agreement.report.sheet'), rows: agreementRows(report, language) },
    { name: t('agreement.report.aboutSheet'), rows: aboutRows(report, language) },
  ]);
}

/** One table, numbers unformatted (a decimal comma in French Excel's dialect). */
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
    agreementRows(report, language).map((row) => row.map(text)),
    frenchExcel ? ';' : ',',
    frenchExcel,
  );
}
