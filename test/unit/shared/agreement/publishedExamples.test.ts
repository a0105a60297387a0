import { describe, expect, it } from 'vitest';
import { binaryAlpha, nominalAlpha } from '../../../../shared/agreement/alpha';
import { cohenKappa, percentAgreement } from '../../../../shared/agreement/kappa';
import { overlapShare, segmentTally } from '../../../../shared/agreement/segments';

/** Two rows of values into units, one column per unit ("." for a missing value). */
const unitsOf = (...coders: string[]) =>
  [...coders[0]!].map((_, unit) => coders.map((row) => (row[unit] === '.' ? null : row[unit]!)));

describe("Krippendorff's alpha, his worked examples (Computing Krippendorff's Alpha-Reliability, 2011)", () => {
  it('binary data, two observers, no missing data: α = 0.095', () => {
    const units = unitsOf('0100000010', '1110010000');
    expect(nominalAlpha(units)).toBeCloseTo(0.095, 3);
    // The same data as a table: both 1 once, A only once, B only three times, neither five.
    expect(binaryAlpha({ both: 1, firstOnly: 1, secondOnly: 3, neither: 5 })).toBeCloseTo(0.095, 3);
  });

  it('nominal data, four observers, missing values: α = 0.743', () => {
    // Units 1–12; observers A–D; "." where an observer gave no value.
    const units = unitsOf('123321412...', '1233224125.3', '.3332342251.', '12332441251.');
    expect(units).toHaveLength(12);
    expect(nominalAlpha(units)).toBeCloseTo(0.743, 3);
  });

  it('says nothing when it cannot: one value per unit, or no variation', () => {
    expect(nominalAlpha([['a'], ['b']])).toBeNull();
    expect(
      nominalAlpha([
        ['a', 'a'],
        ['a', 'a'],
      ]),
    ).toBeNull();
    expect(binaryAlpha({ both: 0, firstOnly: 0, secondOnly: 0, neither: 10 })).toBeNull();
  });
});

describe("Cohen's kappa, the textbook examples (Wikipedia, Cohen's kappa)", () => {
  it('20 yes–yes, 5 yes–no, 10 no–yes, 15 no–no: agreement 0.7, κ = 0.4', () => {
    const table = { both: 20, firstOnly: 5, secondOnly: 10, neither: 15 };
    expect(percentAgreement(table)).toBeCloseTo(0.7, 10);
    expect(cohenKappa(table)).toBeCloseTo(0.4, 10);
  });

  it('45, 15, 25, 15: agreement 0.6, κ = 0.1304', () => {
    const table = { both: 45, firstOnly: 15, secondOnly: 25, neither: 15 };
    expect(percentAgreement(table)).toBeCloseTo(0.6, 10);
    expect(cohenKappa(table)).toBeCloseTo(0.1304, 4);
  });

  it('is undefined when both coders always say the same by necessity', () => {
    expect(cohenKappa({ both: 0, firstOnly: 0, secondOnly: 0, neither: 12 })).toBeNull();
    expect(cohenKappa({ both: 12, firstOnly: 0, secondOnly: 0, neither: 0 })).toBeNull();
    expect(percentAgreement({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 })).toBeNull();
  });
});

describe('segment agreement (MAXQDA: overlap of the ground two codings cover together)', () => {
  it('matches at the threshold and not below it', () => {
    // 0–10 and 1–10 share 9 of 10 code points.
    expect(overlapShare({ start: 0, end: 10 }, { start: 1, end: 10 })).toBeCloseTo(0.9, 10);
    expect(segmentTally([{ start: 0, end: 10 }], [{ start: 1, end: 10 }], 0.9)).toEqual({
      matched: 2,
      unmatched: 0,
    });
    expect(segmentTally([{ start: 0, end: 10 }], [{ start: 2, end: 10 }], 0.9)).toEqual({
      matched: 0,
      unmatched: 2,
    });
  });

  it('judges every coding of both coders: one long passage against two halves', () => {
    // A codes 0–20; B codes 0–10 and 10–20: each half covers half of A's passage.
    const tally = segmentTally(
      [{ start: 0, end: 20 }],
      [
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ],
      0.5,
    );
    expect(tally).toEqual({ matched: 3, unmatched: 0 });
    expect(
      segmentTally(
        [{ start: 0, end: 20 }],
        [
          { start: 0, end: 10 },
          { start: 10, end: 20 },
        ],
        0.6,
      ),
    ).toEqual({ matched: 0, unmatched: 3 });
  });

  it('never matches passages that only touch', () => {
    expect(segmentTally([{ start: 0, end: 5 }], [{ start: 5, end: 9 }], 0.01)).toEqual({
      matched: 0,
      unmatched: 2,
    });
  });
});
