import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
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

function storedProject(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT title, description, language FROM project').get() as {
      title: string;
      description: string;
      language: string;
    };
  } finally {
    db.close();
  }
}

describe('the coder’s name', () => {
  it('is asked at first launch, shown in the header, changed there, and carried by each coding', async () => {
    const { page } = app;
    const first = page.getByRole('region', { name: 'Your name as a coder' });
    await first.getByLabel('Name').fill('Marie Dupont');
    await first.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Coder: Marie Dupont' }).waitFor();
    await expect.poll(() => first.count()).toBe(0);
    await page.getByRole('button', { name: 'Coder: Marie Dupont' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your name as a coder' });
    await dialog.getByLabel('Name').fill('M. Dupont');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Coder: M. Dupont' }).waitFor();
    // A new tab of the same host remembers it.
    const again = await app.reopen();
    await again.getByRole('button', { name: 'Coder: M. Dupont' }).waitFor();
    // The core, on its own thread, records codings under that name from now on.
    expect(await app.core.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { coderName: 'M. Dupont' },
    });
  });
});

describe('projects through the UI', () => {
  it('creates a project, closes it, reopens it from the recent list and shows its title', async () => {
    const { page } = app;
    const path = app.projectPath('gouvernance.axial');
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    await page.getByLabel('Title').fill('Gouvernance locale et villes intelligentes');
    await page.getByLabel('Description').fill('Six collectivités A à F');
    await page.getByLabel('Language of the material').selectOption('fr');
    await page.getByRole('textbox', { name: 'File' }).first().waitFor();
    await page.locator('input[name="path"]').fill(path);
    await page.getByRole('button', { name: 'Create project' }).click();

    await expect
      .poll(() => page.getByTestId('project-title').textContent())
      .toBe('Gouvernance locale et villes intelligentes');
    await page
      .getByRole('heading', { name: 'Gouvernance locale et villes intelligentes' })
      .waitFor();
    await expect.poll(() => page.locator('.project-path').textContent()).toBe(path);
    // The sidebar offers the project's areas.
    for (const area of ['Documents', 'Codebook', 'Cases', 'Guides', 'Analysis']) {
      await page.getByRole('navigation').getByRole('button', { name: area }).waitFor();
    }
    // Committed when made: the file holds it before anything is closed.
    expect(storedProject(path)).toEqual({
      title: 'Gouvernance locale et villes intelligentes',
      description: 'Six collectivités A à F',
      language: 'fr',
    });

    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('heading', { name: 'Recent projects' }).waitFor();
    expect(await app.core.dispatch('projects.current', {})).toEqual({ ok: true, value: null });

    await app.reopen();
    await app.page
      .getByRole('button', { name: /^Gouvernance locale et villes intelligentes/ })
      .click();
    await expect
      .poll(() => app.page.getByTestId('project-title').textContent())
      .toBe('Gouvernance locale et villes intelligentes');
    expect(await app.core.dispatch('projects.current', {})).toMatchObject({
      ok: true,
      value: { path },
    });
  });

  it('edits the project properties and saves a copy', async () => {
    const { page } = app;
    const path = app.projectPath('etude.axial');
    await page.locator('input[name="title"]').fill('Étude');
    await page.locator('input[name="path"]').fill(path);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-title').waitFor();

    await page.getByRole('button', { name: 'Project properties' }).click();
    const dialog = page.getByRole('dialog', { name: 'Project properties' });
    await dialog.getByLabel('Title').fill('Étude des six collectivités');
    await dialog.getByLabel('Description').fill('Proactivité × ouverture');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => page.getByTestId('project-title').textContent())
      .toBe('Étude des six collectivités');
    expect(storedProject(path)).toMatchObject({
      title: 'Étude des six collectivités',
      description: 'Proactivité × ouverture',
    });
    await page.getByText('Changed the title and the description').waitFor();

    await page.getByRole('button', { name: 'Save a copy' }).click();
    const copyDialog = page.getByRole('dialog', { name: 'Save a copy of the project' });
    const copyPath = app.projectPath('etude-copie.axial');
    await copyDialog.locator('input[name="copy-path"]').fill(copyPath);
    await copyDialog.getByRole('button', { name: 'Save copy' }).click();
    await copyDialog.getByRole('status').filter({ hasText: copyPath }).waitFor();
    expect(storedProject(copyPath)).toMatchObject({ title: 'Étude des six collectivités' });

    // Saving again over the copy without saying so is refused with a clear message.
    await copyDialog.getByRole('button', { name: 'Save copy' }).click();
    await copyDialog.getByRole('alert').filter({ hasText: 'A file already exists' }).waitFor();
  });

  it('explains why a file cannot be opened, and leaves the start screen as it was', async () => {
    const { page } = app;
    const notes = app.projectPath('notes.axial');
    writeFileSync(notes, 'Entretien DGS — notes de terrain\n');
    await page.locator('input[name="open-path"]').fill(notes);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('is not an Axial project');
    expect(await alert.getAttribute('data-error-code')).toBe('not_an_axial_project');

    await page.locator('input[name="open-path"]').fill(app.projectPath('absent.axial'));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'There is no file at' }).waitFor();
    expect(await app.core.dispatch('projects.current', {})).toEqual({ ok: true, value: null });
  });

  it('shows a recent project whose file has gone as missing', async () => {
    const { page } = app;
    const path = app.projectPath('moved.axial');
    await page.locator('input[name="title"]').fill('Moved away');
    await page.locator('input[name="path"]').fill(path);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-title').waitFor();
    await page.getByRole('button', { name: 'Close project' }).click();
    const { renameSync } = await import('node:fs');
    renameSync(path, app.projectPath('elsewhere.axial'));
    expect(existsSync(path)).toBe(false);

    await app.reopen();
    const entry = app.page.getByRole('button', { name: /^Moved away/ });
    await entry.waitFor();
    expect(await entry.isDisabled()).toBe(true);
    await app.page.getByText('File not found').waitFor();
    await app.page.getByRole('button', { name: 'Remove from list: Moved away' }).click();
    await app.page.getByText('Projects you open will be listed here.').waitFor();
  });
});
