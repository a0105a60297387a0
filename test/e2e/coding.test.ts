import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromJson } from '../../shared/editor/schema';
import { sliceCodePoints } from '../../shared/text/codePoints';
import { buildTextIndex } from '../../shared/text/textIndex';
import { docxFile } from '../support/docx';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { placeCaretBefore, selectText } from './support/editor';
import {
  addCode as addCodeOn,
  apiCall,
  createProject as createProjectIn,
  pasteTranscript,
} from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

function call<T>(method: string, input: unknown): Promise<T> {
  return apiCall<T>(app, method, input);
}

async function storedText(documentId: string) {
  const detail = await call<{ content: unknown }>('documents.get', { id: documentId });
  return buildTextIndex(documentFromJson(detail.content)).text;
}

async function storedCodings(documentId: string) {
  return call<{ id: string; codeId: string; start: number; end: number }[]>('codings.forDocument', {
    documentId,
  });
}

function createProject(name: string) {
  return createProjectIn(app, name);
}

function addCode(parent: string | null, name: string) {
  return addCodeOn(app.page, parent, name);
}

describe('transcripts and coding through the UI', () => {
  it('imports, codes overlapping passages, keeps codings on their words through edits, undoes, and reads passages by axis', async () => {
    const { page } = app;
    await createProject('gouvernance');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();

    // Two transcripts at once: a .docx and a .txt, both with speaker turns.
    const txt = app.projectPath('entretien-a.txt');
    writeFileSync(
      txt,
      [
        '[00:00:05] Enquêteur : Comment le projet est-il piloté ?',
        'DGS : Le maire porte le projet et la direction générale le coordonne.',
        'DGS : Nous associons les habitants au comité de suivi.',
      ].join('\r\n'),
    );
    const docx = app.projectPath('entretien-b.docx');
    writeFileSync(
      docx,
      docxFile([
        { style: 'Heading1', runs: [{ text: 'Entretien B' }] },
        { runs: [{ text: 'Q: Qui porte la démarche ?' }] },
        {
          runs: [
            { text: 'R: ' },
            { text: 'Le président', bold: true },
            { text: ' de l’intercommunalité.' },
          ],
        },
      ]),
    );
    await page.locator('input[type=file]').setInputFiles([docx, txt]);
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByText('Speakers found').waitFor();
    for (const label of ['Enquêteur', 'DGS', 'Q', 'R']) {
      await dialog.getByRole('checkbox', { name: `${label} is a speaker`, exact: true }).waitFor();
    }
    await dialog.getByRole('textbox', { name: 'New name for R' }).fill('Président');
    await dialog.getByRole('button', { name: 'Import 2 files' }).click();
    await dialog.waitFor({ state: 'detached' });

    const documents = await call<{ id: string; title: string; speakers: string[] }[]>(
      'documents.list',
      {},
    );
    expect(documents.map((document) => document.title)).toEqual(['entretien-b', 'entretien-a']);
    expect(documents[0]!.speakers).toEqual(['Q', 'Président']);
    const transcriptA = documents[1]!;

    await page.getByRole('button', { name: /^entretien-b/ }).click();
    await page.locator('.transcript h1', { hasText: 'Entretien B' }).waitFor();
    await page
      .locator('.transcript p[data-speaker="Président"] strong', { hasText: 'Le président' })
      .waitFor();

    await page.getByRole('button', { name: /^entretien-a/ }).click();
    await page.locator('.transcript p[data-speaker="Enquêteur"][data-time-label="0:05"]').waitFor();

    // The model: an axis, a variable, two codes.
    await addCode(null, 'Proactivity');
    await addCode('Proactivity', 'Political leadership');
    await addCode('Political leadership', 'Mayor drives');
    await addCode('Political leadership', 'Administration drives');
    const codes = await call<{ id: string; name: string; parentId: string | null }[]>(
      'codes.list',
      {},
    );
    const code = (name: string) => codes.find((candidate) => candidate.name === name)!;
    expect(code('Mayor drives').parentId).toBe(code('Political leadership').id);

    // A passage coded from the keyboard palette… The write's answer says what changed: the
    // codebook's count follows without any list read again.
    const sent: string[] = [];
    const listen = (request: { url(): string }) => {
      const method = /\/api\/([^?]+)/.exec(request.url())?.[1];
      if (method) sent.push(decodeURIComponent(method));
    };
    page.on('request', listen);
    await selectText(page, 'Le maire porte le projet');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Apply codes' });
    await palette.getByRole('textbox').fill('mayor');
    await palette.getByRole('textbox').press('Enter');
    await page
      .locator(`.coding[data-code-id="${code('Mayor drives').id}"]`)
      .first()
      .waitFor();
    await page
      .locator(`.code-row[data-code-id="${code('Mayor drives').id}"] .count`, { hasText: '1' })
      .waitFor();
    await page
      .locator(`.code-row[data-code-id="${code('Proactivity').id}"] .count`, { hasText: '1' })
      .waitFor();
    page.off('request', listen);
    expect(sent).toContain('codings.create');
    const workspaceLists = [
      'codes.list',
      'documents.list',
      'cases.list',
      'participants.list',
      'attributes.list',
      'history.state',
    ];
    expect(sent.filter((method) => workspaceLists.includes(method))).toEqual([]);

    // …and an overlapping one from the codebook.
    await selectText(page, 'projet et la direction générale');
    await page
      .getByRole('button', { name: 'Apply Administration drives to the selection' })
      .click();
    await page
      .locator(`.coding[data-code-id="${code('Administration drives').id}"]`)
      .first()
      .waitFor();
    // Both are drawn, the overlap as one span inside the other, and both have a margin bar.
    expect(await page.locator('.coding .coding').count()).toBeGreaterThan(0);
    // The margin is laid out after the highlights are painted.
    await expect.poll(() => page.locator('.margin-bar').count()).toBe(2);

    let codings = await storedCodings(transcriptA.id);
    let text = await storedText(transcriptA.id);
    const words = (coding: { start: number; end: number }) =>
      sliceCodePoints(text, coding.start, coding.end);
    const mayorCoding = () => codings.find((coding) => coding.codeId === code('Mayor drives').id)!;
    const administrationCoding = () =>
      codings.find((coding) => coding.codeId === code('Administration drives').id)!;
    expect(words(mayorCoding())).toBe('Le maire porte le projet');
    expect(words(administrationCoding())).toBe('projet et la direction générale');

    // Edit before the first passage, then inside it.
    await placeCaretBefore(page, 'Le maire porte');
    await page.keyboard.type('Alors, ');
    await placeCaretBefore(page, 'porte le projet');
    await page.keyboard.type('vraiment ');
    await expect
      .poll(async () =>
        (await storedText(transcriptA.id)).includes('Alors, Le maire vraiment porte le projet'),
      )
      .toBe(true);
    codings = await storedCodings(transcriptA.id);
    text = await storedText(transcriptA.id);
    expect(words(mayorCoding())).toBe('Le maire vraiment porte le projet');
    expect(words(administrationCoding())).toBe('projet et la direction générale');

    // Undo the typing inside the passage, then redo it: text and ranges follow.
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => storedText(transcriptA.id))
      .toContain('Alors, Le maire porte le projet');
    codings = await storedCodings(transcriptA.id);
    text = await storedText(transcriptA.id);
    expect(words(mayorCoding())).toBe('Le maire porte le projet');
    await page.locator('.transcript', { hasText: 'Alors, Le maire porte le projet' }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(async () => (await storedText(transcriptA.id)).includes('Le maire vraiment porte'))
      .toBe(true);
    await page.locator('.transcript', { hasText: 'Le maire vraiment porte le projet' }).waitFor();
    codings = await storedCodings(transcriptA.id);
    text = await storedText(transcriptA.id);
    expect(words(mayorCoding())).toBe('Le maire vraiment porte le projet');

    // Passages grouped by axis → variable → code; a click opens the transcript at the passage.
    await page.getByRole('navigation').getByRole('button', { name: 'Passages' }).click();
    const axis = page.locator(`.passage-group[data-code-id="${code('Proactivity').id}"]`);
    await axis.getByText('2 passages · 1 document').first().waitFor();
    const variable = axis.locator(
      `.passage-group[data-code-id="${code('Political leadership').id}"]`,
    );
    const mayorGroup = variable.locator(
      `.passage-group[data-code-id="${code('Mayor drives').id}"]`,
    );
    await mayorGroup.locator('mark', { hasText: 'Le maire vraiment porte le projet' }).waitFor();
    await mayorGroup.getByText('entretien-a · DGS', { exact: false }).waitFor();
    await mayorGroup.locator('.passage-open').click();
    await page.locator('.transcript').waitFor();
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('Le maire vraiment porte le projet');
  });

  it('reports a bad file in a batch and imports the good one whole', async () => {
    const { page } = app;
    await createProject('lot');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    const good = app.projectPath('bon.txt');
    writeFileSync(good, 'Élue : Le comité se réunit chaque mois.\n');
    const binary = app.projectPath('scan.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    const pdf = app.projectPath('rapport.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    await page.locator('input[type=file]').setInputFiles([good, binary, pdf]);
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog
      .locator('[data-file="scan.txt"]')
      .getByRole('alert')
      .filter({ hasText: 'is not a text file' })
      .waitFor();
    await dialog
      .locator('[data-file="rapport.pdf"]')
      .getByRole('alert')
      .filter({ hasText: 'is not a readable PDF' })
      .waitFor();
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    await dialog.locator('[data-file="bon.txt"]').getByText('Imported').waitFor();
    const documents = await call<{ title: string }[]>('documents.list', {});
    expect(documents.map((document) => document.title)).toEqual(['bon']);

    // The same file again: the dialog says the project holds it; a header line is no speaker;
    // a speaker named like a participant is offered as a link to them, ticked.
    await dialog.getByRole('button', { name: 'Close' }).click();
    const participant = await call<{ id: string }>('participants.create', { name: 'Élue' });
    const again = app.projectPath('bon-encore.txt');
    writeFileSync(again, 'Date : 14 mars 2024\nÉlue : Le comité se réunit chaque mois.\n');
    await page.locator('input[type=file][multiple]').setInputFiles([good, again]);
    await dialog
      .locator('[data-file="bon.txt"]')
      .getByRole('note')
      .filter({ hasText: '“bon” in this project already holds this text' })
      .waitFor();
    await dialog.locator('[data-file="bon-encore.txt"]').waitFor();
    await expect
      .poll(() => dialog.locator('[data-file="bon-encore.txt"] [role=note]').count())
      .toBe(0);
    await expect
      .poll(() => dialog.locator('.speakers .speaker-row').allTextContents())
      .toEqual([expect.stringContaining('Élue')]);
    const link = dialog.getByRole('checkbox', { name: 'Link to the participant “Élue”' });
    await expect.poll(() => link.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Import 2 files' }).click();
    // A batch imported whole closes its dialog: the test waits for what the researcher sees.
    await dialog.waitFor({ state: 'detached' });
    expect(await call<unknown[]>('documents.list', {})).toHaveLength(3);
    const linked = await call<{ id: string; title: string }[]>('documents.list', {});
    for (const document of linked.slice(1))
      expect(
        (await call<{ participantIds: string[] }>('documents.links', { documentId: document.id }))
          .participantIds,
      ).toEqual([participant.id]);
  });

  it('renames, recolours, merges and deletes codes, and undoes the delete', async () => {
    const { page } = app;
    await createProject('codebook');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await pasteTranscript(page, 'Notes', 'Élue : Les habitants participent au comité.');
    await page.locator('.transcript p[data-speaker="Élue"]').waitFor();

    await addCode(null, 'Openness');
    await addCode('Openness', 'Inhabitants');
    await addCode('Openness', 'Citizens');
    await selectText(page, 'Les habitants');
    await page.getByRole('button', { name: 'Apply Inhabitants to the selection' }).click();
    await page.getByRole('button', { name: 'Apply Citizens to the selection' }).click();
    await expect.poll(async () => (await call<unknown[]>('passages.list', {})).length).toBe(2);

    const panel = page.getByRole('complementary', { name: 'Codebook' });
    await panel.locator('.code-name', { hasText: 'Citizens' }).click();
    const details = panel.getByRole('region', { name: 'Code Citizens' });
    await details.getByRole('radio', { name: '#009E73' }).click();
    await expect
      .poll(
        async () =>
          (await call<{ name: string; colour: string }[]>('codes.list', {})).find(
            (c) => c.name === 'Citizens',
          )?.colour,
      )
      .toBe('#009E73');
    await details
      .getByRole('combobox', { name: 'Merge into…' })
      .selectOption({ label: 'Openness › Inhabitants' });
    await details.getByRole('button', { name: 'Merge' }).click();
    await expect
      .poll(async () => (await call<{ name: string }[]>('codes.list', {})).map((c) => c.name))
      .toEqual(['Openness', 'Inhabitants']);
    // The two codings of one passage collapsed into one.
    expect(await call<unknown[]>('passages.list', {})).toHaveLength(1);

    await panel.locator('.code-name', { hasText: 'Openness' }).click();
    page.once('dialog', (confirm) => {
      expect(confirm.message()).toContain('(1 sub-code) and 1 coded passage?');
      void confirm.accept();
    });
    await panel
      .getByRole('region', { name: 'Code Openness' })
      .getByRole('button', { name: 'Delete code' })
      .click();
    await expect.poll(async () => (await call<unknown[]>('codes.list', {})).length).toBe(0);
    await page.getByRole('navigation').getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await call<{ name: string }[]>('codes.list', {})).map((c) => c.name))
      .toEqual(['Openness', 'Inhabitants']);
    expect(await call<unknown[]>('passages.list', {})).toHaveLength(1);
    await page.locator('.coding').first().waitFor();
  });
});

