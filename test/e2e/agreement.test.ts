import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { codeWords } from './support/editor';
import { addCode, createProject, openSection, pasteTranscript } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const transcript = [
  'Enquêteur : Comment les habitants sont-ils associés aux décisions ?',
  'DGS : Le comité citoyen est tiré au sort chaque année, et il rend un avis sur le budget.',
  'Enquêteur : Et ensuite ?',
  'DGS : Le conseil municipal vote, en tenant compte de cet avis.',
].join('\n');

describe('intercoder agreement through the UI', () => {
  it('compares two coders who coded through the UI, follows the threshold, exports the report, settles a disagreement and undoes it', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    const first = page.getByRole('region', { name: 'Your name as a coder' });
    await first.getByLabel('Name').fill('Amélie');
    await first.getByRole('button', { name: 'Save' }).click();
    await createProject(app, 'accord');
    await openSection(page, 'Documents');
    await pasteTranscript(page, 'Entretien DGS', transcript);
    await page.getByRole('button', { name: /^Entretien DGS/ }).click();
    await page.locator('.transcript p[data-speaker="DGS"]').first().waitFor();
    await addCode(page, null, 'Ouverture');
    await addCode(page, 'Ouverture', 'Comité citoyen');

    const code = (words: string) => codeWords(page, words, 'Comité');
    // Amélie codes the whole sentence; Bruno, on the same computer later, most of it.
    await code('Le comité citoyen est tiré au sort');
    await page.getByRole('button', { name: 'Coder: Amélie' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your name as a coder' });
    await dialog.getByLabel('Name').fill('Bruno');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Coder: Bruno' }).waitFor();
    await code('comité citoyen est tiré au sort');
    await expect.poll(() => page.locator('.coding').count()).toBeGreaterThan(0);

    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const view = page.locator('.agreement-view');
    await expect.poll(() => view.getByLabel('First coder').inputValue()).toBe('Amélie');
    expect(await view.getByLabel('Second coder').inputValue()).toBe('Bruno');
    const row = view.locator('tr[data-code="Ouverture › Comité citoyen"]');
    // 31 of 34 characters shared: 91 % of the ground, a match at 90 %.
    await row.getByText('2 of 2 (100%)').waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d{2}(\.\d)?%$/);
    expect(Number(cells[1])).toBeGreaterThan(0.9);
    expect(Number(cells[2])).toBeGreaterThan(0.9);
    await view.getByText('Compared on 1 document').waitFor();
    // The same coder twice says so instead of leaving the pane empty.
    await view.getByLabel('Second coder').selectOption('Amélie');
    await view.getByText('Choose two different coders to compare.').waitFor();
    await view.getByLabel('Second coder').selectOption('Bruno');
    await row.waitFor();

    await view.getByLabel('Segments match from an overlap of (%)').fill('95');
    await row.getByText('0 of 2 (0%)').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('agreement-Amélie-Bruno.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Ouverture / Comité citoyen');
    expect(sheet.getRow(2).getCell(6).value).toBe(0);
    expect(String(sheet.getRow(1).getCell(6).value)).toContain('95');
    const method = new Map(
      workbook.worksheets[1]!.getSheetValues().flatMap((line) =>
        Array.isArray(line) ? [[line[1], line[2]]] : [],
      ),
    );
    expect(method.get('Project')).toBe('accord');
    expect(method.get('Coders')).toBe('Amélie · Bruno');

    // The disagreement side by side, settled with Amélie's passage: the figures rise at once.
    const list = view.getByRole('region', { name: 'Disagreements' });
    await list.getByRole('heading', { name: '1 disagreement' }).waitFor();
    const item = list.locator('.disagreement');
    expect(
      await item.locator('.disagreement-side').first().locator('blockquote').textContent(),
    ).toBe('Le comité citoyen est tiré au sort');
    expect(
      await item.locator('.disagreement-side').nth(1).locator('blockquote').textContent(),
    ).toBe('comité citoyen est tiré au sort');
    await item.getByRole('button', { name: 'Keep Amélie’s' }).click();
    await row.getByText('2 of 2 (100%)').waitFor();
    expect((await row.locator('td').allTextContents())[0]).toBe('100%');
    await list.getByRole('heading', { name: '0 disagreements' }).waitFor();
    // Undone: the disagreement is back; undone again, Bruno's coding goes and one coder is left.
    const undo = page.getByRole('navigation').getByRole('button', { name: 'Undo' });
    await undo.click();
    await row.getByText('0 of 2 (0%)').waitFor();
    await undo.click();
    await view.getByText('Agreement needs codings by two coders', { exact: false }).waitFor();
  });
});
