import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv, readAsFormula, writeCsvBytes } from '../../../electron/exchange/tables/csv';

const writeCsv = (...input: Parameters<typeof writeCsvBytes>) =>
  Buffer.from(writeCsvBytes(...input)).toString('utf8');
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

/** Every field of every CSV file: none may start as a spreadsheet formula. */
function formulaCells(files: { fileName: string; data: Uint8Array }[]): string[] {
  return files
    .filter((file) => file.fileName.endsWith('.csv'))
    .flatMap((file) => parseCsv(Buffer.from(file.data).toString('utf8')).rows.flat())
    .filter(readAsFormula);
}

const hostile = [
  '=HYPERLINK("http://x","y")',
  '+33 6 12',
  '- Oui, bien sûr',
  '@SUM(A1)',
  '\tonglet',
];

describe('CSV exports and spreadsheet formulas', () => {
  it('write an apostrophe before any cell a spreadsheet would compute, and keep numbers as numbers', () => {
    const csv = writeCsv([['- Oui', '-3,5', '=1+1', 'texte', '-12', '+', '1e-3']], ';', true);
    expect(parseCsv(csv).rows[0]).toEqual([
      "'- Oui",
      '-3,5',
      "'=1+1",
      'texte',
      '-12',
      "'+",
      '1e-3',
    ]);
    expect(writeCsv([['- Oui']], ',', false, { keepFormulas: true })).toBe('- Oui\r\n');
  });

  it('never leave a formula in a written cell, whatever its text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 4 }), (rows) => {
        const written = parseCsv(writeCsv(rows, ',', false)).rows.flat();
        expect(written.filter(readAsFormula)).toEqual([]);
      }),
      { seed: 20261204 },
    );
  });

  it('neutralise formulas from transcript text, codes, memos, cases, participants and values in every CSV export', async () => {
    const { call } = harness;
    const axis = await call('codes.create', { name: hostile[3]! });
    const code = await call('codes.create', { parentId: axis.id, name: hostile[0]! });
    const population = await call('attributes.create', {
      entityKind: 'case',
      name: '=Population',
      type: 'text',
    });
    const collectivity = await call('cases.create', { name: hostile[1]! });
    await call('attributes.setValue', {
      attributeId: population.id,
      entityId: collectivity.id,
      value: hostile[2]!,
    });
    const person = await call('participants.create', { name: '-DGS', caseId: collectivity.id });
    const document = await call('documents.import', {
      fileName: 'entretien.txt',
      data: fileBytes('- Oui, bien sûr.\n=SOMME(A1:A9) disait le tableau.'),
    });
    await call('documents.setLinks', { documentId: document.id, participantIds: [person.id] });
    const [coding] = await call('codings.create', {
      documentId: document.id,
      start: 0,
      end: 8,
      version: document.version,
      codeIds: [code.id],
    });
    await call('codings.update', { id: coding!.id, memo: '+important' });

    const exports = [];
    for (const table of ['passages', 'codeByCase', 'codeByParticipant'] as const)
      for (const csvStyle of ['rfc4180', 'excel-fr'] as const)
        exports.push(...(await call('dataset.export', { format: 'csv', table, csvStyle })));
    for (const entityKind of ['case', 'participant'] as const)
      exports.push(await call('tables.export', { entityKind, format: 'csv' }));
    for (const rowKind of ['case', 'participant', 'document'] as const)
      exports.push(await call('matrix.export', { rowKind, level: 'code', format: 'csv' }));
    expect(exports.length).toBeGreaterThan(10);
    expect(formulaCells(exports)).toEqual([]);
    // Still there, to be read: an apostrophe before them.
    const passages = Buffer.from(exports[0]!.data).toString('utf8');
    expect(passages).toContain(`"'- Oui, b"`);
    expect(passages).toContain(`"'+important"`);
    const dictionary = Buffer.from(exports[1]!.data).toString('utf8');
    // In the project's language (French here).
    expect(dictionary).toContain('commencent par une apostrophe');

    // For R or Python: exactly the text, said so in the dictionary.
    const [kept, keptDictionary] = await call('dataset.export', {
      format: 'csv',
      keepFormulas: true,
    });
    expect(formulaCells([kept!])).toContain('- Oui, b');
    expect(Buffer.from(keptDictionary!.data).toString('utf8')).toContain(
      'Le texte est exactement celui du projet',
    );
  });
});
