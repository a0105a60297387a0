import Database from 'better-sqlite3';
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

const transcript = [
  'Enquêteur : Comment le projet est-il piloté ?',
  'DGS : Le maire porte le projet 😀 et la direction générale le coordonne.',
  'DGS : Nous associons les habitants au comité.',
].join('\n');

async function setUp() {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'entretien-a.txt',
    data: fileBytes(transcript),
  });
  const proactivity = await call('codes.create', { name: 'Proactivité' });
  const leadership = await call('codes.create', {
    parentId: proactivity.id,
    name: 'Leadership politique',
  });
  const mayor = await call('codes.create', { parentId: leadership.id, name: 'Maire moteur' });
  const direction = await call('codes.create', {
    parentId: leadership.id,
    name: 'Direction moteur',
  });
  return { document, proactivity, leadership, mayor, direction };
}

async function text(documentId: string) {
  const detail = await harness.call('documents.get', { id: documentId });
  return { detail, index: buildTextIndex(documentFromJson(detail.content)) };
}

function stepsFor(
  detail: { content: unknown },
  change: (transform: Transform, index: ReturnType<typeof buildTextIndex>) => void,
) {
  const doc = documentFromJson(detail.content);
  const transform = new Transform(doc);
  change(transform, buildTextIndex(doc));
  return transform.steps.map((step) => step.toJSON());
}

describe('codebook', () => {
  it('builds a tree whose top level is not codable by default', async () => {
    const { proactivity, leadership, mayor } = await setUp();
    expect(proactivity.codable).toBe(false);
    expect(leadership.codable).toBe(true);
    const codes = await harness.call('codes.list', {});
    expect(codes.map((code) => code.name)).toEqual([
      'Proactivité',
      'Leadership politique',
      'Maire moteur',
      'Direction moteur',
    ]);
    expect(codes.find((code) => code.id === mayor.id)?.parentId).toBe(leadership.id);
    expect(new Set(codes.map((code) => code.colour)).size).toBe(4);
    expect(
      (await harness.fail('codes.create', { parentId: leadership.id, name: 'maire MOTEUR' })).code,
    ).toBe('name_taken');
  });

  it('refuses to code with an axis, and to move a code inside itself', async () => {
    const { document, proactivity, leadership, mayor } = await setUp();
    expect(
      (
        await harness.fail('codings.create', {
          documentId: document.id,
          version: document.version,
          start: 0,
          end: 5,
          codeIds: [proactivity.id],
        })
      ).code,
    ).toBe('invalid_operation');
    expect(
      (await harness.fail('codes.move', { id: leadership.id, parentId: mayor.id, index: 0 })).code,
    ).toBe('invalid_operation');
  });

  it('merges two codes: codings move, the same passage collapses, sub-codes follow', async () => {
    const { document, leadership, mayor, direction } = await setUp();
    const { call } = harness;
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 46,
      end: 70,
      codeIds: [mayor.id, direction.id],
    });
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 80,
      end: 100,
      codeIds: [direction.id],
    });
    const sub = await call('codes.create', { parentId: direction.id, name: 'DGS' });
    expect(await call('codes.merge', { sourceId: direction.id, targetId: mayor.id })).toEqual({
      moved: 1,
      collapsed: 1,
    });
    const codes = await call('codes.list', {});
    expect(codes.find((code) => code.id === direction.id)).toBeUndefined();
    expect(codes.find((code) => code.id === sub.id)?.parentId).toBe(mayor.id);
    const codings = await call('codings.forDocument', { documentId: document.id });
    expect(codings.map((coding) => [coding.codeId, coding.start, coding.end])).toEqual([
      [mayor.id, 46, 70],
      [mayor.id, 80, 100],
    ]);
    expect(codes.find((code) => code.id === mayor.id)?.codingCount).toBe(2);
    expect(leadership.id).toBeTruthy();

    // Undo brings the source code, its codings and its sub-code back exactly.
    await call('history.undo', {});
    const restored = await call('codings.forDocument', { documentId: document.id });
    expect(restored.filter((coding) => coding.codeId === direction.id)).toHaveLength(2);
    expect((await call('codes.list', {})).find((code) => code.id === sub.id)?.parentId).toBe(
      direction.id,
    );
  });

  it('deletes a code with its sub-codes and codings, tells how many first, and undo restores them', async () => {
    const { document, leadership, mayor, direction } = await setUp();
    const { call } = harness;
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 46,
      end: 70,
      codeIds: [mayor.id, direction.id],
    });
    expect(await call('codes.deletionImpact', { id: leadership.id })).toEqual({
      codes: 3,
      codings: 2,
    });
    expect(await call('codes.delete', { id: leadership.id })).toEqual({ codes: 3, codings: 2 });
    expect((await call('codes.list', {})).map((code) => code.name)).toEqual(['Proactivité']);
    expect(await call('codings.forDocument', { documentId: document.id })).toEqual([]);
    expect((await call('history.state', {})).undoLabel).toBe('deleteCode');
    await call('history.undo', {});
    expect((await call('codes.list', {})).map((code) => code.name)).toEqual([
      'Proactivité',
      'Leadership politique',
      'Maire moteur',
      'Direction moteur',
    ]);
    expect(await call('codings.forDocument', { documentId: document.id })).toHaveLength(2);
    await call('history.redo', {});
    expect(await call('codings.forDocument', { documentId: document.id })).toEqual([]);
  });

  it('reorders and moves codes between parents', async () => {
    const { proactivity, leadership, mayor, direction } = await setUp();
    const { call } = harness;
    await call('codes.move', { id: direction.id, parentId: leadership.id, index: 0 });
    let codes = await call('codes.list', {});
    expect(codes.map((code) => code.name)).toEqual([
      'Proactivité',
      'Leadership politique',
      'Direction moteur',
      'Maire moteur',
    ]);
    await call('codes.move', { id: mayor.id, parentId: proactivity.id, index: 0 });
    codes = await call('codes.list', {});
    expect(codes.find((code) => code.id === mayor.id)?.parentId).toBe(proactivity.id);
    expect(codes.map((code) => code.name)).toEqual([
      'Proactivité',
      'Maire moteur',
      'Leadership politique',
      'Direction moteur',
    ]);
    await call('history.undo', {});
    await call('history.undo', {});
    codes = await call('codes.list', {});
    expect(codes.map((code) => code.name)).toEqual([
      'Proactivité',
      'Leadership politique',
      'Maire moteur',
      'Direction moteur',
    ]);
  });
});

