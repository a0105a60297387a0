import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function study() {
  const { call } = harness;
  const proactivity = await call('codes.create', { name: 'Proactivité' });
  const leadership = await call('codes.create', { parentId: proactivity.id, name: 'Leadership' });
  const mayor = await call('codes.create', { parentId: leadership.id, name: 'Maire moteur' });
  const openness = await call('codes.create', { name: 'Ouverture' });
  const citizens = await call('codes.create', { parentId: openness.id, name: 'Habitants' });
  const caseA = await call('cases.create', { name: 'A' });
  const caseB = await call('cases.create', { name: 'B' });
  const elu = await call('participants.create', { name: 'Élu-A', caseId: caseA.id });
  const dgs = await call('participants.create', { name: 'DGS-B', caseId: caseB.id });
  const documentA = await call('documents.import', {
    fileName: 'a.txt',
    data: fileBytes('Élu-A : Le maire porte le projet.\nÉlu-A : Les habitants participent.'),
  });
  const documentB = await call('documents.import', {
    fileName: 'b.txt',
    data: fileBytes('DGS-B : Le maire décide seul.'),
  });
  await call('documents.setLinks', { documentId: documentA.id, participantIds: [elu.id] });
  await call('documents.setLinks', { documentId: documentB.id, participantIds: [dgs.id] });
  await call('codings.create', {
    documentId: documentA.id,
    version: documentA.version,
    start: 0,
    end: 8,
    codeIds: [mayor.id],
  });
  await call('codings.create', {
    documentId: documentA.id,
    version: documentA.version,
    start: 3,
    end: 10,
    codeIds: [leadership.id],
  });
  await call('codings.create', {
    documentId: documentA.id,
    version: documentA.version,
    start: 26,
    end: 38,
    codeIds: [citizens.id],
  });
  await call('codings.create', {
    documentId: documentB.id,
    version: documentB.version,
    start: 0,
    end: 8,
    codeIds: [mayor.id],
  });
  return { proactivity, leadership, mayor, openness, citizens, caseA, caseB };
}

describe('the framework matrix', () => {
  it('counts passages and documents per case and axis, variable or code', async () => {
    const { proactivity, openness, leadership, mayor, caseA, caseB } = await study();
    const axes = await harness.call('matrix.get', { rowKind: 'case', level: 'axis' });
    expect(axes.rows.map((row) => row.name)).toEqual(['A', 'B']);
    expect(axes.columns.map((column) => column.name)).toEqual(['Proactivité', 'Ouverture']);
    const count = (matrix: typeof axes, rowId: string, codeId: string) => {
      const cell = matrix.cells.find(
        (candidate) => candidate.rowId === rowId && candidate.codeId === codeId,
      );
      return [cell?.passages ?? 0, cell?.documents ?? 0];
    };
    expect(count(axes, caseA.id, proactivity.id)).toEqual([2, 1]);
    expect(count(axes, caseA.id, openness.id)).toEqual([1, 1]);
    expect(count(axes, caseB.id, proactivity.id)).toEqual([1, 1]);
    expect(count(axes, caseB.id, openness.id)).toEqual([0, 0]);
    const variables = await harness.call('matrix.get', { rowKind: 'case', level: 'variable' });
    expect(count(variables, caseA.id, leadership.id)).toEqual([2, 1]);
    const codes = await harness.call('matrix.get', { rowKind: 'case', level: 'code' });
    expect(codes.columns.map((column) => column.name)).toEqual(['Maire moteur']);
    expect(count(codes, caseB.id, mayor.id)).toEqual([1, 1]);
    const documents = await harness.call('matrix.get', { rowKind: 'document', level: 'axis' });
    expect(documents.rows.map((row) => row.name)).toEqual(['a', 'b']);
  });

  it('keeps a summary per cell, exports counts and summaries, and undoes', async () => {
    const { proactivity, caseA } = await study();
    const { call } = harness;
    await call('matrix.setSummary', {
      rowKind: 'case',
      rowId: caseA.id,
      codeId: proactivity.id,
      summary: 'Portage politique fort.',
    });
    const matrix = await call('matrix.get', { rowKind: 'case', level: 'axis' });
    expect(
      matrix.cells.find((cell) => cell.rowId === caseA.id && cell.codeId === proactivity.id)
        ?.summary,
    ).toBe('Portage politique fort.');
    const xlsx = await call('matrix.export', { rowKind: 'case', level: 'axis', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.data) as unknown as ExcelJS.Buffer);
    const [passages, documents, summaries] = workbook.worksheets;
    expect(passages!.getRow(1).values).toEqual([undefined, 'Cas', 'Proactivité', 'Ouverture']);
    expect(passages!.getRow(2).values).toEqual([undefined, 'A', 2, 1]);
    expect(documents!.getRow(3).values).toEqual([undefined, 'B', 1, 0]);
    expect(summaries!.getRow(2).getCell(2).value).toBe('Portage politique fort.');
    const csv = Buffer.from(
      (
        await call('matrix.export', {
          rowKind: 'case',
          level: 'axis',
          format: 'csv',
          csvStyle: 'excel-fr',
        })
      ).data,
    ).toString();
    expect(csv).toContain('A;Proactivité;2;1;Portage politique fort.');
    await call('history.undo', {});
    const undone = await call('matrix.get', { rowKind: 'case', level: 'axis' });
    expect(
      undone.cells.find((cell) => cell.rowId === caseA.id && cell.codeId === proactivity.id)
        ?.summary,
    ).toBe('');
    // A summary follows its code through a merge and goes with it on delete.
    await call('matrix.setSummary', {
      rowKind: 'case',
      rowId: caseA.id,
      codeId: proactivity.id,
      summary: 'Portage fort.',
    });
    await call('codes.delete', { id: proactivity.id });
    expect(
      (await call('matrix.get', { rowKind: 'case', level: 'axis' })).columns.map(
        (column) => column.name,
      ),
    ).toEqual(['Ouverture']);
  });
});

describe('code statistics', () => {
  it('counts passages, documents and cases per code, and the codes that overlap', async () => {
    const { leadership, mayor, citizens } = await study();
    const statistics = await harness.call('codes.statistics', {});
    const of = (id: string) => statistics.codes.find((row) => row.codeId === id);
    expect(of(mayor.id)).toMatchObject({ passages: 2, documents: 2, cases: 2 });
    expect(of(leadership.id)).toMatchObject({ passages: 1, documents: 1, cases: 1 });
    expect(of(citizens.id)).toMatchObject({ passages: 1, documents: 1, cases: 1 });
    const [pair] = statistics.cooccurrences;
    expect(statistics.cooccurrences).toHaveLength(1);
    expect(new Set([pair!.firstId, pair!.secondId])).toEqual(new Set([mayor.id, leadership.id]));
    expect(pair!.count).toBe(1);
    // Drill-down: the passages where both meet.
    const both = await harness.call('passages.list', {
      codeIds: [mayor.id, leadership.id],
      codeMatch: 'all',
      exactCodes: true,
    });
    expect(both.map((passage) => passage.documentTitle)).toEqual(['a', 'a']);
  });
});
