import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Transform } from '@tiptap/pm/transform';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function buildGuide() {
  const { call } = harness;
  const proactivity = await call('codes.create', { name: 'Proactivité' });
  const openness = await call('codes.create', { name: 'Ouverture' });
  let guide = await call('guides.create', { title: 'Guide d’entretien' });
  guide = await call('guides.addItem', { guideId: guide.id, kind: 'section', text: 'Le projet' });
  const section = guide.items[0]!;
  guide = await call('guides.addItem', {
    guideId: guide.id,
    kind: 'question',
    parentId: section.id,
    text: 'Comment le projet de ville intelligente est-il né ?',
  });
  guide = await call('guides.addItem', {
    guideId: guide.id,
    kind: 'question',
    parentId: section.id,
    text: 'Qui pilote le projet au quotidien ?',
  });
  guide = await call('guides.addItem', {
    guideId: guide.id,
    kind: 'question',
    parentId: section.id,
    text: 'Comment associez-vous les habitants et les associations ?',
  });
  const [q1, q2, q3] = guide.items.filter((item) => item.kind === 'question');
  guide = await call('guides.addItem', {
    guideId: guide.id,
    kind: 'prompt',
    parentId: q2!.id,
    text: 'Quel rôle pour le maire ?',
  });
  await call('guides.addItem', {
    guideId: guide.id,
    kind: 'prompt',
    parentId: q3!.id,
    text: 'Existe-t-il un panel citoyen ?',
  });
  await call('guides.updateItem', {
    id: q2!.id,
    codeIds: [proactivity.id],
    durationMinutes: 10,
  });
  guide = await call('guides.updateItem', {
    id: q3!.id,
    codeIds: [openness.id],
    note: 'Relancer sur les associations.',
  });
  return { guide, q1: q1!, q2: q2!, q3: q3!, proactivity, openness };
}

describe('guides', () => {
  it('numbers questions and prompts in reading order and links questions to axes', async () => {
    const { guide, proactivity } = await buildGuide();
    expect(guide.items.map((item) => [item.kind, item.number, item.text.slice(0, 20)])).toEqual([
      ['section', '', 'Le projet'],
      ['question', '1', 'Comment le projet de'],
      ['question', '2', 'Qui pilote le projet'],
      ['prompt', '2.1', 'Quel rôle pour le ma'],
      ['question', '3', 'Comment associez-vou'],
      ['prompt', '3.1', 'Existe-t-il un panel'],
    ]);
    expect(guide.items[2]).toMatchObject({ codeIds: [proactivity.id], durationMinutes: 10 });
    expect(
      (await harness.fail('guides.addItem', { guideId: guide.id, kind: 'prompt', text: 'Orphan' }))
        .code,
    ).toBe('invalid_operation');
  });

  it('indents a question into a prompt, outdents it back, reorders, and undoes', async () => {
    const { guide, q2, q3 } = await buildGuide();
    const { call } = harness;
    let detail = await call('guides.indentItem', { id: q3.id, direction: 'in' });
    expect(
      detail.items.filter((item) => item.kind === 'question').map((item) => item.number),
    ).toEqual(['1', '2']);
    expect(
      detail.items.filter((item) => item.parentId === q2.id).map((item) => item.number),
    ).toEqual(['2.1', '2.2', '2.3']);
    detail = await call('guides.indentItem', { id: q3.id, direction: 'out' });
    expect(
      detail.items.filter((item) => item.kind === 'question').map((item) => item.text.slice(0, 8)),
    ).toEqual(['Comment ', 'Qui pilo', 'Comment ']);
    detail = await call('guides.moveItem', { id: q3.id, parentId: guide.items[0]!.id, index: 0 });
    expect(detail.items[1]!.id).toBe(q3.id);
    await call('history.undo', {});
    await call('history.undo', {});
    await call('history.undo', {});
    detail = await call('guides.get', { id: guide.id });
    expect(detail.items.map((item) => item.number)).toEqual(['', '1', '2', '2.1', '3', '3.1']);
  });

  it('duplicates a guide as a new version, leaving the old one as it was', async () => {
    const { guide } = await buildGuide();
    const copy = await harness.call('guides.duplicate', {
      id: guide.id,
      versionLabel: '2',
      changeNote: 'Question sur le budget ajoutée',
    });
    expect(copy).toMatchObject({ versionLabel: '2', basedOnId: guide.id, questionCount: 3 });
    expect(copy.items.map((item) => item.text)).toEqual(guide.items.map((item) => item.text));
    expect(copy.items[0]!.id).not.toBe(guide.items[0]!.id);
    await harness.call('guides.addItem', {
      guideId: copy.id,
      kind: 'question',
      text: 'Quel budget ?',
    });
    expect((await harness.call('guides.get', { id: guide.id })).questionCount).toBe(3);
  });

  it('exports a .docx holding every question and prompt in order', async () => {
    const { guide } = await buildGuide();
    const exported = await harness.call('guides.exportDocx', { id: guide.id });
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(exported.data),
    });
    const positions = guide.items.map((item) => value.indexOf(item.text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(value).toContain('2.1 Quel rôle pour le maire ?');
  });
});

