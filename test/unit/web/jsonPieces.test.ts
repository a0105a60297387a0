import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../../electron/web/jsonPieces';
import { characters } from '../../support/editModel';

const SLICE = 1 << 20;
const join = (value: unknown) => [...jsonPieces(value)].join('');

describe('the JSON of a response, written in pieces', () => {
  it('is one piece, the plain JSON, when nothing in it is long', () => {
    const value = { ok: true, value: [{ fileName: 'a.csv', data: 'QUJD' }, null, 3] };
    expect([...jsonPieces(value)]).toEqual([JSON.stringify(value)]);
  });

  it('reads back as the value, whatever long strings hold and wherever a slice cuts them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...characters, '"', '\\', '\u0000', '\u2028'), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: -3, max: 3 }),
        fc.boolean(),
        (pieces, shift, twice) => {
          // A long string whose text around the slice boundary is the generated one, so a
          // surrogate pair, an escape or a quote falls on the cut.
          const around = pieces.join('');
          const long = 'x'.repeat(SLICE + shift) + around + 'y'.repeat(5);
          const value = {
            ok: true,
            value: { data: long, other: twice ? long.slice(1) : 'court', list: [around, 1.5] },
          };
          expect(JSON.parse(join(value))).toEqual(value);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is not fooled by a value that spells the placeholder', () => {
    const long = 'é'.repeat(SLICE + 10);
    const value = { a: '\u0000deadbeefdeadbeef:0', b: long, c: '"\u0000"' };
    expect(JSON.parse(join(value))).toEqual(value);
  });

  it('never holds a long string whole in one piece', () => {
    const long = 'A'.repeat(3 * SLICE + 7);
    const longest = Math.max(...[...jsonPieces({ data: long })].map((piece) => piece.length));
    expect(longest).toBeLessThanOrEqual(SLICE);
  });
});
