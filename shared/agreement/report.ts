import type { AgreementFigures } from './agreement';

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
