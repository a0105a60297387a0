import type { MatrixRowKind } from '../../shared/analysis';
import type { analysisContract } from '../../shared/contract/analysis';
import type { Language } from '../../shared/domain';
import type { DomainHandlers } from '../api/handlers';
import type { MatrixLabels } from '../exchange/matrixExport';
import { matrixToCsv, matrixToXlsx } from '../exchange/matrixExport';
import { buildMatrix, setMatrixSummary } from '../store/matrix';
import { getProject } from '../store/project';
import { codeStatistics } from '../store/statistics';
import {
  getChart,
  linkEvidence,
  listRatings,
  setChart,
  setRating,
  setScale,
} from '../store/ratings';

const words: Record<Language, Omit<MatrixLabels, 'row'> & { rows: Record<MatrixRowKind, string> }> =
  {
    en: {
      rows: { case: 'Case', participant: 'Participant', document: 'Document' },
      column: 'Column',
      passages: 'Passages',
      documents: 'Documents',
      summary: 'Summary',
    },
    fr: {
      rows: { case: 'Cas', participant: 'Participant', document: 'Document' },
      column: 'Colonne',
      passages: 'Passages',
      documents: 'Documents',
      summary: 'Synthèse',
    },
  };

export const analysisHandlers: DomainHandlers<typeof analysisContract> = {
  'matrix.get': (context, { rowKind, level }) =>
    buildMatrix(context.session.require().db, rowKind, level),
  'matrix.setSummary': (context, { rowKind, rowId, codeId, summary }) => {
    const { db, history } = context.session.require();
    history.run(db, 'writeSummary', (changes) =>
      setMatrixSummary(db, changes, rowKind, rowId, codeId, summary),
    );
    return null;
  },
  'ratings.list': (context) => listRatings(context.session.require().db),
  'ratings.set': (context, { caseId, codeId, value, justification }) => {
    const { db, history } = context.session.require();
    history.run(db, 'rate', (changes) =>
      setRating(db, changes, caseId, codeId, { value, justification }, context.coder),
    );
    return listRatings(db);
  },
  'ratings.linkEvidence': (context, { caseId, codeId, codingId, linked }) => {
    const { db, history } = context.session.require();
    history.run(db, 'linkEvidence', (changes) =>
      linkEvidence(db, changes, caseId, codeId, codingId, linked),
    );
    return listRatings(db);
  },
  'ratings.setScale': (context, scale) => {
    const { db, history } = context.session.require();
    history.run(db, 'changeScale', (changes) => setScale(db, changes, scale));
    return listRatings(db);
  },
  'codes.statistics': (context) => codeStatistics(context.session.require().db),
  'chart.get': (context) => getChart(context.session.require().db),
  'chart.set': (context, settings) => {
    const { db, history } = context.session.require();
    history.run(db, 'changeChart', (changes) => setChart(db, changes, settings));
    return getChart(db);
  },
  'matrix.export': async (context, { rowKind, level, format, csvStyle }) => {
    const { db, path } = context.session.require();
    const matrix = buildMatrix(db, rowKind, level);
    const language = words[getProject(db, path).language];
    const labels: MatrixLabels = { ...language, row: language.rows[rowKind] };
    const fileName = `matrix-${rowKind}-${level}`;
    if (format === 'xlsx') {
      return {
        fileName: `${fileName}.xlsx`,
        data: await matrixToXlsx(matrix, labels),
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    }
    const french = csvStyle === 'excel-fr';
    return {
      fileName: `${fileName}.csv`,
      data: Buffer.from(matrixToCsv(matrix, labels, french ? ';' : ',', french)),
      mimeType: 'text/csv',
    };
  },
};
