import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNames } from '../../../electron/pseudonymise/nameMatcher';
import { nameTableOf } from '../../../electron/pseudonymise/nameTable';

/** The terms of a table holding each text as an entry, the dictionaries read as the app reads them. */
const terms = async (...texts: string[]) =>
  (
    await nameTableOf(
      texts.map((text) => ({
        id: text,
        kind: 'person' as const,
        real: text,
        variants: [],
        pseudonym: 'X',
        source: null,
      })),
    )
  ).terms;
const found = async (text: string, ...texts: string[]) =>
  findNames(text, await terms(...texts)).map((match) => match.text);

// A new-user walk: "vin blanc" became "vin Paul Durand", "un petit budget" "un Odile Martin budget".
describe('a surname that is also a word', () => {
  it('is found where the text writes it with a capital, never as the word', async () => {
    expect(await found('Un petit budget, dit M. Petit. PETIT le confirme.', 'Petit')).toEqual([
      'Petit',
      'PETIT',
    ]);
    expect(await found('Le vin blanc de Mme Blanc', 'Blanc')).toEqual(['Blanc']);
    expect(await found('le marchand de journaux, Karim Marchand', 'Marchand')).toEqual([
      'Marchand',
    ]);
    // Accents still aside: a capital without its accent is the name.
    expect(await found('Pierre, PIERRE, une pierre', 'Pierre')).toEqual(['Pierre', 'PIERRE']);
  });

  it('is found however written when the researcher types it in small letters, or within a full name', async () => {
    expect(await found('un petit budget', 'petit')).toEqual(['petit']);
    expect(await found('marie-claude petit a signé', 'Marie-Claude Petit')).toEqual([
      'marie-claude petit',
    ]);
    // Typed both ways: the small letters win.
    expect(
      findNames('un petit budget', [
        ...(await terms('Petit')),
        { entryId: 'Petit', text: 'petit' },
      ]).map((match) => match.text),
    ).toEqual(['petit']);
  });

  // A new-user walk: "En fait, thomas a construit…" stayed in a shared copy, and its check passed.
  it('is the only name found only with its capital: any other is found however written', async () => {
    expect(await found('En fait, thomas a construit la base, dit Thomas.', 'Thomas')).toEqual([
      'thomas',
      'Thomas',
    ]);
    expect(await found('Élodie, Elodie et élodie', 'Élodie')).toEqual([
      'Élodie',
      'Elodie',
      'élodie',
    ]);
    expect(await found('helene.lefevre@montreuil.fr', 'Lefèvre', 'Hélène')).toEqual([
      'helene',
      'lefevre',
    ]);
  });

  // The second walk: "sophie.petit@montreuil.fr" kept Mme Petit's name in every copy.
  it('is found in small letters inside an address, and not at the end of a sentence', async () => {
    expect(
      await found('Écrivez à sophie.petit@montreuil.fr ou karim_marchand.', 'Petit', 'Marchand'),
    ).toEqual(['petit', 'marchand']);
    expect(await found('Un vote blanc. Le petit.', 'Blanc', 'Petit')).toEqual([]);
  });

  it('is never found in small letters, whatever surrounds it', async () => {
    const table = await terms('Petit', 'Blanc', 'Marchand');
    const word = fc.constantFrom(
      'petit',
      'blanc',
      'marchand',
      'é',
      ' ',
      '\n',
      '-',
      '’',
      '🙂',
      'Le',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        for (const match of findNames(text, table))
          expect(match.text[0]).toBe(match.text[0]!.toUpperCase());
      }),
      { seed: 19, numRuns: 300 },
    );
  });
});