describe('reading a transcript', () => {
  it('finds words whatever their accents or case, and sets a turn’s speaker', async () => {
    const { page } = app;
    await createProject('lecture');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await pasteTranscript(
      page,
      'Entretien C',
      'Élue : Les élus décident.\nLes ELUS votent.\nUn habitant prend la parole.',
    );
    await page.locator('.transcript p[data-speaker="Élue"]').waitFor();

    const find = page.getByRole('searchbox', { name: 'Find in document' });
    await find.fill('elus');
    await expect.poll(() => page.locator('.find-match').count()).toBe(2);
    await find.press('Enter');
    await page.getByText('1 of 2').waitFor();
    await find.press('Enter');
    await page.getByText('2 of 2').waitFor();
    expect(await page.locator('.find-match.current').textContent()).toBe('ELUS');

    // The third paragraph becomes a turn of a new speaker, saved as an edit.
    await selectText(page, 'Un habitant');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('combobox', { name: 'Speaker of this turn' }).selectOption('\u0000new');
    const name = page.getByRole('textbox', { name: 'Name of the new speaker' });
    await name.fill('Habitant 1');
    await name.press('Enter');
    await page.locator('.transcript p[data-speaker="Habitant 1"]').waitFor();
    await expect
      .poll(async () => (await call<{ speakers: string[] }[]>('documents.list', {}))[0]!.speakers)
      .toEqual(['Élue', 'Habitant 1']);
  });
});

