import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { apiCall, createProject, openSection } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Two cases with coded transcripts, made through the API: the matrix is what is tested here. */
async function codedStudy() {
  const call = <T>(method: string, input: unknown) => apiCall<T>(app, method, input);
  const proactivity = await call<{ id: string }>('codes.create', { name: 'Proactivité' });
  const mayor = await call<{ id: string }>('codes.create', {
    parentId: proactivity.id,
    name: 'Maire moteur',
  });
  const openness = await call<{ id: string }>('codes.create', { name: 'Ouverture' });
  const citizens = await call<{ id: string }>('codes.create', {
    parentId: openness.id,
    name: 'Habitants',
  });
  for (const [name, participant, text, codings] of [
    [
      'A',
      'Élu-A',
      'Élu-A : Le maire porte le projet. Les habitants participent.',
      [
        [3, 8, mayor.id],
        [30, 39, citizens.id],
      ],
    ],
    [
      'B',
      'DGS-B',
      'DGS-B : Le maire décide. Le maire arbitre.',
      [
        [3, 8, mayor.id],
        [20, 25, mayor.id],
      ],
    ],
  ] as const) {
    const created = await call<{ id: string }>('cases.create', { name });
    const person = await call<{ id: string }>('participants.create', {
      name: participant,
      caseId: created.id,
    });
    const document = await call<{ id: string }>('documents.import', {
      fileName: `${name}.txt`,
      data: base64(text),
    });
    await call('documents.setLinks', { documentId: document.id, participantIds: [person.id] });
    for (const [start, end, codeId] of codings)
      await call('codings.create', { documentId: document.id, start, end, codeIds: [codeId] });
  }
  return { proactivity };
}

describe('the framework matrix through the UI', () => {
  it('counts passages per case and axis, lists a cell’s passages, keeps its summary, and exports the counts', async () => {
    const { page } = app;
    await createProject(app, 'matrice');
    const { proactivity } = await codedStudy();
    await page.reload();
    await openSection(page, 'Analysis');
    const cellA = page.getByRole('button', { name: 'A × Proactivité' });
    await cellA.getByText('1 passages · 1 docs').waitFor();
    await page
      .getByRole('button', { name: 'B × Proactivité' })
      .getByText('2 passages · 1 docs')
      .waitFor();
    await page.getByRole('button', { name: 'B × Ouverture' }).getByText('—').waitFor();

    await page.getByRole('button', { name: 'B × Proactivité' }).click();
    const detail = page.getByRole('region', { name: 'Cell B × Proactivité' });
    await expect
      .poll(() => detail.locator('.passage-text').allTextContents())
      .toEqual(['maire', 'maire']);
    await detail
      .getByRole('textbox', { name: 'Summary of this cell' })
      .fill('Décision concentrée sur le maire.');
    await detail.getByRole('textbox', { name: 'Summary of this cell' }).blur();
    await page
      .getByRole('button', { name: 'B × Proactivité' })
      .getByText('Décision concentrée sur le maire.')
      .waitFor();
    const stored = await apiCall<{ cells: { codeId: string; summary: string }[] }>(
      app,
      'matrix.get',
      { rowKind: 'case', level: 'axis' },
    );
    expect(
      stored.cells.find((cell) => cell.codeId === proactivity.id && cell.summary)?.summary,
    ).toBe('Décision concentrée sur le maire.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Case', 'Proactivité', 'Ouverture']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'A', 1, 1]);
    expect(sheet.getRow(3).values).toEqual([undefined, 'B', 2, 0]);
    expect(workbook.worksheets[2]!.getRow(3).getCell(2).value).toBe(
      'Décision concentrée sur le maire.',
    );
  });
});
