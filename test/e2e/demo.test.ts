import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { openSection } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

describe('the demo study', () => {
  it('opens from the start screen and every view shows its content without a console error', async () => {
    const { page } = app;
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.getByRole('button', { name: 'Open the demo study' }).click();
    await page
      .getByTestId('project-title')
      .filter({ hasText: 'Démo Axial — Villes et territoires intelligents' })
      .waitFor();

    // Documents: six interviews; B's transcript with its speakers and highlights.
    await openSection(page, 'Documents');
    for (const letter of ['A', 'B', 'C', 'D', 'E', 'F'])
      await page.getByRole('button', { name: new RegExp(`^Entretien ${letter} `) }).waitFor();
    await page.getByRole('button', { name: /^Entretien B / }).click();
    await page.locator('.transcript p[data-speaker="DGS B"]').first().waitFor();
    await expect.poll(() => page.locator('.transcript .coding').count()).toBeGreaterThanOrEqual(8);

    // Recordings: A's interview has one, ready to play.
    await page.getByRole('button', { name: /^Entretien A / }).click();
    await page.getByText('entretien-A-extrait.wav').waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await expect
      .poll(() =>
        page
          .getByTestId('recording-player')
          .evaluate((element) => (element as HTMLAudioElement).duration),
      )
      .toBe(40);

    // Codebook: the model's two axes and their codes.
    await openSection(page, 'Codebook');
    for (const name of ['Proactivité', 'Ouverture', 'Leadership politique', 'Co-construction'])
      await page.locator('.code-name', { hasText: name }).first().waitFor();

    // Cases and participants with the article's attributes.
    await openSection(page, 'Cases');
    await page.getByRole('cell', { name: 'Plateforme de données territoriale' }).waitFor();
    await page.getByRole('tab', { name: 'Participants' }).click();
    await page.getByRole('cell', { name: 'Directeur Général des Services' }).waitFor();

    // The guide, and its coverage across the six interviews.
    await openSection(page, 'Guides');
    await page
      .getByText('Quelles formes de gouvernance avez-vous mises en place pour conduire le projet ?')
      .first()
      .waitFor();
    await page.getByRole('tab', { name: 'Coverage' }).click();
    await expect
      .poll(() => page.locator('.coverage-grid td[data-status="answered"]').count())
      .toBeGreaterThanOrEqual(15);

    // Passages grouped by axis.
    await openSection(page, 'Passages');
    await page
      .locator('mark', { hasText: 'Il préside le comité de pilotage, il arbitre' })
      .waitFor();

    // Analysis: the matrix, the ratings and the 2×2 chart with the six cases.
    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await expect.poll(() => page.locator('table.matrix tbody tr').count()).toBe(6);
    await page.getByRole('tab', { name: 'Ratings' }).click();
    await page.getByText('Projet de mandat formalisé dès 2014').first().waitFor();
    await page.getByRole('tab', { name: '2×2 chart' }).click();
    // The points come with the ratings, a moment after the axes.
    await expect
      .poll(() =>
        page.locator('svg text').evaluateAll((nodes) => nodes.map((node) => node.textContent)),
      )
      .toEqual(expect.arrayContaining(['A', 'B', 'C', 'D', 'E', 'F']));

    // Search, accents folded.
    await openSection(page, 'Search');
    await page.getByRole('searchbox', { name: 'Search all documents' }).fill('reunion');
    await page.getByRole('search').getByRole('button', { name: 'Search', exact: true }).click();
    await page
      .locator('mark', { hasText: /réunion/i })
      .first()
      .waitFor();

    expect(consoleErrors).toEqual([]);
  });
});
