import type { Span } from './units';

/** How the codings of one code matched at segment level. */
export interface SegmentTally {
  /** The first coder's codings the second coder matched, and the other way round. */
  matched: number;
  /** Codings with no match in the other coder's. */
  unmatched: number;
}

/** The share of the ground two spans cover together that both cover. */
export function overlapShare(first: Span, second: Span): number {
  const shared = Math.min(first.end, second.end) - Math.max(first.start, second.start);
  if (shared <= 0) return 0;
  const covered = Math.max(first.end, second.end) - Math.min(first.start, second.start);
  return shared / covered;
}

/**
 * Segment-level agreement, MAXQDA's criterion: a coding agrees when the other
 * coder has the same code on a span overlapping it by at least `threshold`
 * (0–1) of the ground the two cover together. Every coding of both coders is
 * judged, so the share is matched / (matched + unmatched).
 */
export function segmentTally(
  first: readonly Span[],
  second: readonly Span[],
  threshold: number,
): SegmentTally {
  const judged = (own: readonly Span[], other: readonly Span[]) => {
    const sorted = [...other].sort((left, right) => left.start - right.start);
    let matched = 0;
    for (const span of own) {
      // Spans starting at or after this one's end cannot overlap it.
      let found = false;
      for (const candidate of sorted) {
        if (candidate.start >= span.end) break;
        if (overlapShare(span, candidate) >= threshold && candidate.end > span.start) {
          found = true;
          break;
        }
      }
      if (found) matched += 1;
    }
    return matched;
  };
  const matched = judged(first, second) + judged(second, first);
  return { matched, unmatched: first.length + second.length - matched };
}

export function segmentShare(tally: SegmentTally): number | null {
  const all = tally.matched + tally.unmatched;
  return all === 0 ? null : tally.matched / all;
}
