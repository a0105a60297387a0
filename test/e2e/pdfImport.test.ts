import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfFile, typesetPdf } from '../support/pdfFile';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { selectText } from './support/editor';
import { addCode, apiCall, createProject, openSection } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const secondPage =
  'Le panel citoyen tiré au sort évalue chaque année la politique de mobilité de la métropole.';

describe('a PDF through the UI', () => {
  it('imports a report with its headings and pages, shows the original beside the text, and cites the page of a coded passage', async () => {
    const { page } = app;
    await createProject(app, 'rapports');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();

    const filler = Array.from({ length: 30 }, (_, index) => ({
      text: `Au point ${index + 1}, la coopération intercommunale avance, réunion après réunion, avec les associations du territoire et les services de l’État.`,
    }));
    const { bytes, pageOf } = await typesetPdf(
      [
        { text: 'Rapport d’évaluation de la participation', heading: true },
        ...filler,
        { text: secondPage },
      ],
      { runningHead: 'Métropole — rapport 2023' },
    );
    const secondPageNumber = pageOf.at(-1)!;
    expect(secondPageNumber).toBeGreaterThan(1);
    const file = app.projectPath('rapport-2023.pdf');
    writeFileSync(file, bytes);
    await page.locator('input[type=file]').setInputFiles([file]);
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByText(`A PDF of ${pageOf.at(-1)} pages`).waitFor();
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    await dialog.waitFor({ state: 'detached' });

    const [document] = await apiCall<{ id: string; title: string }[]>(app, 'documents.list', {});
    expect(document!.title).toBe('rapport-2023');
    const detail = await apiCall<{ original: { fileName: string; size: number } | null }>(
      app,
      'documents.get',
      { id: document!.id },
    );
    expect(detail.original).toMatchObject({ fileName: 'rapport-2023.pdf', size: bytes.length });

    await page.getByRole('button', { name: /^rapport-2023/ }).click();
    await page
      .locator('.transcript h1[data-page="1"]', { hasText: 'Rapport d’évaluation' })
      .waitFor();
    await page
      .locator(`.transcript p[data-page="${secondPageNumber}"]`, { hasText: 'panel citoyen' })
      .waitFor();
    // No running head nor page number came in as text.
    expect(await page.locator('.transcript').textContent()).not.toContain('Métropole — rapport');

    // The original, drawn from the project's copy, beside the text.
    await page.getByRole('tab', { name: 'Original' }).click();
    const firstPage = page.locator('.pdf-page[data-page="1"]');
    await firstPage.and(page.locator('[data-drawn="true"]')).waitFor();
    const inked = await firstPage.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d')!;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let index = 0; index < data.length; index += 4) if (data[index]! < 128) dark += 1;
      return dark;
    });
    expect(inked).toBeGreaterThan(100);
    // From a page to its text: the caret lands on that page's first block.
    await page.getByRole('button', { name: `Go to the text of page ${secondPageNumber}` }).click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            window
              .getSelection()
              ?.anchorNode?.parentElement?.closest('[data-page]')
              ?.getAttribute('data-page') ?? null,
        ),
      )
      .toBe(String(secondPageNumber));

    // A passage coded on that page cites it.
    await addCode(page, null, 'Ouverture');
    await addCode(page, 'Ouverture', 'Évaluation citoyenne');
    await selectText(page, 'Le panel citoyen tiré au sort');
    await page.getByRole('button', { name: 'Apply Évaluation citoyenne to the selection' }).click();
    await page.locator('.coding').first().waitFor();
    await openSection(page, 'Passages');
    await page
      .locator('.passage-meta', { hasText: `rapport-2023 · p. ${secondPageNumber}` })
      .waitFor();
  });

  it('says a scanned PDF has no text, and imports nothing', async () => {
    const { page } = app;
    await createProject(app, 'scans');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    const file = app.projectPath('scan.pdf');
    writeFileSync(file, await pdfFile([{ lines: [], picture: true }]));
    await page.locator('input[type=file]').setInputFiles([file]);
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog
      .locator('[data-file="scan.pdf"]')
      .getByRole('alert')
      .filter({ hasText: 'its page is a picture, probably a scan' })
      .waitFor();
    expect(await apiCall<unknown[]>(app, 'documents.list', {})).toEqual([]);
  });
});