describe('coding and editing', () => {
  it('keeps codings on their words through edits before, inside and across them, in one transaction', async () => {
    const { document, mayor, direction } = await setUp();
    const { call } = harness;
    let { detail, index } = await text(document.id);
    const start = [...index.text].join('').indexOf('Le maire');
    const mayorStart = [...index.text.slice(0, start)].length;
    const mayorEnd = mayorStart + [...'Le maire porte le projet 😀'].length;
    const [first] = await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: mayorStart,
      end: mayorEnd,
      codeIds: [mayor.id],
    });
    const overlapStart = mayorEnd - 3;
    const overlapEnd = overlapStart + 20;
    const [second] = await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: overlapStart,
      end: overlapEnd,
      codeIds: [direction.id],
    });
    const secondWords = sliceCodePoints(index.text, overlapStart, overlapEnd);

    // Type before the passage, then inside it.
    const before = stepsFor(detail, (t, i) =>
      t.insert(offsetToPosition(i, 0), documentSchema.text('Bonjour. ')),
    );
    let { version } = await call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: before,
    });
    ({ detail, index } = await text(document.id));
    const afterFirst = (await call('codings.forDocument', { documentId: document.id })).find(
      (coding) => coding.id === first!.id,
    )!;
    expect(sliceCodePoints(index.text, afterFirst.start, afterFirst.end)).toBe(
      'Le maire porte le projet 😀',
    );

    const inside = stepsFor(detail, (t, i) =>
      t.insert(offsetToPosition(i, afterFirst.start + 9), documentSchema.text('vraiment ')),
    );
    ({ version } = await call('documents.applySteps', { id: document.id, version, steps: inside }));
    ({ index } = await text(document.id));
    const codings = await call('codings.forDocument', { documentId: document.id });
    const firstNow = codings.find((coding) => coding.id === first!.id)!;
    const secondNow = codings.find((coding) => coding.id === second!.id)!;
    expect(sliceCodePoints(index.text, firstNow.start, firstNow.end)).toBe(
      'Le maire vraiment porte le projet 😀',
    );
    expect(sliceCodePoints(index.text, secondNow.start, secondNow.end)).toBe(secondWords);

    // The file itself holds the same: text and ranges were stored together.
    const raw = new Database(harness.projectPath, { readonly: true });
    const stored = raw.prepare('SELECT plain_text FROM document WHERE id = ?').get(document.id) as {
      plain_text: string;
    };
    raw.close();
    expect(stored.plain_text).toBe(index.text);

    // An edit made against an old version is refused, not applied on the wrong text.
    expect(
      (
        await harness.fail('documents.applySteps', {
          id: document.id,
          version: version - 1,
          steps: inside,
        })
      ).code,
    ).toBe('stale_document');

    // Undo the typing inside, then the typing before: the ranges come back exactly.
    await call('history.undo', {});
    await call('history.undo', {});
    ({ index } = await text(document.id));
    expect(index.text).toBe(transcript.replace(/^Enquêteur : /, '').replace(/\nDGS : /g, '\n'));
    const undone = await call('codings.forDocument', { documentId: document.id });
    expect(undone.find((coding) => coding.id === first!.id)).toMatchObject({
      start: mayorStart,
      end: mayorEnd,
    });
    await call('history.redo', {});
    ({ index } = await text(document.id));
    expect(index.text.startsWith('Bonjour. ')).toBe(true);
  });

  it('deletes a coding whose words are all deleted, and undo restores it', async () => {
    const { document, mayor } = await setUp();
    const { call } = harness;
    const { detail, index } = await text(document.id);
    const [coding] = await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 3,
      end: 10,
      codeIds: [mayor.id],
    });
    const deletion = stepsFor(detail, (t, i) =>
      t.delete(offsetToPosition(i, 1), offsetToPosition(i, 12)),
    );
    await call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: deletion,
    });
    expect(await call('codings.forDocument', { documentId: document.id })).toEqual([]);
    await call('history.undo', {});
    expect((await text(document.id)).index.text).toBe(index.text);
    expect(await call('codings.forDocument', { documentId: document.id })).toMatchObject([
      { id: coding!.id, start: 3, end: 10 },
    ]);
  });

  it('codes in vivo, skips a code already on the passage, and refuses a range outside the text', async () => {
    const { document, leadership, mayor } = await setUp();
    const { call } = harness;
    const { index } = await text(document.id);
    const start = [...index.text.slice(0, index.text.indexOf('Nous associons'))].length;
    const inVivo = await call('codings.createInVivo', {
      documentId: document.id,
      version: document.version,
      start,
      end: start + 'Nous associons les habitants'.length,
      parentId: leadership.id,
    });
    expect(inVivo.code).toMatchObject({
      name: 'Nous associons les habitants',
      parentId: leadership.id,
      codable: true,
    });
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 0,
      end: 5,
      codeIds: [mayor.id],
    });
    expect(
      await call('codings.create', {
        documentId: document.id,
        version: document.version,
        start: 0,
        end: 5,
        codeIds: [mayor.id],
      }),
    ).toEqual([]);
    expect(
      (
        await harness.fail('codings.create', {
          documentId: document.id,
          version: document.version,
          start: 0,
          end: 100000,
          codeIds: [mayor.id],
        })
      ).code,
    ).toBe('invalid_input');
    expect(
      (
        await harness.fail('codings.create', {
          documentId: document.id,
          version: document.version,
          start: 5,
          end: 5,
          codeIds: [mayor.id],
        })
      ).code,
    ).toBe('invalid_input');
  });
});

