import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

describe('interface language', () => {
  it('switches to French and back, and remembers the choice', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    await page.getByRole('heading', { name: 'Nouveau projet' }).waitFor();
    await page.getByRole('heading', { name: 'Projets récents' }).waitFor();
    await page.getByRole('button', { name: 'Créer le projet' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await app.core.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { language: 'fr' },
    });

    // A French researcher sees French errors too.
    await page.locator('input[name="open-path"]').fill(app.projectPath('absent.axial'));
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Aucun fichier à l’emplacement' }).waitFor();

    const reopened = await app.reopen();
    await reopened.getByRole('heading', { name: 'Nouveau projet' }).waitFor();

    await reopened.getByRole('combobox', { name: 'Langue de l’interface' }).selectOption('en');
    await reopened.getByRole('heading', { name: 'New project' }).waitFor();
    expect(await reopened.locator('html').getAttribute('lang')).toBe('en');
    expect(await app.core.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { language: 'en' },
    });
  });

  it('shows the workspace in French', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    await page.locator('input[name="title"]').fill('Étude');
    await page.locator('input[name="path"]').fill(app.projectPath('fr.axial'));
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    for (const area of [
      'Vue d’ensemble',
      'Documents',
      'Livre de codes',
      'Cas',
      'Guides',
      'Analyse',
    ]) {
      await page.getByRole('navigation').getByRole('button', { name: area, exact: true }).waitFor();
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Livre de codes' }).click();
    await page.getByText('Ce projet ne contient encore aucun code.').waitFor();
    // The interface was switched after the form was shown: the material is French all the same.
    const current = await app.core.dispatch('projects.current', {});
    expect(current.ok && (current.value as { language: string }).language).toBe('fr');
    await page.getByRole('button', { name: 'Fermer le projet' }).waitFor();
  });
});

describe('dates and files in French', () => {
  it('takes a date as French writes it, refuses one that is none, and chooses files with French buttons', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    await page.locator('input[name="title"]').fill('Dates');
    await page.locator('input[name="path"]').fill(app.projectPath('dates.axial'));
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    // The project exists once its workspace shows: only then can another client add to it.
    await page.getByTestId('project-title').waitFor();
    const created = await app.core.dispatch('documents.import', {
      fileName: 'Entretien A.txt',
      data: Buffer.from('Enquêteur : Bonjour.\nDGS : Bonjour.'),
    });
    if (!created.ok) throw new Error(created.error.message);
    const documentId = (created.value as { id: string }).id;
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await page.getByRole('button', { name: /^Entretien A/ }).click();
    await page.locator('.transcript').waitFor();
    await page.locator('.document-properties summary').click();
    const date = page.locator('input[name="document-date"]');
    expect(await date.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    const stored = async () => {
      const result = await app.core.dispatch('documents.get', { id: documentId });
      return result.ok ? (result.value as { date: string | null }).date : 'error';
    };
    await date.fill('14/03/2024');
    await date.press('Tab');
    await expect.poll(stored).toBe('2024-03-14');
    expect(await date.inputValue()).toBe('14/03/2024');
    // February has no 31st: said where it was typed, nothing stored.
    await date.fill('31/02/2024');
    await date.press('Tab');
    await page
      .getByText('Ce n’est pas une date : saisissez-la comme 14/03/2024, ou laissez vide.')
      .waitFor();
    expect(await stored()).toBe('2024-03-14');

    // No file input of the browser's own, in the system's language, is in view: Axial's buttons are.
    await page.getByRole('button', { name: 'Joindre un enregistrement…' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Échanges' }).click();
    await page.getByRole('button', { name: 'Importer un livre de codes (.qdc)…' }).waitFor();
    expect(await page.locator('input[type=file]:visible').count()).toBe(0);
  });
});
