import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

const casesCsv = [
  'Cas;Population ville-centre;Projet formalisé;Année de lancement;Mode de gestion',
  'A;"523 000";oui;2016;Régie',
  'B;"12 500";non;2018;Délégation',
  'C;"150 000,5";oui;2014;Régie',
].join('\r\n');

async function snapshot() {
  const { call } = harness;
  return JSON.stringify([
    await call('cases.list', {}),
    await call('participants.list', {}),
    await call('attributes.list', {}),
  ]);
}

describe('cases and attributes', () => {
  it('imports a French Excel CSV: new attributes with guessed types, new cases, typed values', async () => {
    const { call } = harness;
    const preview = await call('tables.previewImport', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: fileBytes('\ufeff' + casesCsv),
    });
    expect(preview.delimiter).toBe(';');
    expect(preview.problems).toEqual([]);
    expect(
      preview.columns.map((column) => [
        column.header,
        column.target,
        column.newAttribute?.type ?? null,
      ]),
    ).toEqual([
      ['Cas', 'name', null],
      ['Population ville-centre', 'newAttribute', 'number'],
      ['Projet formalisé', 'newAttribute', 'boolean'],
      ['Année de lancement', 'newAttribute', 'number'],
      ['Mode de gestion', 'newAttribute', 'choice'],
    ]);
    expect(preview.summary).toEqual({
      newEntities: 3,
      updatedEntities: 0,
      newAttributes: 4,
      values: 12,
    });
    // A preview writes nothing.
    expect(await call('cases.list', {})).toEqual([]);

    await call('tables.import', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: fileBytes('\ufeff' + casesCsv),
    });
    const attributes = await call('attributes.list', {});
    const byName = (name: string) => attributes.find((attribute) => attribute.name === name)!;
    const cases = await call('cases.list', {});
    expect(cases.map((row) => row.name)).toEqual(['A', 'B', 'C']);
    expect(cases[0]!.values).toEqual({
      [byName('Population ville-centre').id]: 523000,
      [byName('Projet formalisé').id]: true,
      [byName('Année de lancement').id]: 2016,
      [byName('Mode de gestion').id]: 'Régie',
    });
    expect(cases[2]!.values[byName('Population ville-centre').id]).toBe(150000.5);
    expect(byName('Mode de gestion').choices).toEqual(['Régie', 'Délégation']);

    // Importing again changes nothing; a changed cell updates one case.
    const again = await call('tables.previewImport', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: fileBytes(casesCsv.replace('2018', '2019')),
    });
    expect(again.summary).toMatchObject({ newEntities: 0, updatedEntities: 1, newAttributes: 0 });
  });

  it('reports every problem of a malformed file row by row and leaves the project unchanged', async () => {
    const { call } = harness;
    await call('tables.import', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: fileBytes(casesCsv),
    });
    const before = await snapshot();
    const bad = [
      'Cas;Population ville-centre;Projet formalisé;Année de lancement;Mode de gestion',
      'D;beaucoup;oui;2016;Régie',
      'E;1000;peut-être;2016;SPL',
      'D;2000;non;2017;Régie',
      ';3000;non;2017;Régie',
      'F;4000;oui',
      'G;5000;oui;2020;"Régie',
    ].join('\n');
    const preview = await call('tables.previewImport', {
      entityKind: 'case',
      fileName: 'mauvais.csv',
      data: fileBytes(bad),
    });
    expect(preview.problems.map((problem) => [problem.line, problem.kind])).toEqual([
      [7, 'unterminatedQuote'],
      [2, 'badNumber'],
      [3, 'badBoolean'],
      [3, 'badChoice'],
      [4, 'duplicateRow'],
      [5, 'missingName'],
      [6, 'wrongColumnCount'],
    ]);
    const refused = await harness.fail('tables.import', {
      entityKind: 'case',
      fileName: 'mauvais.csv',
      data: fileBytes(bad),
    });
    expect(refused).toMatchObject({
      code: 'invalid_file',
      params: { reason: 'tableProblems', count: 7 },
    });
    expect(await snapshot()).toBe(before);

    // Participants naming a case that does not exist.
    const participants = 'Participant;Cas;Fonction\nDGS-A;A;DGS\nElu-Z;Z;Adjoint\n';
    const report = await call('tables.previewImport', {
      entityKind: 'participant',
      fileName: 'p.csv',
      data: fileBytes(participants),
    });
    expect(report.problems).toEqual([{ line: 3, column: 'Cas', kind: 'unknownCase', value: 'Z' }]);
    expect(
      (
        await harness.fail('tables.import', {
          entityKind: 'participant',
          fileName: 'p.csv',
          data: fileBytes(participants),
        })
      ).code,
    ).toBe('invalid_file');
    expect(await snapshot()).toBe(before);
    expect(
      (
        await harness.fail('tables.previewImport', {
          entityKind: 'case',
          fileName: 'cas.pdf',
          data: fileBytes('x'),
        })
      ).code,
    ).toBe('unsupported_format');
  });

  it('says which values a change of type cannot convert, and converts the rest only when all can', async () => {
    const { call } = harness;
    await call('tables.import', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: fileBytes(casesCsv),
    });
    const year = (await call('attributes.list', {})).find(
      (attribute) => attribute.name === 'Année de lancement',
    )!;
    const mode = (await call('attributes.list', {})).find(
      (attribute) => attribute.name === 'Mode de gestion',
    )!;
    expect(await call('attributes.previewTypeChange', { id: year.id, type: 'text' })).toEqual({
      convertible: 3,
      failures: [],
    });
    await call('attributes.update', { id: year.id, type: 'text' });
    const a = (await call('cases.list', {}))[0]!;
    expect(a.values[year.id]).toBe('2016');
    const preview = await call('attributes.previewTypeChange', { id: mode.id, type: 'boolean' });
    expect(preview.failures.map((failure) => failure.entityName)).toEqual(['A', 'B', 'C']);
    expect((await harness.fail('attributes.update', { id: mode.id, type: 'boolean' })).code).toBe(
      'invalid_operation',
    );
    expect((await call('cases.list', {}))[0]!.values[mode.id]).toBe('Régie');
    expect(
      (
        await harness.fail('attributes.setValue', {
          attributeId: mode.id,
          entityId: a.id,
          value: 'SPL',
        })
      ).code,
    ).toBe('invalid_input');
  });
});

