/**
 * CSV as spreadsheets write it: comma or semicolon (French Excel), quoted
 * fields with doubled quotes, CRLF or LF, with or without a UTF-8 BOM.
 */
export interface ParsedCsv {
  rows: string[][];
  delimiter: ',' | ';';
  /** 1-based number of a record whose quote never closes (the file was cut short). */
  unterminatedAt: number | null;
  /** The first limit the file went past, where; reading stopped there. */
  exceeded: { limit: keyof CsvLimits; line: number } | null;
}

/** How much of a table Axial reads: a file past one of these is refused, not read on. */
export interface CsvLimits {
  rows: number;
  columns: number;
  /** Characters in one cell. */
  cell: number;
}

const NO_LIMITS: CsvLimits = { rows: Infinity, columns: Infinity, cell: Infinity };

function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const character of firstLine) {
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && character === ',') commas += 1;
    else if (!inQuotes && character === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string, limits: CsvLimits = NO_LIMITS): ParsedCsv {
  const text = input.replace(/^\ufeff/, '');
  const stop = (limit: keyof CsvLimits): ParsedCsv => ({
    rows,
    delimiter,
    unterminatedAt: null,
    exceeded: { limit, line: rows.length + 1 },
  });
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteOpenedAt = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (inQuotes) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          inQuotes = false;
        }
      } else {
        field += character;
      }
      if (field.length > limits.cell) return stop('cell');
      continue;
    }
    if (character === '"' && field === '') {
      inQuotes = true;
      quoteOpenedAt = rows.length + 1;
    } else if (character === delimiter) {
      row.push(field);
      field = '';
      if (row.length >= limits.columns) return stop('columns');
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > limits.rows) return stop('rows');
    } else {
      field += character;
    }
    if (field.length > limits.cell) return stop('cell');
  }
  if (inQuotes) return { rows, delimiter, unterminatedAt: quoteOpenedAt, exceeded: null };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  if (rows.length > limits.rows) return stop('rows');
  return { rows, delimiter, unterminatedAt: null, exceeded: null };
}

function quote(field: string, delimiter: string, force: boolean): string {
  return force || /["\r\n]/.test(field) || field.includes(delimiter)
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

/** A number as the file writes it (a negative one begins with "-"), which is no formula. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * Whether a spreadsheet would compute the cell instead of showing it: it
 * begins with =, +, -, @, a tab or a carriage return (OWASP's list), and is not
 * a plain number. A French dialogue dash ("- Oui") is one of them.
 */
export function readAsFormula(field: string): boolean {
  return /^[=+\-@\t\r]/.test(field) && !PLAIN_NUMBER.test(field);
}

export interface CsvOptions {
  /** Text exactly as in the project, formulas and all: for R or Python, not for a spreadsheet. */
  keepFormulas?: boolean;
}

/**
 * CSV text. By default a cell a spreadsheet would compute is written with an
 * apostrophe before it, and quoted, so Excel and LibreOffice show its text.
 */
export function writeCsv(
  rows: readonly (readonly string[])[],
  delimiter: ',' | ';',
  bom: boolean,
  options: CsvOptions = {},
): string {
  const cell = (field: string) =>
    !options.keepFormulas && readAsFormula(field)
      ? quote(`'${field}`, delimiter, true)
      : quote(field, delimiter, false);
  const body = rows.map((row) => row.map(cell).join(delimiter)).join('\r\n');
  return (bom ? '\ufeff' : '') + body + '\r\n';
}
