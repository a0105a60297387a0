import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { codePointLength, sliceCodePoints, utf16Offset } from '../../../shared/text/codePoints';
import { mapRange } from '../../../shared/text/mapRange';
import { buildTextIndex, offsetToPosition, positionToOffset } from '../../../shared/text/textIndex';

function turns(...texts: [string | null, string][]) {
  return documentFromJson({
    type: 'doc',
    content: texts.map(([speaker, text]) => ({
      type: 'paragraph',
      attrs: { speaker, time: null },
      ...(text ? { content: [{ type: 'text', text }] } : {}),
    })),
  });
}

describe('code points', () => {
  it('count an emoji or another astral character once, and a combining accent as its own code point', () => {
    expect(codePointLength('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(codePointLength('𝔸xial')).toBe(5);
    // "é" written as e + combining acute: two code points, as REFI-QDA counts them.
    expect(codePointLength('e\u0301')).toBe(2);
    expect(utf16Offset('a😀b', 2)).toBe(3);
    expect(sliceCodePoints('Élu 😀 adjoint', 4, 5)).toBe('😀');
    expect(sliceCodePoints('Élu 😀 adjoint', 6, 13)).toBe('adjoint');
  });
});

describe('the text index', () => {
  const doc = turns(['DGS', 'La ville 😀 avance.'], [null, ''], ['Élue', 'Nous co-construisons.']);
  const index = buildTextIndex(doc);

  it('joins blocks with a newline and counts in code points', () => {
    expect(index.text).toBe('La ville 😀 avance.\n\nNous co-construisons.');
    expect(index.length).toBe(codePointLength(index.text));
    expect(index.blocks.map((block) => [block.start, block.speaker])).toEqual([
      [0, 'DGS'],
      [19, null],
      [20, 'Élue'],
    ]);
  });

  it('converts both ways, across an emoji and across blocks', () => {
    for (let offset = 0; offset <= index.length; offset += 1) {
      const position = offsetToPosition(index, offset);
      expect(positionToOffset(index, position), `offset ${offset}`).toBe(offset);
    }
    // "avance" starts after the emoji: code point 11, UTF-16 unit 12.
    const position = offsetToPosition(index, 11);
    expect(doc.textBetween(position, position + 6)).toBe('avance');
  });

  it('slices a passage spanning several turns', () => {
    expect(sliceCodePoints(index.text, 11, 24)).toBe('avance.\n\nNous');
  });
});

describe('range mapping', () => {
  const doc = turns(['DGS', 'Nous avons un projet de ville intelligente.']);
  const index = buildTextIndex(doc);
  const passage = { start: 14, end: 20 }; // "projet"

  function edit(change: (transform: Transform) => void) {
    const transform = new Transform(doc);
    change(transform);
    const after = buildTextIndex(transform.doc);
    return { mapped: mapRange(passage, index, transform.mapping, after), after };
  }
  const words = (range: { start: number; end: number } | null, text: string) =>
    range ? sliceCodePoints(text, range.start, range.end) : null;

  it('shifts with text typed before the passage', () => {
    const { mapped, after } = edit((t) =>
      t.insert(offsetToPosition(index, 11), documentSchema.text('vraiment ')),
    );
    expect(words(mapped, after.text)).toBe('projet');
  });

  it('grows with text typed inside, and not with text typed at its edges', () => {
    const inside = edit((t) => t.insert(offsetToPosition(index, 17), documentSchema.text('😀')));
    expect(words(inside.mapped, inside.after.text)).toBe('pro😀jet');
    const atStart = edit((t) =>
      t.insert(offsetToPosition(index, 14), documentSchema.text('grand ')),
    );
    expect(words(atStart.mapped, atStart.after.text)).toBe('projet');
    const atEnd = edit((t) => t.insert(offsetToPosition(index, 20), documentSchema.text('s')));
    expect(words(atEnd.mapped, atEnd.after.text)).toBe('projet');
  });

  it('shrinks when an edit crosses one edge, and disappears when its text is deleted', () => {
    const across = edit((t) => t.delete(offsetToPosition(index, 11), offsetToPosition(index, 17)));
    expect(words(across.mapped, across.after.text)).toBe('jet');
    const gone = edit((t) => t.delete(offsetToPosition(index, 13), offsetToPosition(index, 21)));
    expect(gone.mapped).toBeNull();
  });

  it('follows a turn split in two', () => {
    const { mapped, after } = edit((t) => t.split(offsetToPosition(index, 5)));
    expect(words(mapped, after.text)).toBe('projet');
    expect(after.text.split('\n')).toHaveLength(2);
  });
});
