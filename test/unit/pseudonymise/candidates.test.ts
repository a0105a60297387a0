import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

describe('suggestions of names not in the table', () => {
  it('leave out the title or initials of a name the table holds whole', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes(
        'Enquêtrice : Et Mme Petit ? Qu’est-ce qu’il a dit ?\nMarie-Claude Petit : JP Blanc a signé, avec Nadia Benali. Le CCAS, le CCAS ! Yves aussi.',
      ),
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Marie-Claude Petit',
      variants: ['Mme Petit'],
      pseudonym: 'Odile Martin',
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Jean-Pierre Blanc',
      variants: ['JP Blanc'],
      pseudonym: 'Paul Durand',
    });
    const candidates = (await call('pseudonyms.candidates', {})).map((found) => found.text);
    expect(candidates).toContain('Nadia Benali');
    // An acronym is offered after the names, however often it is written.
    expect(candidates.indexOf('CCAS')).toBeGreaterThan(candidates.indexOf('Nadia Benali'));
    expect(candidates).not.toContain('Mme');
    expect(candidates).not.toContain('JP');
    // An elision is no name; a village called Yves does not make Yves a place.
    expect(candidates).not.toContain('Qu');
    const all = await call('pseudonyms.candidates', {});
    expect(all.find((found) => found.text === 'Yves')?.kind).toBeUndefined();
  });

  // A walk: "Noisy-le-Sec" never came up, "Rosny-sous-Bois" only as "Rosny"; memos were not read.
  it('take hyphenated place names whole, and read memos and the names of cases too', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes(
        'Enquêtrice : Et à Noisy-le-Sec ?\nDGS : Comme à Rosny-sous-Bois et à Saint-Germain-en-Laye.',
      ),
    });
    await call('cases.create', { name: 'Commune de Bobigny' });
    const candidates = (await call('pseudonyms.candidates', {})).map((found) => found.text);
    expect(candidates).toEqual(
      expect.arrayContaining([
        'Noisy-le-Sec',
        'Rosny-sous-Bois',
        'Saint-Germain-en-Laye',
        'Bobigny',
      ]),
    );
    expect(candidates).not.toContain('Rosny');
  });

  // A walk: "à Orange", "la Somme" never came up, their names being words too.
  it('take French towns, départements and régions whose names are words, inside a sentence, as places', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes(
        [
          'Enquêtrice : Vous étiez à Orange avant ?',
          'DGS : Oui, puis dans la Somme, et la Ville a suivi. Orange est plus petite.',
          'DGS : Sens unique, disait-on. Le panel de Sens a suivi.',
        ].join('\n'),
      ),
    });
    const candidates = await call('pseudonyms.candidates', {});
    const texts = candidates.map((found) => found.text);
    expect(texts).toEqual(expect.arrayContaining(['Orange', 'Somme', 'Sens']));
    expect(candidates.find((found) => found.text === 'Orange')).toMatchObject({
      kind: 'place',
      occurrences: 1,
    });
    // A village called Ville is not what "la Ville" means; nor is a sentence's first word a town.
    expect(texts).not.toContain('Ville');
    expect(candidates.find((found) => found.text === 'Sens')?.occurrences).toBe(1);
  });
});
