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
  'Enquêteur : Comment les habitants sont-ils associés ?',
  'DGS : Le comité citoyen est tiré au sort chaque année.',
  'DGS : Il rend un avis sur le budget participatif.',
].join('\n');

describe('codings by coder, and blind coding', () => {
  it('shows only mine while coding blind, one coder’s, or everyone’s, in the editor, the codebook and Passages, remembered after a reload', async () => {
    const { page } = app;
    const named = page.getByRole('region', { name: 'Your name as a coder' });
    await named.getByLabel('Name').fill('Amélie');
    await named.getByRole('button', { name: 'Save' }).click();
    await createProject(app, 'aveugle');
    await openSection(page, 'Documents');
    await pasteTranscript(page, 'Entretien DGS', transcript);
    await page.getByRole('button', { name: /^Entretien DGS/ }).click();
    await page.locator('.transcript p[data-speaker="DGS"]').first().waitFor();
    await addCode(page, null, 'Ouverture');
    await addCode(page, 'Ouverture', 'Participation');
    const code = (words: string) => codeWords(page, words, 'Particip');
    await code('Le comité citoyen est tiré au sort');
    await page.getByRole('button', { name: 'Coder: Amélie' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your name as a coder' });
    await dialog.getByLabel('Name').fill('Bruno');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Coder: Bruno' }).waitFor();
    await code('un avis sur le budget participatif');

    const highlighted = async () =>
      (await page.locator('.transcript .coding').allTextContents()).join(' | ');
    const codebook = page.getByRole('complementary', { name: 'Codebook' });
    const count = codebook.locator('.code-row', { hasText: 'Participation' }).locator('.count');
    await expect.poll(() => count.textContent()).toBe('2');
    const shown = codebook.getByLabel('Codings shown');

    // Bruno codes blind: Amélie's passage and count are hidden.
    await shown.selectOption({ label: 'Only mine (blind coding)' });
    await expect.poll(highlighted).toBe('un avis sur le budget participatif');
    await expect.poll(() => count.textContent()).toBe('1');
    await codebook.getByText('Blind coding:', { exact: false }).waitFor();

    // Remembered: after a reload it is still blind.
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^Entretien DGS/ }).click();
    await page.locator('.transcript .coding').first().waitFor();
    await expect.poll(highlighted).toBe('un avis sur le budget participatif');
    expect(
      await page
        .getByRole('complementary', { name: 'Codebook' })
        .getByLabel('Codings shown')
        .inputValue(),
    ).toBe('mine');

    await openSection(page, 'Passages');
    const listed = page.locator('li.passage');
    await listed.first().waitFor();
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain('un avis sur le budget participatif');

    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^Entretien DGS/ }).click();
    const panel = page.getByRole('complementary', { name: 'Codebook' });
    await panel.getByLabel('Codings shown').selectOption({ label: 'Amélie’s only' });
    await expect.poll(highlighted).toBe('Le comité citoyen est tiré au sort');
    await panel.getByLabel('Codings shown').selectOption({ label: 'Everyone’s' });
    await expect.poll(highlighted).toContain('Le comité citoyen est tiré au sort');
    await expect.poll(highlighted).toContain('un avis sur le budget participatif');
    await expect
      .poll(() =>
        panel.locator('.code-row', { hasText: 'Participation' }).locator('.count').textContent(),
      )
      .toBe('2');
  });
});
