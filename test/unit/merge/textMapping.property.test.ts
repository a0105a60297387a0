import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textMapping } from '../../../electron/merge/textMapping';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { characters } from '../../support/editModel';

const piece = fc.constantFrom(...characters, '\n', '\r\n', 'de la ', 'Marie : ');
const text = (min: number, max: number) =>
  fc.array(piece, { minLength: min, maxLength: max }).map((pieces) => pieces.join(''));
const points = (value: string) => [...value];

/** An edit as code points: replace [at, at + length) by `inserted`. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(4),
  inserted: text(0, 3),
});

function applyEdits(
  original: string[],
  edits: { at: number; length: number; inserted: string }[],
  outside: { start: number; end: number } | null,
): { result: string[]; start: number; end: number } {
  let result = [...original];
  let start = outside?.start ?? 0;
  let end = outside?.end ?? 0;
  for (const { at, length, inserted } of edits) {
    let from = Math.floor(at * (result.length + 1));
    let to = Math.min(result.length, from + length);
    if (outside) {
      // Kept wholly before or after the passage: its words are untouched.
      if (from < end && to > start) {
        if (from < start) to = start;
        else from = to = end;
      }
    }
    const added = points(inserted);
    result = [...result.slice(0, from), ...added, ...result.slice(to)];
    const delta = added.length - (to - from);
    if (outside && to <= start) {
      start += delta;
      end += delta;
    }
  }
  return { result, start, end };
}

describe('a passage carried to an edited text through a diff', () => {
  it('lands inside the text, and where it says its words are unchanged they are', () => {
    fc.assert(
      fc.property(
        text(1, 40),
        fc.array(edit, { maxLength: 6 }),
        fc.tuple(fc.nat(), fc.nat()),
        (before, edits, [left, right]) => {
          const original = points(before);
          const { result } = applyEdits(original, edits, null);
          const after = result.join('');
          const start = left % original.length;
          const end = start + 1 + (right % (original.length - start));
          const mapped = textMapping(before, after).mapRange(start, end);
          if (mapped === null) return;
          expect(mapped.start).toBeGreaterThanOrEqual(0);
          expect(mapped.end).toBeGreaterThan(mapped.start);
          expect(mapped.end).toBeLessThanOrEqual(result.length);
          if (mapped.exact)
            expect(sliceCodePoints(after, mapped.start, mapped.end)).toBe(
              sliceCodePoints(before, start, end),
            );
        },
      ),
      { numRuns: 600 },
    );
  });

  it('puts a passage every edit left alone on other words only when it says so, and finds it when its words occur once', () => {
    fc.assert(
      fc.property(
        text(1, 40),
        fc.array(edit, { maxLength: 6 }),
        fc.tuple(fc.nat(), fc.nat()),
        (before, edits, [left, right]) => {
          const original = points(before);
          const start = left % original.length;
          const end = start + 1 + (right % (original.length - start));
          const { result } = applyEdits(original, edits, { start, end });
          const after = result.join('');
          const words = sliceCodePoints(before, start, end);
          const mapped = textMapping(before, after).mapRange(start, end);
          const once = (value: string) => value.indexOf(words) === value.lastIndexOf(words);
          const unique = once(before) && once(after);
          // Elsewhere than its words only when flagged, and never when its words are unique.
          if (mapped && (mapped.exact || unique))
            expect(sliceCodePoints(after, mapped.start, mapped.end)).toBe(words);
          if (unique) expect(mapped).not.toBeNull();
        },
      ),
      { numRuns: 600 },
    );
  });

  it('lists a passage whose words were deleted even when the same words stand close by', () => {
    // A new user's find: an answer given twice, the first question and answer deleted here.
    const before = 'Question ? Oui, tout à fait. Autre question ? Oui, tout à fait.';
    const after = 'Autre question ? Oui, tout à fait.';
    const start = before.indexOf('Oui');
    expect(textMapping(before, after).mapRange(start, start + 17)).toBeNull();
    // Or the second question and the first answer deleted: the text is the same either way, so
    // the answer left is where the passage goes, flagged to check (a new user's second walk).
    const twice = textMapping(before, 'Question ? Oui, tout à fait.').mapRange(start, start + 17);
    expect(twice).toMatchObject({ exact: false });
    // Words typed inside the first of two like sentences: it stays there, flagged.
    const sentences =
      'Les habitants sont consultés sur le budget. Les habitants sont consultés sur les travaux.';
    const edited =
      'Les habitants ne sont pas consultés sur le budget. Les habitants sont consultés sur les travaux.';
    const mapped = textMapping(sentences, edited).mapRange(0, 28);
    expect(mapped).toMatchObject({ start: 0, exact: false });
    expect(mapped!.end).toBeLessThan(40);
  });

  it('keeps every position of an unchanged text', () => {
    const mapping = textMapping('Marie : 😀 oui', 'Marie : 😀 oui');
    expect(mapping.identical).toBe(true);
    expect(mapping.mapRange(8, 9)).toEqual({ start: 8, end: 9, exact: true });
  });

  it('counts an emoji once and keeps a passage after it on its words', () => {
    const before = '👩‍💻 Marie : nous en avons parlé avec la commune';
    const after = 'Bon. 👩‍💻 Marie : nous en avons parlé avec la commune';
    const start = [...before].length - [...'la commune'].length;
    const mapped = textMapping(before, after).mapRange(start, [...before].length);
    expect(mapped).toEqual({ start: start + 5, end: [...after].length, exact: true });
  });

  it('flags a passage with text changed right beside it: the diff may have matched it across two deletions', () => {
    const mapped = textMapping('Marie : la commune', 'Marie : oui, la commune').mapRange(8, 18);
    expect(mapped).toMatchObject({ exact: false });
  });

  it('has no place for a passage whose words were deleted', () => {
    expect(textMapping('avant la commune après', 'avant après').mapRange(6, 16)).toBeNull();
  });

  it('stretches a passage over words typed inside it, and says so', () => {
    const mapped = textMapping('la commune agit', 'la commune rurale agit').mapRange(0, 15);
    expect(mapped).toEqual({ start: 0, end: 22, exact: false });
  });
});
