import type { ZipEntryData } from '../zipWriter';
import { zipFiles } from '../zipWriter';
import { Utf8Sink } from '../utf8Sink';
import { escapeXmlAttribute, escapeXmlText } from '../xmlEscape';
import type { Cell } from './cell';

/** Excel refuses a file with a longer cell (its "repair" then empties it). */
export const XLSX_CELL_LIMIT = 32_767;
const SHORTENED = ' […]';

/** How a column's numbers show: a share as a percent, a coefficient to three decimals, a count. */
export type NumberFormat = 'percent' | 'coefficient' | 'count';

export interface WorkbookSheet {
  name: string;
  rows: Iterable<readonly Cell[]>;
  /** Per column, from the first: its width in characters and how its numbers show. */
  columns?: readonly { width?: number; format?: NumberFormat }[];
  /** The header row and the first column stay in view as the sheet scrolls: the default. */
  frozen?: boolean;
  /** The header row's long titles wrap within their column's width. */
  wrapHeader?: boolean;
}

const formatStyles: Record<NumberFormat, number> = { percent: 4, coefficient: 5, count: 6 };

export interface Workbook {
  bytes: Uint8Array;
  /** Cells longer than Excel holds, written shortened and marked " […]". */
  shortenedCells: number;
}

function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base =
      name
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || 'Sheet';
    let candidate = base;
    for (let count = 2; taken.has(candidate.toLowerCase()); count += 1)
      candidate = `${base.slice(0, 31 - String(count).length - 1)} ${count}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

// Styles: 0 plain, 1 bold (the header), 2 a date, 3 a date and time, 4 a percent to one
// decimal, 5 three decimals, 6 a whole number with thousands separated, 7 bold and wrapped.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="166" formatCode="0.0%"/><numFmt numFmtId="167" formatCode="0.000"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Days since 30 December 1899, as Excel counts a moment in UTC. */
function serialDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/**
 * A workbook in the SpreadsheetML that Excel, LibreOffice and R's readxl
 * read: strings as typed strings in the shared table (never formulas), numbers,
 * booleans, dates and instants as dates with their format, a bold header row
 * frozen with the first column. Written here rather than by ExcelJS, whose
 * streaming writer looked up each cell's style and took 8 s of a 50,000-row
 * dataset; ExcelJS reads every file this writes back in the tests.
 */
export async function writeWorkbook(sheets: readonly WorkbookSheet[]): Promise<Workbook> {
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  let shortenedCells = 0;
  const letters: string[] = [];
  const shared = new Map<string, number>();
  const letter = (index: number) => (letters[index] ??= columnLetters(index));
  const cellXml = (
    cell: Cell,
    reference: string,
    header: number | null,
    format: NumberFormat | undefined,
  ): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number')
      return Number.isFinite(cell)
        ? `<c r="${reference}"${format ? ` s="${formatStyles[format]}"` : ''}><v>${cell}</v></c>`
        : '';
    if (typeof cell === 'boolean') return `<c r="${reference}" t="b"><v>${cell ? 1 : 0}</v></c>`;
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime())) return '';
      // A date is a day at midnight UTC (an instant exactly then shows as its day; its value is the same).
      const dateOnly = cell.getTime() % 86_400_000 === 0;
      return `<c r="${reference}" s="${dateOnly ? 2 : 3}"><v>${serialDate(cell)}</v></c>`;
    }
    let text = cell;
    if (text.length > XLSX_CELL_LIMIT) {
      shortenedCells += 1;
      text =
        text.slice(0, XLSX_CELL_LIMIT - SHORTENED.length).replace(/[\ud800-\udbff]$/, '') +
        SHORTENED;
    }
    // Shared: a dataset repeats its documents', codes' and cases' names on every row.
    let index = shared.get(text);
    if (index === undefined) {
      index = shared.size;
      shared.set(text, index);
    }
    return `<c r="${reference}" t="s"${header === null ? '' : ` s="${header}"`}><v>${index}</v></c>`;
  };
  // Each sheet is written as the zip deflates it, a megabyte at a time: the deflate
  // runs on another thread while the next rows are written, and the sheet is never whole in memory.
  const files: Record<string, ZipEntryData> = {};
  sheets.forEach((sheet, sheetIndex) => {
    const columns = sheet.columns ?? [];
    const widths = columns
      .map((column, index) =>
        column.width
          ? `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`
          : '',
      )
      .join('');
    const pane =
      sheet.frozen === false
        ? ''
        : '<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>';
    const headerStyle = sheet.wrapHeader ? 7 : 1;
    files[`xl/worksheets/sheet${sheetIndex + 1}.xml`] = function* () {
      const sink = new Utf8Sink();
      sink.write(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>${widths ? `<cols>${widths}</cols>` : ''}<sheetData>`,
      );
      let rowNumber = 0;
      for (const row of sheet.rows) {
        rowNumber += 1;
        let xml = `<row r="${rowNumber}">`;
        for (let column = 0; column < row.length; column += 1)
          xml += cellXml(
            row[column] ?? null,
            `${letter(column)}${rowNumber}`,
            rowNumber === 1 ? headerStyle : null,
            columns[column]?.format,
          );
        sink.write(`${xml}</row>`);
        yield* sink.take();
      }
      sink.write('</sheetData></worksheet>');
      yield* sink.rest();
    };
  });
  // Zipped after every sheet, once the table of shared strings is complete.
  files['xl/sharedStrings.xml'] = function* () {
    const strings = new Utf8Sink();
    strings.write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" uniqueCount="${shared.size}">`,
    );
    for (const text of shared.keys()) {
      // Spaces at either end are kept only when the cell says so.
      strings.write(
        /^\s|\s$/.test(text)
          ? `<si><t xml:space="preserve">${escapeXmlText(text)}</t></si>`
          : `<si><t>${escapeXmlText(text)}</t></si>`,
      );
      yield* strings.take();
    }
    strings.write('</sst>');
    yield* strings.rest();
  };
  const encoder = new TextEncoder();
  const sheetList = names
    .map(
      (name, index) =>
        `<sheet name="${escapeXmlAttribute(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    )
    .join('');
  const sheetRelations = names
    .map(
      (_name, index) =>
        `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    )
    .join('');
  const sheetTypes = names
    .map(
      (_name, index) =>
        `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const text = (xml: string) => encoder.encode(header + xml);
  const archive = await zipFiles({
    '[Content_Types].xml': text(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheetTypes}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    '_rels/.rels': text(
      `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    'docProps/core.xml': text(
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Axial</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created></cp:coreProperties>`,
    ),
    'xl/workbook.xml': text(
      `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheetList}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': text(
      `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheetRelations}<Relationship Id="rId${names.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/><Relationship Id="rId${names.length + 2}" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': encoder.encode(STYLES),
    ...files,
  });
  return { bytes: archive, shortenedCells };
}

export function writeXlsx(sheetName: string, rows: Iterable<readonly Cell[]>): Promise<Uint8Array> {
  return writeXlsxSheets([{ name: sheetName, rows }]);
}

/** A workbook of several sheets, each a header row and data rows (see writeWorkbook). */
export async function writeXlsxSheets(sheets: readonly WorkbookSheet[]): Promise<Uint8Array> {
  return (await writeWorkbook(sheets)).bytes;
}
