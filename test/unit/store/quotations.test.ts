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

  it('keep the speaker’s words: a short form with other words is refused, one whose passage was edited since is cited whole', async () => {
    const { call } = harness;
    const { document, panel } = await study();
    const refused = await harness.fail('quotations.mark', {
      codingId: panel.id,
      shortForm: 'Le panel […] est élu chaque année',
    });
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect(refused.message).toContain('"est élu chaque année"');
    expect((await call('quotations.list', {})).quotations).toEqual([]);
    const marked = await call('quotations.mark', {
      codingId: panel.id,
      shortForm: 'Le panel citoyen [...] chaque année.',
    });
    expect(marked.quotations[0]).toMatchObject({
      shortForm: 'Le panel citoyen […] chaque année.',
      shortFormHeld: true,
    });
    // The passage's "chaque" becomes "tous les ans": the cut no longer holds.
    const detail = await call('documents.get', { id: document.id });
    const doc = documentFromJson(detail.content);
    const index = buildTextIndex(doc);
    const at = Array.from(index.text.slice(0, index.text.indexOf('chaque année'))).length;
    const transform = new Transform(doc);
    transform.replaceWith(
      offsetToPosition(index, at),
      offsetToPosition(index, at + 'chaque année'.length),
      documentSchema.text('tous les ans'),
    );
    await call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    const [stale] = (await call('quotations.list', {})).quotations;
    expect(stale).toMatchObject({ shortFormHeld: false });
    expect(stale!.text).toContain('tous les ans');
    await call('reports.saveLayout', {
      blocks: [{ id: crypto.randomUUID(), kind: 'quotations', codeId: null, caption: '' }],
    });
    const content = await call('reports.content', {});
    expect(content.parts[0]).toMatchObject({
      kind: 'quotations',
      groups: [
        {
          quotations: [{ text: '« Le panel citoyen est tiré au sort 👩‍👩‍👧 tous les ans. »' }],
        },
      ],
      notes: [expect.stringContaining('cité en entier')],
    });
  });

  it('follow their passage when its code is merged into one that codes the same words', async () => {
    const { call } = harness;
    const { document, panel } = await study();
    const codes = await call('codes.list', {});
    const axis = codes.find((code) => code.name === 'Ouverture')!;
    const twin = await call('codes.create', { parentId: axis.id, name: 'Tirage au sort' });
    const [again] = await call('codings.create', {
      documentId: document.id,
      start: panel.start,
      end: panel.end,
      version: (await call('documents.get', { id: document.id })).version,
      codeIds: [twin.id],
    });
    await call('quotations.mark', { codingId: again!.id, shortForm: 'Le panel […] chaque année.' });
    await call('codes.merge', { sourceId: twin.id, targetId: panel.codeId });
    const [carried] = (await call('quotations.list', {})).quotations;
    expect(carried).toMatchObject({ codingId: panel.id, shortForm: 'Le panel […] chaque année.' });
    await call('history.undo', {});
    expect((await call('quotations.list', {})).quotations[0]!.codingId).toBe(again!.id);
  });

  it('say when their words run into another speaker’s turn, until a short form keeps to the first', async () => {
    const { call } = harness;
    const { document, panel, decision } = await study();
    const detail = await call('documents.get', { id: document.id });
    const text = buildTextIndex(documentFromJson(detail.content)).text;
    const start = Array.from(text.slice(0, text.indexOf('Comment le panel'))).length;
    const end = Array.from(text.slice(0, text.indexOf(' est tiré'))).length;
    const [over] = await call('codings.create', {
      documentId: document.id,
      start,
      end,
      version: detail.version,
      codeIds: [panel.codeId],
    });
    await call('quotations.mark', { codingId: over!.id });
    // The same speaker's next turn is still their words.
    const spanning = await call('codings.create', {
      documentId: document.id,
      start: panel.start,
      end: decision.end,
      version: (await call('documents.get', { id: document.id })).version,
      codeIds: [panel.codeId],
    });
    await call('quotations.mark', { codingId: spanning[0]!.id });
    const [question, answer] = (await call('quotations.list', {})).quotations;
    expect(question).toMatchObject({ speaker: 'Enquêtrice', otherSpeakers: ['DGS'] });
    expect(answer).toMatchObject({ speaker: 'DGS', otherSpeakers: [] });
    const cut = await call('quotations.update', {
      id: question!.id,
      shortForm: 'Comment le panel […] choisi ?',
    });
    expect(cut.quotations[0]!.otherSpeakers).toEqual([]);
  });
});
