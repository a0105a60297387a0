import type { AttributeDefinition } from '../../../shared/cases';
import type { Language } from '../../../shared/domain';
import type { DatasetScope, DatasetTable, DatasetValues } from '../../../shared/exchange';
import type { MatrixLevel } from '../../../shared/analysis';
import { foldText } from '../../../shared/attributeValues';
import type { Db } from '../../store/database';
import { writeCsvBytes } from '../tables/csv';
import type { Cell } from '../tables/cell';
import { writeXlsxSheets } from '../tables/workbookWriter';
import { XLSX_CELL_LIMIT } from '../tables/workbookWriter';
import { translator } from '../translator';
import type { PassageRow, PassageTable } from './passageRows';
import { passageRowsIn } from './passageRows';
import type { MatrixSource } from './codeMatrix';
import { codeMatrix } from './codeMatrix';

type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean';

interface Column {
  name: string;
  /** The name R, Python and SPSS take without quoting: lower case, letters, digits and underscores. */
  safeName: string;
  type: ColumnType;
  description: string;
  value: (row: PassageRow) => Cell;
  /** The CSV text when it can be had without making the cell first. */
  csv?: (row: PassageRow) => string;
}

export interface DatasetFile {
  fileName: string;
  data: Uint8Array;
  mimeType: string;
}

const fixedColumns = [
  ['passage_id', 'text', (row) => row.passageId],
  ['document', 'text', (row) => row.document],
  ['document_id', 'text', (row) => row.documentId],
  ['speaker', 'text', (row) => row.speaker],
  ['participant', 'text', (row) => row.participant],
  ['case', 'text', (row) => row.case],
  ['axis', 'text', (row) => row.axis],
  ['variable', 'text', (row) => row.variable],
  ['code_path', 'text', (row) => row.codePath],
  ['code', 'text', (row) => row.code],
  ['text', 'text', (row) => row.text],
  ['start', 'integer', (row) => row.start],
  ['end', 'integer', (row) => row.end],
  ['guide_question', 'text', (row) => row.guideQuestion],
  ['coder', 'text', (row) => row.coder],
  ['memo', 'text', (row) => row.memo || null],
  ['created_at', 'datetime', (row) => new Date(row.createdAt)],
  ['modified_at', 'datetime', (row) => new Date(row.modifiedAt)],
] as const satisfies readonly (readonly [string, ColumnType, (row: PassageRow) => Cell])[];

const typeOfAttribute: Record<AttributeDefinition['type'], ColumnType> = {
  text: 'text',
  choice: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
};

/** An attribute's column, readable: the entity kind, a dot, the attribute's name ("case.Population"). */
export function attributeColumnName(attribute: AttributeDefinition): string {
  return `${attribute.entityKind}.${attribute.name}`;
}

/** "case.Population (habitants)" → "case_population_habitants": accents and ligatures folded, one underscore between words. */
export function safeColumnName(readable: string): string {
  const folded = foldText(readable)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!folded) return 'column';
  // SPSS takes 64 bytes at most (room kept for a "_2" that tells two alike apart).
  return (/^[0-9]/.test(folded) ? `x_${folded}` : folded).slice(0, 60).replace(/_+$/, '');
}

/** Safe names made unique in the table, the later of two alike numbered ("case_role_2"). */
function uniqueSafeNames(columns: Column[]): Column[] {
  const taken = new Set<string>();
  return columns.map((column) => {
    let name = column.safeName;
    for (let count = 2; taken.has(name); count += 1) name = `${column.safeName}_${count}`;
    taken.add(name);
    return { ...column, safeName: name };
  });
}

