import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/api';
import type { Coding, DocumentSummary } from '../../shared/documents';
import { documentFromJson } from '../../shared/editor/schema';
import { sliceCodePoints } from '../../shared/text/codePoints';
import { buildTextIndex } from '../../shared/text/textIndex';
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
  'Enquêtrice : Mme Lefèvre, comment le panel a-t-il été constitué à Montreuil ?',
  'Hélène Lefèvre : Le comité citoyen de Montreuil est tiré au sort chaque année.',
  'Enquêtrice : Et Hélène, votre rôle ?',
  'Hélène Lefèvre : Je prépare les avis que le conseil de Montreuil reçoit, avec Nadia Benali.',
].join('\n');

const call = <Name extends MethodName>(method: Name, input: MethodInput<Name>) =>
  apiCall<MethodOutput<Name>>(app, method, input);

async function codedWords(documentId: string): Promise<string[]> {
  const { content } = await call('documents.get', { id: documentId });
  const text = buildTextIndex(documentFromJson(content)).text;
  return ((await call('codings.forDocument', { documentId })) as Coding[]).map((coding) =>
    sliceCodePoints(text, coding.start, coding.end),
  );
}

describe('pseudonymising a study through the UI', () => {
  it('builds the table, takes a suggested place, checks the project, leaves one occurrence, exports a copy without names, and replaces them here undoably', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await createProject(app, 'Étude Montreuil');
    await openSection(page, 'Documents');
    await pasteTranscript(page, 'Entretien Lefèvre', transcript);
    await page.locator('.transcript p[data-speaker="Hélène Lefèvre"]').first().waitFor();
    await addCode(page, null, 'Ouverture');
    await addCode(page, 'Ouverture', 'Comité citoyen');
    await codeWords(page, 'Le comité citoyen de Montreuil', 'Comité');
    const [document] = (await call('documents.list', {})) as DocumentSummary[];

    await openSection(page, 'Confidentiality');
    const table = page.getByRole('region', { name: 'Pseudonym table' });
    const add = table.getByRole('form', { name: 'Add' });
    await add.getByLabel('Real name').fill('Hélène Lefèvre');
    await add.getByLabel('Also written').fill('Hélène | Mme Lefèvre | Lefèvre');
    await add.getByLabel('Pseudonym').fill('la DGS de A');
    await add.getByRole('button', { name: 'Add' }).click();
    await table.getByRole('cell', { name: 'la DGS de A' }).waitFor();

    // A place the table lacks, suggested because no dictionary knows it.
    const review = page.getByRole('region', { name: 'Check the project' });
    await review.getByRole('button', { name: 'Suggest names not in the table' }).click();
    const montreuil = review.getByRole('form', { name: 'Montreuil' });
    await montreuil.getByRole('textbox', { name: 'Pseudonym' }).fill('Ville A');
    await montreuil.getByRole('button', { name: 'Add to the table' }).click();
    await table.getByRole('cell', { name: 'Ville A' }).waitFor();
    await montreuil.waitFor({ state: 'detached' });
    // The others in bulk: each given a pseudonym, then all added in one step.
    await review
      .getByRole('form', { name: 'Nadia Benali' })
      .getByRole('textbox', { name: 'Pseudonym' })
      .fill('l’élue C');
    await review.getByRole('button', { name: 'Add the suggestion given a pseudonym' }).click();
    await table.getByRole('cell', { name: 'l’élue C' }).waitFor();

    await review.getByRole('button', { name: 'Find the names' }).click();
    // Two names and three places in the text, the speaker's two turns, the document's title and
    // source, the project's title.
    await review.getByRole('status').getByText('11 occurrences of the table’s names').waitFor();
    // One left as written, reviewed one by one: the council is named in the study's public sources.
    await review.getByRole('button', { name: /^Leave as written: Montreuil reçoit/ }).click();
    await review.getByRole('status').getByText('10 occurrences of the table’s names.').waitFor();
    await review.getByRole('status').getByText('1 left as written.').waitFor();
    await review
      .getByRole('table', { name: 'Left as written' })
      .getByRole('button', { name: /^Replace after all: Montreuil reçoit/ })
      .waitFor();

    // The copy, with its key: the Export button is reachable on the laptop's screen.
    const share = page.getByRole('region', { name: 'Share without names' });
    const copyPath = app.projectPath('partage.axial');
    const keyPath = app.projectPath('partage.key');
    await share.getByLabel('Pseudonymised copy').fill(copyPath);
    await share.getByLabel('Key file').fill(keyPath);
    await share.getByLabel('Passphrase (at least 8 characters)').fill('une longue phrase');
    await share.getByLabel('Passphrase again').fill('une autre phrase');
    const exportButton = share.getByRole('button', { name: 'Export the pseudonymised copy' });
    await exportButton.scrollIntoViewIfNeeded();
    await exportButton.click();
    await share.getByText('The two passphrases differ.').waitFor();
    await share.getByLabel('Passphrase again').fill('une longue phrase');
    await exportButton.click();
    await share
      .getByRole('status')
      .getByText(/^Copy written to .*partage\.axial, 10 names replaced/)
      .waitFor();

    const bytes = readFileSync(copyPath);
    for (const name of ['Lefèvre', 'Hélène', 'lefevre', 'Benali'])
      expect(bytes.includes(Buffer.from(name)), name).toBe(false);
    const shared = new Database(copyPath, { readonly: true });
    const sharedText = shared.prepare('SELECT plain_text FROM document').pluck().get() as string;
    expect(sharedText.match(/Montreuil/g)).toEqual(['Montreuil']);
    expect(sharedText).toContain('le conseil de Montreuil reçoit');
    expect(shared.prepare('SELECT title FROM document').pluck().get()).toBe(
      'Entretien la DGS de A',
    );
    expect(shared.prepare('SELECT COUNT(*) FROM coding').pluck().get()).toBe(1);
    shared.close();
    expect(readFileSync(keyPath, 'utf8')).not.toContain('Lef');

    // Here, as one step of the history (the speaker's label is replaced on each of its two turns).
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Replace the names here…' }).click();
    await page
      .getByRole('status')
      .getByText('10 names replaced in 1 document. Undo takes them back.')
      .waitFor();
    // The project's title with them, in the header as in the file.
    await page.getByTestId('project-title').getByText('Étude Ville A').waitFor();
    expect(await codedWords(document!.id)).toEqual(['Le comité citoyen de Ville A']);
    // The page's history says what Undo takes back, then takes it back.
    const undo = page
      .getByRole('navigation')
      .locator('button[title="Undo: pseudonymise the project"]');
    await undo.click();
    await page
      .getByRole('navigation')
      .locator('button[title="Undo: leave a name as written"]')
      .waitFor();
    expect(await codedWords(document!.id)).toEqual(['Le comité citoyen de Montreuil']);
    await page.getByTestId('project-title').getByText('Étude Montreuil').waitFor();
    await openSection(page, 'Documents');
    await page.locator('.transcript p[data-speaker="Hélène Lefèvre"]').first().waitFor();
  });
});
