import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { selectText } from './support/editor';
import { addCode, apiCall, createProject, openSection, pasteTranscript } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

// The article's Table 1, as French Excel saves it: BOM, semicolons, CRLF, spaces in thousands.
const table1 = [
  'Collectivité;Population Ville centre;Population EPCI;Degré de formalisation du projet;Date de lancement;Principale échéance;Thématique dominante;Mode de gestion du projet',
  'A;77 130;162 328;Non Formalisé;2018;2021;Technologies intelligentes;Gestion directe + recours ciblé prestataires privés',
  'B;6 846;28 595;Formalisé;2016;2026;Plateforme de données territoriale;Partenariat d’innovation',
  'C;109 443;273 564;Formalisé;2014;2026;Ville du ¼ d’heure;Gestion directe + recours ciblé prestataires privés',
  'D;152 960;296 390;Formalisé;2017;2032;Transition écologique;Marché global de performance',
  'E;75 735;169 732;Formalisé;2016;2027;Transition écologique;Gestion directe + recours ciblé prestataires privés',
  'F;150 610;258 070;Formalisé;2018;Non défini;Faciliter la ville aux usagers;Gestion directe + recours ciblé prestataires privés',
].join('\r\n');

// Table 2, with a pseudonym per interviewee and the stakeholder group the findings are read by.
const table2 = [
  'Participant;Cas;Fonction;Genre;Âge estimé;Groupe',
  'DGS-B;B;Directeur Général des Services;H;40;Dirigeants',
  'Adjointe-C;C;Adjointe Innovation, Numérique et Ville Intelligente;F;35;Dirigeants',
  'CM-C;C;Chargée de mission Ville Intelligente;F;40;Agents',
  'DAF-D;D;Directrice administrative et financière;F;45;Dirigeants',
  'DTN-E;E;Directeur de la Transformation Numérique;H;40;Agents',
  'CM-F;F;Chargée de mission Smart City;F;35;Agents',
].join('\r\n');

async function importTable(file: string, content: string) {
  const path = app.projectPath(file);
  writeFileSync(path, '\ufeff' + content);
  await app.page.locator('.cases-view input[type=file]').setInputFiles(path);
  return app.page.getByRole('dialog', { name: `Import ${file}` });
}

interface Attribute {
  id: string;
  name: string;
  type: string;
  entityKind: string;
}

