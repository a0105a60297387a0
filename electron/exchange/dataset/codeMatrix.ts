import type { MatrixLevel } from '../../../shared/analysis';
import type { Language } from '../../../shared/domain';
import type { DatasetScope, DatasetValues } from '../../../shared/exchange';
import { listCases, listParticipants } from '../../store/cases';
import type { Db } from '../../store/database';
import type { Cell } from '../tables/cell';
import { translator } from '../translator';
import type { PassageRow, PassageTable } from './passageRows';
import { codeAncestry } from './passageRows';

/** What a matrix reads of the passages: their code, cases and participants. */
export interface MatrixSource {
  codes: PassageTable['codes'];
  rows: readonly Pick<PassageRow, 'codeId' | 'caseIds' | 'participantIds'>[];
}

const depthOf: Record<Exclude<MatrixLevel, 'code'>, number> = { axis: 0, variable: 1 };

/**
 * Codes (at the chosen level) × cases or participants: how many passages, or
 * whether any (0/1). A passage counts for every case or participant it belongs
 * to, as in the framework matrix.
 */
export function codeMatrix(
  db: Db,
  table: MatrixSource,
  kind: 'case' | 'participant',
  level: MatrixLevel,
  values: DatasetValues,
  scope: DatasetScope,
  language: Language,
  /** The count matrix of the same kind, already made: the 0-1 matrix is read from it. */
  counted?: { cells: Cell[][]; dictionary: string[][] },
): { cells: Cell[][]; dictionary: string[][] } {
  if (counted && values === 'binary') {
    const t = translator(language);
    const [header, ...rows] = counted.cells;
    return {
      cells: [
        header!,
        ...rows.map(([id, path, ...counts]) => [
          id!,
          path!,
          ...counts.map((count) => (Number(count) > 0 ? 1 : 0)),
        ]),
      ],
      dictionary: counted.dictionary.map((line, index) =>
        index < 3
          ? line
          : [line[0]!, line[1]!, t(`dataset.matrixColumn.${kind}.binary`, { name: line[0]! })],
      ),
    };
  }
  const byId = new Map(table.codes.map((code) => [code.id, code]));
  const wantedCases = scope.caseIds?.length ? new Set(scope.caseIds) : null;
  const entities = (
    kind === 'case'
      ? listCases(db).map((row) => ({ id: row.id, name: row.name, caseId: row.id }))
      : listParticipants(db).map((row) => ({ id: row.id, name: row.name, caseId: row.caseId }))
  ).filter((entity) => !wantedCases || (entity.caseId !== null && wantedCases.has(entity.caseId)));

  const entityIds = new Set(entities.map((entity) => entity.id));
  // Once per code, not once per passage.
  const columns = new Map<string, string | null>();
  const columnOf = (codeId: string): string | null => {
    if (level === 'code') return codeId;
    let column = columns.get(codeId);
    if (column === undefined) {
      column = codeAncestry(byId, codeId)[depthOf[level]]?.id ?? null;
      columns.set(codeId, column);
    }
    return column;
  };
  const counts = new Map<string, Map<string, number>>();
  for (const row of table.rows) {
    const column = columnOf(row.codeId);
    if (!column) continue;
    const ids = (kind === 'case' ? row.caseIds : row.participantIds).filter((id) =>
      entityIds.has(id),
    );
    let perEntity = counts.get(column);
    if (!perEntity) counts.set(column, (perEntity = new Map()));
    for (const id of ids) perEntity.set(id, (perEntity.get(id) ?? 0) + 1);
  }
  const inScope = (id: string) =>
    !scope.codeIds?.length ||
    scope.codeIds.some((wanted) => codeAncestry(byId, id).some((code) => code.id === wanted));
  const codes = table.codes.filter((code) => {
    const depth = codeAncestry(byId, code.id).length - 1;
    const atLevel =
      level === 'code' ? code.codable || counts.has(code.id) : depth === depthOf[level];
    return atLevel && (inScope(code.id) || counts.has(code.id));
  });
  const t = translator(language);
  const dictionary = [
    [t('dataset.dictionary.column'), t('dataset.dictionary.type'), t('dataset.dictionary.meaning')],
    ['code_id', 'text', t('dataset.columns.code_id')],
    ['code_path', 'text', t('dataset.columns.code_path')],
    ...entities.map((entity) => [
      entity.name,
      'integer',
      t(`dataset.matrixColumn.${kind}.${values}`, { name: entity.name }),
    ]),
  ];
  const cells: Cell[][] = [
    ['code_id', 'code_path', ...entities.map((entity) => entity.name)],
    ...codes.map((code) => [
      code.id,
      codeAncestry(byId, code.id)
        .map((node) => node.name)
        .join(' / '),
      ...entities.map((entity) => {
        const count = counts.get(code.id)?.get(entity.id) ?? 0;
        return values === 'binary' ? (count > 0 ? 1 : 0) : count;
      }),
    ]),
  ];
  return { cells, dictionary };
}
