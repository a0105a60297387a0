import { randomUUID } from 'node:crypto';
import type { ReportBlock } from '../../shared/report';
import { participantCaseColumn } from '../../shared/report';
import type { Db } from '../store/database';
import type { ChangeSet } from '../store/journal';
import { markQuotation } from '../store/quotations';
import { setChart } from '../store/ratings';
import { saveReportLayout } from '../store/reportLayout';
import type { DemoStudy } from './demoData';

/** What the demo's report needs of the study it builds: its names become ids. */
export interface DemoNames {
  codeId: (name: string) => string;
  attributeId: (kind: 'case' | 'participant', name: string) => string;
  codingId: (document: string, quote: string) => string;
  caseAttributeIds: string[];
}

/**
 * The demo's key quotations, its chart's quadrants and its report, the article's shape: Table 1's
 * cases, Table 2's people, the guide, the mechanisms typology, the chart.
 */
export function buildDemoReport(
  db: Db,
  changes: ChangeSet,
  study: DemoStudy,
  names: DemoNames,
): void {
  for (const quotation of study.quotations)
    markQuotation(
      db,
      changes,
      names.codingId(quotation.document, quotation.quote),
      quotation.shortForm ?? '',
    );
  if (study.chart)
    setChart(db, changes, { xCodeId: null, yCodeId: null, quadrants: study.chart.quadrants });
  const blocks = study.report.map((entry): ReportBlock => {
    const id = randomUUID();
    const caption = entry.caption ?? '';
    const codeId = entry.code ? names.codeId(entry.code) : null;
    switch (entry.kind) {
      case 'caseTable':
        return {
          id,
          kind: entry.kind,
          columns: entry.columns
            ? entry.columns.map((name) => names.attributeId('case', name))
            : names.caseAttributeIds,
          casesAsColumns: entry.casesAsColumns ?? false,
          caption: '',
        };
      case 'participantTable':
        return {
          id,
          kind: entry.kind,
          columns: [
            participantCaseColumn,
            ...(entry.columns ?? []).map((name) => names.attributeId('participant', name)),
          ],
          caption: '',
        };
      case 'guideTable':
        return { id, kind: entry.kind, guideId: null, caption: '' };
      case 'typology':
        return { id, kind: entry.kind, codeId: codeId!, presence: 'ticks', caption: '' };
      case 'quotations':
      case 'codebook':
        return { id, kind: entry.kind, codeId, caption: '' };
      case 'matrix':
        return {
          id,
          kind: entry.kind,
          rowKind: 'case',
          level: 'variable',
          cells: 'passages',
          caption: '',
        };
      case 'chart':
        return { id, kind: entry.kind, caption };
    }
  });
  if (blocks.length) saveReportLayout(db, changes, blocks);
}
