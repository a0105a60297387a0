import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

describe('intensity ratings', () => {
  it('rates a case on an axis with a justification and evidence, within the scale, and undoes', async () => {
    const { call } = harness;
    const axis = await call('codes.create', { name: 'Proactivité' });
    const code = await call('codes.create', { parentId: axis.id, name: 'Maire moteur' });
    const caseA = await call('cases.create', { name: 'A' });
    const document = await call('documents.import', {
      fileName: 'a.txt',
      data: fileBytes('Le maire porte le projet.'),
    });
    const [coding] = await call('codings.create', {
      documentId: document.id,
      version: document.version,
      start: 3,
      end: 8,
      codeIds: [code.id],
    });
    await call('ratings.set', {
      caseId: caseA.id,
      codeId: axis.id,
      value: 4,
      justification: 'Portage politique fort.',
    });
    let ratings = await call('ratings.linkEvidence', {
      caseId: caseA.id,
      codeId: axis.id,
      codingId: coding!.id,
    });
    expect(ratings.scale).toEqual({ minimum: 1, maximum: 5, labels: [] });
    expect(ratings.ratings).toMatchObject([
      {
        caseId: caseA.id,
        codeId: axis.id,
        value: 4,
        justification: 'Portage politique fort.',
        evidence: [coding!.id],
      },
    ]);
    expect(
      (await harness.fail('ratings.set', { caseId: caseA.id, codeId: axis.id, value: 9 })).code,
    ).toBe('invalid_input');
    expect((await harness.fail('ratings.setScale', { minimum: 1, maximum: 3 })).code).toBe(
      'invalid_operation',
    );
    await call('ratings.setScale', { minimum: 0, maximum: 10, labels: [] });

    // Evidence whose passage is removed is hidden, and back with undo.
    await call('codings.delete', { id: coding!.id });
    expect((await call('ratings.list', {})).ratings[0]!.evidence).toEqual([]);
    await call('history.undo', {});
    expect((await call('ratings.list', {})).ratings[0]!.evidence).toEqual([coding!.id]);

    // Deleting the case takes its ratings; undo restores them.
    await call('cases.delete', { id: caseA.id });
    expect((await call('ratings.list', {})).ratings).toEqual([]);
    await call('history.undo', {});
    ratings = await call('ratings.list', {});
    expect(ratings.ratings[0]).toMatchObject({ value: 4, evidence: [coding!.id] });
  });

  it('keeps the chart’s axes and quadrant labels, and forgets an axis that is deleted', async () => {
    const { call } = harness;
    const proactivity = await call('codes.create', { name: 'Proactivité' });
    const openness = await call('codes.create', { name: 'Ouverture' });
    await call('chart.set', {
      xCodeId: openness.id,
      yCodeId: proactivity.id,
      quadrants: ['Passif-ouvert', 'Proactif-ouvert', 'Passif-fermé', 'Proactif-fermé'],
    });
    expect(await call('chart.get', {})).toEqual({
      xCodeId: openness.id,
      yCodeId: proactivity.id,
      quadrants: ['Passif-ouvert', 'Proactif-ouvert', 'Passif-fermé', 'Proactif-fermé'],
    });
    await call('codes.delete', { id: openness.id });
    expect((await call('chart.get', {})).xCodeId).toBeNull();
  });
});
