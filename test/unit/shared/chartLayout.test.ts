import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { placeLabels, ticks, withDensity, wrapName } from '../../../shared/chart/chartLayout';

// About the width of 13 px sans-serif: the layout only needs a consistent measure.
const measure = (text: string) => text.length * 7.2;
const bounds = { x: 0, y: 0, width: 600, height: 440 };
const inside = (box: { x: number; y: number; width: number; height: number }) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= 600 && box.y + box.height <= 440;
const overlap = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the 2×2 chart’s layout', () => {
  it('wraps a long name on two lines near its middle, and leaves a short one whole', () => {
    expect(wrapName('B', measure, 130)).toEqual(['B']);
    expect(wrapName('Métropole européenne de Lille', measure, 130)).toEqual([
      'Métropole',
      'européenne de Lille',
    ]);
  });

  it('places every label inside the chart, and none over another when the points leave room', () => {
    const names = fc.constantFrom(
      'A',
      'B',
      'Nantes Métropole',
      'Collectivité F',
      'Métropole européenne de Lille',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            column: fc.integer({ min: 0, max: 3 }),
            row: fc.integer({ min: 0, max: 4 }),
          }),
          { minLength: 1, maxLength: 10, selector: (cell) => `${cell.column},${cell.row}` },
        ),
        fc.array(names, { minLength: 10, maxLength: 10 }),
        (cells, labels) => {
          // Points on a grid of 170 × 88 px cells: room for the widest label beside each.
          const points = cells.map((cell, index) => ({
            x: 20 + cell.column * 170,
            y: 20 + cell.row * 88,
            radius: 7,
            name: labels[index]!,
          }));
          const placed = placeLabels(points, bounds, measure);
          for (const label of placed) expect(inside(label.box)).toBe(true);
          for (let i = 0; i < placed.length; i += 1)
            for (let j = i + 1; j < placed.length; j += 1)
              expect(overlap(placed[i]!.box, placed[j]!.box)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ticks every value of a short scale and about six of a long one', () => {
    expect(ticks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(ticks(0, 100)).toEqual([0, 17, 34, 51, 68, 85, 100]);
  });

  it('writes a PNG’s resolution in a pHYs chunk with its checksum', () => {
    const png = new Uint8Array(40);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const marked = Buffer.from(withDensity(png, 300));
    expect(marked.length).toBe(61);
    expect(marked.subarray(37, 41).toString('latin1')).toBe('pHYs');
    expect(marked.readUInt32BE(41)).toBe(11811);
    expect(marked.readUInt32BE(45)).toBe(11811);
    expect(marked[49]).toBe(1);
    expect(marked.readUInt32BE(50)).toBe(crc32(marked.subarray(37, 50)));
  });
});
