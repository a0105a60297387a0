import type { AgreementFigures } from './agreement';
import type { CodedSpan } from './disagreements';

/** A coder as the project knows them: the name recorded with their codings. */
export interface CoderSummary {
  name: string;
  codings: number;
  documents: number;
}

/** What the figures were computed on, and the figures per code and overall. */
export interface AgreementReport {
  coders: [string, string];
  /** Segment level: the share of the ground two codings cover together that they must share. */
  threshold: number;
  /** The documents compared: those both coders coded, unless the researcher chose. */
  documents: { id: string; title: string; length: number }[];
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
