import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/exchange/tables/csv';
import type { Harness } from '../../support/apiHarness';
import { openHarness } from '../../support/apiHarness';
import { buildCodedStudy } from '../../support/codedStudy';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function workbook(data: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return book;
}

function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the coded dataset', () => {
  it('has one row per coding with its context and every attribute as a typed column (XLSX)', async () => {
    const study = await buildCodedStudy(harness.call);
    const [file] = await harness.call('dataset.export', { format: 'xlsx' });
    expect(file?.fileName).toBe('coded-dataset.xlsx');
    const book = await workbook(file!.data);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Passages',
      'Code x cas',
      'Code x cas 0-1',
      'Code x participant',
      'Code x participant 0-1',
      'Dictionnaire',
    ]);
    const [header, ...rows] = sheetRows(book.worksheets[0]!);
    expect(header).toEqual([
      'passage_id',
      'document',
      'document_id',
      'speaker',
      'participant',
      'case',
      'axis',
      'variable',
      'code_path',
      'code',
      'text',
      'start',
      'end',
      'guide_question',
      'coder',
      'memo',
      'created_at',
      'modified_at',
      'case.Population',
      'case.Création',
      'participant.Fonction',
      'participant.Ancienneté',
      'document.Enregistré',
    ]);
    expect(rows).toHaveLength(4);
    const column = (name: string) => (header as string[]).indexOf(name);
    const mayor = rows.find((row) => row[column('text')] === 'Le maire porte le projet 🙂')!;
    expect(mayor[column('speaker')]).toBe('Élue');
    expect(mayor[column('participant')]).toBe('Élue');
    expect(mayor[column('case')]).toBe('Métropole de Lyon');
    expect(mayor[column('axis')]).toBe('Proactivité');
    expect(mayor[column('variable')]).toBe('Leadership');
    expect(mayor[column('code_path')]).toBe('Proactivité / Leadership / Maire moteur');
    expect(mayor[column('memo')]).toBe('Formule typique.');
    expect(mayor[column('case.Population')]).toBe(1_400_000);
    expect(mayor[column('case.Création')]).toEqual(new Date('2015-01-01T00:00:00Z'));
    expect(mayor[column('participant.Fonction')]).toBe('élu');
    expect(mayor[column('participant.Ancienneté')]).toBe(12.5);
    expect(mayor[column('document.Enregistré')]).toBe(true);
    expect(mayor[column('created_at')]).toBeInstanceOf(Date);

    const [matrixHeader, ...matrixRows] = sheetRows(book.worksheets[1]!);
    expect(matrixHeader).toEqual(['code_id', 'code_path', 'Métropole de Lyon', 'Nantes']);
    const mayorRow = matrixRows.find((row) => row[0] === study.codes.mayor.id);
    expect(mayorRow?.slice(2)).toEqual([1, 1]);
    const dictionary = sheetRows(book.worksheets[5]!);
    expect(dictionary.map((row) => row[0])).toEqual(
      expect.arrayContaining(['passage_id', 'case.Population']),
    );
    expect(dictionary.find((row) => row[0] === 'case.Population')?.slice(1, 3)).toEqual([
      'case_population',
      'number',
    ]);
  });

  it('writes CSV with a companion dictionary, plain or for French Excel, within a scope', async () => {
    const study = await buildCodedStudy(harness.call);
    const files = await harness.call('dataset.export', {
      format: 'csv',
      csvStyle: 'excel-fr',
      caseIds: [study.cases.lyon.id],
    });
    expect(files.map((file) => file.fileName)).toEqual(['passages.csv', 'passages-dictionary.csv']);
    const bytes = Buffer.from(files[0]!.data);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parseCsv(bytes.toString('utf8'));
    expect(parsed.delimiter).toBe(';');
    const [header, ...rows] = parsed.rows;
    expect(rows).toHaveLength(3);
    const seniority = header!.indexOf('participant.Ancienneté');
    expect(rows.map((row) => row[seniority])).toEqual(['12,5', '12,5', '12,5']);
    const recorded = header!.indexOf('document.Enregistré');
    expect(rows[0]![recorded]).toBe('TRUE');

    const binary = await harness.call('dataset.export', {
      format: 'csv',
      table: 'codeByParticipant',
      values: 'binary',
      level: 'axis',
    });
    expect(binary.map((file) => file.fileName)).toEqual([
      'code-by-participant-binary.csv',
      'code-by-participant-binary-dictionary.csv',
    ]);
    const matrix = parseCsv(Buffer.from(binary[0]!.data).toString('utf8')).rows;
    expect(matrix[0]).toEqual(['code_id', 'code_path', 'Élue', 'DGS']);
    expect(matrix.slice(1).map((row) => row.slice(1))).toEqual([
      ['Proactivité', '1', '1'],
      ['Ouverture', '1', '0'],
    ]);
  });

  it('is the same data in either language, booleans TRUE/FALSE and numbers unformatted, with names safe for R offered', async () => {
    await buildCodedStudy(harness.call);
    const exportCsv = async (columnNames: 'readable' | 'safe') => {
      const [data, dictionary] = await harness.call('dataset.export', {
        format: 'csv',
        columnNames,
      });
      const read = (file: { data: Uint8Array }) =>
        parseCsv(Buffer.from(file.data).toString('utf8')).rows;
      return { rows: read(data!), dictionary: read(dictionary!) };
    };
    const french = await exportCsv('readable');
    const project = await harness.call('projects.current', {});
    await harness.call('projects.update', { language: project!.language === 'fr' ? 'en' : 'fr' });
    const english = await exportCsv('readable');
    expect(english.rows).toEqual(french.rows);
    const [header, ...rows] = english.rows;
    const column = (name: string) => header!.indexOf(name);
    expect(new Set(rows.map((row) => row[column('document.Enregistré')]))).toEqual(
      new Set(['TRUE', 'FALSE']),
    );
    expect(rows.map((row) => row[column('case.Population')])).toContain('1400000');
    expect(rows.map((row) => row[column('participant.Ancienneté')])).toContain('12.5');

    // The dictionary gives each column both names and says what TRUE and FALSE mean.
    const safe = await exportCsv('safe');
    expect(safe.rows.slice(1)).toEqual(rows);
    expect(safe.rows[0]!.slice(-5)).toEqual([
      'case_population',
      'case_creation',
      'participant_fonction',
      'participant_anciennete',
      'document_enregistre',
    ]);
    const recorded = safe.dictionary.find((row) => row[0] === 'document.Enregistré')!;
    expect(recorded[1]).toBe('document_enregistre');
    expect(recorded[2]).toBe('boolean');
    expect(recorded[3]).toMatch(/TRUE.*FALSE/);
  });

  it('exports the codebook as a readable document with definitions and counts', async () => {
    await buildCodedStudy(harness.call);
    const file = await harness.call('codebook.exportDocument', {});
    const html = Buffer.from(file.data).toString('utf8');
    expect(file.fileName).toBe('Étude - codebook.html');
    expect(html).toContain('Maire moteur');
    expect(html).toContain('Le maire porte le projet lui-même.');
    expect(html).toContain('2 codages de ce code dans 2 documents');
  });
});
