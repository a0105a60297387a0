/**
 * `npm run screenshots`: opens the demo study in Chromium through the real
 * interface and saves the README's pictures to docs/screenshots/.
 */
import { join } from 'node:path';
import { startApp } from '../test/e2e/support/app';
import { openSection } from '../test/e2e/support/workspace';

const folder = join('docs', 'screenshots');
const app = await startApp();
try {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Open the demo study' }).click();
  await page.getByTestId('project-title').waitFor();

  await openSection(page, 'Documents');
  await page.getByRole('button', { name: /^Entretien C / }).click();
  await page.locator('.transcript .coding').first().waitFor();
  await page.screenshot({ path: join(folder, 'transcript.png') });

  await openSection(page, 'Passages');
  await page.locator('mark').first().waitFor();
  await page.screenshot({ path: join(folder, 'passages.png') });

  await openSection(page, 'Analysis');
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await page.locator('table.matrix tbody tr').first().waitFor();
  await page.screenshot({ path: join(folder, 'matrix.png') });

  await page.getByRole('tab', { name: '2×2 chart' }).click();
  await page.locator('svg text').first().waitFor();
  await page.screenshot({ path: join(folder, 'chart.png') });
  console.log(`Screenshots written to ${folder}`);
} finally {
  await app.stop();
}
