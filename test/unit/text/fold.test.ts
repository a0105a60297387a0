import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordVariants } from '../../../electron/store/searchQuery';
import { foldCharacter, foldForComparison } from '../../../shared/text/fold';

const pieces = [
  'c',
  'o',
  'e',
  'a',
  'u',
  'r',
  'f',
  'i',
  'l',
  's',
  't',
  'œ',
  'Œ',
  'æ',
  'ﬁ',
  'ﬂ',
  'ﬀ',
  'é',
  'e\u0301',
];
const word = fc
  .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 })
  .map((list) => list.join(''));

describe('folding for search and find', () => {
  it('spells ligatures out and drops accents and case', () => {
    expect(foldForComparison('Cœur ÆQUO ﬁnance Élue e\u0301lue Straße')).toBe(
      'coeur aequo finance elue elue strasse',
    );
    expect(foldForComparison('👩‍💻')).toBe('👩‍💻');
  });

  it('folds a whole text as it folds each of its characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces, 'Œ', 'Ǆ', 'İ', '①', '😀', ' '), { maxLength: 20 }),
        (list) => {
          const text = list.join('');
          expect(foldForComparison(text)).toBe([...text].map(foldCharacter).join(''));
        },
      ),
    );
  });

  it('gives a word spellings that all fold to it, and the one a text with ligatures holds', () => {
    fc.assert(
      fc.property(word, (written) => {
        const variants = wordVariants(foldForComparison(written));
        expect(variants.length).toBeLessThanOrEqual(16);
        for (const variant of variants)
          expect(foldForComparison(variant)).toBe(foldForComparison(written));
        // The spelling as written (its case and accents left to the index) is among them
        // whenever its ligatures are the plain oe/ae kind or all typographic.
        const expected = written.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        if (!/[ﬁﬂﬀ]/.test(expected) && variants.length < 16) expect(variants).toContain(expected);
      }),
    );
  });
});
