import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../electron/exchange/tables/readXlsx';
import { writeWorkbook, XLSX_CELL_LIMIT } from '../../../electron/exchange/tables/workbookWriter';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

describe('the workbook writer', () => {
  it('writes typed cells that ExcelJS reads back: text, numbers, booleans, dates, instants', async () => {
    const { bytes } = await writeWorkbook([
      {
        name: 'Passages',
        rows: [
          ['texte', 'nombre', 'oui', 'jour', 'instant', 'vide'],
          [
            '=SOMME(A1)',
            523000.5,
            true,
            new Date('2024-03-14T00:00:00Z'),
            new Date('2024-03-14T09:30:15Z'),
            null,
          ],
          ['  espaces  ', -3, false, null, null, ''],
        ],
      },
      { name: 'Code x case 0-1', rows: [['a'], [1]] },
    ]);
    const book = await load(bytes);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Passages', 'Code x case 0-1']);
    const sheet = book.worksheets[0]!;
    const row = (number: number) => (sheet.getRow(number).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['texte', 'nombre', 'oui', 'jour', 'instant', 'vide']);
    // A formula-looking text stays text: a typed string, never a formula.
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(row(2).slice(0, 5)).toEqual([
      '=SOMME(A1)',
      523000.5,
      true,
      new Date('2024-03-14T00:00:00Z'),
      new Date('2024-03-14T09:30:15Z'),
    ]);
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('E2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.getCell('A3').value).toBe('  espaces  ');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  // Sheets are deflated as they are made and their megabytes written again by the next sink:
  // two workbooks made at once must each read back exactly, every row in its place.
  it('writes two workbooks of several megabytes at once, each read back exactly', async () => {
    const textOf = (tag: string, row: number) =>
      `${tag} ${row} ${(tag === 'A' ? 'é' : '🙂').repeat(100)}`;
    const sheetOf = (tag: string) => ({
      name: tag,
      rows: (function* () {
        for (let row = 0; row < 20_000; row += 1) yield [textOf(tag, row), row];
      })(),
    });
    const [first, second] = await Promise.all([
      writeWorkbook([sheetOf('A')]),
      writeWorkbook([sheetOf('B')]),
    ]);
    for (const [tag, { bytes }] of [
      ['A', first],
      ['B', second],
    ] as const) {
      const sheet = (await load(bytes)).worksheets[0]!;
      expect(sheet.rowCount).toBe(20_000);
      for (const row of [1, 5_000, 12_345, 20_000]) {
        expect(sheet.getCell(`A${row}`).value).toBe(textOf(tag, row - 1));
        expect(sheet.getCell(`B${row}`).value).toBe(row - 1);
      }
    }
  });

  it('gives Excel only what it can hold: sheet names cleaned and unique, long cells shortened and counted, no control characters', async () => {
    const long = 'é'.repeat(XLSX_CELL_LIMIT + 10);
    const { bytes, shortenedCells } = await writeWorkbook([
      {
        name: 'Cas [A/B]: « test » très long nom de feuille',
        rows: [[long], ['bip\u0007 \ud800 fin']],
      },
      { name: 'Cas [A/B]: « test » très long nom de feuille', rows: [['x']] },
    ]);
    expect(shortenedCells).toBe(1);
    const book = await load(bytes);
    const [first, second] = book.worksheets;
    expect(first!.name.length).toBeLessThanOrEqual(31);
    expect(first!.name).not.toMatch(/[[\]:*?/\\]/);
    expect(second!.name).not.toBe(first!.name);
    const shortened = String(first!.getCell('A1').value);
    expect(shortened.length).toBe(XLSX_CELL_LIMIT);
    expect(shortened.endsWith(' […]')).toBe(true);
    expect(first!.getCell('A2').value).toBe('bip\ufffd \ufffd fin');
  });

  it('keeps a carriage return, which XML reads as a line feed unless written as a reference', async () => {
    // Found by the property below.
    const { bytes } = await writeWorkbook([
      {
        name: 'Feuille',
        rows: [
          ['a', 'b'],
          ['a', '\r\n'],
        ],
      },
    ]);
    expect((await readXlsx(bytes, 'feuille.xlsx'))[1]).toEqual(['a', '\r\n']);
  });

  it('reads back any text it writes, as Axial reads workbooks', async () => {
    const character = fc.constantFrom(
      'a',
      'é',
      ' ',
      '\n',
      '\r\n',
      '\t',
      '&',
      '<',
      '>',
      '"',
      "'",
      '🙂',
      '👩‍👩‍👧',
      '\u0301',
      'œ',
      '=',
      '-',
    );
    // Names and labels, and texts of a passage's length.
    const text = fc
      .oneof(
        fc.array(character, { minLength: 1, maxLength: 12 }),
        fc.array(character, { minLength: 70, maxLength: 90 }),
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          const { bytes } = await writeWorkbook([{ name: 'Feuille', rows: [['a', 'b'], ...rows] }]);
          const back = await readXlsx(bytes, 'feuille.xlsx');
          expect(back.slice(1)).toEqual(rows);
        },
      ),
      { seed: 20261202, numRuns: 60 },
    );
  });
});