const interviewA = [
  '[00:00:10] Enquêteur : Pour commencer, comment est né ce projet de ville intelligente ?',
  '[00:00:20] DGS : Il est né en 2016 d’un appel à projets.',
  '[00:03:00] Enquêteur : Et au quotidien, qui pilote ce projet ?',
  '[00:03:10] DGS : La direction générale, avec le maire très présent.',
  '[00:09:00] Enquêteur : De quelle manière les habitants et les associations sont-ils associés ?',
  '[00:09:20] DGS : Un panel citoyen évalue le projet chaque année.',
  '[00:15:00] DGS : Voilà pour l’essentiel.',
].join('\n');

describe('answers', () => {
  it('proposes answers where the interviewer asks the questions in other words, with coverage and time spent', async () => {
    const { guide, q1, q2, q3 } = await buildGuide();
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'entretien-a.txt',
      data: fileBytes(interviewA),
    });
    await call('documents.setGuide', { documentId: document.id, guideId: guide.id });
    const proposals = await call('answers.propose', { documentId: document.id, guideId: guide.id });
    const detail = await call('documents.get', { id: document.id });
    const text = buildTextIndex(documentFromJson(detail.content)).text;
    expect(
      proposals.map((proposal) => [
        proposal.itemId,
        sliceCodePoints(text, proposal.start, proposal.end),
      ]),
    ).toEqual([
      [q1.id, 'Il est né en 2016 d’un appel à projets.'],
      [q2.id, 'La direction générale, avec le maire très présent.'],
      [q3.id, 'Un panel citoyen évalue le projet chaque année.\nVoilà pour l’essentiel.'],
    ]);
    for (const proposal of proposals.slice(0, 2)) {
      await call('answers.create', {
        documentId: document.id,
        version: document.version,
        itemId: proposal.itemId,
        start: proposal.start,
        end: proposal.end,
      });
    }
    await call('interview.setCheck', { documentId: document.id, itemId: q3.id, checked: true });
    const grid = await call('guides.coverage', { guideId: guide.id });
    expect(grid.documents.map((row) => row.title)).toEqual(['entretien-a']);
    // Prompts have rows of their own, under their question.
    expect(grid.questions.map((row) => [row.number, row.kind])).toEqual([
      ['1', 'question'],
      ['2', 'question'],
      ['2.1', 'prompt'],
      ['3', 'question'],
      ['3.1', 'prompt'],
    ]);
    expect(grid.cells.map((cell) => [cell.status, cell.milliseconds])).toEqual([
      ['answered', 160_000],
      ['answered', 350_000],
      ['missing', null],
      ['asked', null],
      ['missing', null],
    ]);
    const byQuestion = await call('answers.byQuestion', { guideId: guide.id });
    expect(byQuestion.map((answer) => answer.text)).toEqual([
      'Il est né en 2016 d’un appel à projets.',
      'La direction générale, avec le maire très présent.',
    ]);

    // A prompt answered too: its question's time is that of both answers, not of the first alone.
    const asked = 'Et au quotidien, qui pilote ce projet ?';
    await call('answers.create', {
      documentId: document.id,
      version: document.version,
      itemId: grid.questions[2]!.id,
      start: text.indexOf(asked),
      end: text.indexOf(asked) + asked.length,
    });
    const again = await call('guides.coverage', { guideId: guide.id });
    expect(again.cells.map((cell) => [cell.status, cell.milliseconds])).toEqual([
      ['answered', 160_000],
      ['answered', 360_000],
      ['answered', 10_000],
      ['asked', null],
      ['missing', null],
    ]);
  });

  it('keeps answers on their words when the transcript is edited, and undoes', async () => {
    const { guide, q2 } = await buildGuide();
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'entretien-a.txt',
      data: fileBytes(interviewA),
    });
    const [, second] = await call('answers.propose', {
      documentId: document.id,
      guideId: guide.id,
    });
    await call('answers.create', {
      documentId: document.id,
      version: document.version,
      itemId: q2.id,
      start: second!.start,
      end: second!.end,
    });
    const detail = await call('documents.get', { id: document.id });
    const doc = documentFromJson(detail.content);
    const transform = new Transform(doc).insert(
      offsetToPosition(buildTextIndex(doc), 0),
      documentSchema.text('Note : '),
    );
    await call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    const after = buildTextIndex(
      documentFromJson((await call('documents.get', { id: document.id })).content),
    ).text;
    const [answer] = await call('answers.forDocument', { documentId: document.id });
    expect(sliceCodePoints(after, answer!.start, answer!.end)).toBe(
      'La direction générale, avec le maire très présent.',
    );
    await call('history.undo', {});
    const [restored] = await call('answers.forDocument', { documentId: document.id });
    expect(restored).toMatchObject({ start: second!.start, end: second!.end });
    await call('documents.delete', { id: document.id });
    expect((await call('guides.coverage', { guideId: guide.id })).documents).toEqual([]);
  });
});