describe('a coded passage', () => {
  it('shows its codes on click, takes a memo, moves its boundaries by keyboard, codes in vivo, and loses a code', async () => {
    const { page } = app;
    await createProject('passage');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await pasteTranscript(
      page,
      'Entretien D',
      'DGS : Le comité citoyen évalue le projet chaque année.',
    );
    await page.locator('.transcript p[data-speaker="DGS"]').waitFor();
    await addCode(null, 'Openness');
    await addCode('Openness', 'Citizen panel');

    await selectText(page, 'comité citoyen');
    await page.getByRole('button', { name: 'Apply Citizen panel to the selection' }).click();
    const highlight = page.locator('.coding').first();
    await highlight.waitFor();
    await highlight.click();
    const popover = page.getByRole('dialog', { name: 'Coded passage' });
    await popover.getByText('Openness › Citizen panel').waitFor();
    await popover
      .getByRole('textbox', { name: 'Memo on this passage' })
      .fill('Évaluation externe (type 2)');
    await popover.getByRole('button', { name: 'Move the end one word right' }).click();
    const [document] = await call<{ id: string }[]>('documents.list', {});
    const text = await storedText(document!.id);
    await expect
      .poll(async () => {
        const [coding] = await storedCodings(document!.id);
        return coding ? sliceCodePoints(text, coding.start, coding.end) : null;
      })
      .toBe('comité citoyen évalue');
    const [coding] = await call<{ memo: string }[]>('codings.forDocument', {
      documentId: document!.id,
    });
    expect(coding!.memo).toBe('Évaluation externe (type 2)');
    // Its stripe in the margin carries the code's name and the memo's mark.
    const stripe = page.locator('.margin-bar').first();
    await expect.poll(() => stripe.textContent()).toBe('Citizen panel');
    await expect.poll(() => page.locator('.margin-bar.with-memo').count()).toBe(1);
    // Escape closes the popover and keeps what was just typed (a new-user walk lost a memo so).
    await popover
      .getByRole('textbox', { name: 'Memo on this passage' })
      .fill('Évaluation externe, revue');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const [again] = await call<{ memo: string }[]>('codings.forDocument', {
          documentId: document!.id,
        });
        return again?.memo;
      })
      .toBe('Évaluation externe, revue');
    // Opened again, the memo says who last wrote it.
    await highlight.click();
    await popover.getByText('Last written by researcher').waitFor();
    await popover.getByRole('textbox', { name: 'Memo on this passage' }).press('Escape');
    await popover.waitFor({ state: 'detached' });

    // In vivo: the selected words become a code, applied to them.
    await selectText(page, 'chaque année');
    await page.getByRole('button', { name: 'In vivo' }).click();
    await expect
      .poll(async () => (await call<{ name: string }[]>('codes.list', {})).map((code) => code.name))
      .toContain('chaque année');
    await expect.poll(async () => (await storedCodings(document!.id)).length).toBe(2);
    const codeNamed = async (name: string) =>
      (await call<{ id: string; name: string; parentId: string | null }[]>('codes.list', {})).find(
        (code) => code.name === name,
      );
    // Never chosen: the "In vivo" group, as the toolbar says, made for it; never a new axis.
    const under = page.getByRole('combobox', {
      name: 'Where new codes go (in vivo and the palette)',
    });
    expect(
      await under.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent),
    ).toBe('“In vivo” group');
    const group = await codeNamed('In vivo');
    expect(group?.parentId).toBeNull();
    expect((await codeNamed('chaque année'))?.parentId).toBe(group!.id);

    // The parent chosen beside in vivo is where its codes go, and where the palette makes one.
    const openness = await codeNamed('Openness');
    await under.selectOption({ label: 'Openness' });
    // Back in the text, as a mouse selection would be: a selection made while the list has focus
    // is not the editor's.
    await page.locator('.transcript').focus();
    await selectText(page, 'Le comité');
    await page.getByRole('button', { name: 'In vivo' }).click();
    await expect.poll(async () => (await codeNamed('Le comité'))?.parentId).toBe(openness!.id);
    await selectText(page, 'évalue');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Apply codes' });
    await palette.getByRole('textbox').fill('Évaluation');
    const paletteUnder = palette.getByRole('combobox', {
      name: 'Where new codes go (in vivo and the palette)',
    });
    await expect.poll(() => paletteUnder.inputValue()).toBe(openness!.id);
    await palette.getByRole('textbox').press('Enter');
    await expect.poll(async () => (await codeNamed('Évaluation'))?.parentId).toBe(openness!.id);
    await expect.poll(async () => (await storedCodings(document!.id)).length).toBe(4);

    const citizenPanel = await codeNamed('Citizen panel');
    await page.locator(`.coding[data-code-id="${citizenPanel!.id}"]`).last().click();
    await page
      .getByRole('dialog', { name: 'Coded passage' })
      .getByRole('button', { name: 'Remove Openness › Citizen panel from this passage' })
      .click();
    await expect.poll(async () => (await storedCodings(document!.id)).length).toBe(3);
    await page.keyboard.press('Escape');
    await page.locator('.transcript').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await storedCodings(document!.id)).length).toBe(4);
  });
});

