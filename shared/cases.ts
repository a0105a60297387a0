/** Cases, participants and their typed attributes. */

export const entityKinds = ['case', 'participant', 'document'] as const;
export type EntityKind = (typeof entityKinds)[number];

export const attributeTypes = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type AttributeType = (typeof attributeTypes)[number];

export interface AttributeDefinition {
  id: string;
  entityKind: EntityKind;
  name: string;
  type: AttributeType;
  /** For numbers: "inhabitants", "years"… */
  unit: string | null;
  /** For choices: the allowed values, in order. */
  choices: string[];
  position: number;
}

/** A stored value: numbers as numbers, dates as yyyy-mm-dd, booleans as booleans, text and choices as text. */
export type AttributeValue = string | number | boolean;

export interface CaseRecord {
  id: string;
  name: string;
  description: string;
  memo: string;
  values: Record<string, AttributeValue>;
  participantCount: number;
  documentCount: number;
  passageCount: number;
}

export interface ParticipantRecord {
  id: string;
  name: string;
  caseId: string | null;
  description: string;
  memo: string;
  values: Record<string, AttributeValue>;
  documentCount: number;
  passageCount: number;
}

export interface DocumentLinks {
  documentId: string;
  participantIds: string[];
  caseIds: string[];
  values: Record<string, AttributeValue>;
}

export const conditionOperators = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** "formalised = yes", "intercommunal population > 200000", "launch year ≤ 2016". */
export interface AttributeCondition {
  attributeId: string;
  operator: ConditionOperator;
  value: AttributeValue;
}

export interface TypeChangePreview {
  convertible: number;
  failures: { entityId: string; entityName: string; value: string }[];
}

export const importProblemKinds = [
  'badNumber',
  'badDate',
  'badBoolean',
  'badChoice',
  'missingName',
  'duplicateRow',
  'unknownCase',
  'unknownDocument',
  'wrongColumnCount',
  'unterminatedQuote',
  'badQuote',
  'duplicateColumn',
  'noNameColumn',
  'empty',
] as const;
export type ImportProblemKind = (typeof importProblemKinds)[number];

export interface TableImportPreview {
  entityKind: EntityKind;
  delimiter: ',' | ';' | null;
  columns: {
    header: string;
    /** What the column feeds: the name, the participant's case, an attribute, or a new attribute. */
    target: 'name' | 'case' | 'attribute' | 'newAttribute' | 'ignored';
    attributeId: string | null;
    newAttribute: { name: string; type: AttributeType; choices: string[] } | null;
  }[];
  rows: {
    line: number;
    name: string;
    entityId: string | null;
    changes: number;
  }[];
  /** One per bad cell or row; `line` counts from 1 at the header. */
  problems: { line: number; column: string | null; kind: ImportProblemKind; value: string }[];
  summary: { newEntities: number; updatedEntities: number; newAttributes: number; values: number };
}
