import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportLayout } from '../../shared/report';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { apiCall, openSection } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

describe('the study report through the UI', () => {
  it('arranges the demo’s report, adds a typology and a quotation, undoes a move, exports it for Word and prints the report alone', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Open the demo study' }).click();
    await page.getByTestId('project-title').filter({ hasText: 'Démo Axial' }).waitFor();

    // A key quotation marked in Passages goes into the report's quotations.
    await openSection(page, 'Passages');
    const passage = page.locator('.passage', {
      hasText: 'Ce sont surtout les maires des communes qui informent leurs habitants',
    });
    await passage.getByRole('button', { name: 'Key quotation' }).click();
    await passage.getByRole('button', { name: 'Key quotation ✓' }).waitFor();

    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Report' }).click();
    const preview = page.getByRole('article', { name: 'Preview' });
    const captions = preview.locator('figcaption');
    await expect
      .poll(() => captions.allTextContents())
      .toEqual([
        'Tableau 1. Caractéristiques des cas',
        'Tableau 2. Personnes interrogées',
        "Tableau 3. Guide d'entretien — gouvernance des projets de territoire intelligent",
        'Tableau 4. Typologie : Usagers, habitants, associations',
        'Tableau 5. Usagers, habitants, associations : présence dans chaque cas',
        'Tableau 6. Grille de codage',
        'Tableau 7. Passages codés par cas et par variable',
        'Figure 1. Modèles de gouvernance',
      ]);
    await preview
      .locator('blockquote', {
        hasText: '« Ce sont surtout les maires des communes qui informent leurs habitants »',
      })
      .waitFor();
    const typology = preview.locator('figure', { hasText: 'Tableau 4.' });
    await expect
      .poll(() => typology.locator('tr', { hasText: 'Information' }).first().textContent())
      .toContain('4/6 cas (A, B, D, E)');

    // A column taken out of Table 1: the stored layout and the preview follow.
    const casesBlock = page.getByRole('listitem', { name: 'Cases and their attributes' });
    await casesBlock.getByText('Options').click();
    await casesBlock.getByRole('checkbox', { name: 'Mode de gestion' }).uncheck();
    await expect
      .poll(() => preview.locator('figure', { hasText: 'Tableau 1.' }).locator('tbody tr').count())
      .toBe(6);
    const layout = await apiCall<ReportLayout>(app, 'reports.layout', {});
    const stored = layout.blocks[0]!;
    expect(stored.kind === 'caseTable' && stored.columns.length).toBe(6);

    // The chart moved before the matrix, then the move undone.
    await page.getByRole('button', { name: 'Move up: 2×2 chart' }).click();
    await expect.poll(() => captions.nth(6).textContent()).toBe('Figure 1. Modèles de gouvernance');
    await page.keyboard.press('Control+z');
    await expect.poll(() => captions.last().textContent()).toBe('Figure 1. Modèles de gouvernance');

    // A typology of another variable, added last.
    await page.getByLabel('Add a block').selectOption('typology');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => captions.allTextContents())
      .toContain('Tableau 8. Typologie : Mécanismes institutionnels');

    // Exported for Word: the same tables, captions and quotations, read back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export for Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/ - rapport\.docx$/);
    const { value: html } = await mammoth.convertToHtml({
      buffer: readFileSync((await download.path())!),
    });
    expect(html.match(/<table>/g)?.length).toBe(9);
    expect(html).toContain('Tableau 9. Mécanismes institutionnels : présence dans chaque cas');
    expect(html).toContain(
      '« Ce sont surtout les maires des communes qui informent leurs habitants » (Directeur numérique E, E)',
    );
    expect(html).toContain('<img');

    // An attribute deleted in Cases: its column goes from Table 1, which says so; undo brings it back.
    await openSection(page, 'Cases');
    await page.locator('button.attribute-header', { hasText: 'Thématique dominante' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete the attribute' }).click();
    await openSection(page, 'Analysis');
    const table1 = preview.locator('figure', { hasText: 'Tableau 1.' });
    await expect.poll(() => table1.locator('tbody tr').count()).toBe(5);
    await table1
      .getByText('1 colonne choisie pour ce tableau a été supprimée du projet depuis.')
      .waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => table1.locator('tbody tr').count()).toBe(6);

    // Printed: the report alone, whole, without the application around it.
    await page.evaluate(() => document.documentElement.classList.add('printing-report'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.report-blocks').isVisible()).toBe(false);
    expect(await preview.isVisible()).toBe(true);
    const box = await preview.evaluate((element) => ({
      scroll: element.scrollHeight,
      client: element.clientHeight,
    }));
    expect(box.client).toBe(box.scroll);
  });
});