describe('widening codings', () => {
  it('spreads a coding to its sentence, paragraph and turn, and codes every turn of its speaker in one step', async () => {
    const { page } = app;
    await createProject('etendre');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await pasteTranscript(
      page,
      'Entretien S',
      [
        'Enquêteur : Et le panel ?',
        'Élue : Il se réunit deux fois par an. Les avis sont publiés.',
        'Enquêteur : Et ensuite ?',
        'Élue : Le maire les lit. Vraiment.',
      ].join('\n'),
    );
    await page.locator('.transcript p[data-speaker="Élue"]').first().waitFor();
    await addCode(null, 'Ouverture');
    await addCode('Ouverture', 'Panel');
    const [document] = await call<{ id: string }[]>('documents.list', {});
    const text = await storedText(document!.id);
    const words = async () =>
      (await storedCodings(document!.id))
        .map((coding) => sliceCodePoints(text, coding.start, coding.end))
        .sort();

    await selectText(page, 'avis');
    await page.getByRole('button', { name: 'Apply Panel to the selection' }).click();
    await expect.poll(words).toEqual(['avis']);
    const spreadTo = async (unit: string) => {
      await page.locator('.coding').first().click();
      const popover = page.getByRole('dialog', { name: 'Coded passage' });
      await popover
        .getByRole('group', { name: 'Spread to' })
        .getByRole('button', { name: unit })
        .click();
      await page.keyboard.press('Escape');
    };
    await spreadTo('the sentence');
    await expect.poll(words).toEqual(['Les avis sont publiés.']);
    await spreadTo('the paragraph');
    await expect.poll(words).toEqual(['Il se réunit deux fois par an. Les avis sont publiés.']);

    // Every turn of Élue, with the passage's code, as one step to undo.
    await page.locator('.coding').first().click();
    await page
      .getByRole('dialog', { name: 'Coded passage' })
      .getByRole('button', { name: 'Code all this speaker’s turns so' })
      .click();
    await expect
      .poll(words)
      .toEqual([
        'Il se réunit deux fois par an. Les avis sont publiés.',
        'Le maire les lit. Vraiment.',
      ]);
    await page.keyboard.press('Escape');
    await page.locator('.transcript').click();
    await page.keyboard.press('Control+z');
    await expect.poll(words).toEqual(['Il se réunit deux fois par an. Les avis sont publiés.']);
  });
});

