import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('the Passages view on a large project', () => {
  it('shows every group’s counts at once and the first page of passages, the rest of a code on request', async () => {
    const { page } = app;
    await createProject(app, 'Grand corpus');
    const call = <T>(method: string, input: unknown) => apiCall<T>(app, method, input);
    const axis = await call<{ id: string }>('codes.create', { name: 'Ouverture' });
    const participation = await call<{ id: string }>('codes.create', {
      parentId: axis.id,
      name: 'Participation',
    });
    const information = await call<{ id: string }>('codes.create', {
      parentId: axis.id,
      name: 'Information',
    });
    const text = Array.from(
      { length: 200 },
      (_, index) => `Les habitants participent ${index}.`,
    ).join(' ');
    const document = await call<{ id: string; version: number }>('documents.import', {
      fileName: 'long.txt',
      data: Buffer.from(text),
    });
    // 400 codings: 300 on Participation, 100 on Information, interleaved in the text.
    for (let index = 0; index < 400; index += 1)
      await call('codings.create', {
        documentId: document.id,
        version: document.version,
        start: index * 10,
        end: index * 10 + 8,
        codeIds: [index % 4 === 3 ? information.id : participation.id],
      });

    // Made through the API: the page is reloaded to show them.
    await page.reload();
    await page.getByTestId('project-title').waitFor();
    await openSection(page, 'Passages');
    await page.getByRole('status').getByText('400 passages').waitFor();
    const informationGroup = page.locator(`.passage-group[data-code-id="${information.id}"]`);
    await informationGroup.getByText('100 passages · 1 document').waitFor();
    await page
      .locator(`.passage-group[data-code-id="${axis.id}"]`)
      .getByText('400 passages · 1 document')
      .first()
      .waitFor();
    // The first 300 passages in document order: 75 of Information's 100 are there.
    await expect.poll(() => informationGroup.locator('li.passage').count()).toBe(75);
    await informationGroup
      .getByRole('button', { name: 'Show all 100 passages of this code (75 shown)' })
      .click();
    await expect.poll(() => informationGroup.locator('li.passage').count()).toBe(100);
    await expect.poll(() => page.locator('li.passage').count()).toBe(325);
  });
});
