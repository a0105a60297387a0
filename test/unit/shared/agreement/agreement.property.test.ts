import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../shared/agreement/agreement';
import { nominalAlpha } from '../../../../shared/agreement/alpha';
import type { Resolution } from '../../../../shared/agreement/disagreements';
import {
  disagreementsIn,
  resolutions,
  resolvedSpans,
} from '../../../../shared/agreement/disagreements';
import { segmentTally } from '../../../../shared/agreement/segments';
import type { Span } from '../../../../shared/agreement/units';

const seed = process.env.AXIAL_PROPERTY_SEED ? Number(process.env.AXIAL_PROPERTY_SEED) : 20261202;
const codeIds = ['a', 'b', 'c'];

const spansWithin = (length: number) =>
  fc.array(
    fc
      .tuple(
        fc.nat({ max: Math.max(0, length - 1) }),
        fc.integer({ min: 1, max: Math.max(1, length) }),
      )
      .map(([start, size]): Span => ({ start, end: Math.min(length, start + size) }))
      .filter((span) => span.end > span.start),
    { maxLength: 4 },
  );
const byCode = (length: number) =>
  fc
    .tuple(...codeIds.map(() => spansWithin(length)))
    .map((lists) => new Map(lists.map((list, index) => [codeIds[index]!, list])));
/** Paragraph separators: a few offsets of the text, sorted, none twice. */
const separatorsWithin = (length: number) =>
  fc
    .uniqueArray(fc.nat({ max: length - 1 }), { maxLength: Math.min(6, length - 1) })
    .map((offsets) => offsets.sort((left, right) => left - right));
const documents = fc.array(
  fc.integer({ min: 1, max: 40 }).chain((length) =>
    fc.record({
      length: fc.constant(length),
      separators: separatorsWithin(length),
      first: byCode(length),
      second: byCode(length),
    }),
  ),
  { minLength: 1, maxLength: 3 },
);
const threshold = fc.integer({ min: 1, max: 100 }).map((percent) => percent / 100);

/** Unit by unit, as the definitions read: no interval arithmetic. */
function bruteForce(
  docs: {
    length: number;
    separators: number[];
    first: Map<string, Span[]>;
    second: Map<string, Span[]>;
  }[],
  codeId: string,
  limit: number,
) {
  const inside = (spans: Span[] | undefined, unit: number) =>
    (spans ?? []).some((span) => span.start <= unit && unit < span.end);
  const pairs: [boolean, boolean][] = [];
  // Every code point a unit but the paragraph separators.
  for (const doc of docs)
    for (let unit = 0; unit < doc.length; unit += 1)
      if (!doc.separators.includes(unit))
        pairs.push([inside(doc.first.get(codeId), unit), inside(doc.second.get(codeId), unit)]);
  const n = pairs.length;
  const agree = pairs.filter(([a, b]) => a === b).length;
  const aYes = pairs.filter(([a]) => a).length / n;
  const bYes = pairs.filter(([, b]) => b).length / n;
  const chance = aYes * bYes + (1 - aYes) * (1 - bYes);
  const kappa = chance === 1 ? null : (agree / n - chance) / (1 - chance);
  const alpha = nominalAlpha(pairs.map(([a, b]) => [a ? 'yes' : 'no', b ? 'yes' : 'no']));
  return { percent: agree / n, kappa, alpha, ...segmentsOf(docs, codeId, limit) };
}

/** Segments: the share as sets of code points, separators and all (a passage's extent). */
function segmentsOf(
  docs: { first: Map<string, Span[]>; second: Map<string, Span[]> }[],
  codeId: string,
  limit: number,
) {
  const points = (span: Span) =>
    new Set(Array.from({ length: span.end - span.start }, (_, i) => span.start + i));
  const share = (x: Span, y: Span) => {
    const px = points(x);
    const py = points(y);
    const both = [...px].filter((unit) => py.has(unit)).length;
    return both / new Set([...px, ...py]).size;
  };
  let matched = 0;
  let all = 0;
  for (const doc of docs) {
    const first = doc.first.get(codeId) ?? [];
    const second = doc.second.get(codeId) ?? [];
    for (const [own, other] of [
      [first, second],
      [second, first],
    ] as const)
      for (const span of own) {
        all += 1;
        if (
          other.some((candidate) => share(span, candidate) > 0 && share(span, candidate) >= limit)
        )
          matched += 1;
      }
  }
  return { matched, all };
}

const close = (actual: number | null, expected: number | null) => {
  if (expected === null || actual === null) expect(actual).toBe(expected);
  else expect(actual).toBeCloseTo(expected, 9);
};

describe('agreement on generated codings, against a unit-by-unit computation', () => {
  it('gives the same tables, agreement, kappa, alpha and segment matches', () => {
    fc.assert(
      fc.property(documents, threshold, (docs, limit) => {
        const result = computeAgreement({
          documents: docs.map((doc, index) => ({ id: String(index), ...doc })),
          codeIds,
          threshold: limit,
        });
        for (const code of result.codes) {
          const expected = bruteForce(docs, code.codeId, limit);
          close(code.percentAgreement, expected.percent);
          close(code.kappa, expected.kappa);
          close(code.alpha, expected.alpha);
          expect(code.segments.matched).toBe(expected.matched);
          expect(code.segments.matched + code.segments.unmatched).toBe(expected.all);
        }
        // Pooled: each (code point but a separator, code) a unit.
        const total =
          docs.reduce((sum, doc) => sum + doc.length - doc.separators.length, 0) * codeIds.length;
        const units = result.overall.units;
        expect(units.both + units.firstOnly + units.secondOnly + units.neither).toBe(total);
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('disagreements on generated codings', () => {
  const withIds = (spans: readonly Span[], prefix: string) =>
    spans.map((span, index) => ({ ...span, id: `${prefix}${index}` }));

  it('hold exactly the codings segment agreement leaves unmatched, and none once each is resolved', () => {
    fc.assert(
      fc.property(
        spansWithin(30),
        spansWithin(30),
        threshold,
        fc.constantFrom<Resolution>(...resolutions),
        (firstSpans, secondSpans, limit, resolution) => {
          const first = withIds(firstSpans, 'a');
          const second = withIds(secondSpans, 'b');
          const clusters = disagreementsIn(first, second, limit);
          const tally = segmentTally(first, second, limit);
          // Every unmatched coding is in a disagreement; a disagreement's codings are all listed once.
          const listed = clusters.flatMap((cluster) => [...cluster.first, ...cluster.second]);
          expect(new Set(listed.map((span) => span.id)).size).toBe(listed.length);
          const unmatchedListed = clusters.reduce(
            (sum, cluster) => sum + segmentTally(cluster.first, cluster.second, limit).unmatched,
            0,
          );
          expect(unmatchedListed).toBe(tally.unmatched);
          // Settled: both coders hold the same spans where each disagreement was.
          const inCluster = new Set(listed.map((span) => span.id));
          const settled = clusters.flatMap((cluster) => resolvedSpans(cluster, resolution));
          const keptFirst = [
            ...first.filter((span) => !inCluster.has(span.id)),
            ...withIds(settled, 'x'),
          ];
          const keptSecond = [
            ...second.filter((span) => !inCluster.has(span.id)),
            ...withIds(settled, 'y'),
          ];
          expect(disagreementsIn(keptFirst, keptSecond, limit)).toEqual([]);
        },
      ),
      { seed, numRuns: 500 },
    );
  });
});
