import type { TFunction } from 'i18next';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartModel,
  chartSvg,
  estimateWidth,
} from '../../shared/chart/governanceChart';
import type { ReportBlock, ReportContent, ReportPart } from '../../shared/report';
import { translator } from '../exchange/translator';
import { listCases } from '../store/cases';
import { listCodes } from '../store/codes';
import type { Db } from '../store/database';
import { getGuide, listGuides } from '../store/guides';
import { getProject } from '../store/project';
import { listQuotations } from '../store/quotations';
import { getChart, listRatings } from '../store/ratings';
import { reportLayout } from '../store/reportLayout';
import { typologyOf } from '../store/typology';
import type { TableDraft } from './attributeTables';
import { caseTable, participantTable } from './attributeTables';
import {
  codebookTable,
  matrixTable,
  presenceTable,
  quotationGroups,
  staleShortForms,
  typologyTable,
} from './codedParts';
import { guideTable } from './guideTable';

/**
 * The report as its blocks say, read from the project as it is now: tables
 * and figures numbered in the researcher's order, captions in the project's
 * language, and a block that cannot be drawn saying why.
 */
export function reportContent(
  db: Db,
  path: string,
  blocks: readonly ReportBlock[] = reportLayout(db).blocks,
): ReportContent {
  const project = getProject(db, path);
  const language = project.language;
  const t = translator(language);
  const number = new Intl.NumberFormat(language, { useGrouping: 'min2' });
  const codes = listCodes(db);
  const codeName = (id: string) => codes.find((code) => code.id === id)?.name;
  let tables = 0;
  let figures = 0;
  const table = (blockId: string, draft: TableDraft, caption: string): ReportPart => {
    tables += 1;
    return {
      kind: 'table',
      blockId,
      label: t('report.tableLabel', { number: tables }),
      number: tables,
      caption,
      head: draft.head,
      rows: draft.rows,
      notes: draft.notes,
    };
  };
  const notice = (blockId: string, text: string): ReportPart => ({ kind: 'notice', blockId, text });
  const own = (block: { caption: string }, fallback: string) => block.caption.trim() || fallback;

  const draw = (block: ReportBlock): ReportPart[] => {
    switch (block.kind) {
      case 'heading':
        return [{ kind: 'heading', blockId: block.id, text: block.text }];
      case 'caseTable':
        return [
          table(
            block.id,
            caseTable(db, block, language, t),
            own(block, t('report.captions.cases')),
          ),
        ];
      case 'participantTable':
        return [
          table(
            block.id,
            participantTable(db, block, language, t),
            own(block, t('report.captions.participants')),
          ),
        ];
      case 'guideTable': {
        const guideId = block.guideId ?? listGuides(db)[0]?.id;
        const guide = guideId ? safely(() => getGuide(db, guideId)) : null;
        if (!guide) return [notice(block.id, t('report.gone.guide'))];
        return [
          table(
            block.id,
            guideTable(guide, t),
            // A title that says it is a guide is the caption whole ("Guide d'entretien — …").
            own(
              block,
              /guide/iu.test(guide.title)
                ? guide.title
                : t('report.captions.guide', { title: guide.title }),
            ),
          ),
        ];
      }
      case 'typology': {
        const name = codeName(block.codeId);
        if (name === undefined) return [notice(block.id, t('report.gone.code'))];
        const typology = typologyOf(db, block.codeId);
        const parts = [
          table(
            block.id,
            typologyTable(typology, number, t),
            own(block, t('report.captions.typology', { code: name })),
          ),
        ];
        if (block.presence !== 'none')
          parts.push(
            table(
              block.id,
              presenceTable(typology, block.presence === 'counts', number, t),
              t('report.captions.presence', { code: name }),
            ),
          );
        return parts;
      }
      case 'quotations': {
        if (block.codeId && codeName(block.codeId) === undefined)
          return [notice(block.id, t('report.gone.code'))];
        const quotations = listQuotations(db);
        const groups = quotationGroups(quotations, codes, block.codeId, t);
        if (!groups.length) return [notice(block.id, t('report.gone.quotations'))];
        return [
          {
            kind: 'quotations',
            blockId: block.id,
            caption: own(
              block,
              block.codeId
                ? t('report.captions.quotationsOf', { code: codeName(block.codeId) })
                : t('report.captions.quotations'),
            ),
            groups,
            notes: staleShortForms(quotations) ? [t('report.notes.shortFormsStale')] : [],
          },
        ];
      }
      case 'codebook': {
        if (block.codeId && codeName(block.codeId) === undefined)
          return [notice(block.id, t('report.gone.code'))];
        if (!codes.length) return [notice(block.id, t('report.gone.codebook'))];
        return [
          table(
            block.id,
            codebookTable(codes, block.codeId, t),
            own(block, t('report.captions.codebook')),
          ),
        ];
      }
      case 'matrix':
        return [
          table(
            block.id,
            matrixTable(db, block, number, t),
            own(
              block,
              t('report.captions.matrix', {
                rows: t(`report.rowKindsInText.${block.rowKind}`),
                level: t(`report.levels.${block.level}`),
              }),
            ),
          ),
        ];
      case 'chart':
        return [chartFigure(db, block, t, number, () => (figures += 1))];
    }
  };

  return { title: project.title, language, parts: blocks.flatMap(draw) };
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function chartFigure(
  db: Db,
  block: Extract<ReportBlock, { kind: 'chart' }>,
  t: TFunction,
  number: Intl.NumberFormat,
  nextNumber: () => number,
): ReportPart {
  const codes = listCodes(db, { counts: false });
  const settings = getChart(db);
  const axes = codes.filter((code) => code.parentId === null);
  const xAxis = codes.find((code) => code.id === settings.xCodeId) ?? axes[0];
  const yAxis = codes.find((code) => code.id === settings.yCodeId) ?? axes[1];
  if (!xAxis || !yAxis || xAxis.id === yAxis.id)
    return { kind: 'notice', blockId: block.id, text: t('report.gone.axes') };
  const ratings = listRatings(db);
  const quadrants = (['topLeft', 'topRight', 'bottomLeft', 'bottomRight'] as const).map(
    (key, index) =>
      settings.quadrants[index] || t(`chart.quadrants.${key}`, { x: xAxis.name, y: yAxis.name }),
  );
  const model = chartModel({
    cases: listCases(db),
    xAxis,
    yAxis,
    scale: ratings.scale,
    ratings: ratings.ratings,
    quadrants,
    colourAttributeId: null,
    words: { noValue: t('chart.noValue'), onLine: t('chart.onLine') },
    measure: (text) => estimateWidth(text),
  });
  if (!model.points.length)
    return { kind: 'notice', blockId: block.id, text: t('report.gone.ratings') };
  const title = t('chart.title', { x: xAxis.name, y: yAxis.name });
  const figure = nextNumber();
  return {
    kind: 'figure',
    blockId: block.id,
    label: t('report.figureLabel', { number: figure }),
    number: figure,
    caption: block.caption.trim() || title,
    // The caption is the figure's title: the image does not say it twice.
    svg: chartSvg(model, { title: '', formatNumber: (value) => number.format(value) }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    notes: [
      t('report.notes.chart', { x: xAxis.name, y: yAxis.name }),
      ...(model.unrated.length
        ? [
            t('report.notes.unrated', {
              count: model.unrated.length,
              cases: model.unrated.join(', '),
            }),
          ]
        : []),
    ],
  };
}
