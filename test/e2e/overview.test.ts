import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { selectText } from './support/editor';
import { addCode, createProject, openSection, pasteTranscript } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

describe('the overview', () => {
  it('tells where the study stands and logs what the researcher did, undo included', async () => {
    const { page } = app;
    await createProject(app, 'etat');
    await openSection(page, 'Documents');
    await pasteTranscript(
      page,
      'Entretien DGS A',
      [
        'Enquêteur : Comment les habitants sont-ils associés ?',
        'DGS : Par un comité citoyen tiré au sort chaque année.',
      ].join('\n'),
    );
    await page.locator('.transcript p[data-speaker="DGS"]').first().waitFor();
    await addCode(page, null, 'Openness');
    await addCode(page, 'Openness', 'Citizen panel');
    await selectText(page, 'comité citoyen');
    await page.getByRole('button', { name: 'Apply Citizen panel to the selection' }).click();
    await page.locator('.margin-bar').first().waitFor();

    await openSection(page, 'Overview');
    const state = page.getByRole('region', { name: 'Where the study stands' });
    await state.getByText('1 coded passage in 1 document · 2 codes').waitFor();
    await expect
      .poll(() => state.locator('.axis-counts li').first().textContent())
      .toBe('Openness1 passage in 1 document');
    const log = page.locator('.activity li');
    await expect
      .poll(() => log.first().textContent())
      .toMatch(/Coding: Citizen panel, in Entretien DGS A$/);
    await expect
      .poll(() => log.allTextContents())
      .toEqual([
        expect.stringMatching(/Coding: Citizen panel, in Entretien DGS A$/),
        expect.stringMatching(/New code: Citizen panel$/),
        expect.stringMatching(/New code: Openness$/),
        expect.stringMatching(/Import a document: Entretien DGS A$/),
        expect.stringMatching(/Created the project “etat”$/),
      ]);

    // Undone from the header, where the researcher is: the counts and the log follow at once.
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    expect(await undo.getAttribute('title')).toBe('Undo: coding');
    await undo.click();
    await state.getByText('0 coded passages · 2 codes').waitFor();
    await expect
      .poll(() => log.first().textContent())
      .toMatch(/Undone — Coding: Citizen panel, in Entretien DGS A$/);
  });
});
