import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studyCorpus } from '../../bench/corpus';
import { testCore } from '../support/core';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { selectText } from './support/editor';
import { apiCall, openSection } from './support/workspace';

let app: RunningApp;
let documentId: string;
let codeId: string;

/**
 * A study whose workbook takes seconds to write (60 interviews, 300,000
 * codings), with one interview of known words to code while it is written.
 */
beforeAll(async () => {
  app = await startApp();
  const path = app.projectPath('grande-etude.axial');
  const builder = testCore(app.projectPath('builder'));
  await builder.dispatch('projects.create', { path, title: 'Grande étude', language: 'fr' });
  const corpus = await studyCorpus(builder, {
    documents: 60,
    characters: 20_000,
    cases: 10,
    codings: 300_000,
    codebook: [2, 2, 3],
  });
  codeId = corpus.leafIds[0]!;
  const imported = await builder.dispatch('documents.import', {
    fileName: 'Entretien témoin.txt',
    data: Buffer.from(
      'Enquêteur : Qui porte le projet ?\nDGS : Le maire porte le projet avec les habitants.',
    ),
  });
  if (!imported.ok) throw new Error(imported.error.message);
  documentId = (imported.value as { id: string }).id;
  builder.shutdown();
  await apiCall(app, 'projects.open', { path });
  await app.reopen();
  await app.page.getByTestId('project-title').waitFor();
}, 180_000);
afterAll(async () => {
  await app.stop();
});

describe('an export in the background', () => {
  it('lets the researcher code a passage while the workbook is written, then saves it and says so', async () => {
    const { page } = app;
    const tray = page.getByRole('status', { name: 'Background work' });
    await openSection(page, 'Exchange');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Export the dataset' }).click();
    await tray.getByText('Dataset export (XLSX): in progress; you can go on working.').waitFor();

    // Meanwhile, in another view: a coding is made and drawn…
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^Entretien témoin/ }).click();
    await page.locator('.transcript', { hasText: 'Le maire porte le projet' }).waitFor();
    await selectText(page, 'Le maire porte le projet');
    await page.getByRole('button', { name: 'Apply Code 1.1.1 to the selection' }).click();
    await page.locator(`.transcript .coding[data-code-id="${codeId}"]`).first().waitFor();
    // …while the export is still running: the coding did not wait for it.
    await expect(tray.getByText(/Dataset export \(XLSX\): in progress/).isVisible()).resolves.toBe(
      true,
    );
    const stored = await apiCall<{ codeId: string; start: number; end: number }[]>(
      app,
      'codings.forDocument',
      { documentId },
    );
    expect(stored).toMatchObject([{ codeId }]);

    // The workbook arrives, and the tray says so where the researcher is.
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await tray.getByText(`Dataset export (XLSX): saved as ${file.suggestedFilename()}.`).waitFor();
    await tray.getByRole('button', { name: 'Dismiss' }).click();
    await expect(tray.getByText(/Dataset export/).count()).resolves.toBe(0);
  });

  it('cancels an export from the tray: nothing is saved, and the work goes on', async () => {
    const { page } = app;
    const tray = page.getByRole('status', { name: 'Background work' });
    await openSection(page, 'Exchange');
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await page.getByRole('button', { name: 'Export the project (.qdpx)' }).click();
    await tray.getByText(/Project export \(\.qdpx\): in progress/).waitFor();
    await tray.getByRole('button', { name: 'Stop the export' }).click();
    await tray.getByText('Project export (.qdpx): cancelled, nothing was saved.').waitFor();
    expect(downloaded).toBe(false);
    await openSection(page, 'Overview');
    await page.getByRole('heading', { name: 'Grande étude' }).first().waitFor();
  });

  it('says on the start screen that an export stopped by closing its project saved nothing', async () => {
    const { page } = app;
    await openSection(page, 'Exchange');
    await page.getByRole('button', { name: 'Export the project (.qdpx)' }).click();
    await page
      .getByRole('status', { name: 'Background work' })
      .getByText(/Project export \(\.qdpx\): in progress/)
      .waitFor();
    await page.getByRole('button', { name: 'Close project' }).click();
    await page
      .getByRole('status', { name: 'Background work' })
      .getByText('Project export (.qdpx): cancelled, nothing was saved.')
      .waitFor();
    await page.getByRole('button', { name: 'Create project' }).waitFor();
  });
});
