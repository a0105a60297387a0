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

function coveredLength(spans: readonly Span[]): number {
  return spans.reduce((sum, span) => sum + span.end - span.start, 0);
}

/** The length two sorted, disjoint lists of spans share. */
function sharedLength(first: readonly Span[], second: readonly Span[]): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i]!;
    const b = second[j]!;
    shared += Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
    if (a.end < b.end) i += 1;
    else j += 1;
  }
  return shared;
}

/**
 * One document and one code, code points as units: a unit is coded by a coder
 * when it lies inside one of that coder's spans. Counted from the spans'
 * unions, not unit by unit: a 50,000-character interview is a few operations.
 */
export function unitTable(
  first: readonly Span[],
  second: readonly Span[],
  length: number,
): BinaryTable {
  const a = unionOf(first, length);
  const b = unionOf(second, length);
  const both = sharedLength(a, b);
  const firstCovered = coveredLength(a);
  const secondCovered = coveredLength(b);
  return {
    both,
    firstOnly: firstCovered - both,
    secondOnly: secondCovered - both,
    neither: length - firstCovered - secondCovered + both,
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
