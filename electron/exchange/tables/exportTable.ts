import type { AttributeDefinition, AttributeValue, EntityKind } from '../../../shared/cases';
import type { Language } from '../../../shared/domain';
import { listAttributes, valuesByEntity } from '../../store/attributes';
import { listCases, listParticipants } from '../../store/cases';
import type { Db } from '../../store/database';
import { listDocuments } from '../../store/documents';
import { writeCsvBytes } from './csv';
import type { Cell } from './cell';
import { writeXlsx } from './workbookWriter';

const headings: Record<
  Language,
  { name: Record<EntityKind, string>; case: string; yes: string; no: string }
> = {
  en: {
    name: { case: 'Case', participant: 'Participant', document: 'Document' },
    case: 'Case',
    yes: 'yes',
    no: 'no',
  },
  fr: {
    name: { case: 'Cas', participant: 'Participant', document: 'Document' },
    case: 'Cas',
    yes: 'oui',
    no: 'non',
  },
};

function tableRows(
  db: Db,
  kind: EntityKind,
): {
  attributes: AttributeDefinition[];
  header: string[];
  rows: { name: string; caseName: string | null; values: Record<string, AttributeValue> }[];
} {
  const attributes = listAttributes(db, kind);
  if (kind === 'case') {
    return {
      attributes,
      header: [],
      rows: listCases(db).map((row) => ({ name: row.name, caseName: null, values: row.values })),
    };
  }
  if (kind === 'participant') {
    const cases = new Map(listCases(db).map((row) => [row.id, row.name]));
    return {
      attributes,
      header: [],
      rows: listParticipants(db).map((row) => ({
        name: row.name,
        caseName: row.caseId ? (cases.get(row.caseId) ?? null) : null,
        values: row.values,
      })),
    };
  }
  const values = valuesByEntity(db, 'document');
  return {
    attributes,
    header: [],
    rows: listDocuments(db).map((row) => ({
      name: row.title,
      caseName: null,
      values: values.get(row.id) ?? {},
    })),
  };
}

/** A table of cases, participants or documents with one column per attribute, for Excel, R or a colleague. */
export async function exportTable(
  db: Db,
  kind: EntityKind,
  format: 'csv' | 'xlsx',
  csvStyle: 'excel-fr' | 'rfc4180',
  language: Language,
): Promise<{ fileName: string; data: Uint8Array; mimeType: string }> {
  const words = headings[language];
  const { attributes, rows } = tableRows(db, kind);
  const withCase = kind === 'participant';
  const header = [
    words.name[kind],
    ...(withCase ? [words.case] : []),
    ...attributes.map((attribute) =>
      attribute.unit ? `${attribute.name} (${attribute.unit})` : attribute.name,
    ),
  ];
  const baseName = { case: 'cases', participant: 'participants', document: 'documents' }[kind];
  if (format === 'xlsx') {
    const cells: Cell[][] = [header];
    for (const row of rows) {
      cells.push([
        row.name,
        ...(withCase ? [row.caseName] : []),
        ...attributes.map((attribute): Cell => {
          const value = row.values[attribute.id];
          if (value === undefined) return null;
          if (attribute.type === 'date' && typeof value === 'string')
            return new Date(`${value}T00:00:00Z`);
          return value;
        }),
      ]);
    }
    return {
      fileName: `${baseName}.xlsx`,
      data: await writeXlsx(baseName, cells),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
  const french = csvStyle === 'excel-fr';
  const format1 = (value: AttributeValue | undefined): string => {
    if (value === undefined) return '';
    if (typeof value === 'boolean') return value ? words.yes : words.no;
    if (typeof value === 'number') return french ? String(value).replace('.', ',') : String(value);
    return value;
  };
  const lines = [
    header,
    ...rows.map((row) => [
      row.name,
      ...(withCase ? [row.caseName ?? ''] : []),
      ...attributes.map((attribute) => format1(row.values[attribute.id])),
    ]),
  ];
  return {
    fileName: `${baseName}.csv`,
    data: writeCsvBytes(lines, french ? ';' : ',', french),
    mimeType: 'text/csv',
  };
}
