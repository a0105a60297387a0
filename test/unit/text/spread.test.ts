import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromJson } from '../../../shared/editor/schema';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { spreadRange } from '../../../shared/text/spread';
import { buildTextIndex } from '../../../shared/text/textIndex';
import { characters } from '../../support/editModel';

function indexOf(paragraphs: { speaker: string | null; text: string }[]) {
  return buildTextIndex(
    documentFromJson({
      type: 'doc',
      content: paragraphs.map((paragraph) => ({
        type: 'paragraph',
        attrs: { speaker: paragraph.speaker },
        content: paragraph.text ? [{ type: 'text', text: paragraph.text }] : [],
      })),
    }),
  );
}

const interview = indexOf([
  { speaker: 'Enquêteur', text: 'Et le panel ? Racontez-moi.' },
  {
    speaker: 'DGS',
    text: 'Il se réunit deux fois par an. Les avis sont publiés 😀. Enfin, souvent !',
  },
  { speaker: null, text: 'Le maire les lit « tous ». Vraiment.' },
  { speaker: 'Enquêteur', text: 'Merci.' },
]);
const words = (range: { start: number; end: number }) =>
  sliceCodePoints(interview.text, range.start, range.end);
const find = (text: string) => {
  const at = [...interview.text.slice(0, interview.text.indexOf(text))].length;
  return { start: at, end: at + [...text].length };
};

describe('spreading a coding', () => {
  it('to its sentence, its paragraph, its turn', () => {
    expect(words(spreadRange(interview, find('avis sont'), 'sentence'))).toBe(
      'Les avis sont publiés 😀.',
    );
    expect(words(spreadRange(interview, find('tous'), 'sentence'))).toBe(
      'Le maire les lit « tous ».',
    );
    expect(words(spreadRange(interview, find('Enfin'), 'paragraph'))).toBe(
      'Il se réunit deux fois par an. Les avis sont publiés 😀. Enfin, souvent !',
    );
    expect(words(spreadRange(interview, find('maire'), 'turn'))).toBe(
      'Il se réunit deux fois par an. Les avis sont publiés 😀. Enfin, souvent !\nLe maire les lit « tous ». Vraiment.',
    );
    // Ending in the space after a full stop: that sentence only (the space kept: never narrower).
    expect(words(spreadRange(interview, find('par an. '), 'sentence'))).toBe(
      'Il se réunit deux fois par an. ',
    );
    // Across two sentences, both whole.
    expect(words(spreadRange(interview, find('an. Les'), 'sentence'))).toBe(
      'Il se réunit deux fois par an. Les avis sont publiés 😀.',
    );
  });

  it('never narrows, stays in the text, and nests: sentence ⊆ paragraph ⊆ turn', () => {
    const paragraph = fc.record({
      speaker: fc.option(fc.constantFrom('DGS', 'Élue'), { nil: null }),
      text: fc
        .array(fc.constantFrom(...characters.filter((c) => c !== '\r'), '. ', '? ', '…', '»'), {
          maxLength: 30,
        })
        .map((pieces) => pieces.join('')),
    });
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (paragraphs, at, span) => {
          const index = indexOf(paragraphs);
          const length = [...index.text].length;
          if (length === 0) return;
          const start = Math.min(length - 1, Math.floor(at * length));
          const end = Math.min(length, start + 1 + Math.floor(span * (length - start)));
          const range = { start, end };
          const [sentence, wide, turn] = (['sentence', 'paragraph', 'turn'] as const).map((unit) =>
            spreadRange(index, range, unit),
          );
          for (const spread of [sentence!, wide!, turn!]) {
            expect(spread.start).toBeLessThanOrEqual(start);
            expect(spread.end).toBeGreaterThanOrEqual(end);
            expect(spread.start).toBeGreaterThanOrEqual(0);
            expect(spread.end).toBeLessThanOrEqual(length);
            // Spreading again changes nothing.
          }
          expect(spreadRange(index, wide!, 'paragraph')).toEqual(wide);
          expect(spreadRange(index, turn!, 'turn')).toEqual(turn);
          expect(wide!.start).toBeLessThanOrEqual(sentence!.start);
          expect(wide!.end).toBeGreaterThanOrEqual(sentence!.end);
          expect(turn!.start).toBeLessThanOrEqual(wide!.start);
          expect(turn!.end).toBeGreaterThanOrEqual(wide!.end);
        },
      ),
      { numRuns: 300 },
    );
  });
});