function passageColumns(table: Pick<PassageTable, 'attributes'>, language: Language): Column[] {
  const t = translator(language);
  const booleans = ` ${t('dataset.dictionary.booleans')}`;
  return uniqueSafeNames([
    ...fixedColumns.map(([name, type, value]): Column => ({
      name,
      safeName: name,
      type,
      description: t(`dataset.columns.${name}`),
      value,
      ...(name === 'created_at' ? { csv: (row) => isoInstant(row.createdAt) } : {}),
      ...(name === 'modified_at' ? { csv: (row) => isoInstant(row.modifiedAt) } : {}),
    })),
    ...table.attributes.map((attribute): Column => {
      const type = typeOfAttribute[attribute.type];
      return {
        name: attributeColumnName(attribute),
        safeName: safeColumnName(attributeColumnName(attribute)),
        type,
        description:
          t(`dataset.attributeColumn.${attribute.entityKind}`, {
            name: attribute.name,
            unit: attribute.unit ? ` (${attribute.unit})` : '',
            choices: attribute.choices.length ? ` ${attribute.choices.join(', ')}.` : '',
          }) + (type === 'boolean' ? booleans : ''),
        value: (row) => {
          const value = row.attributes[attribute.id];
          if (value === null || value === undefined) return null;
          return type === 'date' && typeof value === 'string'
            ? new Date(`${value}T00:00:00Z`)
            : value;
        },
      };
    }),
  ]);
}

function dictionaryRows(columns: readonly Column[], language: Language): Cell[][] {
  const t = translator(language);
  return [
    [
      t('dataset.dictionary.column'),
      t('dataset.dictionary.safeName'),
      t('dataset.dictionary.type'),
      t('dataset.dictionary.meaning'),
    ],
    ...columns.map((column) => [column.name, column.safeName, column.type, column.description]),
  ];
}

/**
 * A cell as CSV text, the same in every interface language: ISO dates,
 * TRUE/FALSE, numbers unformatted (a decimal comma only in French Excel's dialect).
 */
function csvText(cell: Cell, type: ColumnType, frenchExcel: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date)
    return type === 'date' ? cell.toISOString().slice(0, 10) : cell.toISOString();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return frenchExcel ? String(cell).replace('.', ',') : String(cell);
}

/** An instant as stored (ISO 8601 in UTC) is written as it is; any other spelling is normalised. */
function isoInstant(stored: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(stored)
    ? stored
    : new Date(stored).toISOString();
}

