import type { BinaryTable } from './alpha';
import { binaryAlpha } from './alpha';
import { cohenKappa, percentAgreement } from './kappa';
import type { SegmentTally } from './segments';
import { segmentShare, segmentTally } from './segments';
import type { Span } from './units';
import { addTables, unitTable } from './units';

/** What the figures are computed from: documents, their length in code points and both coders' codings. */
export interface AgreementInput {
  documents: readonly {
    id: string;
    length: number;
    /** Sorted offsets of the paragraph separators, which are no unit. */
    separators?: readonly number[];
    /** Each coder's codings in the document, by code id. */
    first: ReadonlyMap<string, readonly Span[]>;
    second: ReadonlyMap<string, readonly Span[]>;
  }[];
  /** The codes to report, in the order reported. */
  codeIds: readonly string[];
  /** Segment level: the share of the ground two codings cover together that they must share (0–1]. */
  threshold: number;
}

/** One code's figures, or the pooled ones. */
export interface AgreementFigures {
  /** Code points but paragraph separators as units, pooled over the documents. */
  units: BinaryTable;
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
  segments: SegmentTally;
  segmentAgreement: number | null;
}

export interface AgreementResult {
  codes: ({ codeId: string } & AgreementFigures)[];
  /** Every code's units and segments pooled: each (code point, code) pair is a unit. */
  overall: AgreementFigures;
}

function figures(units: BinaryTable, segments: SegmentTally): AgreementFigures {
  return {
    units,
    percentAgreement: percentAgreement(units),
    kappa: cohenKappa(units),
    alpha: binaryAlpha(units),
    segments,
    segmentAgreement: segmentShare(segments),
  };
}

const none: readonly Span[] = [];

/**
 * Agreement between two coders per code and overall: percent agreement,
 * Cohen's kappa and Krippendorff's alpha on code points, the paragraph
 * separators left out (a unit is coded by a coder when it lies inside one of
 * that coder's codings with the code), and segment agreement at the threshold.
 */
export function computeAgreement(input: AgreementInput): AgreementResult {
  const codes = input.codeIds.map((codeId) => {
    const tables: BinaryTable[] = [];
    const segments: SegmentTally = { matched: 0, unmatched: 0 };
    for (const document of input.documents) {
      const first = document.first.get(codeId) ?? none;
      const second = document.second.get(codeId) ?? none;
      tables.push(unitTable(first, second, document.length, document.separators));
      const tally = segmentTally(first, second, input.threshold);
      segments.matched += tally.matched;
      segments.unmatched += tally.unmatched;
    }
    return { codeId, ...figures(addTables(tables), segments) };
  });
  const overall = figures(
    addTables(codes.map((code) => code.units)),
    codes.reduce(
      (sum, code) => ({
        matched: sum.matched + code.segments.matched,
        unmatched: sum.unmatched + code.segments.unmatched,
      }),
      { matched: 0, unmatched: 0 },
    ),
  );
  return { codes, overall };
}
