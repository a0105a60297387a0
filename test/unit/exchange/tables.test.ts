import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessType, parseAttributeValue, parseNumber } from '../../../shared/attributeValues';
import { parseCsv, writeCsvBytes } from '../../../electron/exchange/tables/csv';

const writeCsv = (...input: Parameters<typeof writeCsvBytes>) =>
  Buffer.from(writeCsvBytes(...input)).toString('utf8');

describe('CSV', () => {
  it('reads French Excel: BOM, semicolons, quoted fields with semicolons and quotes, CRLF', () => {
    const parsed = parseCsv(
      '\ufeffNom;Thème;Population\r\nA;"Mobilité; énergie";"523 000"\r\nB;"Le ""smart"" city";12,5\r\n',
    );
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows).toEqual([
      ['Nom', 'Thème', 'Population'],
      ['A', 'Mobilité; énergie', '523 000'],
      ['B', 'Le "smart" city', '12,5'],
    ]);
    expect(parsed.unterminatedAt).toBeNull();
  });

  it('reads RFC 4180 with commas and a field spanning lines, and reports a quote that never closes', () => {
    expect(parseCsv('name,note\nA,"two\nlines"\n').rows).toEqual([
      ['name', 'note'],
      ['A', 'two\nlines'],
    ]);
    expect(parseCsv('name,note\nA,ok\nB,"cut off\n').unterminatedAt).toBe(3);
  });

  it('writes what it reads', () => {
    const rows = [
      ['Nom', 'Note'],
      ['A', 'point; virgule, "guillemets"\net ligne'],
    ];
    expect(parseCsv(writeCsv(rows, ';', true)).rows).toEqual(rows);
    expect(writeCsv(rows, ',', false).startsWith('\ufeff')).toBe(false);
  });

  it('keeps a last row whose only cell is quoted and empty, with or without a final line break', () => {
    expect(parseCsv('nom\n""').rows).toEqual([['nom'], ['']]);
    expect(parseCsv('nom\n""\n').rows).toEqual([['nom'], ['']]);
    expect(parseCsv('nom\r\nA\r\n').rows).toEqual([['nom'], ['A']]);
  });

  it('writes a comma in a semicolon file so that its first line still tells the delimiter', () => {
    // The property below found these: a comma and a line break alone in the first line's cells.
    const rows = [
      [',', ''],
      ['', ''],
    ];
    expect(parseCsv(writeCsv(rows, ';', false)).rows).toEqual(rows);
    expect(parseCsv(writeCsv([['\n', '']], ';', false)).rows).toEqual([['\n', '']]);
    // And a table of one column, whose first line has no delimiter at all.
    expect(parseCsv(writeCsv([[''], [','], ['']], ';', false)).rows).toEqual([[''], [','], ['']]);
    // A decimal comma in a semicolon file stays a bare number past the first line.
    expect(
      writeCsv(
        [
          ['Cas', 'Population'],
          ['C', '150000,5'],
        ],
        ';',
        false,
      ),
    ).toContain('C;150000,5');
  });

  it('reads a file that mixes line endings row by row, and stops at text after a closing quote (found by review)', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\r\n').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(parseCsv('a,b\nc,d\r\ne,f\n').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(parseCsv('a,b\rc,d\r').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const bad = parseCsv('id,t\n1,"a"b\n2,c\n3,"d"\n');
    expect(bad.badQuoteAt).toBe(2);
    expect(bad.rows).toEqual([['id', 't']]);
  });

  it('reads back exactly what it writes, for any cells', () => {
    const character = fc.constantFrom(
      'a',
      'é',
      ' ',
      ',',
      ';',
      '"',
      "'",
      '\r',
      '\n',
      '=',
      '-',
      '@',
      '\t',
      '🙂',
      '\u0301',
    );
    const cell = fc.array(character, { maxLength: 8 }).map((parts) => parts.join(''));
    const table = fc.integer({ min: 1, max: 4 }).chain((columns) =>
      fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
        minLength: 1,
        maxLength: 6,
      }),
    );
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<',' | ';'>(',', ';'),
        fc.boolean(),
        (rows, delimiter, bom) => {
          expect(parseCsv(writeCsv(rows, delimiter, bom, { keepFormulas: true })).rows).toEqual(
            rows,
          );
          // Neutralised, each formula cell reads back with its apostrophe and nothing else changes.
          const neutral = rows.map((row) =>
            row.map((field) =>
              /^[=+\-@\t\r]/.test(field) && !/^-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?$/.test(field)
                ? `'${field}`
                : field,
            ),
          );
          expect(parseCsv(writeCsv(rows, delimiter, bom)).rows).toEqual(neutral);
        },
      ),
      { seed: 20261202, numRuns: 400 },
    );
  });
});

describe('attribute values', () => {
  it('reads numbers as French and English spreadsheets write them', () => {
    expect(parseNumber('523 000')).toBe(523000);
    expect(parseNumber('523\u202f000')).toBe(523000);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('2016')).toBe(2016);
    expect(parseNumber('vingt')).toBeNull();
  });

  it('validates each type and folds choices to their canonical spelling', () => {
    expect(parseAttributeValue('date', '15/03/2016')).toEqual({ ok: true, value: '2016-03-15' });
    expect(parseAttributeValue('date', '31/02/2016')).toEqual({ ok: false, kind: 'badDate' });
    expect(parseAttributeValue('boolean', 'Oui')).toEqual({ ok: true, value: true });
    expect(parseAttributeValue('boolean', 'peut-être')).toEqual({ ok: false, kind: 'badBoolean' });
    expect(parseAttributeValue('choice', 'regie', ['Régie', 'Délégation'])).toEqual({
      ok: true,
      value: 'Régie',
    });
    expect(parseAttributeValue('choice', 'SPL', ['Régie'])).toEqual({
      ok: false,
      kind: 'badChoice',
    });
    expect(parseAttributeValue('number', '  ')).toEqual({ ok: true, value: null });
  });

  it('guesses a new column’s type', () => {
    expect(guessType(['oui', 'non', 'Oui'])).toEqual({ type: 'boolean', choices: [] });
    expect(guessType(['523 000', '12,5'])).toEqual({ type: 'number', choices: [] });
    expect(guessType(['2016-01-01', '15/03/2016'])).toEqual({ type: 'date', choices: [] });
    expect(guessType(['Régie', 'Délégation', 'régie', 'Régie'])).toEqual({
      type: 'choice',
      choices: ['Régie', 'Délégation'],
    });
    expect(guessType(['Directeur général des services', 'Chargé de mission'])).toEqual({
      type: 'text',
      choices: [],
    });
  });
});
