import ExcelJS from 'exceljs';
import { inflateZip, rebuiltArchive } from '../boundedZip';
import { AxialError } from '../../../shared/errors';
import type { Cell } from './cell';

const MEGABYTE = 1024 * 1024;
/**
 * A workbook of cases or people, measured as it inflates before the reader
 * opens it: a sheet of 16 MB of XML is some 200,000 cells.
 */
const XLSX_LIMITS = { entries: 2000, perEntry: 16 * MEGABYTE, total: 48 * MEGABYTE };

function notAWorkbook(fileName: string): AxialError {
  return new AxialError(
    'invalid_file',
    `"${fileName}" is not a readable Excel workbook (.xlsx). Save it again from your spreadsheet as .xlsx or .csv.`,
    {
      file: fileName,
      reason: 'notXlsx',
    },
  );
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}

/** The first sheet of a workbook as rows of typed cells; the archive is checked before it is inflated. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Cell[][]> {
  // Its parts only, pictures never inflated; the reader is given exactly what was measured.
  const measured = inflateZip(
    bytes,
    (name) => name.endsWith('.xml') || name.endsWith('.rels'),
    XLSX_LIMITS,
  );
  if (!measured.ok && (measured.problem === 'entryTooLarge' || measured.problem === 'tooLarge'))
    throw new AxialError(
      'file_too_large',
      `"${fileName}" unpacks to more than ${measured.problem === 'entryTooLarge' ? `${XLSX_LIMITS.perEntry / MEGABYTE} MB in one part` : `${XLSX_LIMITS.total / MEGABYTE} MB`}, more than a table of cases or people holds. Nothing was imported.`,
      { file: fileName, reason: 'xlsxTooLarge' },
    );
  if (!measured.ok) throw notAWorkbook(fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    const checked = await rebuiltArchive(measured.files);
    await workbook.xlsx.load(Buffer.from(checked) as unknown as ExcelJS.Buffer);
  } catch {
    throw notAWorkbook(fileName);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notAWorkbook(fileName);
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    rows.push(values);
  });
  return rows;
}
