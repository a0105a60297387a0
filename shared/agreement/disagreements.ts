import { overlapShare } from './segments';
import type { Span } from './units';

/** A coding as the comparison sees it: its span and its id, to open and resolve it. */
export interface CodedSpan extends Span {
  id: string;
}

/** Words where two coders' codings of one code overlap and do not all match. */
export interface SpanCluster {
  start: number;
  end: number;
  first: CodedSpan[];
  second: CodedSpan[];
}

/**
 * The disagreements of one code in one document: codings grouped where they
 * overlap (one after another, transitively), and the groups kept in which a
 * coding has no match in the other coder's at the threshold, the segment
 * criterion of `segmentTally`.
 */
export function disagreementsIn(
  first: readonly CodedSpan[],
  second: readonly CodedSpan[],
  threshold: number,
): SpanCluster[] {
  const all = [
    ...first.map((span) => ({ span, side: 'first' as const })),
    ...second.map((span) => ({ span, side: 'second' as const })),
  ].sort((left, right) => left.span.start - right.span.start || left.span.end - right.span.end);
  const clusters: (typeof all)[] = [];
  let end = -Infinity;
  for (const entry of all) {
    if (entry.span.start < end) clusters.at(-1)!.push(entry);
    else clusters.push([entry]);
    end = Math.max(end, entry.span.end);
  }
  const result: SpanCluster[] = [];
  for (const cluster of clusters) {
    // A match overlaps, so it is in the same group.
    const matched = (entry: (typeof all)[number]) =>
      cluster.some(
        (other) =>
          other.side !== entry.side &&
          overlapShare(entry.span, other.span) > 0 &&
          overlapShare(entry.span, other.span) >= threshold,
      );
    if (cluster.every(matched)) continue;
    result.push({
      start: Math.min(...cluster.map((entry) => entry.span.start)),
      end: Math.max(...cluster.map((entry) => entry.span.end)),
      first: cluster.filter((entry) => entry.side === 'first').map((entry) => entry.span),
      second: cluster.filter((entry) => entry.side === 'second').map((entry) => entry.span),
    });
  }
  return result;
}

/**
 * How a disagreement is settled: both coders end with one side's codings, both
 * sides', one passage over all, or none there (a coding one coder alone made,
 * removed).
 */
export const resolutions = ['first', 'second', 'both', 'merged', 'neither'] as const;
export type Resolution = (typeof resolutions)[number];

/** The spans both coders hold once a disagreement is settled. */
export function resolvedSpans(cluster: SpanCluster, resolution: Resolution): Span[] {
  const spans =
    resolution === 'first'
      ? cluster.first
      : resolution === 'second'
        ? cluster.second
        : resolution === 'both'
          ? [...cluster.first, ...cluster.second]
          : resolution === 'neither'
            ? []
            : [{ start: cluster.start, end: cluster.end }];
  const seen = new Set<string>();
  return spans
    .map(({ start, end }) => ({ start, end }))
    .filter((span) => {
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((left, right) => left.start - right.start || left.end - right.end);
}
