import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileBytes } from '../support/apiHarness';
import { makeUnwritable } from '../support/unwritable';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { addCode, apiCall, createProject, openSection } from './support/workspace';

let app: RunningApp;
// Undone before the app's folder is removed: an immutable file cannot be deleted, even by root.
let restore: (() => void) | null = null;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  restore?.();
  restore = null;
  await app.stop();
});

describe('a project file that cannot be written', () => {
  it('is refused saying so, opens as a read-only copy, and is saved as a copy elsewhere to work on', async ({
    skip,
  }) => {
    const { page } = app;
    const path = app.projectPath('terrain.axial');
    await createProject(app, 'terrain');
    await apiCall(app, 'documents.import', {
      fileName: 'entretien-b.txt',
      data: fileBytes('Élue : Le comité citoyen se réunit chaque mois.'),
    });
    await page.getByRole('button', { name: 'Close project' }).click();
    // Closed before the file is made unwritable: closing checkpoints the file, which a file
    // already unwritable refuses (CI's slower run made it so before the close was through).
    await page.locator('input[name="open-path"]').waitFor();
    const made = makeUnwritable(path);
    if (!made.ok) skip(`no way to make a file unwritable here: ${made.error}`);
    else restore = made.value;

    const open = async () => {
      await page.locator('input[name="open-path"]').fill(path);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      const refusal = page.locator('[data-error-code="not_writable"]');
      await refusal.waitFor();
      return refusal.innerText();
    };
    const message = await open();
    expect(message).toContain(`${path} is a read-only file`);
    expect(message).toContain('Open a read-only copy');
    expect(message).not.toContain('unable to open database file');
    expect(await apiCall(app, 'projects.current', {})).toBeNull();

    // To read it: a snapshot, which says why nothing can be changed.
    await page.getByRole('button', { name: 'Open a read-only copy' }).click();
    const banner = page.getByTestId('read-only-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`Read-only copy of ${path}`);
    expect(await banner.innerText()).toContain('that file cannot be written');
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-b/ }).click();
    await page.locator('.transcript', { hasText: 'Le comité citoyen' }).waitFor();
    expect(await page.locator('.transcript').getAttribute('contenteditable')).toBe('false');
    await page.getByRole('button', { name: 'Close project' }).click();

    // To work on it: a copy where it can be written, opened at once.
    await open();
    await page.getByRole('button', { name: 'Save a copy elsewhere…' }).click();
    const target = page.locator('input[name="copy-elsewhere-path"]');
    await target.waitFor();
    // The default project folder is the project's own here: the copy is named apart.
    expect(await target.inputValue()).toBe(app.projectPath('terrain (copy).axial'));
    const copy = app.projectPath('terrain de travail.axial');
    await target.fill(copy);
    await page.getByRole('button', { name: 'Save the copy and open it' }).click();
    await page.getByTestId('project-title').waitFor();
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
    expect(await apiCall(app, 'projects.current', {})).toMatchObject({
      path: copy,
      title: 'terrain',
      readOnlyCopy: null,
    });
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-b/ }).click();
    await page.locator('.transcript[contenteditable="true"]', { hasText: 'Le comité' }).waitFor();
    await addCode(page, null, 'Ouverture');
    expect(
      (await apiCall<{ name: string }[]>(app, 'codes.list', {})).map((code) => code.name),
    ).toEqual(['Ouverture']);
  });

  it('is explained in French to a French researcher', async ({ skip }) => {
    const { page } = app;
    const path = app.projectPath('terrain.axial');
    await createProject(app, 'terrain');
    await page.getByRole('button', { name: 'Close project' }).click();
    // Closed before the file is made unwritable: closing checkpoints the file, which a file
    // already unwritable refuses (CI's slower run made it so before the close was through).
    await page.locator('input[name="open-path"]').waitFor();
    const made = makeUnwritable(path);
    if (!made.ok) skip(`no way to make a file unwritable here: ${made.error}`);
    else restore = made.value;
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    await page.locator('input[name="open-path"]').fill(path);
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `${path} est un fichier en lecture seule` })
      .waitFor();
    await page.getByRole('button', { name: 'Ouvrir une copie en lecture seule' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer une copie ailleurs…' }).click();
    await page.getByRole('button', { name: 'Enregistrer la copie et l’ouvrir' }).waitFor();
  });
});
