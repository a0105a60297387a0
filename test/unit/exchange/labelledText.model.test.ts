import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLabelled, turnsFromLabels } from '../../../electron/exchange/refi/labelledText';

/** The labelled text's characters in [from, to) that are not labels: what a passage holds. */
function wordsBetween(
  text: string,
  layout: NonNullable<ReturnType<typeof turnsFromLabels>>['layout'],
  from: number,
  to: number,
): string {
  const characters = Array.from(text);
  const label = new Array<boolean>(characters.length).fill(false);
  for (const block of layout.blocks)
    for (
      let at = block.start + block.before - block.label;
      at < block.start + block.before;
      at += 1
    )
      label[at] = true;
  return characters
    .slice(from, to)
    .filter((_character, index) => !label[from + index])
    .join('');
}

describe('labelled sources read back as turns', () => {
  it('keeps a passage that ends inside the next label on its own words (found by review)', () => {
    const text = 'Marie : Bonjour\nPaul : oui\nMarie : fin\nPaul : ';
    const turns = turnsFromLabels(text)!;
    const at = (needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
    const end = at('Paul : oui') + 'Paul : '.length;
    const start = fromLabelled(turns.layout, at('Bonjour'), 'start');
    expect(
      Array.from(turns.plain)
        .slice(start, fromLabelled(turns.layout, end, 'end'))
        .join(''),
    ).toBe('Bonjour\n');
    // The speaker's name alone is no passage, on any line.
    const name = at('Paul : oui');
    expect(fromLabelled(turns.layout, name + 4, 'end')).toBe(
      fromLabelled(turns.layout, name, 'start'),
    );
  });

  it('places every selection of a labelled text on exactly its words, labels left out', () => {
    const word = fc
      .array(fc.constantFrom('a', 'é', ' ', '🙂', 'œ', '\u0301', ':'), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join('').trim() || 'mot');
    const turn = fc.record({
      speaker: fc.constantFrom('Marie', 'Paul', 'DGS de A'),
      time: fc.option(fc.integer({ min: 0, max: 7_200 }), { nil: null }),
      words: word,
    });
    fc.assert(
      fc.property(
        fc.array(turn, { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (turns, first, second) => {
          const text = turns
            .map(
              ({ speaker, time, words }) =>
                `${time === null ? '' : `[${Math.floor(time / 3600)}:${String(Math.floor(time / 60) % 60).padStart(2, '0')}:${String(time % 60).padStart(2, '0')}] `}${speaker} : ${words}`,
            )
            .join('\n');
          const read = turnsFromLabels(text);
          expect(read).not.toBeNull();
          const length = Array.from(text).length;
          const [from, to] = [first % (length + 1), second % (length + 1)].sort(
            (a, b) => a - b,
          ) as [number, number];
          const start = fromLabelled(read!.layout, from, 'start');
          const end = fromLabelled(read!.layout, to, 'end');
          const plain = Array.from(read!.plain);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(plain.length);
          const expected = wordsBetween(text, read!.layout, from, to);
          expect(end > start ? plain.slice(start, end).join('') : '').toBe(expected);
        },
      ),
      { seed: 20261202, numRuns: 1000 },
    );
  });

  it('leaves an e-mail or notes with a few "Word:" lines as text', () => {
    expect(
      turnsFromLabels('From: Marie\nTo: Paul\nDate: 14 mars\nSubject: entretien\n\nBonjour Paul,'),
    ).toBeNull();
  });
});
