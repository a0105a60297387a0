import type { ExchangeWarning } from '../../../shared/exchange';

/** A REFI-QDA project or codebook as read, before it is placed into an Axial project. */

export interface RefiCode {
  guid: string;
  name: string;
  codable: boolean;
  colour: string | null;
  description: string;
  noteGuids: string[];
  children: RefiCode[];
}

export type RefiValueType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiValueType;
  description: string;
}

export interface RefiValue {
  variableGuid: string;
  type: RefiValueType;
  value: string;
}

export interface RefiCase {
  guid: string;
  name: string;
  description: string;
  values: RefiValue[];
  sourceGuids: string[];
}

export interface RefiCoding {
  codeGuid: string;
  userGuid: string | null;
  created: string | null;
  noteGuids: string[];
}

export interface RefiSelection {
  /** What the selection's own Description says: the memo, for several programs. */
  description: string;
  guid: string;
  start: number;
  end: number;
  userGuid: string | null;
  created: string | null;
  codings: RefiCoding[];
  noteGuids: string[];
}

export interface RefiSource {
  guid: string;
  name: string;
  /** Text sources are imported; pictures, PDFs, audio and video are reported as skipped. */
  kind: 'text' | 'other';
  plainTextPath: string | null;
  plainTextContent: string | null;
  description: string;
  selections: RefiSelection[];
  /** Codings of the whole source (no selection). */
  codings: RefiCoding[];
  noteGuids: string[];
  values: RefiValue[];
  created: string | null;
  modified: string | null;
}

export interface RefiProject {
  name: string;
  description: string;
  /** The program that wrote the file, as it says (the Project's `origin`). */
  origin: string | null;
  /** What reading left out or shortened (items without identifiers, over-long names). */
  warnings: ExchangeWarning[];
  users: Map<string, string>;
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: Map<string, { name: string; text: string }>;
}
