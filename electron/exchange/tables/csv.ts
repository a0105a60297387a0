/**
 * CSV as spreadsheets write it: comma or semicolon (French Excel), quoted
 * fields with doubled quotes, CRLF or LF, with or without a UTF-8 BOM.
 */
export interface ParsedCsv {
  rows: string[][];
  delimiter: ',' | ';';
  /** 1-based number of a record whose quote never closes (the file was cut short). */
  unterminatedAt: number | null;
}

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

export function parseCsv(input: string): ParsedCsv {
  const text = input.replace(/^\ufeff/, '');
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
      continue;
    }
    if (character === '"' && field === '') {
      inQuotes = true;
      quoteOpenedAt = rows.length + 1;
    } else if (character === delimiter) {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  if (inQuotes) return { rows, delimiter, unterminatedAt: quoteOpenedAt };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, delimiter, unterminatedAt: null };
}

function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter)
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

export function writeCsv(
  rows: readonly (readonly string[])[],
  delimiter: ',' | ';',
  bom: boolean,
): string {
  const body = rows
    .map((row) => row.map((field) => quote(field, delimiter)).join(delimiter))
    .join('\r\n');
  return (bom ? '\ufeff' : '') + body + '\r\n';
}
