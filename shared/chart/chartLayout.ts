/** What the chart needs to know of a label's text: its width at the label's size. */
export type Measure = (text: string) => number;

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  lines: string[];
  /** The text's anchor point (start of its first line's baseline) and its box. */
  x: number;
  y: number;
  box: LabelBox;
}

export const LINE_HEIGHT = 16;
const GAP = 6;

/** A long name on two lines at most, cut between words near its middle ("Métropole de / Lyon"). */
export function wrapName(name: string, measure: Measure, maxWidth: number): string[] {
  if (measure(name) <= maxWidth) return [name];
  const words = name.split(/\s+/);
  if (words.length < 2) return [name];
  let best: string[] = [name];
  let bestWidth = Infinity;
  for (let cut = 1; cut < words.length; cut += 1) {
    const lines = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    const width = Math.max(...lines.map(measure));
    if (width < bestWidth) {
      best = lines;
      bestWidth = width;
    }
  }
  return best;
}

function overlap(a: LabelBox, b: LabelBox): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Each point's label where it collides with nothing: tried to the right, the
 * left, above, below and on the diagonals, inside `bounds`. Placed one by one,
 * then each moved again, knowing all the others, until none can do better
 * (a few rounds): where no place is free, the one overlapping least.
 */
export function placeLabels(
  points: { x: number; y: number; radius: number; name: string }[],
  bounds: LabelBox,
  measure: Measure,
  maxWidth = 130,
  /** What else a label should not cover: the quadrants' names. */
  obstacles: readonly LabelBox[] = [],
): PlacedLabel[] {
  const dots: LabelBox[] = [
    ...points.map((point) => ({
      x: point.x - point.radius - 1,
      y: point.y - point.radius - 1,
      width: 2 * point.radius + 2,
      height: 2 * point.radius + 2,
    })),
    ...obstacles,
  ];
  const options = points.map((point) => {
    const lines = wrapName(point.name, measure, maxWidth);
    const width = Math.max(...lines.map(measure));
    const height = lines.length * LINE_HEIGHT;
    const reach = point.radius + GAP;
    const boxes = (
      [
        [point.x + reach, point.y - height / 2],
        [point.x - reach - width, point.y - height / 2],
        [point.x - width / 2, point.y - reach - height],
        [point.x - width / 2, point.y + reach],
        [point.x + reach, point.y - reach - height],
        [point.x - reach - width, point.y - reach - height],
        [point.x + reach, point.y + reach],
        [point.x - reach - width, point.y + reach],
      ] as const
    ).map(([x, y]) => ({
      // Kept inside the chart: a label near an edge slides along it.
      x: Math.min(Math.max(x, bounds.x), bounds.x + bounds.width - width),
      y: Math.min(Math.max(y, bounds.y), bounds.y + bounds.height - height),
      width,
      height,
    }));
    return { lines, boxes };
  });
  const chosen: (LabelBox | null)[] = points.map(() => null);
  const cost = (index: number, box: LabelBox) =>
    dots.reduce((total, dot) => total + overlap(box, dot), 0) +
    chosen.reduce(
      (total, other, at) => (at === index || !other ? total : total + overlap(box, other)),
      0,
    );
  const place = (index: number) => {
    let best = options[index]!.boxes[0]!;
    let bestCost = Infinity;
    for (const box of options[index]!.boxes) {
      const value = cost(index, box);
      if (value < bestCost) {
        best = box;
        bestCost = value;
      }
      if (value === 0) break;
    }
    const changed = chosen[index] !== best;
    chosen[index] = best;
    return changed;
  };
  points.forEach((_point, index) => place(index));
  for (let round = 0; round < 4; round += 1) {
    let moved = false;
    for (let index = 0; index < points.length; index += 1)
      if (cost(index, chosen[index]!) > 0 && place(index)) moved = true;
    if (!moved) break;
  }
  return chosen.map((box, index) => ({
    lines: options[index]!.lines,
    x: box!.x,
    y: box!.y + LINE_HEIGHT - 4,
    box: box!,
  }));
}

/** The scale's tick values: every value of a short scale, about six of a long one. */
export function ticks(minimum: number, maximum: number): number[] {
  const span = maximum - minimum;
  if (span <= 0) return [minimum];
  const step = span <= 10 ? 1 : Math.ceil(span / 6);
  const values: number[] = [];
  for (let value = minimum; value <= maximum + 1e-9; value += step) values.push(value);
  if (values.at(-1) !== maximum) values.push(maximum);
  return values;
}

const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG saying its resolution (a pHYs chunk after IHDR): 300 dpi prints at the chart's size. */
export function withDensity(png: Uint8Array, dotsPerInch: number): Uint8Array {
  const perMetre = Math.round(dotsPerInch / 0.0254);
  const chunk = new Uint8Array(4 + 4 + 9 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // the unit is the metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  // The signature (8 bytes) and IHDR (25 bytes) come first.
  const at = 33;
  const result = new Uint8Array(png.length + chunk.length);
  result.set(png.subarray(0, at));
  result.set(chunk, at);
  result.set(png.subarray(at), at + chunk.length);
  return result;
}
