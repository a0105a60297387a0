import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNames } from '../../../electron/pseudonymise/nameMatcher';

const terms = (...texts: string[]) => texts.map((text) => ({ entryId: text, text }));
const found = (text: string, ...texts: string[]) =>
  findNames(text, terms(...texts)).map((match) => match.text);

// A new-user walk: "vin blanc" became "vin Paul Durand", "un petit budget" "un Odile Martin budget".
describe('a surname that is also a word', () => {
  it('is found where the text writes it with a capital, never as the word', () => {
    expect(found('Un petit budget, dit M. Petit. PETIT le confirme.', 'Petit')).toEqual([
      'Petit',
      'PETIT',
    ]);
    expect(found('Le vin blanc de Mme Blanc', 'Blanc')).toEqual(['Blanc']);
    expect(found('le marchand de journaux, Karim Marchand', 'Marchand')).toEqual(['Marchand']);
    // Accents still aside: a capital without its accent is the name.
    expect(found('Élodie, Elodie et élodie', 'Élodie')).toEqual(['Élodie', 'Elodie']);
  });

  it('is found however written when the researcher types it in small letters, or within a full name', () => {
    expect(found('un petit budget', 'petit')).toEqual(['petit']);
    expect(found('marie-claude petit a signé', 'Marie-Claude Petit')).toEqual([
      'marie-claude petit',
    ]);
  });

  it('is never found in small letters, whatever surrounds it', () => {
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
        for (const match of findNames(text, terms('Petit', 'Blanc', 'Marchand')))
          expect(match.text[0]).toBe(match.text[0]!.toUpperCase());
      }),
      { seed: 19, numRuns: 300 },
    );
  });
});
