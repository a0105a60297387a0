import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromJson } from '../../shared/editor/schema';
import { buildTextIndex } from '../../shared/text/textIndex';
import type { Locator } from 'playwright-core';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { codeWords } from './support/editor';
import { addCode, apiCall, createProject, openSection, pasteTranscript } from './support/workspace';

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
    await row.getByText('2 of 2 segments matched (100%)').waitFor();
    // The chance-corrected figures lead; percent agreement, inflated by the uncoded text, after them.
    expect(await view.locator('.agreement-table thead th').allTextContents()).toEqual([
      'Code',
      'Cohen’s κ',
      'Krippendorff’s α',
      'Percent agreement',
      'Segments',
    ]);
    const cells = await row.locator('td').allTextContents();
    expect(Number(cells[0])).toBeGreaterThan(0.9);
    expect(Number(cells[1])).toBeGreaterThan(0.9);
    expect(cells[2]).toMatch(/^\d{2}(\.\d)?%$/);
    await view.getByText('Compared on 1 document').waitFor();
    // One coding each: the figures are marked as resting on few, and N leaves out the line breaks.
    expect(await row.locator('.few-marker').getAttribute('title')).toBe(
      'Based on fewer than 10 codings',
    );
    await view.getByText('* Based on fewer than 10 codings', { exact: false }).waitFor();
    const stored = (await apiCall<{ id: string; length: number }[]>(app, 'documents.list', {}))[0]!;
    await view
      .getByText(`N = ${(stored.length - 3).toLocaleString('en')} characters per code`, {
        exact: false,
      })
      .waitFor();
    // The same coder twice says so instead of leaving the pane empty.
    await view.getByLabel('Second coder').selectOption('Amélie');
    await view.getByText('Choose two different coders to compare.').waitFor();
    await view.getByLabel('Second coder').selectOption('Bruno');
    await row.waitFor();

    await view
      .getByLabel('Segments match when they overlap by at least this % of their combined extent')
      .fill('95');
    await row.getByText('0 of 2 segments matched (0%)').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('agreement-Amélie-Bruno.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Ouverture / Comité citoyen');
    expect(sheet.getRow(1).getCell(3).value).toBe('Cohen kappa (characters)');
    expect(sheet.getRow(2).getCell(6).value).toBe(0);
    expect(sheet.getRow(2).getCell(6).numFmt).toBe('0.0%');
    expect(String(sheet.getRow(1).getCell(6).value)).toContain('95');
    const method = new Map(
      workbook.worksheets[1]!.getSheetValues().flatMap((line) =>
        Array.isArray(line) ? [[line[1], line[2]]] : [],
      ),
    );
    expect(method.get('Project')).toBe('accord');
    expect(method.get('Coders')).toBe('Amélie · Bruno');
    expect(method.get('Documents compared (N)')).toBe(1);
    expect(method.get('Units compared per code (N)')).toBe(stored.length - 3);

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
    // Both coders coded here: no removing one's passage, a one-sided disagreement's settlement.
    expect(await item.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await item.getByRole('button', { name: 'Keep Amélie’s' }).click();
    await row.getByText('2 of 2 segments matched (100%)').waitFor();
    expect((await row.locator('td').allTextContents())[2]).toBe('100%');
    await list.getByRole('heading', { name: '0 disagreements' }).waitFor();
    const undo = page.getByRole('navigation').getByRole('button', { name: 'Undo' });
    const redo = page.getByRole('navigation').getByRole('button', { name: 'Redo' });
    expect(await undo.getAttribute('title')).toBe('Undo: settle a disagreement');
    // Undone: the disagreement is back; undone again, Bruno's coding goes and he has none left.
    await undo.click();
    await row.getByText('0 of 2 segments matched (0%)').waitFor();
    expect(await undo.getAttribute('title')).toBe('Undo: coding');
    expect(await redo.getAttribute('title')).toBe('Redo: settle a disagreement');
    await undo.click();
    // The pair chosen stays, and the view says why there is nothing to compare: no error.
    await view.getByText('Bruno has no codings now', { exact: false }).waitFor();
    expect(await view.getByLabel('First coder').inputValue()).toBe('Amélie');
    expect(await view.getByLabel('Second coder').inputValue()).toBe('Bruno');
    expect(await view.locator('.agreement-table').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await redo.getAttribute('title')).toBe('Redo: coding');
    // Redone, his coding and the figures are back.
    await redo.click();
    await row.getByText('0 of 2 segments matched (0%)').waitFor();
    expect(await view.getByText('has no codings now', { exact: false }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('fits a 13-inch laptop, warns of an uncoded document, removes a lone coder’s passage, and speaks French', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await createProject(app, 'accord');
    const call = <T>(method: string, input: unknown) => apiCall<T>(app, method, input);
    const interview = await call<{ id: string }>('documents.import', {
      fileName: 'Entretien DGS.txt',
      data: new TextEncoder().encode(transcript),
    });
    const other = await call<{ id: string }>('documents.import', {
      fileName: 'Entretien élu.txt',
      data: new TextEncoder().encode('Élu : Le budget participatif a doublé cette année.'),
    });
    const axis = await call<{ id: string }>('codes.create', { name: 'Ouverture' });
    const panel = await call<{ id: string }>('codes.create', {
      parentId: axis.id,
      name: 'Comité citoyen et autres instances de participation des habitants',
    });
    const draw = await call<{ id: string }>('codes.create', { name: 'Tirage', codable: true });
    const budget = await call<{ id: string }>('codes.create', { name: 'Budget', codable: true });
    const code = async (documentId: string, words: string, codeId: string) => {
      const detail = await call<{ content: unknown; version: number }>('documents.get', {
        id: documentId,
      });
      const text = buildTextIndex(documentFromJson(detail.content as never)).text;
      const start = [...text.slice(0, text.indexOf(words))].length;
      await call('codings.create', {
        documentId,
        start,
        end: start + [...words].length,
        version: detail.version,
        codeIds: [codeId],
      });
    };
    await call('app.setCoderName', { name: 'Amélie' });
    await code(interview.id, 'Le comité citoyen est tiré au sort', panel.id);
    await code(interview.id, 'un avis sur le budget', budget.id);
    await code(other.id, 'Le budget participatif', budget.id);
    await call('app.setCoderName', { name: 'Bruno' });
    await code(interview.id, 'Le comité citoyen est tiré au sort', panel.id);
    await code(interview.id, 'tiré au sort', draw.id);
    await code(interview.id, 'Le conseil municipal vote', budget.id);
    await page.reload();
    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const view = page.locator('.agreement-view');
    const rowOf = (name: string) => view.locator(`tr[data-code="${name}"]`);
    await rowOf('Tirage').waitFor();

    // The document Bruno did not code, chosen: the view warns that his "not coded" lowers the figures.
    await view.locator('.agreement-documents summary').click();
    const boxes = view.locator('.agreement-documents label');
    await boxes.filter({ hasText: 'Entretien élu' }).getByRole('checkbox').check();
    await view.getByText('Compared on 2 documents').waitFor();
    await view.getByText('Bruno coded nothing in “Entretien élu”', { exact: false }).waitFor();

    await fitsTheLaptop(view);

    // In French: the names elided after "de", the figures as Intl writes French numbers.
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    const list = view.getByRole('region', { name: 'Désaccords' });
    const lone = list.locator('.disagreement').filter({ hasText: 'Tirage' });
    await lone.getByRole('button', { name: 'Retirer le passage de Bruno' }).waitFor();
    await fitsTheLaptop(view);
    expect(await lone.getByRole('button', { name: /^Garder/ }).allTextContents()).toEqual([
      'Garder ceux de Bruno',
    ]);
    await list
      .locator('.disagreement')
      .filter({ hasText: 'Budget' })
      .first()
      .getByRole('button', { name: 'Garder ceux d’Amélie' })
      .waitFor();
    const report = await call<{ codes: { name: string; kappa: number }[] }>('agreement.compute', {
      coders: ['Amélie', 'Bruno'],
      documentIds: [interview.id, other.id],
    });
    const kappa = report.codes.find((entry) => entry.name === 'Budget')!.kappa;
    expect(kappa).toBeLessThan(0);
    const written = await page.evaluate(
      (value) =>
        new Intl.NumberFormat('fr', {
          minimumFractionDigits: 3,
          maximumFractionDigits: 3,
          signDisplay: 'negative',
        }).format(value),
      kappa,
    );
    expect((await rowOf('Budget').locator('td').first().textContent())!).toBe(written);
    expect(written).toMatch(/^\D0,\d{3}$/);
    // Tirage: Amélie never coded it, a kappa of zero, never "-0,000".
    expect(await rowOf('Tirage').locator('td').first().textContent()).toBe('0,000');

    // The export in the interface's language, its file name too.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: 'Exporter en CSV (Excel français)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('accord-Amélie-Bruno.csv');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('Kappa de Cohen (caractères)');

    // Removed: Bruno's lone passage goes, one undo step brings it back.
    const headingOf = async () => (await list.getByRole('heading').first().textContent())!;
    const before = await headingOf();
    await lone.getByRole('button', { name: 'Retirer le passage de Bruno' }).click();
    await expect
      .poll(() => list.locator('.disagreement').filter({ hasText: 'Tirage' }).count())
      .toBe(0);
    expect(await headingOf()).not.toBe(before);
    const undo = page.getByRole('navigation').getByRole('button', { name: 'Annuler' });
    expect(await undo.getAttribute('title')).toBe('Annuler : régler un désaccord');
    await undo.click();
    await list.locator('.disagreement').filter({ hasText: 'Tirage' }).waitFor();
    expect(await headingOf()).toBe(before);
  });
});