describe('passages', () => {
  it('lists passages with text, context, speaker, other codes, and filters them', async () => {
    const { document, proactivity, mayor, direction } = await setUp();
    const { call } = harness;
    const { index } = await text(document.id);
    const start = [...index.text.slice(0, index.text.indexOf('Le maire'))].length;
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start,
      end: start + 8,
      codeIds: [mayor.id],
    });
    await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: start + 3,
      end: start + 14,
      codeIds: [direction.id],
    });
    const passages = await call('passages.list', {});
    expect(passages).toHaveLength(2);
    expect(passages[0]).toMatchObject({
      text: 'Le maire',
      speaker: 'DGS',
      documentTitle: 'entretien-a',
      otherCodeIds: [direction.id],
    });
    // The context is the speaker's own turn: the interviewer's question before it, or the next
    // turn after it, is no part of what the DGS said around these words.
    expect(passages[0]!.before).toBe('');
    expect(passages[0]!.after).toBe(
      ' porte le projet 😀 et la direction générale le coordonne.\nNous associons les hab',
    );
    expect(passages[0]!.before + passages[0]!.after).not.toContain('piloté');

    expect(await call('passages.list', { codeIds: [proactivity.id] })).toHaveLength(2);
    expect(await call('passages.list', { codeIds: [mayor.id] })).toHaveLength(1);
    expect(
      await call('passages.list', { codeIds: [mayor.id, direction.id], codeMatch: 'all' }),
    ).toHaveLength(2);
    expect(await call('passages.list', { speakers: ['Enquêteur'] })).toHaveLength(0);
    expect(await call('passages.list', { text: 'MAIRE' })).toHaveLength(2);
    expect(await call('passages.list', { text: 'PÔRTE' })).toMatchObject([{ text: 'maire porte' }]);
  });
});

