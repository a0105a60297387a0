import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxFile } from '../support/docx';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { apiCall, createProject, openSection } from './support/workspace';

/** Views that keep data of their own, and drafts, as the lists follow each write's changes. */
let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const call = <T>(method: string, input: unknown) => apiCall<T>(app, method, input);

describe('the workspace after a write that changes none of its lists', () => {
  it('reads a rating again when it is undone', async () => {
    const { page } = app;
    await createProject(app, 'notes');
    await call('codes.create', { name: 'Proactivité' });
    await call('cases.create', { name: 'A' });
    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Ratings' }).click();
    const select = page.getByRole('combobox', { name: 'Rating of A on Proactivité' });
    await select.selectOption('3');
    const ratings = async () =>
      (await call<{ ratings: unknown[] }>('ratings.list', {})).ratings.length;
    await expect.poll(ratings).toBe(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(ratings).toBe(0);
    await expect.poll(() => select.inputValue()).toBe('');
  });

  it('keeps a memo being typed in the properties when the transcript’s typing is saved', async () => {
    const { page } = app;
    await createProject(app, 'props');
    await call('documents.import', {
      fileName: 'entretien-a.txt',
      data: new TextEncoder().encode('Élue : Le maire porte le projet.'),
    });
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-a/ }).click();
    await page.locator('.transcript').waitFor();
    await page.locator('.document-properties summary').click();
    await page.locator('.transcript p').first().click();
    await page.keyboard.type('ok ');
    const memo = page.locator('textarea[name="document-memo"]');
    await memo.click();
    await page.keyboard.type('Entretien important');
    // The typing's save has come back and been applied: the undo button names it.
    await page.locator('.history-buttons button[title="Undo: typing"]').waitFor();
    expect(await memo.inputValue()).toBe('Entretien important');
  });
});

describe('stopping an import of several long transcripts', () => {
  it('stops the file being read at once and imports no more', async () => {
    const { page } = app;
    await createProject(app, 'arret');
    await openSection(page, 'Documents');
    // Three long .docx: each takes its thread about a second to read.
    const paths = ['a', 'b', 'c'].map((name) => {
      const path = app.projectPath(`entretien-${name}.docx`);
      writeFileSync(
        path,
        docxFile(
          Array.from({ length: 12_000 }, (_, index) => ({
            runs: [
              { text: `${index % 2 ? 'DGS' : 'Enquêteur'} : Le comité se réunit (${index}).` },
            ],
          })),
        ),
      );
      return path;
    });
    await page.locator('input[type=file]').setInputFiles(paths);
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByRole('button', { name: 'Import 3 files' }).click();
    await dialog.getByRole('button', { name: 'Stop the import' }).click();
    await dialog.getByRole('button', { name: 'Close' }).waitFor();
    // The first file was still being read when Stop came: it says so, and nothing went in.
    await dialog.getByText('Cancelled: nothing was changed.').waitFor();
    expect(await call<unknown[]>('documents.list', {})).toEqual([]);
    expect(await dialog.locator('.import-file.failed').count()).toBe(3);
    expect(await dialog.locator('.import-file.imported').count()).toBe(0);
  });
});