describe('cases, participants and attributes through the UI', () => {
  it('imports Tables 1 and 2, links transcripts, and reads passages by case within an axis, filtered by an attribute', async () => {
    const { page } = app;
    await createProject(app, 'villes');
    await openSection(page, 'Cases');

    const casesDialog = await importTable('table1.csv', table1);
    await casesDialog.getByText('6 new, 0 updated, 7 new attributes').waitFor();
    await casesDialog.getByRole('button', { name: 'Import' }).click();
    await casesDialog.waitFor({ state: 'detached' });
    await page.locator('.entity-table tr[data-row-name="F"]').waitFor();
    const attributes = await apiCall<Attribute[]>(app, 'attributes.list', {});
    const attribute = (name: string) => attributes.find((candidate) => candidate.name === name)!;
    expect(attribute('Population EPCI').type).toBe('number');
    expect(attribute('Degré de formalisation du projet').type).toBe('choice');
    expect(attribute('Principale échéance').type).toBe('choice');
    const cases = await apiCall<{ name: string; values: Record<string, unknown> }[]>(
      app,
      'cases.list',
      {},
    );
    expect(cases.find((row) => row.name === 'C')!.values[attribute('Population EPCI').id]).toBe(
      273564,
    );

    // Sorting by a number column sorts numerically.
    await page
      .locator('th', { hasText: 'Population EPCI' })
      .getByRole('button', { name: 'Sort' })
      .click();
    const order = await page
      .locator('.entity-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-name')));
    expect(order).toEqual(['B', 'A', 'E', 'F', 'C', 'D']);

    await page.getByRole('tab', { name: 'Participants' }).click();
    const participantsDialog = await importTable('table2.csv', table2);
    await participantsDialog.getByText('6 new, 0 updated, 4 new attributes').waitFor();
    await participantsDialog.getByRole('button', { name: 'Import' }).click();
    await participantsDialog.waitFor({ state: 'detached' });

    // One more participant, typed in: case A had no interviewee in Table 2.
    await page.getByRole('textbox', { name: 'Name of a new participant' }).fill('Élu-A');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('combobox', { name: 'Case of Élu-A' }).selectOption({ label: 'A' });
    await page.getByRole('textbox', { name: 'Fonction — Élu-A' }).fill('Adjoint au maire');
    await page.getByRole('textbox', { name: 'Fonction — Élu-A' }).press('Enter');
    await page.getByRole('combobox', { name: 'Groupe — Élu-A' }).selectOption('Dirigeants');
    await expect
      .poll(async () => {
        const participants = await apiCall<
          { name: string; caseId: string | null; values: Record<string, unknown> }[]
        >(app, 'participants.list', {});
        const elu = participants.find((row) => row.name === 'Élu-A');
        return elu && [elu.values[attribute('Fonction')?.id ?? ''], elu.caseId !== null];
      })
      .toBeTruthy();
    const refreshed = await apiCall<Attribute[]>(app, 'attributes.list', {});
    const fonction = refreshed.find((candidate) => candidate.name === 'Fonction')!;
    const groupe = refreshed.find((candidate) => candidate.name === 'Groupe')!;
    expect(groupe).toMatchObject({ entityKind: 'participant', type: 'choice' });
    await expect
      .poll(async () => {
        const participants = await apiCall<{ name: string; values: Record<string, unknown> }[]>(
          app,
          'participants.list',
          {},
        );
        const elu = participants.find((row) => row.name === 'Élu-A')!;
        return [elu.values[fonction.id], elu.values[groupe.id]];
      })
      .toEqual(['Adjoint au maire', 'Dirigeants']);

    // Two transcripts, each linked to its interviewee.
    await openSection(page, 'Documents');
    await pasteTranscript(
      page,
      'Entretien A',
      'Enquêteur : Qui porte le projet ?\nÉlu-A : Le maire porte le projet lui-même.',
    );
    await pasteTranscript(
      page,
      'Entretien B',
      'Enquêteur : Qui porte le projet ?\nDGS-B : Le maire porte le projet avec la direction générale.',
    );
    for (const [title, participant] of [
      ['Entretien A', 'Élu-A'],
      ['Entretien B', 'DGS-B'],
    ] as const) {
      await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
      if ((await page.locator('.document-properties').getAttribute('open')) === null) {
        await page.locator('.document-properties summary').click();
      }
      await page
        .locator('.document-links')
        .getByRole('checkbox', { name: new RegExp(`^${participant}`) })
        .check();
      await expect
        .poll(async () =>
          (await apiCall<{ documentCount: number }[]>(app, 'participants.list', {})).reduce(
            (sum, row) => sum + row.documentCount,
            0,
          ),
        )
        .toBeGreaterThan(0);
    }
    await expect
      .poll(async () =>
        (await apiCall<{ name: string; documentCount: number }[]>(app, 'cases.list', {}))
          .filter((row) => row.documentCount > 0)
          .map((row) => row.name),
      )
      .toEqual(['A', 'B']);

    // Code a passage in each.
    await addCode(page, null, 'Proactivité');
    await addCode(page, 'Proactivité', 'Leadership politique');
    await addCode(page, 'Leadership politique', 'Maire moteur');
    for (const title of ['Entretien A', 'Entretien B']) {
      await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
      await page.locator('.transcript').waitFor();
      await selectText(page, 'Le maire porte le projet');
      await page.getByRole('button', { name: 'Apply Maire moteur to the selection' }).click();
      await page.locator('.coding').first().waitFor();
    }

    // Passages by case within the axis…
    await openSection(page, 'Passages');
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('case');
    const sectionA = page.getByRole('region', { name: 'A', exact: true });
    const sectionB = page.getByRole('region', { name: 'B', exact: true });
    await sectionA.locator('.passage-group .group-name', { hasText: 'Proactivité' }).waitFor();
    await sectionB.locator('.passage-group .group-name', { hasText: 'Proactivité' }).waitFor();
    await sectionA.locator('.passage-meta', { hasText: 'Entretien A · Élu-A' }).waitFor();
    await sectionB.locator('.passage-meta', { hasText: 'Entretien B · DGS-B' }).waitFor();

    // …filtered by a case attribute: only formalised projects. The filters open from their bar.
    const filterToggle = page
      .getByRole('group', { name: 'Filters of the passages' })
      .getByRole('button', { name: 'Filter…' });
    expect(await filterToggle.getAttribute('aria-expanded')).toBe('false');
    await filterToggle.click();
    await page.getByRole('button', { name: 'Add a condition' }).click();
    await page
      .getByRole('combobox', { name: 'Attribute' })
      .selectOption({ label: 'Case · Degré de formalisation du projet' });
    await page.getByRole('combobox', { name: 'Value' }).selectOption('Formalisé');
    await sectionA.waitFor({ state: 'detached' });
    await sectionB.locator('.passage-meta', { hasText: 'Entretien B' }).waitFor();
    // And by a number: launched in 2016 or before (B: 2016).
    await page.getByRole('button', { name: 'Add a condition' }).click();
    const second = page.locator('.condition-row').nth(1);
    await second
      .getByRole('combobox', { name: 'Attribute' })
      .selectOption({ label: 'Case · Date de lancement' });
    await second.getByRole('combobox', { name: 'Comparison' }).selectOption('lte');
    await second.getByRole('textbox', { name: 'Value' }).fill('2015');
    await page.getByText('No coded passage matches.').waitFor();
    await second.getByRole('textbox', { name: 'Value' }).fill('2016');
    await sectionB.locator('.passage-meta', { hasText: 'Entretien B' }).waitFor();
    const filtered = await apiCall<{ documentTitle: string }[]>(app, 'passages.list', {
      conditions: [
        {
          attributeId: attribute('Degré de formalisation du projet').id,
          operator: 'eq',
          value: 'Formalisé',
        },
      ],
    });
    expect(filtered.map((passage) => passage.documentTitle)).toEqual(['Entretien B']);

    // Folded, the bar still says what filters the passages, and each goes with its chip.
    const bar = page.getByRole('group', { name: 'Filters of the passages' });
    await bar.getByRole('button', { name: '2 filters' }).click();
    await page.getByRole('button', { name: 'Add a condition' }).waitFor({ state: 'detached' });
    expect(
      await bar.getByRole('list', { name: 'Filters in use' }).locator('li').allTextContents(),
    ).toEqual(['Degré de formalisation du projet = Formalisé×', 'Date de lancement ≤ 2016×']);
    await bar.getByRole('button', { name: 'Remove the filter Date de lancement ≤ 2016' }).click();
    await bar
      .getByRole('button', {
        name: 'Remove the filter Degré de formalisation du projet = Formalisé',
      })
      .click();
    await bar.getByRole('button', { name: 'Filter…' }).waitFor();

    // Grouped by the stakeholder group.
    await page
      .getByRole('combobox', { name: 'Group by' })
      .selectOption({ label: 'Participant · Groupe, then axis' });
    await page
      .getByRole('region', { name: 'Dirigeants' })
      .locator('.passage-meta', { hasText: 'Élu-A' })
      .waitFor();
  });

  it('shows a malformed table’s problems line by line and leaves the project unchanged', async () => {
    const { page } = app;
    await createProject(app, 'erreurs');
    await openSection(page, 'Cases');
    const good = await importTable('table1.csv', table1);
    await good.getByRole('button', { name: 'Import' }).click();
    await good.waitFor({ state: 'detached' });
    const before = JSON.stringify([
      await apiCall(app, 'cases.list', {}),
      await apiCall(app, 'attributes.list', {}),
    ]);

    const malformed = [
      'Collectivité;Population Ville centre;Population EPCI;Degré de formalisation du projet;Date de lancement',
      'A;beaucoup;162 328;Non Formalisé;2018',
      'B;6 846;28 595;Peut-être;2016',
      'A;77 130;162 328;Non Formalisé;2018',
      'G;1 000;2 000;Formalisé',
    ].join('\r\n');
    const dialog = await importTable('mauvais.csv', malformed);
    const problems = dialog.getByRole('alert');
    await problems
      .getByText('4 problems: nothing will be imported until they are corrected.')
      .waitFor();
    expect(
      await problems
        .locator('li')
        .evaluateAll((items) =>
          items.map((item) => [item.getAttribute('data-line'), item.getAttribute('data-kind')]),
        ),
    ).toEqual([
      ['2', 'badNumber'],
      ['3', 'badChoice'],
      ['4', 'duplicateRow'],
      ['5', 'wrongColumnCount'],
    ]);
    await problems
      .getByText('Line 2 · Population Ville centre — “beaucoup” is not a number')
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Participants' }).click();
    const unknown = await importTable('participants.csv', 'Participant;Cas\nDGS-Z;Z\n');
    await unknown.getByText('there is no case named “Z”').waitFor();
    await unknown.getByRole('button', { name: 'Cancel' }).click();
    expect(
      JSON.stringify([
        await apiCall(app, 'cases.list', {}),
        await apiCall(app, 'attributes.list', {}),
      ]),
    ).toBe(before);
    expect(await apiCall(app, 'participants.list', {})).toEqual([]);
  });
});
