import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileBytes } from '../support/apiHarness';
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

const errors = (app: RunningApp) => app.page.locator('.error-message').allTextContents();

describe('a double-click', () => {
  it('acts once, asks once and shows no false error: adding, deleting, removing, pasting', async () => {
    const { page } = app;
    await createProject(app, 'double');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });

    // Adding an axis: one code, not one and a "name taken".
    await openSection(page, 'Codebook');
    const panel = page.getByRole('complementary', { name: 'Codebook' });
    await panel.getByRole('button', { name: 'Add axis' }).click();
    await panel.getByRole('textbox', { name: 'Name of the new axis' }).fill('Ouverture');
    await panel.getByRole('button', { name: 'Add', exact: true }).dblclick();
    await panel.locator('.code-name', { hasText: 'Ouverture' }).waitFor();
    await expect
      .poll(async () => (await apiCall<{ name: string }[]>(app, 'codes.list', {})).length)
      .toBe(1);

    // Deleting it: one question, one deletion, no "no longer exists".
    await panel.locator('.code-name', { hasText: 'Ouverture' }).click();
    await page.getByRole('button', { name: 'Delete code' }).dblclick();
    await expect.poll(async () => (await apiCall<unknown[]>(app, 'codes.list', {})).length).toBe(0);
    expect(dialogs).toHaveLength(1);

    // A coded passage's code removed from the popover by a double-click.
    const axis = await apiCall<{ id: string }>(app, 'codes.create', { name: 'Ouverture' });
    const code = await apiCall<{ id: string }>(app, 'codes.create', {
      parentId: axis.id,
      name: 'Panel',
    });
    const document = await apiCall<{ id: string; version: number }>(app, 'documents.import', {
      fileName: 'entretien.txt',
      data: fileBytes('Enquêteur : Et le panel ?\nDGS : Il se réunit deux fois par an.'),
    });
    await apiCall(app, 'codings.create', {
      documentId: document.id,
      version: document.version,
      start: 32,
      end: 42,
      codeIds: [code.id],
    });
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien/ }).click();
    await page.locator('.coding').first().click();
    await page
      .getByRole('dialog', { name: 'Coded passage' })
      .getByRole('button', { name: 'Remove Ouverture › Panel from this passage' })
      .dblclick();
    await expect
      .poll(
        async () =>
          (await apiCall<unknown[]>(app, 'codings.forDocument', { documentId: document.id }))
            .length,
      )
      .toBe(0);

    // Pasting: the second click of Continue does not cancel the import that opened under it.
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const paste = page.getByRole('dialog', { name: 'Paste a transcript' });
    await paste.getByRole('textbox', { name: 'Title' }).fill('Collé');
    await paste.getByRole('textbox', { name: 'Text' }).fill('Date : 14 mars 2024\nDGS : Bonjour.');
    const continueButton = paste.getByRole('button', { name: 'Continue' });
    const box = (await continueButton.boundingBox())!;
    await continueButton.click();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const importing = page.getByRole('dialog', { name: 'Import documents' });
    // The header's date is said before the import, and given to the document.
    await importing
      .getByText('Interview date, from its header: Mar 14, 2024 (the document’s date)')
      .waitFor();
    await importing.getByRole('button', { name: 'Import 1 file' }).click();
    await expect
      .poll(async () =>
        (await apiCall<{ title: string; date: string | null }[]>(app, 'documents.list', {}))
          .filter((row) => row.title === 'Collé')
          .map((row) => row.date),
      )
      .toEqual(['2024-03-14']);
    expect(await errors(app)).toEqual([]);
  });

  it('leaves no error behind once the researcher moves on', async () => {
    const { page } = app;
    await createProject(app, 'erreur');
    await apiCall(app, 'cases.create', { name: 'A' });
    await openSection(page, 'Cases');
    await page.getByRole('textbox', { name: 'Name of a new case' }).fill('A');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.workspace-error .error-message').waitFor();
    await openSection(page, 'Guides');
    await page.locator('.workspace-error').waitFor({ state: 'detached' });
  });
});

describe('a refused change in a table', () => {
  it('shows the stored name or value again, not the refused one', async () => {
    const { page } = app;
    await createProject(app, 'refus');
    await apiCall(app, 'cases.create', { name: 'A' });
    const b = await apiCall<{ id: string }>(app, 'cases.create', { name: 'B' });
    const population = await apiCall<{ id: string }>(app, 'attributes.create', {
      entityKind: 'case',
      name: 'Population',
      type: 'number',
    });
    await apiCall(app, 'attributes.setValue', {
      attributeId: population.id,
      entityId: b.id,
      value: 6846,
    });
    await page.reload();
    await openSection(page, 'Cases');
    const name = page.getByRole('textbox', { name: 'Name of B' });
    await name.fill('A');
    await name.press('Enter');
    await page.locator('.workspace-error .error-message').waitFor();
    await expect.poll(() => name.inputValue()).toBe('B');
    const cell = page.getByRole('textbox', { name: 'Population — B' });
    await cell.fill('beaucoup');
    await cell.press('Enter');
    await expect.poll(() => cell.inputValue()).toBe('6846');
  });
});
