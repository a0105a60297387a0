import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCueText } from '../../../electron/exchange/import/cueText';

/** Words as a cue writes them: escaped once, with tags anywhere between them. */
const word = fc
  .array(fc.constantFrom('a', 'é', '<', '>', '&', "'", 'œ', '🙂', '\u0301', '&amp;'), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(''));
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = fc.constantFrom(
  '<b>',
  '</b>',
  '<i>',
  '</i>',
  '<c.jaune>',
  '</c>',
  '<00:00:01.250>',
  '<lang fr>',
  '</lang>',
  '<ruby>',
  '<rt>',
  '</rt>',
  '</ruby>',
);

describe('cue text', () => {
  it('gives back the words of any cue, once unescaped, whatever tags sit between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.array(tag, { maxLength: 3 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.constantFrom('Marie', 'Jean Dupont', 'Élue & co')),
        (words, speaker) => {
          const payload =
            (speaker ? `<v ${escape(speaker)}>` : '') +
            words.map(([text, tags]) => `${tags.join('')}${escape(text)}`).join(' ');
          const read = readCueText(payload);
          expect(read.text).toBe(words.map(([text]) => text).join(' '));
          expect(read.speaker).toBe(speaker ?? undefined);
        },
      ),
      { seed: 20261202, numRuns: 500 },
    );
  });
});
