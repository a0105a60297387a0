import type { TFunction } from 'i18next';
import type { AttributeDefinition, AttributeValue } from '../../shared/cases';
import type { Language } from '../../shared/domain';
import { formatAttributeValue } from '../../shared/formatAttributeValue';
import type { ReportBlock, ReportCell } from '../../shared/report';
import { participantCaseColumn } from '../../shared/report';
import { listAttributes } from '../store/attributes';
import { listCases, listParticipants } from '../store/cases';
import type { Db } from '../store/database';

/** The table's part before it is numbered. */
export interface TableDraft {
  head: string[];
  rows: ReportCell[][];
  notes: string[];
}

const EMPTY = '—';

function attributeName(attribute: AttributeDefinition): string {
  return attribute.unit ? `${attribute.name} (${attribute.unit})` : attribute.name;
}

function valueText(
  value: AttributeValue | undefined,
  attribute: AttributeDefinition,
  language: Language,
  t: TFunction,
): string {
  return value === undefined || value === ''
    ? EMPTY
    : formatAttributeValue(value, attribute.type, language, t);
}

/** The columns still in the project, in the chosen order, and how many were deleted since. */
function chosenAttributes(
  db: Db,
  kind: 'case' | 'participant',
  ids: readonly string[],
): { attributes: AttributeDefinition[]; gone: number } {
  const byId = new Map(listAttributes(db, kind).map((attribute) => [attribute.id, attribute]));
  const attributes = ids.flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
  return { attributes, gone: ids.length - attributes.length };
}

/** The article's Table 1: each case with the attributes chosen, cases as rows or as columns. */
export function caseTable(
  db: Db,
  block: Extract<ReportBlock, { kind: 'caseTable' }>,
  language: Language,
  t: TFunction,
): TableDraft {
  const { attributes, gone } = chosenAttributes(db, 'case', block.columns);
  const cases = listCases(db);
  const notes = gone ? [t('report.notes.columnsGone', { count: gone })] : [];
  if (block.casesAsColumns)
    return {
      head: [t('report.columns.attribute'), ...cases.map((found) => found.name)],
      rows: attributes.map((attribute) => [
        { text: attributeName(attribute), strong: true },
        ...cases.map((found) => ({
          text: valueText(found.values[attribute.id], attribute, language, t),
        })),
      ]),
      notes,
    };
  return {
    head: [t('report.columns.case'), ...attributes.map(attributeName)],
    rows: cases.map((found) => [
      { text: found.name, strong: true },
      ...attributes.map((attribute) => ({
        text: valueText(found.values[attribute.id], attribute, language, t),
      })),
    ]),
    notes,
  };
}

/** The article's Table 2: each person interviewed, their case and the attributes chosen. */
export function participantTable(
  db: Db,
  block: Extract<ReportBlock, { kind: 'participantTable' }>,
  language: Language,
  t: TFunction,
): TableDraft {
  const { attributes, gone } = chosenAttributes(
    db,
    'participant',
    block.columns.filter((column) => column !== participantCaseColumn),
  );
  const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
  const columns = block.columns.flatMap((column): (AttributeDefinition | 'case')[] => {
    if (column === participantCaseColumn) return ['case'];
    const found = byId.get(column);
    return found ? [found] : [];
  });
  const caseName = new Map(listCases(db).map((found) => [found.id, found.name]));
  return {
    head: [
      t('report.columns.participant'),
      ...columns.map((column) =>
        column === 'case' ? t('report.columns.case') : attributeName(column),
      ),
    ],
    rows: listParticipants(db).map((person) => [
      { text: person.name, strong: true },
      ...columns.map((column) => ({
        text:
          column === 'case'
            ? ((person.caseId && caseName.get(person.caseId)) ?? EMPTY)
            : valueText(person.values[column.id], column, language, t),
      })),
    ]),
    notes: gone ? [t('report.notes.columnsGone', { count: gone })] : [],
  };
}