/**
 * The Agreement pane at 1024 × 700: each checkbox on its label's line just
 * before its words, each swatch beside its code's name, each segment cell on
 * one line, and the table within the pane (no sideways scrolling).
 */
async function fitsTheLaptop(view: Locator): Promise<void> {
  for (const label of await view.locator('.agreement-documents label').all()) {
    const { box, words } = await label.evaluate((element) => {
      const input = element.querySelector('input')!;
      const range = document.createRange();
      range.selectNodeContents(element);
      range.setStartAfter(input);
      const text = range.getClientRects()[0]!;
      const rect = input.getBoundingClientRect();
      return {
        box: { top: rect.top, bottom: rect.bottom, right: rect.right },
        words: { top: text.top, bottom: text.bottom, left: text.left },
      };
    });
    expect(box.top).toBeLessThan(words.bottom);
    expect(words.top).toBeLessThan(box.bottom);
    expect(words.left - box.right).toBeGreaterThanOrEqual(0);
    expect(words.left - box.right).toBeLessThan(16);
  }
  const rows = await view.locator('.agreement-table tbody tr').all();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of [...rows, view.locator('.agreement-table tfoot tr')]) {
    if ((await row.locator('.swatch').count()) > 0) {
      const swatch = (await row.locator('.swatch').boundingBox())!;
      const name = (await row.locator('th button').boundingBox())!;
      expect(name.x - (swatch.x + swatch.width)).toBeGreaterThanOrEqual(0);
      expect(name.x - (swatch.x + swatch.width)).toBeLessThan(16);
      expect(swatch.y).toBeGreaterThanOrEqual(name.y - 1);
      expect(swatch.y + swatch.height).toBeLessThanOrEqual(name.y + name.height + 1);
    }
    const lines = await row.locator('td.segments').evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
  }
  const overflow = await view.evaluate((element) => {
    const pane = element.closest('.analysis-view')!;
    const frame = element.querySelector('.agreement-table-frame')!;
    return [pane.scrollWidth - pane.clientWidth, frame.scrollWidth - frame.clientWidth];
  });
  expect(overflow).toEqual([0, 0]);
}