export interface DatasetOptions {
  format: 'csv' | 'xlsx';
  /** For CSV, the one table written; an XLSX workbook holds them all. */
  table: DatasetTable;
  values: DatasetValues;
  level: MatrixLevel;
  scope: DatasetScope;
  csvStyle: 'rfc4180' | 'excel-fr';
  /** CSV cells exactly as in the project; by default those a spreadsheet would compute begin with "'". */
  keepFormulas: boolean;
  /** The header row: readable names ("case.Population") or names safe for R ("case_population"). */
  columnNames: 'readable' | 'safe';
  language: Language;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The coded dataset: one row per coding with its context and attributes, and
 * code × case / code × participant matrices, with a data dictionary (a sheet
 * of the workbook, or a companion CSV file).
 */
export async function exportDataset(db: Db, options: DatasetOptions): Promise<DatasetFile[]> {
  const t = translator(options.language);
  // Rows are made as they are read and written as they come: the workbook keeps of each only
  // what its matrices count (code, cases, participants), which are written after the passages.
  const source = passageRowsIn(db, options.scope);
  const counting: MatrixSource = { codes: source.codes, rows: [] };
  let heldRows: MatrixSource['rows'] | null = null;
  // A CSV of a matrix reads the rows for it alone; the workbook has collected them by then.
  const matrixSource = (): MatrixSource => ({
    codes: source.codes,
    rows: (heldRows ??= counting.rows.length
      ? counting.rows
      : [...source.rows].map(({ codeId, caseIds, participantIds }) => ({
          codeId,
          caseIds,
          participantIds,
        }))),
  });
  const columns = passageColumns(source, options.language);
  const header = (column: Column) =>
    options.columnNames === 'safe' ? column.safeName : column.name;
  // Counted once per kind: the 0-1 sheet is the count sheet with every count above 0 as 1.
  const counted = new Map<'case' | 'participant', ReturnType<typeof codeMatrix>>();
  const matrix = (kind: 'case' | 'participant', values: DatasetValues) => {
    let counts = counted.get(kind);
    if (!counts) {
      counts = codeMatrix(
        db,
        matrixSource(),
        kind,
        options.level,
        'counts',
        options.scope,
        options.language,
      );
      counted.set(kind, counts);
    }
    if (values === 'counts') return counts;
    return codeMatrix(
      db,
      matrixSource(),
      kind,
      options.level,
      values,
      options.scope,
      options.language,
      counts,
    );
  };

  if (options.format === 'xlsx') {
    let tooLong = 0;
    const rows = counting.rows as Pick<PassageRow, 'codeId' | 'caseIds' | 'participantIds'>[];
    // The passages sheet is written first, row by row as they are read; the sheets after it
    // are made when the writer reaches them, from what it kept.
    function* passageCells(): Generator<Cell[]> {
      yield columns.map(header);
      for (const row of source.rows) {
        rows.push({ codeId: row.codeId, caseIds: row.caseIds, participantIds: row.participantIds });
        tooLong += [row.text, row.memo].filter((text) => text.length > XLSX_CELL_LIMIT).length;
        yield columns.map((column) => column.value(row));
      }
    }
    const later = (make: () => Iterable<readonly Cell[]>): Iterable<readonly Cell[]> => ({
      [Symbol.iterator]: () => make()[Symbol.iterator](),
    });
    const sheets = [
      { name: t('dataset.sheets.passages'), rows: passageCells() },
      ...(['case', 'participant'] as const).flatMap((kind) =>
        (['counts', 'binary'] as const).map((values) => ({
          name: t(`dataset.sheets.${kind}.${values}`),
          rows: later(() => matrix(kind, values).cells),
        })),
      ),
      {
        name: t('dataset.sheets.dictionary'),
        rows: later(() => [
          ...dictionaryRows(columns, options.language),
          [],
          [t('dataset.dictionary.matrices', { level: t(`matrix.levels.${options.level}`) })],
          ...(tooLong ? [[t('dataset.dictionary.shortened', { count: tooLong })]] : []),
        ]),
      },
    ];
    return [
      { fileName: 'coded-dataset.xlsx', data: await writeXlsxSheets(sheets), mimeType: XLSX },
    ];
  }

  const french = options.csvStyle === 'excel-fr';
  const delimiter = french ? ';' : ',';
  const encode = (lines: Iterable<string[]>) =>
    writeCsvBytes(lines, delimiter, french, { keepFormulas: options.keepFormulas });
  // The dictionary says how cells that look like formulas were written.
  const formulaNote = [
    [],
    [t(options.keepFormulas ? 'dataset.dictionary.formulasKept' : 'dataset.dictionary.formulas')],
  ];
  if (options.table === 'passages') {
    // Row by row as the file is written: the 50,000 rows are never held twice.
    function* lines() {
      yield columns.map(header);
      for (const row of source.rows)
        yield columns.map((column) =>
          column.csv ? column.csv(row) : csvText(column.value(row), column.type, french),
        );
    }
    const dictionary = [...dictionaryRows(columns, options.language), ...formulaNote].map((row) =>
      row.map((cell) => String(cell ?? '')),
    );
    return [
      { fileName: 'passages.csv', data: encode(lines()), mimeType: 'text/csv' },
      { fileName: 'passages-dictionary.csv', data: encode(dictionary), mimeType: 'text/csv' },
    ];
  }
  const kind = options.table === 'codeByCase' ? 'case' : 'participant';
  const built = matrix(kind, options.values);
  const base = `code-by-${kind}-${options.values}`;
  return [
    {
      fileName: `${base}.csv`,
      data: encode(built.cells.map((row) => row.map((cell) => String(cell ?? '')))),
      mimeType: 'text/csv',
    },
    {
      fileName: `${base}-dictionary.csv`,
      data: encode([...built.dictionary, ...formulaNote]),
      mimeType: 'text/csv',
    },
  ];
}
