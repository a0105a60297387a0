import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base64 } from '../support/apiHarness';
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

const turn = (speaker: string, time: string, words: string) => `[${time}] ${speaker} : ${words}`;
const interview = [
  turn(
    'Enquêteur',
    '00:00:05',
    'Pouvez-vous me dire comment le projet de ville intelligente a été lancé ?',
  ),
  turn(
    'DGS',
    '00:00:20',
    'Tout est parti d’un appel à projets, et le maire s’en est emparé très vite ; la direction générale a suivi.',
  ),
  turn('Enquêteur', '00:02:10', 'Et les habitants, comment sont-ils associés à la démarche ?'),
  turn(
    'DGS',
    '00:02:30',
    'Un panel citoyen évalue chaque année ce qui a été fait, avec les associations de quartier.',
  ),
].join('\n');

describe('the screen of a 13-inch laptop', () => {
  it('leaves the transcript a readable line at 1024 × 700, with the codebook and the guide beside it', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await createProject(app, 'portable');
    const axis = await apiCall<{ id: string }>(app, 'codes.create', { name: 'Proactivité' });
    for (const name of ['Leadership politique', 'Le maire moteur', 'Panel citoyen', 'Associations'])
      await apiCall(app, 'codes.create', { parentId: axis.id, name });
    await apiCall(app, 'documents.import', {
      fileName: 'entretien-dgs.txt',
      data: base64(interview),
    });
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-dgs/ }).click();
    const paragraph = page.locator('.transcript p').nth(1);
    await paragraph.waitFor();
    const measure = await paragraph.evaluate((element) => {
      const style = getComputedStyle(element);
      const text = element.getBoundingClientRect().width - parseFloat(style.paddingLeft);
      const range = document.createRange();
      range.selectNodeContents(element);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      return { text, lines, fits: document.documentElement.scrollWidth <= window.innerWidth };
    });
    // About forty-five characters a line at least, and nothing pushed off the window.
    expect(measure.text).toBeGreaterThanOrEqual(300);
    expect(measure.lines).toBeLessThanOrEqual(4);
    expect(measure.fits).toBe(true);
  });
});
