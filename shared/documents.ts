import type { DocumentJson } from './editor/schema';
import type { AttributeCondition, AttributeValue } from './cases';
import type { HistoryAction } from './history';

export const documentKinds = ['transcript', 'secondary'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const importFormats = ['txt', 'docx', 'md', 'html', 'srt', 'vtt', 'pdf'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  title: string;
  /** ISO date (yyyy-mm-dd) of the interview or document, if known. */
  date: string | null;
  place: string | null;
  description: string;
  memo: string;
  /** Length of the plain text in code points. */
  length: number;
  /** Counts every change to the text: offsets are valid for one version only. */
  version: number;
  codingCount: number;
  speakers: string[];
  sourceName: string | null;
  /** The guide version the interview was conducted with. */
  guideId: string | null;
  /** Values of the document attributes. */
  values: Record<string, AttributeValue>;
  createdAt: string;
  modifiedAt: string;
}

export interface DocumentDetail extends DocumentSummary {
  content: DocumentJson;
  /** Increases with every change of the text; edits are sent against a version. */
  version: number;
  /** The file the document was imported from, kept in the project (a PDF): read beside the text. */
  original: DocumentOriginal | null;
}

export interface DocumentOriginal {
  id: string;
  documentId: string;
  fileName: string;
  mimeType: string;
  size: number;
  createdAt: string;
}

export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  encoding: string | null;
  title: string;
  paragraphs: number;
  characters: number;
  speakers: { label: string; turns: number }[];
  timestamps: number;
  /** The interview's date read from a header line ("Date : 14 mars 2024"): the document's date. */
  date: string | null;
  /** A PDF's pages, and those of them without any text (scanned): their text is not imported. */
  pages: { count: number; withoutText: number[] } | null;
  excerpt: string;
  /** A document of the project holding this file already: the same text, or made from a file of this name. */
  duplicate: { documentId: string; title: string; match: 'sameText' | 'sameFileName' } | null;
  /** Speakers named like a participant of the project: offered as links to them. */
  participantMatches: { label: string; participantId: string; name: string }[];
}

export interface CodeNode {
  id: string;
  parentId: string | null;
  name: string;
  colour: string;
  description: string;
  memo: string;
  /** Who last wrote the memo ('' when nobody is recorded). */
  memoCoder: string;
  /** Whether the node can be applied to text (an axis usually cannot). */
  codable: boolean;
  position: number;
  /** Codings of this node itself. */
  codingCount: number;
  /** Documents with at least one coding of this node itself. */
  documentCount: number;
}

export interface Coding {
  id: string;
  documentId: string;
  codeId: string;
  /** Code-point offsets over the document's plain text; end is exclusive. */
  start: number;
  end: number;
  memo: string;
  /** Who last wrote the memo ('' when nobody is recorded). */
  memoCoder: string;
  coder: string;
  createdAt: string;
  modifiedAt: string;
}

export interface Passage {
  coding: Coding;
  documentTitle: string;
  text: string;
  before: string;
  after: string;
  speaker: string | null;
  /** The page of the original (a PDF's) where the passage begins; null when there is none. */
  page: number | null;
  /** Codes of the other codings that overlap this passage. */
  otherCodeIds: string[];
  /** The participant(s) speaking: the one named as the speaker, else all linked to the document. */
  participantIds: string[];
  /** Cases of those participants, and cases linked to the document directly. */
  caseIds: string[];
}

export interface PassageQuery {
  codeIds?: string[];
  codeMatch?: 'any' | 'all';
  /** The codes themselves, without their sub-codes. */
  exactCodes?: boolean;
  documentIds?: string[];
  speakers?: string[];
  coders?: string[];
  text?: string;
  participantIds?: string[];
  caseIds?: string[];
  /** All must hold, each on the passage's case, participant or document, by the attribute's kind. */
  conditions?: AttributeCondition[];
  /** At most this many passages, the first in document order. */
  limit?: number;
}

/** How many passages a query finds under each node of the codebook, without their text. */
export interface PassageOverview {
  total: number;
  codes: {
    codeId: string;
    /** Passages of this node itself. */
    own: number;
    /** Passages of this node and every node below it. */
    passages: number;
    /** Distinct documents of those. */
    documents: number;
  }[];
}

export interface TextChange {
  documentId: string;
  /** ProseMirror steps (JSON) to apply to the document as the editor has it. */
  steps: unknown[];
  version: number;
}

export interface HistoryState {
  undoLabel: HistoryAction | null;
  redoLabel: HistoryAction | null;
  /** The session's writes so far: a count that moved without this client's writes means another client wrote. */
  writes: number;
}

export interface HistoryResult extends HistoryState {
  /** What was undone or redone. */
  label: HistoryAction;
  textChanges: TextChange[];
}
