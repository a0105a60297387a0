import { Transform } from '@tiptap/pm/transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const words = 'Le comité citoyen 😀 est tiré au sort';

/** Amélie and Bruno put the same code on the same words: double coding, as agreement needs it. */
async function codedTwice() {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'Entretien DGS.txt',
    data: fileBytes(`DGS : ${words} chaque année.`),
  });
  const openness = await call('codes.create', { name: 'Ouverture' });
  const panel = await call('codes.create', { parentId: openness.id, name: 'Comité citoyen' });
  const draw = await call('codes.create', { parentId: openness.id, name: 'Tirage au sort' });
  const length = [...words].length;
  for (const name of ['Amélie', 'Bruno']) {
    await call('app.setCoderName', { name });
    const { version } = await call('documents.get', { id: document.id });
    await call('codings.create', {
      documentId: document.id,
      start: 0,
      end: length,
      version,
      codeIds: [panel.id],
    });
  }
  return { document, panel, draw, length };
}

const coders = async (documentId: string) =>
  (await harness.call('codings.forDocument', { documentId }))
    .map((coding) => [coding.coder, coding.codeId, coding.start, coding.end])
    .sort();

describe('two coders on the same words', () => {
  it('keeps both codings, and one coder coding them again adds nothing', async () => {
    const { document, panel, length } = await codedTwice();
    expect(await coders(document.id)).toEqual([
      ['Amélie', panel.id, 0, length],
      ['Bruno', panel.id, 0, length],
    ]);
    const { version } = await harness.call('documents.get', { id: document.id });
    await harness.call('codings.create', {
      documentId: document.id,
      start: 0,
      end: length,
      version,
      codeIds: [panel.id],
    });
    expect(await coders(document.id)).toHaveLength(2);
  });

  it('keeps both through an edit inside the words (it deleted the second before)', async () => {
    const { document, panel, length } = await codedTwice();
    const detail = await harness.call('documents.get', { id: document.id });
    const doc = documentFromJson(detail.content);
    const transform = new Transform(doc);
    transform.insert(offsetToPosition(buildTextIndex(doc), 10), documentSchema.text('vraiment '));
    await harness.call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    const after = await harness.call('documents.get', { id: document.id });
    const text = buildTextIndex(documentFromJson(after.content)).text;
    const grown = length + [...'vraiment '].length;
    expect(await coders(document.id)).toEqual([
      ['Amélie', panel.id, 0, grown],
      ['Bruno', panel.id, 0, grown],
    ]);
    expect(sliceCodePoints(text, 0, grown)).toBe('Le comité vraiment citoyen 😀 est tiré au sort');
    // Undone, both are back on the words as they were.
    await harness.call('history.undo', {});
    expect(await coders(document.id)).toEqual([
      ['Amélie', panel.id, 0, length],
      ['Bruno', panel.id, 0, length],
    ]);
  });

  it('keeps each coder’s coding when their code is merged into another on the same words', async () => {
    const { document, panel, draw, length } = await codedTwice();
    await harness.call('app.setCoderName', { name: 'Amélie' });
    const { version } = await harness.call('documents.get', { id: document.id });
    await harness.call('codings.create', {
      documentId: document.id,
      start: 0,
      end: length,
      version,
      codeIds: [draw.id],
    });
    await harness.call('codes.merge', { sourceId: panel.id, targetId: draw.id });
    // Amélie's two collapse into one; Bruno's stays his.
    expect(await coders(document.id)).toEqual([
      ['Amélie', draw.id, 0, length],
      ['Bruno', draw.id, 0, length],
    ]);
  });

  it('keeps two users’ selections of the same words through a .qdpx round trip', async () => {
    const { document, panel, length } = await codedTwice();
    const exported = await harness.call('refi.exportProject', {});
    const path = `${harness.folder}/round-trip.axial`;
    await harness.call('refi.importProject', {
      fileName: 'study.qdpx',
      data: exported.file.data,
      path,
    });
    const [imported] = await harness.call('documents.list', {});
    expect(imported!.id).toBe(document.id);
    expect(await coders(document.id)).toEqual([
      ['Amélie', panel.id, 0, length],
      ['Bruno', panel.id, 0, length],
    ]);
  });

  it('gives one coder’s codings and counts for a view by coder', async () => {
    const { document, panel, draw, length } = await codedTwice();
    const { version } = await harness.call('documents.get', { id: document.id });
    // Bruno, the last name set, codes once more with another code.
    await harness.call('codings.create', {
      documentId: document.id,
      start: 0,
      end: 5,
      version,
      codeIds: [draw.id],
    });
    const only = await harness.call('codings.forDocument', {
      documentId: document.id,
      coders: ['Amélie'],
    });
    expect(only.map((coding) => [coding.coder, coding.start, coding.end])).toEqual([
      ['Amélie', 0, length],
    ]);
    expect(await harness.call('codes.countsOf', { coder: 'Bruno' })).toEqual({
      [panel.id]: 1,
      [draw.id]: 1,
    });
    expect(await harness.call('codes.countsOf', { coder: 'Chloé' })).toEqual({});
  });

  it('takes a name typed with a combining accent for the same coder', async () => {
    const { document } = await codedTwice();
    // "Ame\u0301lie": the e and its accent as two code points, as some keyboards type it.
    await harness.call('app.setCoderName', { name: 'Ame\u0301lie' });
    const { version } = await harness.call('documents.get', { id: document.id });
    const codes = await harness.call('codes.list', {});
    await harness.call('codings.create', {
      documentId: document.id,
      start: 0,
      end: 3,
      version,
      codeIds: [codes.find((code) => code.name === 'Tirage au sort')!.id],
    });
    expect((await harness.call('agreement.coders', {})).map((coder) => coder.name)).toEqual([
      'Amélie',
      'Bruno',
    ]);
    const report = await harness.call('agreement.compute', { coders: ['Ame\u0301lie', 'Bruno'] });
    expect(report.coders).toEqual(['Amélie', 'Bruno']);
  });
});
