import type { AgreementFigures } from './agreement';
import type { CodedSpan } from './disagreements';

/** A coder as the project knows them: the name recorded with their codings. */
export interface CoderSummary {
  name: string;
  codings: number;
  documents: number;
}

/**
 * A code with fewer codings than this, both coders' together, has figures one
 * coding more or less would change a lot (κ = 1 from one coding each): the
 * table marks it.
 */
export const FEW_CODINGS = 10;

/** Whether a line of figures rests on fewer than FEW_CODINGS codings. */
export function fewCodings(figures: Pick<AgreementFigures, 'segments'>): boolean {
  return figures.segments.matched + figures.segments.unmatched < FEW_CODINGS;
}

/** What the figures were computed on, and the figures per code and overall. */
export interface AgreementReport {
  coders: [string, string];
  /** Segment level: the share of the ground two codings cover together that they must share. */
  threshold: number;
  /**
   * The documents compared: those both coders coded, unless the researcher
   * chose; with each coder's codings in it (any code), and its units.
   */
  documents: {
    id: string;
    title: string;
    length: number;
    units: number;
    codings: [number, number];
  }[];
  /** N: the units compared for each code, the documents' characters but their paragraph separators. */
  units: number;
  codes: ({ codeId: string; name: string; path: string[]; colour: string } & AgreementFigures)[];
  overall: AgreementFigures;
}

/** Where two coders disagree, one code in one document at a time. */
export interface Disagreements {
  /** How many there are; `items` holds the first of them. */
  total: number;
  items: {
    documentId: string;
    documentTitle: string;
    codeId: string;
    codePath: string[];
    colour: string;
    /** The words all the passages cover together. */
    start: number;
    end: number;
    /** Each coder's passages there, with their words (shortened in the middle when long). */
    first: (CodedSpan & { text: string })[];
    second: (CodedSpan & { text: string })[];
  }[];
}
