import type { Page } from 'playwright-core';
import type { RunningApp } from './app';

/** Calls the API the UI uses, to check what the UI stored. */
export async function apiCall<T>(app: RunningApp, method: string, input: unknown): Promise<T> {
  const result = await app.core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Creates a project from the start screen and waits for its workspace. */
export async function createProject(app: RunningApp, name: string): Promise<void> {
  const { page } = app;
  await page.locator('input[name="title"]').fill(name);
  await page.locator('input[name="path"]').fill(app.projectPath(`${name}.axial`));
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByTestId('project-title').waitFor();
}

/** Adds an axis (parent null) or a code under `parent` from the codebook panel. */
export async function addCode(page: Page, parent: string | null, name: string): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Codebook' });
  if (parent === null) await panel.getByRole('button', { name: 'Add axis' }).click();
  else {
    // The add button shows on the selected row.
    await panel.locator('.code-name', { hasText: parent }).first().click();
    await panel.getByRole('button', { name: `Add a code under ${parent}` }).click();
  }
  const input = panel.getByRole('textbox', {
    name: parent === null ? 'Name of the new axis' : 'Name of the new code',
  });
  await input.fill(name);
  await input.press('Enter');
  await panel.locator('.code-name', { hasText: name }).first().waitFor();
}

/** Pastes a transcript through the import dialog. */
export async function pasteTranscript(page: Page, title: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste a transcript' });
  await paste.getByRole('textbox', { name: 'Title' }).fill(title);
  await paste.getByRole('textbox', { name: 'Text' }).fill(text);
  await paste.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByRole('dialog', { name: 'Import documents' })
    .getByRole('button', { name: 'Import 1 file' })
    .click();
  await page.getByRole('dialog', { name: 'Import documents' }).waitFor({ state: 'detached' });
}

export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}
