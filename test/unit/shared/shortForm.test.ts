import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingPiece, tidyShortForm } from '../../../shared/shortForm';

// Words as transcripts hold them: accents, combining marks, apostrophes, emoji, CRLF.
const word = fc.constantFrom(
  'panel',
  'habitants',
  'évalue',
  'e\u0301lus',
  "d'habitants",
  'l’équipe',
  '👩‍👩‍👧',
  'ﬁnance',
  'Saint-Étienne',
  'chaque',
  'année',
);
const passage = fc.array(word, { minLength: 1, maxLength: 30 });

describe('a short form against its passage', () => {
  it('holds every cut of the passage’s own words, in order, whatever the marks around them', () => {
    fc.assert(
      fc.property(
        passage,
        fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
        fc.constantFrom('[…]', '[...]', '(…)', '(...)'),
        fc.constantFrom(' ', '\r\n', '  '),
        (words, cuts, cut, space) => {
          const text = words.join(space);
          // Pieces: runs of words between sorted cut points.
          const points = [...new Set(cuts.map((value) => value % (words.length + 1)))].sort(
            (a, b) => a - b,
          );
          const pieces: string[] = [];
          for (let index = 0; index + 1 < points.length; index += 2)
            pieces.push(words.slice(points[index], points[index + 1]).join(' '));
          const shortForm = pieces.filter(Boolean).join(` ${cut} `);
          expect(missingPiece(shortForm, text)).toBeNull();
          expect(missingPiece(tidyShortForm(shortForm), text)).toBeNull();
        },
      ),
      { seed: 20261204, numRuns: 500 },
    );
  });

  it('finds the first word the passage does not hold, and pieces out of order', () => {
    fc.assert(
      fc.property(passage, fc.constantFrom('adoptées', 'jamais', 'Paris'), (words, foreign) => {
        const text = words.join(' ');
        fc.pre(!text.includes(foreign));
        expect(missingPiece(`${words[0]} […] ${foreign}`, text)).toBe(foreign);
      }),
      { seed: 20261205, numRuns: 300 },
    );
    expect(missingPiece('chaque année […] le panel', 'le panel évalue chaque année')).toBe(
      'le panel',
    );
  });

  it('takes the researcher’s capital, quotation marks and final full stop as the passage’s words', () => {
    const text = 'un tiers des propositions du panel ont été reprises par les élus';
    expect(missingPiece('« Un tiers des propositions […] ont été reprises. »', text)).toBeNull();
    expect(missingPiece('un tiers des propositions […] ont été adoptées', text)).toBe(
      'ont été adoptées',
    );
    expect(tidyShortForm('  un tiers [...] reprises (...) ')).toBe('un tiers […] reprises (…)');
    expect(missingPiece('', text)).toBeNull();
  });
});