describe('the Passages view overview', () => {
  it('counts per node (own, with sub-codes, distinct documents) and pages passages in document order', async () => {
    const { call } = harness;
    const axis = await call('codes.create', { name: 'Axe' });
    const first = await call('codes.create', { parentId: axis.id, name: 'Premier' });
    const second = await call('codes.create', { parentId: axis.id, name: 'Second' });
    const text = Array.from({ length: 30 }, (_, index) => `Phrase numéro ${index} du corpus.`).join(
      ' ',
    );
    const documents = [];
    for (const name of ['a', 'b'])
      documents.push(
        await call('documents.import', { fileName: `${name}.txt`, data: fileBytes(text) }),
      );
    for (const document of documents)
      for (let index = 0; index < 20; index += 1)
        await call('codings.create', {
          documentId: document.id,
          version: document.version,
          start: index * 10,
          end: index * 10 + 5,
          codeIds: [index % 4 === 0 ? second.id : first.id],
        });
    const overview = await call('passages.overview', {});
    const byCode = new Map(overview.codes.map((entry) => [entry.codeId, entry]));
    expect(overview.total).toBe(40);
    expect(byCode.get(axis.id)).toEqual({ codeId: axis.id, own: 0, passages: 40, documents: 2 });
    expect(byCode.get(first.id)).toMatchObject({ own: 30, passages: 30, documents: 2 });
    expect(byCode.get(second.id)).toMatchObject({ own: 10, passages: 10, documents: 2 });
    // The same counts when a per-passage filter forces them to be counted one by one.
    const filtered = await call('passages.overview', { text: 'ph' });
    const matching = await call('passages.list', { text: 'ph' });
    expect(matching.length).toBeGreaterThan(0);
    expect(filtered.total).toBe(matching.length);
    expect(filtered.codes.find((entry) => entry.codeId === axis.id)?.passages).toBe(
      matching.length,
    );

    const page = await call('passages.list', { limit: 25 });
    const all = await call('passages.list', {});
    expect(page.map((passage) => passage.coding.id)).toEqual(
      all.slice(0, 25).map((passage) => passage.coding.id),
    );
    expect(page[24]!.coding.documentId).toBe(documents[1]!.id);
    const onlySecond = await call('passages.overview', { codeIds: [second.id] });
    expect(onlySecond.total).toBe(10);
  });
});

describe('codes made while coding, with no parent chosen', () => {
  it('go to one "In vivo" group, made in the same undo step as the first of them', async () => {
    const { call } = harness;
    const { document } = await setUp();
    const first = await call('codings.createInVivo', {
      documentId: document.id,
      version: document.version,
      start: 50,
      end: 66,
      inVivoGroup: true,
    });
    const second = await call('codes.create', { inVivoGroup: true, name: 'Coordination' });
    const codes = await call('codes.list', {});
    const group = codes.find((code) => code.name === 'In vivo')!;
    expect(group).toMatchObject({ parentId: null, codable: false });
    expect(codes.filter((code) => code.name === 'In vivo')).toHaveLength(1);
    expect(first.code.parentId).toBe(group.id);
    expect(second.parentId).toBe(group.id);
    await call('history.undo', {});
    await call('history.undo', {});
    expect((await call('codes.list', {})).map((code) => code.name)).not.toContain('In vivo');
  });
});
