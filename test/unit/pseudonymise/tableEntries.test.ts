import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

// From a new-user walk: a second import gave Montreuil two entries, and two pseudonyms.
describe('a name the table holds already', () => {
  it('is not imported twice, and the import says which were held', async () => {
    const { call } = harness;
    const file = {
      fileName: 'names.csv',
      data: fileBytes('real,pseudonym\nMontreuil,Ville A\nHélène Lefèvre|Hélène,DGS de A\n'),
    };
    expect((await call('pseudonyms.importTable', file)).added).toBe(2);
    const again = await call('pseudonyms.importTable', file);
    expect(again.added).toBe(0);
    expect(again.alreadyHeld).toEqual(['Montreuil', 'Hélène Lefèvre']);
    expect(again.entries).toHaveLength(2);
    // Twice in one file, or a variant another entry holds: added once, the rest reported.
    const twice = await call('pseudonyms.importTable', {
      fileName: 'more.csv',
      data: fileBytes('real,pseudonym\nLyon,Ville B\nlyon,Ville C\nMme Lefèvre|Hélène,Mme D\n'),
    });
    expect(twice.added).toBe(1);
    expect(twice.alreadyHeld).toEqual(['lyon', 'Mme Lefèvre']);
    expect((await call('history.state', {})).undoLabel).toBe('editPseudonyms');
  });

  it('is refused when typed again in any case or accents, as a name or a variant, naming the entry', async () => {
    const { call } = harness;
    await call('pseudonyms.add', {
      kind: 'place',
      real: 'Montreuil',
      variants: [],
      pseudonym: 'Ville A',
    });
    const refused = await harness.fail('pseudonyms.add', {
      kind: 'place',
      real: 'Ville de MONTREUIL',
      variants: ['montreuil'],
      pseudonym: 'Ville B',
    });
    expect(refused.params).toMatchObject({
      reason: 'alreadyInTable',
      real: 'Montreuil',
      pseudonym: 'Ville A',
    });
    expect(await call('pseudonyms.list', {})).toHaveLength(1);
    await call('pseudonyms.add', {
      kind: 'place',
      real: 'Saint-Étienne',
      variants: [],
      pseudonym: 'Ville C',
    });
    expect(
      (
        await harness.fail('pseudonyms.add', {
          kind: 'place',
          real: 'saint etienne',
          variants: [],
          pseudonym: 'Ville D',
        })
      ).params?.reason,
    ).toBe('alreadyInTable');
    // An entry changed keeps its own names.
    const [entry] = await call('pseudonyms.list', {});
    await call('pseudonyms.update', {
      id: entry!.id,
      kind: 'place',
      real: 'Montreuil',
      variants: ['montreuil-sous-bois'],
      pseudonym: 'Ville A',
    });
    expect((await call('pseudonyms.list', {}))[0]!.variants).toEqual(['montreuil-sous-bois']);
  });
});
