import Papa from 'papaparse';
import { sinkBytes, Utf8Sink } from '../utf8Sink';

/**
 * CSV as spreadsheets write it: comma or semicolon (French Excel), quoted
 * fields with doubled quotes, CRLF or LF, with or without a UTF-8 BOM.
 */
export interface ParsedCsv {
  rows: string[][];
  delimiter: ',' | ';';
  /** 1-based number of a record whose quote never closes (the file was cut short). */
  unterminatedAt: number | null;
  /** 1-based number of a record with text after a closing quote ("a"b): reading stopped there. */
  badQuoteAt: number | null;
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

/** The delimiter of the first record, read up to its first line break outside quotes. */
function detectDelimiter(text: string): ',' | ';' {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const character of text) {
    if (character === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (character === ',') commas += 1;
    else if (character === ';') semicolons += 1;
    else if (character === '\n' || character === '\r') break;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * The text with the line ending papaparse is to split it by. papaparse takes
 * one for the whole file: one that mixes them outside quoted values (rows
 * pasted from elsewhere) has each of those made LF; quoted values are untouched.
 */
function withOneLineEnding(text: string): { text: string; newline: '\n' | '\r\n' | '\r' } {
  const seen = new Set<'\n' | '\r\n' | '\r'>();
  const pieces: string[] = [];
  let inQuotes = false;
  let from = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (character === '\n') seen.add('\n');
    else if (character === '\r') {
      const crlf = text[index + 1] === '\n';
      seen.add(crlf ? '\r\n' : '\r');
      pieces.push(text.slice(from, index), '\n');
      if (crlf) index += 1;
      from = index + 1;
    }
  }
  if (seen.size <= 1) return { text, newline: [...seen][0] ?? '\n' };
  pieces.push(text.slice(from));
  return { text: pieces.join(''), newline: '\n' };
}

/**
 * The rows of a CSV, read by papaparse with the delimiter of its first line,
 * row by row so that reading stops at the first row past a limit.
 */
export function parseCsv(input: string, limits: CsvLimits = NO_LIMITS): ParsedCsv {
  const { text, newline } = withOneLineEnding(input.replace(/^\ufeff/, ''));
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let unterminatedAt: number | null = null;
  let badQuoteAt: number | null = null;
  let exceeded: ParsedCsv['exceeded'] = null;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = result.data;
      const line = rows.length + 1;
      if (result.errors.some((error) => error.code === 'MissingQuotes')) unterminatedAt = line;
      else if (result.errors.some((error) => error.code === 'InvalidQuotes')) badQuoteAt = line;
      if (row.length > limits.columns) exceeded = { limit: 'columns', line };
      else if (row.some((field) => field.length > limits.cell)) exceeded = { limit: 'cell', line };
      else if (line > limits.rows) exceeded = { limit: 'rows', line };
      if (exceeded || unterminatedAt || badQuoteAt) return parser.abort();
      rows.push(row);
    },
  });
  // The line break that ends the file ends its last row; it starts no row of its own.
  const last = rows.at(-1);
  if (!exceeded && /[\r\n]$/.test(text) && last?.length === 1 && last[0] === '') rows.pop();
  return { rows, delimiter, unterminatedAt, badQuoteAt, exceeded };
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

/** A cell as RFC 4180 writes it: quoted when it holds a quote, a line break, a comma or a semicolon. */
function quoted(field: string, force: boolean, special: RegExp): string {
  return force || special.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** =, +, -, @, tab and carriage return: the characters a formula may begin with. */
const FORMULA_STARTS = new Set([61, 43, 45, 64, 9, 13]);

/**
 * CSV text. By default a cell a spreadsheet would compute is written with an
 * apostrophe before it, and quoted, so Excel and LibreOffice show its text.
 * Commas and semicolons are quoted in the first line, so that it tells which
 * delimits. Written here rather than by papaparse's unparse, which took 0.4 s
 * of a 50,000-row export; the round-trip property test reads every file it can
 * write back through papaparse.
 */
/** Written line by line as UTF-8: 50,000 rows never become one string. */
export function writeCsvBytes(
  rows: Iterable<readonly string[]>,
  delimiter: ',' | ';',
  bom: boolean,
  options: CsvOptions = {},
): Uint8Array {
  // The first line quotes both delimiters, so that a reader tells which one delimits from it;
  // the others only their own (a decimal comma in a semicolon file stays a bare number).
  const headerSpecial = /[",;\r\n]/;
  const special = delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/;
  const cellOf = (pattern: RegExp) =>
    options.keepFormulas
      ? (field: string) => quoted(field, false, pattern)
      : (field: string) =>
          FORMULA_STARTS.has(field.charCodeAt(0)) && readAsFormula(field)
            ? quoted(`'${field}`, true, pattern)
            : quoted(field, false, pattern);
  const headerCell = cellOf(headerSpecial);
  const cell = cellOf(special);
  const sink = new Utf8Sink();
  if (bom) sink.write('\ufeff');
  // A table of one column has no delimiter in its first line to tell: every line quotes both.
  let rest: typeof cell | null = null;
  for (const row of rows) {
    sink.write(`${row.map(rest ?? headerCell).join(delimiter)}\r\n`);
    rest ??= row.length > 1 ? cell : headerCell;
  }
  return sinkBytes(sink);
}
