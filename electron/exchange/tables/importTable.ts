import {
  foldText,
  guessType,
  parseAttributeValue,
  storeValue,
} from '../../../shared/attributeValues';
import type {
  AttributeDefinition,
  AttributeType,
  EntityKind,
  ImportProblemKind,
  TableImportPreview,
} from '../../../shared/cases';
import { AxialError } from '../../../shared/errors';
import { createAttribute, listAttributes, setAttributeValue } from '../../store/attributes';
import { createEntity, findEntityByName, updateEntity } from '../../store/cases';
import type { Db } from '../../store/database';
import type { ChangeSet } from '../../store/journal';
import { decodeText } from '../import/decodeText';
import type { CsvLimits } from './csv';
import { parseCsv } from './csv';
import { VALUE_LIMIT } from '../../../shared/limits';
import type { Cell } from './cell';
import { readXlsx } from './readXlsx';

const nameHeaders: Record<EntityKind, string[]> = {
  case: ['name', 'nom', 'case', 'cas', 'pseudonym', 'pseudonyme', 'collectivite'],
  participant: ['name', 'nom', 'participant', 'pseudonym', 'pseudonyme', 'interviewee', 'enquete'],
  document: ['title', 'titre', 'document', 'name', 'nom'],
};
const caseHeaders = ['case', 'cas', 'collectivite'];

export interface ReadTable {
  rows: Cell[][];
  delimiter: ',' | ';' | null;
  unterminatedAt: number | null;
  badQuoteAt: number | null;
}

/**
 * How much of a table Axial reads: more rows than a study has cases or people,
 * more columns than it has attributes, a cell longer than a value may be.
 */
export const TABLE_LIMITS: CsvLimits = { rows: 50_000, columns: 500, cell: VALUE_LIMIT };

function tableTooLarge(fileName: string, limit: keyof CsvLimits, line: number): AxialError {
  const what = {
    rows: `more than ${TABLE_LIMITS.rows.toLocaleString('en')} rows`,
    columns: `more than ${TABLE_LIMITS.columns} columns (line ${line})`,
    cell: `a cell longer than ${TABLE_LIMITS.cell.toLocaleString('en')} characters (line ${line})`,
  }[limit];
  return new AxialError(
    'file_too_large',
    `"${fileName}" has ${what}, more than a table of cases, participants or documents holds. Nothing was imported.`,
    { file: fileName, reason: `table_${limit}`, line, limit: TABLE_LIMITS[limit] },
  );
}

/** Refuses a table past the limits, once read (a workbook's rows are read from a bounded file). */
function checkLimits(fileName: string, rows: readonly Cell[][]): void {
  if (rows.length > TABLE_LIMITS.rows) throw tableTooLarge(fileName, 'rows', rows.length);
  rows.forEach((row, index) => {
    if (row.length > TABLE_LIMITS.columns) throw tableTooLarge(fileName, 'columns', index + 1);
    if (row.some((cell) => typeof cell === 'string' && cell.length > TABLE_LIMITS.cell))
      throw tableTooLarge(fileName, 'cell', index + 1);
  });
}

export async function readTable(fileName: string, bytes: Uint8Array): Promise<ReadTable> {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx') {
    const rows = await readXlsx(bytes, fileName);
    checkLimits(fileName, rows);
    return { rows, delimiter: null, unterminatedAt: null, badQuoteAt: null };
  }
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') {
    // Read only as far as the limits: a million rows are refused at the first one past them.
    const parsed = parseCsv(decodeText(bytes, fileName).text, TABLE_LIMITS);
    if (parsed.exceeded) throw tableTooLarge(fileName, parsed.exceeded.limit, parsed.exceeded.line);
    return {
      rows: parsed.rows,
      delimiter: parsed.delimiter,
      unterminatedAt: parsed.unterminatedAt,
      badQuoteAt: parsed.badQuoteAt,
    };
  }
  throw new AxialError(
    'unsupported_format',
    `"${fileName}" cannot be imported as a table: Axial reads .csv and .xlsx files.`,
    {
      file: fileName,
      reason: 'tableFormat',
    },
  );
}

