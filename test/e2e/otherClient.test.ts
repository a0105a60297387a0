import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { apiCall, createProject } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

describe('writes made by another client of the same project', () => {
  it('show in the workspace once the researcher moves to another section or back to the window', async () => {
    const { page } = app;
    await createProject(app, 'deux-onglets');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await page.locator('.documents-view').waitFor();
    expect(await page.locator('.document-item').count()).toBe(0);
    // Another tab on the web host, or a script through the API.
    await apiCall(app, 'documents.import', {
      fileName: 'Entretien B.txt',
      data: Buffer.from('Élue : Le panel citoyen se réunit chaque mois.'),
    });
    await page.getByRole('navigation').getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await page.getByRole('button', { name: /^Entretien B/ }).waitFor();

    await apiCall(app, 'codes.create', { name: 'Ouverture' });
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByRole('navigation').getByRole('button', { name: 'Codebook' }).click();
    await page.locator('.code-name', { hasText: 'Ouverture' }).waitFor();
    expect(await page.locator('.code-name').count()).toBe(1);
  });
});
