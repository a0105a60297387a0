import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileBytes } from '../support/apiHarness';
import { bundleChildScript } from '../support/childScript';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { apiCall, createProject, openSection } from './support/workspace';

let holderScript: string;
let app: RunningApp;
let holder: ChildProcessWithoutNullStreams | null = null;
beforeAll(async () => {
  holderScript = await bundleChildScript('test/support/lockHolder.ts', 'lock-holder');
});
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  holder?.kill('SIGKILL');
  holder = null;
  await app.stop();
});

/** The desktop app opening the project in a process of its own. */
function desktopAxial(path: string): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, [holderScript, path]);
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) =>
      chunk.toString().startsWith('open') ? resolve(child) : reject(new Error(chunk.toString())),
    );
    child.on('error', reject);
  });
}

describe('a project open in another program', () => {
  it('is refused with where and since when, opens as a read-only copy, and opens for real once that program has crashed', async () => {
    const { page } = app;
    const path = app.projectPath('terrain.axial');
    await createProject(app, 'terrain');
    await apiCall(app, 'documents.import', {
      fileName: 'entretien-b.txt',
      data: fileBytes('Élue : Le comité citoyen se réunit chaque mois.'),
    });
    await page.getByRole('button', { name: 'Close project' }).click();
    holder = await desktopAxial(path);

    await page.locator('input[name="open-path"]').fill(path);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const refusal = page.locator('[data-error-code="project_locked"]');
    await refusal.waitFor();
    const message = await refusal.innerText();
    expect(message).toContain(`${path} is open in Axial on this computer since`);
    // The time is written as the interface writes dates, not as a raw timestamp.
    expect(message).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(await apiCall(app, 'projects.current', {})).toBeNull();

    await page.getByRole('button', { name: 'Open a read-only copy' }).click();
    const banner = page.getByTestId('read-only-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`Read-only copy of ${path}`);
    expect(await banner.innerText()).toContain('while it is open in Axial on this computer');
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-b/ }).click();
    await page.locator('.transcript', { hasText: 'Le comité citoyen' }).waitFor();
    expect(await page.locator('.transcript').getAttribute('contenteditable')).toBe('false');
    // What would change the project is not offered; finding in the text is.
    const panel = page.getByRole('complementary', { name: 'Codebook' });
    expect(await panel.getByRole('button', { name: 'Add axis' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import files' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Code…' }).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Find in document' }).waitFor();
    // A write that reaches the project anyway is refused, with the reason.
    const refused = await app.core.dispatch('codes.create', { name: 'Ouverture' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    await openSection(page, 'Overview');
    await page.locator('.project-path', { hasText: path }).waitFor();

    // The desktop app crashes; its lock stays behind and does not block.
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder!.once('exit', resolve));
    holder = null;
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.locator('input[name="open-path"]').fill(path);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('project-title').waitFor();
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
    expect(await apiCall(app, 'projects.current', {})).toMatchObject({ path, readOnlyCopy: null });
  });
});
