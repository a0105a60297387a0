import { Transform } from '@tiptap/pm/transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

const interview = [
  'Enquêtrice : Comment le panel est-il choisi ?',
  'DGS : Le panel citoyen est tiré au sort 👩‍👩‍👧 chaque année.',
  'DGS : Les élus gardent la décision finale.',
].join('\n');

async function study() {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'Entretien B.txt',
    data: fileBytes(interview),
  });
  const collectivity = await call('cases.create', { name: 'Collectivité B' });
  const dgs = await call('participants.create', { name: 'DGS de B', caseId: collectivity.id });
  await call('documents.setLinks', { documentId: document.id, participantIds: [dgs.id] });
  const axis = await call('codes.create', { name: 'Ouverture' });
  const code = await call('codes.create', { parentId: axis.id, name: 'Panel citoyen' });
  const detail = await call('documents.get', { id: document.id });
  const text = buildTextIndex(documentFromJson(detail.content)).text;
  const range = (words: string) => {
    const start = Array.from(text.slice(0, text.indexOf(words))).length;
    return { start, end: start + Array.from(words).length };
  };
  const [panel] = await call('codings.create', {
    documentId: document.id,
    ...range('Le panel citoyen est tiré au sort 👩‍👩‍👧 chaque année.'),
    version: detail.version,
    codeIds: [code.id],
  });
  const [decision] = await call('codings.create', {
    documentId: document.id,
    ...range('Les élus gardent la décision finale.'),
    version: (await call('documents.get', { id: document.id })).version,
    codeIds: [code.id],
  });
  return { document, panel: panel!, decision: decision! };
}

describe('key quotations', () => {
  it('cite their passage in the project’s reference style, one undo step each', async () => {
    const { call } = harness;
    const { panel } = await study();
    const marked = await call('quotations.mark', {
      codingId: panel.id,
      shortForm: 'Le panel […] est tiré au sort',
    });
    expect(marked.referenceStyle).toBe('participant-case');
    expect(marked.quotations).toMatchObject([
      {
        codingId: panel.id,
        text: 'Le panel citoyen est tiré au sort 👩‍👩‍👧 chaque année.',
        shortForm: 'Le panel […] est tiré au sort',
        speaker: 'DGS',
        reference: 'DGS de B, Collectivité B',
      },
    ]);
    expect((await call('history.state', {})).undoLabel).toBe('quote');
    const byCase = await call('quotations.setReferenceStyle', { style: 'case' });
    expect(byCase.quotations[0]!.reference).toBe('Collectivité B');
    await call('history.undo', {});
    expect((await call('quotations.list', {})).quotations[0]!.reference).toBe(
      'DGS de B, Collectivité B',
    );
    // Marked again: still one.
    expect((await call('quotations.mark', { codingId: panel.id })).quotations).toHaveLength(1);
  });

  it('follow their words when the transcript is edited, and go with their coding', async () => {
    const { call } = harness;
    const { document, panel } = await study();
    await call('quotations.mark', { codingId: panel.id });
    const detail = await call('documents.get', { id: document.id });
    const doc = documentFromJson(detail.content);
    const index = buildTextIndex(doc);
    const transform = new Transform(doc);
    const inside = Array.from(index.text.slice(0, index.text.indexOf('citoyen'))).length;
    transform.insert(offsetToPosition(index, inside), documentSchema.text('vraiment '));
    transform.insert(offsetToPosition(index, 0), documentSchema.text('Bonjour. '));
    await call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    expect((await call('quotations.list', {})).quotations[0]!.text).toBe(
      'Le panel vraiment citoyen est tiré au sort 👩‍👩‍👧 chaque année.',
    );
    await call('codings.delete', { id: panel.id });
    expect((await call('quotations.list', {})).quotations).toEqual([]);
    await call('history.undo', {});
    expect((await call('quotations.list', {})).quotations).toHaveLength(1);
  });

  it('keep the researcher’s order, moved and undone', async () => {
    const { call } = harness;
    const { panel, decision } = await study();
    await call('quotations.mark', { codingId: panel.id });
    const both = await call('quotations.mark', { codingId: decision.id });
    expect(both.quotations.map((quotation) => quotation.codingId)).toEqual([panel.id, decision.id]);
    const moved = await call('quotations.move', { id: both.quotations[1]!.id, index: 0 });
    expect(moved.quotations.map((quotation) => quotation.codingId)).toEqual([
      decision.id,
      panel.id,
    ]);
    expect(moved.quotations.map((quotation) => quotation.position)).toEqual([0, 1]);
    await call('history.undo', {});
    expect(
      (await call('quotations.list', {})).quotations.map((quotation) => quotation.codingId),
    ).toEqual([panel.id, decision.id]);
    const unmarked = await call('quotations.unmark', { id: both.quotations[0]!.id });
    expect(unmarked.quotations.map((quotation) => quotation.codingId)).toEqual([decision.id]);
    const gone = await harness.fail('quotations.mark', {
      codingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(gone.code).toBe('not_found');
  });
});
