import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function twoCoders() {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'Entretien.txt',
    data: fileBytes('DGS : Le comité citoyen est tiré au sort.'),
  });
  const axis = await call('codes.create', { name: 'Ouverture' });
  const code = await call('codes.create', { parentId: axis.id, name: 'Comité' });
  for (const [name, start] of [
    ['Bruno', 3],
    ['Amélie', 0],
  ] as const) {
    await call('app.setCoderName', { name });
    const { version } = await call('documents.get', { id: document.id });
    await call('codings.create', {
      documentId: document.id,
      start,
      end: 10,
      version,
      codeIds: [code.id],
    });
  }
  return { axis };
}

describe('coders of a project', () => {
  it('are everyone who coded, each with a colour of their own, which the team can change and undo', async () => {
    const { call } = harness;
    await twoCoders();
    const coders = await call('coders.list', {});
    expect(coders.map(({ name, codings }) => [name, codings])).toEqual([
      ['Amélie', 1],
      ['Bruno', 1],
    ]);
    expect(new Set(coders.map((coder) => coder.colour)).size).toBe(2);
    const chosen = await call('coders.setColour', { name: 'Bruno', colour: '#AA3377' });
    expect(chosen.find((coder) => coder.name === 'Bruno')?.colour).toBe('#AA3377');
    // Amélie's colour does not move when Bruno is given one.
    expect(chosen.find((coder) => coder.name === 'Amélie')?.colour).toBe(coders[0]!.colour);
    expect((await call('history.state', {})).undoLabel).toBe('changeCoderColour');
    await call('history.undo', {});
    expect(await call('coders.list', {})).toEqual(coders);
    const refused = await harness.fail('coders.setColour', { name: 'Chloé', colour: '#000000' });
    expect(refused.params?.reason).toBe('unknownCoder');
  });

  it('record who last wrote a memo, and an undo gives the memo back with its writer', async () => {
    const { call } = harness;
    const { axis } = await twoCoders();
    await call('codes.update', { id: axis.id, memo: 'Axe central.' });
    const [coding] = (
      await call('codings.forDocument', { documentId: (await call('documents.list', {}))[0]!.id })
    ).filter((item) => item.coder === 'Bruno');
    await call('codings.update', { id: coding!.id, memo: 'À relire.' });
    const memoOf = async () => (await call('codes.list', {})).find((code) => code.id === axis.id)!;
    expect(await memoOf()).toMatchObject({ memo: 'Axe central.', memoCoder: 'Amélie' });
    expect(
      (await call('codings.forDocument', { documentId: coding!.documentId })).find(
        (item) => item.id === coding!.id,
      ),
    ).toMatchObject({ memo: 'À relire.', memoCoder: 'Amélie', coder: 'Bruno' });
    await call('app.setCoderName', { name: 'Bruno' });
    await call('codes.update', { id: axis.id, memo: 'Axe central, vu en B.' });
    expect(await memoOf()).toMatchObject({ memoCoder: 'Bruno' });
    await call('history.undo', {});
    expect(await memoOf()).toMatchObject({ memo: 'Axe central.', memoCoder: 'Amélie' });
  });

  it('record who judged a rating', async () => {
    const { call } = harness;
    const { axis } = await twoCoders();
    const place = await call('cases.create', { name: 'Collectivité A' });
    await call('ratings.set', { caseId: place.id, codeId: axis.id, value: 4, justification: '' });
    const { ratings } = await call('ratings.list', {});
    expect(ratings[0]).toMatchObject({ value: 4, coder: 'Amélie' });
  });
});
