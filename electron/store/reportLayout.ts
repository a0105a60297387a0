import type { ReportBlock, ReportLayout } from '../../shared/report';
import { participantCaseColumn, reportBlockSchema } from '../../shared/report';
import { listAttributes } from './attributes';
import type { Db } from './database';
import { listGuides } from './guides';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';

interface BlockRow {
  id: string;
  kind: string;
  options: string;
  position: number;
}

/**
 * The report a project gets before its researcher arranges one: the cases'
 * and the participants' tables with every attribute, the guide, the
 * codebook, the matrix, the key quotations and the chart.
 */
export function usualReport(db: Db): ReportBlock[] {
  const attributes = listAttributes(db);
  const of = (kind: 'case' | 'participant') =>
    attributes
      .filter((attribute) => attribute.entityKind === kind)
      .map((attribute) => attribute.id);
  const caseCount = Number(db.prepare('SELECT COUNT(*) FROM study_case').pluck().get());
  // The same ids each time it is read, so the blocks on screen stay the same blocks.
  let next = 0;
  const usualId = () => `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`;
  return [
    // Up to eight cases fit side by side on a page, as the article sets its six.
    {
      id: usualId(),
      kind: 'caseTable',
      columns: of('case'),
      casesAsColumns: caseCount <= 8,
      caption: '',
    },
    {
      id: usualId(),
      kind: 'participantTable',
      columns: [participantCaseColumn, ...of('participant')],
      caption: '',
    },
    ...(listGuides(db).length
      ? [{ id: usualId(), kind: 'guideTable' as const, guideId: null, caption: '' }]
      : []),
    { id: usualId(), kind: 'codebook', codeId: null, caption: '' },
    {
      id: usualId(),
      kind: 'matrix',
      rowKind: 'case',
      level: 'variable',
      cells: 'passages',
      caption: '',
    },
    { id: usualId(), kind: 'quotations', codeId: null, caption: '' },
    { id: usualId(), kind: 'chart', caption: '' },
  ];
}

/** The researcher's blocks in their order, or the usual report while none is arranged. */
export function reportLayout(db: Db): ReportLayout {
  const rows = db
    .prepare('SELECT id, kind, options, position FROM report_block ORDER BY position, id')
    .all() as BlockRow[];
  if (!rows.length) return { blocks: usualReport(db), arranged: false };
  return {
    blocks: rows.flatMap((row) => {
      const parsed = reportBlockSchema.safeParse({
        ...(JSON.parse(row.options) as object),
        id: row.id,
        kind: row.kind,
      });
      return parsed.success ? [parsed.data] : [];
    }),
    arranged: true,
  };
}

/** The report's blocks become these, in this order: one step to undo. */
export function saveReportLayout(db: Db, changes: ChangeSet, blocks: readonly ReportBlock[]): void {
  const held = new Map(
    (db.prepare('SELECT id, kind, options, position FROM report_block').all() as BlockRow[]).map(
      (row) => [row.id, row],
    ),
  );
  const kept = new Set(blocks.map((block) => block.id));
  for (const id of held.keys()) if (!kept.has(id)) deleteRow(db, changes, 'report_block', id);
  blocks.forEach((block, position) => {
    const { id, kind, ...rest } = block;
    const options = JSON.stringify(rest);
    const row = held.get(id);
    if (!row) insertRow(db, changes, 'report_block', { id, kind, options, position });
    else if (row.kind !== kind || row.options !== options || row.position !== position)
      updateRow(db, changes, 'report_block', id, { kind, options, position });
  });
}
