import { join } from 'node:path';
import { Transform } from '@tiptap/pm/transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/api';
import type { CodeNode, Coding, DocumentSummary } from '../../shared/documents';
import { documentFromJson, documentSchema } from '../../shared/editor/schema';
import { sliceCodePoints } from '../../shared/text/codePoints';
import { buildTextIndex, offsetToPosition } from '../../shared/text/textIndex';
import { testCore } from '../support/core';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { codeWords } from './support/editor';
import { addCode, apiCall, createProject, openSection, pasteTranscript } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const transcript = [
  'Enquêteur : Comment les habitants sont-ils associés aux décisions ?',
  'DGS : Le comité citoyen est tiré au sort chaque année, et il rend un avis sur le budget.',
  'Enquêteur : Et ensuite ?',
  'DGS : Le conseil municipal vote, en tenant compte de cet avis.',
].join('\n');

const call = <Name extends MethodName>(method: Name, input: MethodInput<Name>) =>
  apiCall<MethodOutput<Name>>(app, method, input);

/** Bruno codes his copy in an Axial of his own: an edit to the transcript, a coding, the axis renamed. */
async function brunoCodesHisCopy(path: string, documentId: string): Promise<void> {
  const core = testCore(join(app.folder, 'bruno-data'));
  const bruno = async <Name extends MethodName>(method: Name, input: MethodInput<Name>) => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<Name>;
  };
  try {
    await bruno('projects.open', { path });
    await bruno('app.setCoderName', { name: 'Bruno' });
    const detail = await bruno('documents.get', { id: documentId });
    const doc = documentFromJson(detail.content);
    const index = buildTextIndex(doc);
    const transform = new Transform(doc);
    const at = [...index.text.slice(0, index.text.indexOf('Le conseil'))].length;
    transform.insert(offsetToPosition(index, at), documentSchema.text('Ensuite, '));
    await bruno('documents.applySteps', {
      id: documentId,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    const after = await bruno('documents.get', { id: documentId });
    const text = buildTextIndex(documentFromJson(after.content)).text;
    const words = 'Le conseil municipal vote';
    const start = [...text.slice(0, text.indexOf(words))].length;
    const codes = await bruno('codes.list', {});
    await bruno('codings.create', {
      documentId,
      start,
      end: start + [...words].length,
      version: after.version,
      codeIds: [codes.find((code) => code.name === 'Comité citoyen')!.id],
    });
    await bruno('codes.update', {
      id: codes.find((code) => code.name === 'Ouverture')!.id,
      name: 'Ouverture démocratique',
    });
  } finally {
    core.shutdown();
  }
}

async function codedWords(documentId: string): Promise<string[]> {
  const { content } = await call('documents.get', { id: documentId });
  const text = buildTextIndex(documentFromJson(content)).text;
  return ((await call('codings.forDocument', { documentId })) as Coding[])
    .map((coding) => `${coding.coder}: ${sliceCodePoints(text, coding.start, coding.end)}`)
    .sort();
}

describe('merging a colleague’s copy through the UI', () => {
  it('shows what comes in and the differences, merges with the one chosen, draws their codings on their words, and undoes it whole', async () => {
    const { page } = app;
    // A 13-inch laptop's screen.
    await page.setViewportSize({ width: 1024, height: 700 });
    const first = page.getByRole('region', { name: 'Your name as a coder' });
    await first.getByLabel('Name').fill('Amélie');
    await first.getByRole('button', { name: 'Save' }).click();
    await createProject(app, 'fusion');
    await openSection(page, 'Documents');
    await pasteTranscript(page, 'Entretien DGS', transcript);
    // At this width the list folds away and the new transcript opens.
    await page.locator('.transcript p[data-speaker="DGS"]').first().waitFor();
    await addCode(page, null, 'Ouverture');
    await addCode(page, 'Ouverture', 'Comité citoyen');
    await codeWords(page, 'Le comité citoyen est tiré au sort', 'Comité');

    const [document] = (await call('documents.list', {})) as DocumentSummary[];
    const copy = app.projectPath('copie Bruno.axial');
    await call('projects.saveCopy', { path: copy });
    await brunoCodesHisCopy(copy, document!.id);
    // Meanwhile Amélie renames the axis her way.
    const axisCode = ((await call('codes.list', {})) as CodeNode[]).find(
      (code) => code.name === 'Ouverture',
    )!;
    await call('codes.update', { id: axisCode.id, name: 'Ouverture (axe 2)' });
    await page.reload();
    await page.getByTestId('project-title').waitFor();
    await openSection(page, 'Documents');
    const panel = page.getByRole('complementary', { name: 'Codebook' });
    await panel.locator('.code-name', { hasText: 'Ouverture (axe 2)' }).waitFor();
    const before = await codedWords(document!.id);

    await openSection(page, 'Exchange');
    const card = page.getByRole('region', { name: 'Merge a colleague’s copy' });
    await card.locator('input[name="merge-file"]').setInputFiles(copy);
    const preview = card.getByRole('form', { name: 'Merging copie Bruno.axial' });
    await preview.getByText('This copy brings in 1 coding.').waitFor();
    await preview.getByText('Their codings are by Bruno.').waitFor();
    const conflicts = preview.getByTestId('merge-conflict');
    await expect.poll(() => conflicts.count()).toBe(2);
    const axis = conflicts.filter({ hasText: 'Code · name' });
    expect(await axis.locator('td').allTextContents()).toEqual([
      'Ouverture (axe 2)',
      'Ouverture démocratique',
    ]);
    // The transcript differs too: this project's text is kept, Bruno's coding carried onto it.
    await conflicts.filter({ hasText: 'Document · text' }).waitFor();
    await axis.getByRole('radio', { name: 'Take theirs: Ouverture (axe 2)' }).check();
    // The Merge button is reachable on the laptop's screen.
    const merge = preview.getByRole('button', { name: 'Merge', exact: true });
    await merge.scrollIntoViewIfNeeded();
    expect(await merge.isVisible()).toBe(true);
    await merge.click();
    await card.getByRole('status', { name: 'Merged' }).getByText('Merged: 1 coding.').waitFor();

    expect(await codedWords(document!.id)).toEqual([
      'Amélie: Le comité citoyen est tiré au sort',
      'Bruno: Le conseil municipal vote',
    ]);
    const names = ((await call('codes.list', {})) as CodeNode[]).map((code) => code.name);
    expect(names).toContain('Ouverture démocratique');

    // Bruno's coding is drawn in the transcript, on his words; the codebook shows the name taken.
    await openSection(page, 'Documents');
    await panel.locator('.code-name', { hasText: 'Ouverture démocratique' }).waitFor();
    await page.getByRole('button', { name: /^Entretien DGS/ }).click();
    await page.locator('.coding', { hasText: 'Le conseil municipal vote' }).first().waitFor();

    // Bruno is now one of the project's coders; the team gives him a colour of his own.
    await page.getByRole('button', { name: 'Coder: Amélie' }).click();
    const coders = page.getByRole('region', { name: 'Coders in this project' });
    await expect
      .poll(() => coders.locator('li').allTextContents())
      .toEqual(['Amélie1 coding in 1 document', 'Bruno1 coding in 1 document']);
    await coders.getByLabel('Colour of Bruno').fill('#aa3377');
    await expect
      .poll(
        async () =>
          ((await call('coders.list', {})) as { name: string; colour: string }[]).find(
            (coder) => coder.name === 'Bruno',
          )?.colour,
      )
      .toBe('#aa3377');
    await page
      .getByRole('dialog', { name: 'Your name as a coder' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await expect
      .poll(
        async () =>
          ((await call('coders.list', {})) as { name: string; colour: string }[]).find(
            (coder) => coder.name === 'Bruno',
          )?.colour,
      )
      .not.toBe('#aa3377');

    // The project has undone the colour before the page hears back: wait for the page's history.
    const undo = page.getByRole('navigation').locator('button[title="Undo: merge a copy"]');
    await undo.waitFor();
    await undo.click();
    await panel.locator('.code-name', { hasText: 'Ouverture (axe 2)' }).waitFor();
    await expect.poll(() => codedWords(document!.id)).toEqual(before);
    await expect
      .poll(() => page.locator('.coding', { hasText: 'Le conseil municipal vote' }).count())
      .toBe(0);
  });
});
