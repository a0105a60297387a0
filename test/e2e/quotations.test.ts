import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuotationList } from '../../shared/contract/quotations';
import type { Coding, DocumentSummary } from '../../shared/documents';
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
  'Enquêtrice : Comment le panel citoyen est-il constitué ?',
  'DGS : Le panel citoyen est tiré au sort chaque année parmi les habitants.',
  'DGS : Les élus gardent la décision, le panel donne un avis.',
].join('\n');

describe('key quotations through the UI', () => {
  it('marks passages as quotations, cuts one, reorders them, cites them in the chosen style, shows them in the typology, and follows the coding', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await createProject(app, 'citations');
    await openSection(page, 'Documents');
    await pasteTranscript(page, 'Entretien B', transcript);
    await page.locator('.transcript p[data-speaker="DGS"]').first().waitFor();
    await addCode(page, null, 'Ouverture');
    await addCode(page, 'Ouverture', 'Panel citoyen');
    await codeWords(page, 'Le panel citoyen est tiré au sort chaque année', 'Panel');
    await codeWords(page, 'Les élus gardent la décision', 'Panel');
    const [document] = await apiCall<DocumentSummary[]>(app, 'documents.list', {});
    const collectivity = await apiCall<{ id: string }>(app, 'cases.create', {
      name: 'Collectivité B',
    });
    const dgs = await apiCall<{ id: string }>(app, 'participants.create', {
      name: 'DGS de B',
      caseId: collectivity.id,
    });
    await apiCall(app, 'documents.setLinks', {
      documentId: document!.id,
      participantIds: [dgs.id],
    });

    await openSection(page, 'Passages');
    const first = page.locator('.passage', { hasText: 'tiré au sort' });
    await first.getByRole('button', { name: 'Key quotation' }).click();
    await first.getByRole('button', { name: 'Key quotation ✓' }).waitFor();
    const second = page.locator('.passage', { hasText: 'gardent la décision' });
    await second.getByRole('button', { name: 'Key quotation' }).click();
    await second.getByRole('button', { name: 'Key quotation ✓' }).waitFor();

    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Quotations' }).click();
    const group = page.getByRole('region', { name: 'Ouverture › Panel citoyen' });
    const quotes = group.locator('blockquote');
    await expect
      .poll(() => quotes.allTextContents())
      .toEqual([
        '“Le panel citoyen est tiré au sort chaque année” (DGS de B, Collectivité B)',
        '“Les élus gardent la décision” (DGS de B, Collectivité B)',
      ]);
    // A short form, cut where the researcher cuts.
    const shortForm = group.getByRole('textbox', { name: 'Short form' }).first();
    await shortForm.fill('Le panel […] est tiré au sort');
    await shortForm.blur();
    await group.getByText('“Le panel […] est tiré au sort” (DGS de B, Collectivité B)').waitFor();
    // The second first, then cited by case alone.
    await group.getByRole('button', { name: 'Move up: DGS de B, Collectivité B' }).nth(1).click();
    await page.getByLabel('Reference').selectOption('case');
    await expect
      .poll(() => quotes.allTextContents())
      .toEqual([
        '“Les élus gardent la décision” (Collectivité B)',
        '“Le panel […] est tiré au sort” (Collectivité B)',
      ]);
    await page
      .getByRole('navigation')
      .locator('button[title="Undo: change the quotations"]')
      .waitFor();

    // The typology of the axis: the sub-code, its case by letter, its passages and quotations.
    await page.getByRole('tab', { name: 'Typology' }).click();
    const typology = page.getByRole('table', { name: 'Typology' });
    const row = typology.getByRole('row', { name: /Panel citoyen/ });
    await row.getByRole('cell', { name: '1/1 case (Collectivité B)' }).waitFor();
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await row.getByText('“Le panel […] est tiré au sort” (Collectivité B)').waitFor();
    await page
      .getByRole('table', { name: 'Presence by case' })
      .getByRole('row', { name: /Panel citoyen/ })
      .getByRole('cell', { name: '✓' })
      .waitFor();

    // Its coding removed, a quotation is no longer listed; Undo brings both back.
    const codings = await apiCall<Coding[]>(app, 'codings.forDocument', {
      documentId: document!.id,
    });
    // The later of the two: "Les élus gardent la décision".
    const decision = codings.reduce((last, coding) => (coding.start > last.start ? coding : last));
    await apiCall(app, 'codings.delete', { id: decision.id });
    await openSection(page, 'Overview');
    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Quotations' }).click();
    await expect
      .poll(() => quotes.allTextContents())
      .toEqual(['“Le panel […] est tiré au sort” (Collectivité B)']);
    await page.getByRole('tab', { name: 'Typology' }).click();
    await typology
      .getByRole('row', { name: /Panel citoyen/ })
      .getByRole('cell', { name: '1', exact: true })
      .waitFor();
    const list = await apiCall<QuotationList>(app, 'quotations.list', {});
    expect(list.quotations.map((quotation) => quotation.shortForm)).toEqual([
      'Le panel […] est tiré au sort',
    ]);
  });
});
