import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeFrames,
  encodeFrames,
  FramesError,
  holdsBytes,
} from '../../../shared/transport/byteFrames';

const joined = (pieces: Uint8Array[]) => {
  const body = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    body.set(piece, offset);
    offset += piece.byteLength;
  }
  return body;
};

// Keys a researcher's text can give a record (speaker labels), the awkward ones included.
const key = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('__proto__', 'constructor', 'bytes', 'value', '$bytes', '0'),
);
const leaf = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 40 }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));

/** The value with byte arrays as plain arrays of numbers, to compare with toEqual. */
function plain(item: unknown): unknown {
  if (item instanceof Uint8Array) return { bytes: [...item] };
  if (Array.isArray(item)) return item.map(plain);
  if (item !== null && typeof item === 'object')
    return Object.fromEntries(Object.entries(item).map(([name, entry]) => [name, plain(entry)]));
  return item;
}

describe('byte frames (files beside the JSON on the web host)', () => {
  it('give back every value as it was, bytes where they were, over generated values', () => {
    fc.assert(
      fc.property(value, (original) => {
        const decoded = decodeFrames(joined(encodeFrames(original)));
        expect(plain(decoded)).toEqual(plain(original));
        expect(holdsBytes(decoded)).toBe(holdsBytes(original));
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  it('keep a key named __proto__ as a key (found by the property above)', () => {
    const decoded = decodeFrames(joined(encodeFrames([{ ['__proto__']: [] }]))) as object[];
    expect(Object.keys(decoded[0]!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(decoded[0])).toBe(Object.prototype);
  });

  it('refuse every body cut short, lengthened or with a flipped length, and never throw otherwise', () => {
    const body = joined(encodeFrames({ fileName: 'a.txt', data: new Uint8Array([1, 2, 3, 4]) }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: body.length - 1 }).map((end) => body.slice(0, end)),
          fc.uint8Array({ minLength: 1, maxLength: 8 }).map((more) => joined([body, more])),
          fc
            .tuple(fc.integer({ min: 4, max: 7 }), fc.integer({ min: 1, max: 255 }))
            .map(([at, flip]) => {
              const changed = body.slice();
              changed[at] = changed[at]! ^ flip;
              return changed;
            }),
        ),
        (hostile) => {
          expect(() => decodeFrames(hostile)).toThrow(FramesError);
        },
      ),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('refuse envelopes that place a file over a value or where there is none', () => {
    const envelope = (text: string, files: Uint8Array[] = [new Uint8Array([7])]) => {
      const header = new TextEncoder().encode(text);
      const prefix = new Uint8Array([0x41, 0x58, 0x42, 0x31, 0, 0, 0, 0]);
      new DataView(prefix.buffer).setUint32(4, header.byteLength);
      return joined([prefix, header, ...files]);
    };
    for (const hostile of [
      '{"value":{"data":"text"},"bytes":[[["data"],1]]}',
      '{"value":{},"bytes":[[["data"],1]]}',
      '{"value":{"a":null},"bytes":[[["a","b"],1]]}',
      '{"value":[null],"bytes":[[[1],1]]}',
      '{"value":{"a":null},"bytes":[[["a"],-1]]}',
      '{"value":{"a":null},"bytes":[[[{}],1]]}',
      '{"value":{"a":null}}',
      'not json',
    ])
      expect(() => decodeFrames(envelope(hostile)), hostile).toThrow(FramesError);
    expect(decodeFrames(envelope('{"value":{"a":[null]},"bytes":[[["a",0],1]]}'))).toEqual({
      a: [new Uint8Array([7])],
    });
  });
});