describe('nothing is lost', () => {
  it('stores the last words typed even when the tab closes at once', async () => {
    const { page } = app;
    await createProject('fermeture');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await pasteTranscript(page, 'Entretien E', 'Élue : Le projet avance.');
    await page.locator('.transcript p[data-speaker="Élue"]').waitFor();
    await page.locator('.transcript p[data-speaker="Élue"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Dernier mot.');
    // Closed well before the 300 ms flush would have run.
    await page.close({ runBeforeUnload: true });
    const [document] = await call<{ id: string }[]>('documents.list', {});
    await expect.poll(() => storedText(document!.id)).toBe('Le projet avance. Dernier mot.');
  });
});

describe('closing with typing still pending', () => {
  it('stores the last words typed before the project closes, and before a copy is saved', async () => {
    const { page } = app;
    await createProject('pending');
    await page.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    await pasteTranscript(page, 'Entretien F', 'Élue : Le projet avance.');
    await page.locator('.transcript p[data-speaker="Élue"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Copie.');
    await page.getByRole('button', { name: 'Save a copy' }).click();
    const copyDialog = page.getByRole('dialog', { name: 'Save a copy of the project' });
    const copyPath = app.projectPath('pending-copie.axial');
    await copyDialog.locator('input[name="copy-path"]').fill(copyPath);
    await copyDialog.getByRole('button', { name: 'Save copy' }).click();
    await copyDialog.getByRole('status').waitFor();
    const copy = new Database(copyPath, { readonly: true });
    const copied = copy.prepare('SELECT plain_text FROM document').get() as { plain_text: string };
    copy.close();
    expect(copied.plain_text).toBe('Le projet avance. Copie.');
    await copyDialog.getByRole('button', { name: 'Cancel' }).click();

    await page.locator('.transcript p[data-speaker="Élue"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Fin.');
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('heading', { name: 'Recent projects' }).waitFor();
    const file = new Database(app.projectPath('pending.axial'), { readonly: true });
    const stored = file.prepare('SELECT plain_text FROM document').get() as { plain_text: string };
    file.close();
    expect(stored.plain_text).toBe('Le projet avance. Copie. Fin.');
  });
});
