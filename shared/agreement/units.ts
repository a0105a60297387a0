import type { BinaryTable } from './alpha';

/** A coded range of code points, `start` included, `end` excluded. */
export interface Span {
  start: number;
  end: number;
}

/** The spans' union as sorted, disjoint spans, clipped to [0, length). */
export function unionOf(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((span) => ({ start: Math.max(0, span.start), end: Math.min(length, span.end) }))
    .filter((span) => span.end > span.start)
    .sort((left, right) => left.start - right.start);
  const union: Span[] = [];
  for (const span of sorted) {
    const last = union.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else union.push({ ...span });
  }
  return union;
}

/** How many of the sorted offsets lie in [start, end). */
function countIn(offsets: readonly number[], start: number, end: number): number {
  if (end <= start || offsets.length === 0) return 0;
  const below = (value: number) => {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsets[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return below(end) - below(start);
}

/** The units each of two sorted, disjoint lists of spans covers, and those both cover, separators left out. */
function covered(
  first: readonly Span[],
  second: readonly Span[],
  separators: readonly number[],
): { first: number; second: number; both: number } {
  const units = (start: number, end: number) => end - start - countIn(separators, start, end);
  const total = (spans: readonly Span[]) =>
    spans.reduce((sum, span) => sum + units(span.start, span.end), 0);
  let both = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i]!;
    const b = second[j]!;
    const start = Math.max(a.start, b.start);
    const end = Math.min(a.end, b.end);
    if (end > start) both += units(start, end);
    if (a.end < b.end) i += 1;
    else j += 1;
  }
  return { first: total(first), second: total(second), both };
}

/**
 * The code-point offsets of a plain text's paragraph separators, the "\n"
 * its blocks are joined with: they are no unit, nobody codes a line break.
 */
export function separatorsOf(text: string): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const character of text) {
    if (character === '\n') offsets.push(offset);
    offset += 1;
  }
  return offsets;
}

/** The units of a text of `length` code points: all but its paragraph separators. */
export function unitCount(length: number, separators: readonly number[] = []): number {
  return length - countIn(separators, 0, length);
}

/**
 * One document and one code, code points as units but for the paragraph
 * separators: a unit is coded by a coder when it lies inside one of that
 * coder's spans. Counted from the spans' unions, not unit by unit: a
 * 50,000-character interview is a few operations.
 */
export function unitTable(
  first: readonly Span[],
  second: readonly Span[],
  length: number,
  /** Sorted offsets in [0, length) that are no unit: the paragraph separators. */
  separators: readonly number[] = [],
): BinaryTable {
  const counted = covered(unionOf(first, length), unionOf(second, length), separators);
  return {
    both: counted.both,
    firstOnly: counted.first - counted.both,
    secondOnly: counted.second - counted.both,
    neither: unitCount(length, separators) - counted.first - counted.second + counted.both,
  };
}

export function addTables(tables: readonly BinaryTable[]): BinaryTable {
  const sum: BinaryTable = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const table of tables) {
    sum.both += table.both;
    sum.firstOnly += table.firstOnly;
    sum.secondOnly += table.secondOnly;
    sum.neither += table.neither;
  }
  return sum;
}