describe('participants and links', () => {
  it('links transcripts to participants and cases; deleting a case unlinks, keeps documents, and undoes', async () => {
    const { call } = harness;
    const caseA = await call('cases.create', { name: 'A' });
    const dgs = await call('participants.create', { name: 'DGS-A', caseId: caseA.id });
    const elu = await call('participants.create', { name: 'Élu-A', caseId: caseA.id });
    const document = await call('documents.import', {
      fileName: 'entretien-a.txt',
      data: fileBytes(
        'DGS-A : Le projet est porté par le maire.\nÉlu-A : Nous associons les habitants.',
      ),
    });
    await call('documents.setLinks', { documentId: document.id, participantIds: [dgs.id, elu.id] });
    expect((await call('cases.list', {}))[0]).toMatchObject({
      participantCount: 2,
      documentCount: 1,
    });
    expect(await call('cases.deletionImpact', { id: caseA.id })).toEqual({
      participants: ['DGS-A', 'Élu-A'],
      documents: [],
    });

    // The speaker of a turn picks the participant among those linked.
    const axis = await call('codes.create', { name: 'Ouverture' });
    const code = await call('codes.create', { parentId: axis.id, name: 'Habitants' });
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 0,
      end: 10,
      codeIds: [code.id],
    });
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 36,
      end: 50,
      codeIds: [code.id],
    });
    const passages = await call('passages.list', {});
    expect(
      passages.map((passage) => [passage.speaker, passage.participantIds, passage.caseIds]),
    ).toEqual([
      ['DGS-A', [dgs.id], [caseA.id]],
      ['Élu-A', [elu.id], [caseA.id]],
    ]);

    await call('cases.delete', { id: caseA.id });
    expect(await call('cases.list', {})).toEqual([]);
    expect((await call('participants.list', {})).map((participant) => participant.caseId)).toEqual([
      null,
      null,
    ]);
    expect(await call('documents.list', {})).toHaveLength(1);
    await call('history.undo', {});
    expect((await call('participants.list', {})).map((participant) => participant.caseId)).toEqual([
      caseA.id,
      caseA.id,
    ]);

    await call('participants.delete', { id: dgs.id });
    expect((await call('documents.links', { documentId: document.id })).participantIds).toEqual([
      elu.id,
    ]);
    await call('documents.delete', { id: document.id });
    await call('history.undo', {});
    expect((await call('documents.links', { documentId: document.id })).participantIds).toEqual([
      elu.id,
    ]);
  });

  it('filters passages by attribute conditions on cases and participants', async () => {
    const { call } = harness;
    await call('tables.import', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: fileBytes(casesCsv),
    });
    await call('tables.import', {
      entityKind: 'participant',
      fileName: 'participants.csv',
      data: fileBytes(
        'Participant;Cas;Groupe\nDGS-A;A;Dirigeants\nAgent-B;B;Agents\nElu-C;C;Dirigeants\n',
      ),
    });
    const participants = await call('participants.list', {});
    const attributes = await call('attributes.list', {});
    const attribute = (name: string) => attributes.find((candidate) => candidate.name === name)!;
    expect(attribute('Groupe')).toMatchObject({
      entityKind: 'participant',
      type: 'choice',
      choices: ['Dirigeants', 'Agents'],
    });
    const axis = await call('codes.create', { name: 'Proactivité' });
    const code = await call('codes.create', { parentId: axis.id, name: 'Leadership' });
    for (const participant of participants) {
      const document = await call('documents.import', {
        fileName: `${participant.name}.txt`,
        data: fileBytes(`${participant.name} : Le projet avance.`),
      });
      await call('documents.setLinks', {
        documentId: document.id,
        participantIds: [participant.id],
      });
      await call('codings.create', {
        documentId: document.id,
        version: document.version,
        start: 0,
        end: 9,
        codeIds: [code.id],
      });
    }
    const names = async (
      conditions: {
        attributeId: string;
        operator: 'eq' | 'gt' | 'lte';
        value: string | number | boolean;
      }[],
    ) => (await call('passages.list', { conditions })).map((passage) => passage.documentTitle);
    expect(
      await names([{ attributeId: attribute('Projet formalisé').id, operator: 'eq', value: true }]),
    ).toEqual(['DGS-A', 'Elu-C']);
    expect(
      await names([
        { attributeId: attribute('Population ville-centre').id, operator: 'gt', value: 200000 },
      ]),
    ).toEqual(['DGS-A']);
    expect(
      await names([
        { attributeId: attribute('Année de lancement').id, operator: 'lte', value: 2016 },
      ]),
    ).toEqual(['DGS-A', 'Elu-C']);
    expect(
      await names([
        { attributeId: attribute('Groupe').id, operator: 'eq', value: 'dirigeants' },
        { attributeId: attribute('Année de lancement').id, operator: 'lte', value: 2014 },
      ]),
    ).toEqual(['Elu-C']);
  });

  it('exports a table that imports back unchanged, as CSV for French Excel and as XLSX', async () => {
    const { call } = harness;
    await call('tables.import', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: fileBytes(casesCsv),
    });
    const csv = await call('tables.export', {
      entityKind: 'case',
      format: 'csv',
      csvStyle: 'excel-fr',
    });
    const text = Buffer.from(csv.data).toString('utf8');
    expect(text.startsWith('\ufeffCas;Population ville-centre;')).toBe(true);
    expect(text).toContain('C;150000,5;oui;2014;Régie');
    const again = await call('tables.previewImport', {
      entityKind: 'case',
      fileName: 'cases.csv',
      data: csv.data,
    });
    expect(again.summary).toMatchObject({ newEntities: 0, updatedEntities: 0, newAttributes: 0 });
    const xlsx = await call('tables.export', { entityKind: 'case', format: 'xlsx' });
    const fromXlsx = await call('tables.previewImport', {
      entityKind: 'case',
      fileName: 'cases.xlsx',
      data: xlsx.data,
    });
    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.summary).toMatchObject({
      newEntities: 0,
      updatedEntities: 0,
      newAttributes: 0,
    });
  });
});
