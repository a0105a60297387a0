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

describe('a passage opened from Passages', () => {
  it('is selected in its transcript with its first line in view below the toolbar, on a 13-inch screen', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Open the demo study' }).click();
    await page.getByTestId('project-title').filter({ hasText: 'Démo Axial' }).waitFor();
    await openSection(page, 'Passages');
    await page
      .locator('.passage', { hasText: 'Ce sont surtout les maires des communes qui informent' })
      .locator('button.passage-open')
      .first()
      .click();
    // Paragraphs above are laid out as they come into view: where the passage ends up is
    // measured once it no longer moves.
    const where = () =>
      page.evaluate(() => {
        const selection = window.getSelection();
        const scroller = document.querySelector('.editor-scroller');
        if (!selection?.rangeCount || !scroller) return null;
        const box = scroller.getBoundingClientRect();
        return {
          text: selection.toString(),
          top: selection.getRangeAt(0).getBoundingClientRect().top - box.top,
          height: box.height,
        };
      });
    await expect
      .poll(async () => (await where())?.text)
      .toBe('Ce sont surtout les maires des communes qui informent leurs habitants');
    await expect.poll(async () => (await where())!.top).toBeGreaterThanOrEqual(0);
    const { top, height } = (await where())!;
    expect(top).toBeLessThan(height / 3);
  });
});
