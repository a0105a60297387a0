import mammoth from 'mammoth';
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

const interviewB = [
  '[00:00:05] Enquêteur : Pour commencer, racontez-moi la naissance de ce projet de ville intelligente.',
  '[00:00:30] DGS-B : Tout est parti d’un appel à projets national en 2016.',
  '[00:04:00] Enquêteur : Au quotidien, qui assure le pilotage du projet ?',
  '[00:04:20] DGS-B : La direction générale, avec un adjoint très impliqué.',
  '[00:10:00] Enquêteur : Comment les habitants sont-ils associés à la démarche ?',
  '[00:10:30] DGS-B : Un panel citoyen évalue chaque année les résultats.',
].join('\n');

const interviewC = [
  'Enquêteur : On commence par l’histoire du projet ?',
  'Adjointe-C : Le maire l’a lancé dès 2014, dans son programme.',
  'Enquêteur : Et les gens, ils participent comment ?',
  'Adjointe-C : Nous organisons des ateliers de co-construction dans les quartiers.',
].join('\n');

async function setQuestionText(label: string, text: string) {
  const box = app.page.getByRole('textbox', { name: label, exact: true });
  await box.fill(text);
  await box.press('Tab');
}

describe('interview guides through the UI', () => {
  it('writes a guide, proposes and marks answers, shows coverage, and reads answers by question', async () => {
    const { page } = app;
    await createProject(app, 'guides');
    await openSection(page, 'Codebook');
    await addCode(page, null, 'Proactivité');
    await addCode(page, null, 'Ouverture');

    // The guide: one section, three questions, prompts under two of them.
    await openSection(page, 'Guides');
    await page.getByRole('textbox', { name: 'Title of a new guide' }).fill('Guide d’entretien');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('button', { name: 'Add section' }).click();
    await setQuestionText('Text of section', 'Le projet et sa gouvernance');
    for (const [number, text] of [
      ['1', 'Comment le projet de ville intelligente est-il né ?'],
      ['2', 'Qui pilote le projet au quotidien ?'],
      ['3', 'Comment associez-vous les habitants à la démarche ?'],
    ] as const) {
      await page.getByRole('button', { name: 'Add question' }).click();
      await page
        .getByRole('textbox', { name: `Text of question ${number}`, exact: true })
        .waitFor();
      await setQuestionText(`Text of question ${number}`, text);
    }
    await page.getByRole('button', { name: 'Add a prompt to question 2' }).click();
    await setQuestionText(
      'Text of prompt 2.1',
      'Quel rôle pour le maire et pour la direction générale ?',
    );
    await page.getByRole('button', { name: 'Add a prompt to question 3' }).click();
    await setQuestionText('Text of prompt 3.1', 'Existe-t-il un panel citoyen ?');
    // Link questions 2 and 3 to the axes.
    const question2 = page.locator('.guide-item.question').nth(1);
    await question2.locator('summary').click();
    await question2.getByRole('checkbox', { name: 'Proactivité' }).check();
    const question3 = page.locator('.guide-item.question').nth(2);
    await question3.locator('summary').click();
    await question3.getByRole('checkbox', { name: 'Ouverture' }).check();

    const [guideSummary] = await apiCall<{ id: string }[]>(app, 'guides.list', {});
    await expect
      .poll(async () => {
        const guide = await apiCall<{
          items: { number: string; text: string; codeIds: string[] }[];
        }>(app, 'guides.get', { id: guideSummary!.id });
        return guide.items.map((item) => [
          item.number,
          item.text.slice(0, 12),
          item.codeIds.length,
        ]);
      })
      .toEqual([
        ['', 'Le projet et', 0],
        ['1', 'Comment le p', 0],
        ['2', 'Qui pilote l', 1],
        ['2.1', 'Quel rôle po', 0],
        ['3', 'Comment asso', 1],
        ['3.1', 'Existe-t-il ', 0],
      ]);

    // Two interviews conducted with it.
    await openSection(page, 'Documents');
    await pasteTranscript(page, 'Entretien B', interviewB);
    await pasteTranscript(page, 'Entretien C', interviewC);
    for (const title of ['Entretien B', 'Entretien C']) {
      await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
      await page.locator('.transcript').waitFor();
      // The guide is a tab beside the transcript, kept once chosen.
      await page.getByRole('tab', { name: 'Guide' }).click();
      await page
        .getByRole('combobox', { name: 'Guide used in this interview' })
        .selectOption({ label: 'Guide d’entretien v1' });
      await page.getByRole('combobox', { name: 'Answer to…' }).waitFor();
    }

    // Entretien B: the interviewer's wording differs from the guide; the proposals find the questions.
    await page.getByRole('button', { name: /^Entretien B/ }).click();
    await page.locator('.transcript').waitFor();
    await page.getByRole('button', { name: 'Propose answers' }).click();
    const proposals = page.getByRole('list', { name: 'Proposed answers' });
    await expect.poll(() => proposals.locator('.proposal').count()).toBe(3);
    // Each proposal says where it starts and ends, its length and its time span before it is accepted.
    const first = proposals.locator('.proposal').first();
    await expect
      .poll(() => first.locator('.proposal-extent').textContent())
      .toBe('Tout est parti d’un appel à projets national en 2016.');
    await expect
      .poll(() => first.locator('.proposal-size').textContent())
      .toBe('53 characters · 1 turn · 0:30–4:00');
    for (let index = 0; index < 3; index += 1) {
      await proposals.locator('.proposal').first().getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => proposals.locator('.proposal').count()).toBe(2 - index);
    }

    // Entretien C: answers marked by hand from the selection.
    await page.getByRole('button', { name: /^Entretien C/ }).click();
    await page.locator('.transcript', { hasText: 'ateliers de co-construction' }).waitFor();
    await selectText(page, 'Nous organisons des ateliers de co-construction dans les quartiers.');
    await page.getByRole('combobox', { name: 'Answer to…' }).selectOption({ index: 5 });
    await page.getByRole('button', { name: 'Mark as answer' }).click();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();

    // Coverage: questions × interviews.
    await openSection(page, 'Guides');
    await page.getByRole('tab', { name: 'Coverage' }).click();
    const grid = page.locator('.coverage-grid');
    await grid.waitFor();
    const statuses = await grid
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td')].map((cell) => cell.getAttribute('data-status')),
        ),
      );
    // Prompts have their rows: C's answer was marked to prompt 3.1, which answers question 3 too.
    expect(statuses).toEqual([
      ['answered', 'missing'],
      ['answered', 'missing'],
      ['missing', 'missing'],
      ['answered', 'answered'],
      ['missing', 'answered'],
    ]);
    // Time spent where the turns carry times: 0:30 → 4:00 for the first answer.
    const timed = grid.getByRole('button', { name: 'answered · ⏱ 3:30' });
    await timed.waitFor();
    expect(await timed.locator('span').getAttribute('title')).toBe(
      'Time spent: from the timestamp before the answer to the one after it',
    );

    // Answers grouped by question; a click opens the transcript at the answer.
    await page.getByRole('tab', { name: 'Answers by question' }).click();
    const third = page.getByRole('region', { name: /^3\. Comment associez-vous/ });
    await third.getByText('2 answers').waitFor();
    await third.getByText('Un panel citoyen évalue chaque année les résultats.').waitFor();
    await third
      .getByText('Nous organisons des ateliers de co-construction dans les quartiers.')
      .click();
    await page.locator('.transcript', { hasText: 'ateliers' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('Nous organisons des ateliers de co-construction dans les quartiers.');

    // A passage coded inside an answer is read under its question, then its axis.
    await addCode(page, 'Ouverture', 'Co-construction');
    await selectText(page, 'ateliers de co-construction');
    await page.getByRole('button', { name: 'Apply Co-construction to the selection' }).click();
    await page.locator('.coding').first().waitFor();
    await openSection(page, 'Passages');
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('question');
    const byQuestion = page.getByRole('region', { name: /^3\. Comment associez-vous/ });
    await byQuestion.locator('.group-name', { hasText: 'Ouverture' }).waitFor();
    await byQuestion.locator('mark', { hasText: 'ateliers de co-construction' }).waitFor();

    // The .docx export, read back: every question and prompt, in order.
    await openSection(page, 'Guides');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export .docx' }).click(),
    ]);
    const { value: docxText } = await mammoth.extractRawText({ path: (await download.path())! });
    const docxOrder = [
      'Le projet et sa gouvernance',
      '1. Comment le projet',
      '2. Qui pilote',
      '2.1 Quel rôle',
      '3. Comment associez-vous',
      '3.1 Existe-t-il',
    ].map((part) => docxText.indexOf(part));
    expect(docxOrder.every((position) => position >= 0)).toBe(true);
    expect([...docxOrder].sort((a, b) => a - b)).toEqual(docxOrder);

    // The print view holds every question and prompt, in order.
    await openSection(page, 'Guides');
    await page.getByRole('tab', { name: 'Print view' }).click();
    const sheet = page.getByRole('article', { name: 'Interviewer’s sheet' });
    const text = (await sheet.textContent()) ?? '';
    const order = [
      'Le projet et sa gouvernance',
      '1. Comment le projet',
      '2. Qui pilote',
      '2.1 Quel rôle',
      '3. Comment associez-vous',
      '3.1 Existe-t-il',
    ].map((part) => text.indexOf(part));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('a proposed answer that runs long', () => {
  it('is shown with its extent and a warning before the researcher accepts it', async () => {
    const { page } = app;
    await createProject(app, 'long');
    const guide = await apiCall<{ id: string }>(app, 'guides.create', { title: 'Guide' });
    await apiCall(app, 'guides.addItem', {
      guideId: guide.id,
      kind: 'question',
      text: 'Comment les habitants sont-ils associés au projet ?',
    });
    await openSection(page, 'Documents');
    // The interviewer only nods along: one answer over nine turns, which Axial must not cut short
    // but must not let pass unseen either.
    await pasteTranscript(
      page,
      'Entretien long',
      [
        // Far down a long interview: "Show" must bring the answer's first words into view.
        ...Array.from(
          { length: 60 },
          (_, index) =>
            `${index % 2 ? 'DGS' : 'Enquêteur'} : Propos liminaires numéro ${index + 1}, sur le contexte du projet de territoire.`,
        ),
        '[00:01:00] Enquêteur : Comment les habitants sont-ils associés au projet ?',
        '[00:01:10] DGS : D’abord par un panel citoyen tiré au sort.',
        '[00:02:00] Enquêteur : D’accord.',
        '[00:02:05] DGS : Ensuite par des ateliers dans chaque quartier.',
        '[00:03:00] Enquêteur : Hum hum.',
        '[00:03:05] DGS : Et un budget participatif depuis 2019.',
        '[00:04:00] Enquêteur : Oui.',
        '[00:04:05] DGS : Les projets sont votés en ligne et en mairie.',
        '[00:05:00] Enquêteur : Je vois.',
        '[00:05:05] DGS : Le panel rend un avis public chaque année.',
        '[00:06:00] Enquêteur : Parlons maintenant du budget de la ville, voulez-vous ?',
        '[00:06:10] DGS : Volontiers.',
      ].join('\n'),
    );
    await page.getByRole('button', { name: /^Entretien long/ }).click();
    await page.locator('.transcript').waitFor();
    await page.getByRole('tab', { name: 'Guide' }).click();
    await page
      .getByRole('combobox', { name: 'Guide used in this interview' })
      .selectOption({ label: 'Guide v1' });
    await page.getByRole('button', { name: 'Propose answers' }).click();
    const proposal = page.getByRole('list', { name: 'Proposed answers' }).locator('.proposal');
    await expect.poll(() => proposal.count()).toBe(1);
    await expect
      .poll(() => proposal.locator('.proposal-extent').textContent())
      .toMatch(/^“?D’abord par un panel.*”? → “?.*chaque année\.”?$/);
    await expect
      .poll(() => proposal.locator('.proposal-size').textContent())
      .toMatch(/ · 9 turns · 1:10–6:00$/);
    await expect
      .poll(() => proposal.locator('.proposal-long').textContent())
      .toBe(
        'A long answer (9 turns): check that it does not run over a question the guide does not hold.',
      );
    await proposal.getByRole('button', { name: 'Show' }).click();
    const scroller = (await page.locator('.editor-scroller').boundingBox())!;
    const first = page.locator('.transcript p', { hasText: 'D’abord par un panel' });
    await expect
      .poll(async () => {
        const box = (await first.boundingBox())!;
        return box.y >= scroller.y - 1 && box.y + box.height <= scroller.y + scroller.height;
      })
      .toBe(true);
  });
});

describe('interview mode', () => {
  it('ticks questions in a field-notes document and inserts the interview time into the notes', async () => {
    const { page } = app;
    await createProject(app, 'terrain');
    await openSection(page, 'Guides');
    await page.getByRole('textbox', { name: 'Title of a new guide' }).fill('Guide');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('button', { name: 'Add question' }).click();
    await setQuestionText('Text of question 1', 'Comment le projet est-il né ?');
    await page.getByRole('button', { name: 'Add question' }).click();
    await setQuestionText('Text of question 2', 'Qui pilote le projet ?');

    await openSection(page, 'Documents');
    await page.getByRole('button', { name: 'New field notes' }).click();
    await page.locator('.transcript').waitFor();
    await page.getByRole('tab', { name: 'Guide' }).click();
    await page
      .getByRole('combobox', { name: 'Guide used in this interview' })
      .selectOption({ label: 'Guide v1' });
    const pane = page.getByRole('region', { name: 'Interview guide' });
    await pane.getByRole('checkbox', { name: '1. Comment le projet est-il né ?' }).check();
    await pane.getByRole('button', { name: 'Start the interview clock' }).click();
    await page.locator('.transcript').click();
    await pane.getByRole('button', { name: 'Insert the time' }).click();
    await page.keyboard.type('Le DGS arrive en retard.');

    const [notes] = await apiCall<{ id: string; kind: string }[]>(app, 'documents.list', {});
    expect(notes!.kind).toBe('secondary');
    await expect
      .poll(async () => {
        const detail = await apiCall<{ content: { content?: { content?: { text: string }[] }[] } }>(
          app,
          'documents.get',
          { id: notes!.id },
        );
        return JSON.stringify(detail.content);
      })
      .toMatch(/\[0:00:0\d\] Le DGS arrive en retard\./);
    expect(
      await apiCall<string[]>(app, 'interview.checks', { documentId: notes!.id }),
    ).toHaveLength(1);
    await openSection(page, 'Guides');
    await page.getByRole('tab', { name: 'Coverage' }).click();
    // The grid loads once its tab is shown: read when it is there.
    await expect
      .poll(() =>
        page
          .locator('.coverage-grid tbody tr')
          .evaluateAll((rows) =>
            rows.map((row) => row.querySelector('td')?.getAttribute('data-status')),
          ),
      )
      .toEqual(['asked', 'missing']);
  });
});