function text(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function entityTable(kind: EntityKind): 'study_case' | 'participant' | null {
  return kind === 'case' ? 'study_case' : kind === 'participant' ? 'participant' : null;
}

function findEntity(db: Db, kind: EntityKind, name: string): string | null {
  const table = entityTable(kind);
  if (table) return findEntityByName(db, table, name)?.id ?? null;
  const row = db.prepare('SELECT id FROM document WHERE title = ? COLLATE NOCASE').get(name) as
    { id: string } | undefined;
  return row?.id ?? null;
}

interface Plan {
  preview: TableImportPreview;
  apply(db: Db, changes: ChangeSet): void;
}

/**
 * Matches a table's columns to attributes (new ones get a guessed type) and its
 * rows to entities by name (new ones are created), and checks every cell.
 */
export function planImport(db: Db, kind: EntityKind, table: ReadTable): Plan {
  const problems: TableImportPreview['problems'] = [];
  const problem = (
    line: number,
    column: string | null,
    problemKind: ImportProblemKind,
    value = '',
  ) => problems.push({ line, column, kind: problemKind, value });
  if (table.unterminatedAt !== null) problem(table.unterminatedAt, null, 'unterminatedQuote');
  if (table.badQuoteAt !== null) problem(table.badQuoteAt, null, 'badQuote');

  const nonEmpty = table.rows
    .map((row, index) => ({ row, line: index + 1 }))
    .filter(({ row }) => row.some((cell) => text(cell) !== ''));
  const [header, ...body] = nonEmpty;
  const emptyPreview: TableImportPreview = {
    entityKind: kind,
    delimiter: table.delimiter,
    columns: [],
    rows: [],
    problems,
    summary: { newEntities: 0, updatedEntities: 0, newAttributes: 0, values: 0 },
  };
  if (!header) {
    problem(1, null, 'empty');
    return { preview: emptyPreview, apply: () => undefined };
  }
  const headers = header.row.map(text);
  const folded = headers.map(foldText);
  const seen = new Map<string, number>();
  folded.forEach((name, index) => {
    if (!name) return;
    if (seen.has(name)) problem(header.line, headers[index]!, 'duplicateColumn', headers[index]!);
    seen.set(name, index);
  });
  const nameIndex = Math.max(
    0,
    folded.findIndex((name) => nameHeaders[kind].includes(name)),
  );
  const caseIndex =
    kind === 'participant'
      ? folded.findIndex((name, index) => index !== nameIndex && caseHeaders.includes(name))
      : -1;

  const existing = listAttributes(db, kind);
  type Column = TableImportPreview['columns'][number] & {
    index: number;
    definition: Pick<AttributeDefinition, 'type' | 'choices' | 'name'> | null;
  };
  const columns: Column[] = headers.map((headerText, index) => {
    if (index === nameIndex)
      return {
        header: headerText,
        target: 'name',
        attributeId: null,
        newAttribute: null,
        index,
        definition: null,
      };
    if (index === caseIndex)
      return {
        header: headerText,
        target: 'case',
        attributeId: null,
        newAttribute: null,
        index,
        definition: null,
      };
    if (!headerText)
      return {
        header: headerText,
        target: 'ignored',
        attributeId: null,
        newAttribute: null,
        index,
        definition: null,
      };
    // An exported header carries the unit, "Population (inhabitants)": both forms match.
    const match = existing.find(
      (attribute) =>
        foldText(attribute.name) === foldText(headerText) ||
        (attribute.unit !== null &&
          foldText(`${attribute.name} (${attribute.unit})`) === foldText(headerText)),
    );
    if (match)
      return {
        header: headerText,
        target: 'attribute',
        attributeId: match.id,
        newAttribute: null,
        index,
        definition: match,
      };
    const guessed = guessType(body.map(({ row }) => text(row[index] ?? null)));
    const newAttribute = {
      name: headerText,
      type: guessed.type as AttributeType,
      choices: guessed.choices,
    };
    return {
      header: headerText,
      target: 'newAttribute',
      attributeId: null,
      newAttribute,
      index,
      definition: newAttribute,
    };
  });

  const seenNames = new Map<string, number>();
  const rows: TableImportPreview['rows'] = [];
  const operations: {
    entityId: string | null;
    name: string;
    caseName: string | null;
    values: { column: Column; raw: Cell }[];
  }[] = [];
  let values = 0;
  for (const { row, line } of body) {
    if (table.delimiter !== null && row.length !== headers.length) {
      problem(line, null, 'wrongColumnCount', String(row.length));
      continue;
    }
    const name = text(row[nameIndex] ?? null);
    if (!name) {
      problem(line, headers[nameIndex] ?? null, 'missingName');
      continue;
    }
    const key = foldText(name);
    if (seenNames.has(key)) {
      problem(line, headers[nameIndex] ?? null, 'duplicateRow', name);
      continue;
    }
    seenNames.set(key, line);
    const entityId = findEntity(db, kind, name);
    if (!entityId && kind === 'document') {
      problem(line, headers[nameIndex] ?? null, 'unknownDocument', name);
      continue;
    }
    let changes = entityId ? 0 : 1;
    let caseName: string | null = null;
    if (caseIndex !== -1) {
      caseName = text(row[caseIndex] ?? null) || null;
      if (caseName && !findEntityByName(db, 'study_case', caseName))
        problem(line, headers[caseIndex]!, 'unknownCase', caseName);
    }
    const cells: { column: Column; raw: Cell }[] = [];
    for (const column of columns) {
      if (!column.definition) continue;
      const raw = row[column.index] ?? null;
      const parsed = parseAttributeValue(column.definition.type, raw, column.definition.choices);
      if (!parsed.ok) {
        problem(line, column.header, parsed.kind, text(raw));
        continue;
      }
      cells.push({ column, raw });
      if (parsed.value !== null) {
        values += 1;
        const stored =
          entityId && column.attributeId
            ? (db
                .prepare(
                  'SELECT value FROM attribute_value WHERE attribute_id = ? AND entity_id = ?',
                )
                .get(column.attributeId, entityId) as { value: string } | undefined)
            : undefined;
        if (stored?.value !== storeValue(parsed.value)) changes += 1;
      }
    }
    rows.push({ line, name, entityId, changes });
    operations.push({ entityId, name, caseName, values: cells });
  }

  const preview: TableImportPreview = {
    entityKind: kind,
    delimiter: table.delimiter,
    columns: columns.map(({ header: headerText, target, attributeId, newAttribute }) => ({
      header: headerText,
      target,
      attributeId,
      newAttribute,
    })),
    rows,
    problems,
    summary: {
      newEntities: rows.filter((row) => row.entityId === null).length,
      updatedEntities: rows.filter((row) => row.entityId !== null && row.changes > 0).length,
      newAttributes: columns.filter((column) => column.target === 'newAttribute').length,
      values,
    },
  };

  return {
    preview,
    apply(database, changes) {
      const attributeIds = new Map<number, string>();
      for (const column of columns) {
        if (column.attributeId) attributeIds.set(column.index, column.attributeId);
        else if (column.newAttribute) {
          attributeIds.set(
            column.index,
            createAttribute(database, changes, {
              entityKind: kind,
              name: column.newAttribute.name,
              type: column.newAttribute.type,
              choices: column.newAttribute.choices,
            }),
          );
        }
      }
      const tableName = entityTable(kind);
      for (const operation of operations) {
        let entityId = operation.entityId;
        if (!entityId && tableName)
          entityId = createEntity(database, changes, tableName, operation.name);
        if (!entityId) continue;
        if (kind === 'participant' && caseIndex !== -1) {
          const caseId = operation.caseName
            ? (findEntityByName(database, 'study_case', operation.caseName)?.id ?? null)
            : null;
          updateEntity(database, changes, 'participant', entityId, { caseId });
        }
        for (const { column, raw } of operation.values) {
          const attributeId = attributeIds.get(column.index);
          if (attributeId)
            setAttributeValue(
              database,
              changes,
              attributeId,
              entityId,
              raw instanceof Date ? raw.toISOString().slice(0, 10) : raw,
            );
        }
      }
    },
  };
}
