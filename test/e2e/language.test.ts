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
    await page.getByRole('button', { name: 'Fermer le projet' }).waitFor();
  });
});
