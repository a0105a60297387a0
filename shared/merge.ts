/** What merging a colleague's copy brings in, and what differs between the two. */

export const mergeSubjects = [
  'document',
  'code',
  'case',
  'participant',
  'attribute',
  'value',
  'coding',
  'rating',
  'summary',
] as const;
export type MergeSubject = (typeof mergeSubjects)[number];

export const mergeFields = [
  'text',
  'title',
  'name',
  'date',
  'place',
  'description',
  'memo',
  'colour',
  'value',
  'range',
  'justification',
  'summary',
] as const;
export type MergeField = (typeof mergeFields)[number];

export type MergeChoice = 'mine' | 'theirs';

/** One thing both projects hold and changed differently: kept as here unless the researcher takes theirs. */
export interface MergeConflict {
  /** Stable between the preview and the merge: what a choice names. */
  key: string;
  subject: MergeSubject;
  field: MergeField;
  /** What it is: a document's title, a code's path, "attribute · case". */
  name: string;
  mine: string;
  theirs: string;
  /** A document's text: the codings that would have no place in the other text, each way. */
  unplaced?: { theirs: number; mine: number };
}

export const mergeKinds = [
  'documents',
  'codes',
  'codings',
  'cases',
  'participants',
  'attributes',
  'values',
  'ratings',
  'summaries',
  'memos',
] as const;
export type MergeKind = (typeof mergeKinds)[number];

/** A coding of theirs that could not be placed on this project's text. */
export interface UnplacedCoding {
  documentTitle: string;
  codePath: string[];
  coder: string;
  text: string;
}

export interface MergeSummary {
  fileName: string;
  /** Whether the file is a copy of this project (else matched by names and texts alone). */
  sameProject: boolean;
  added: Record<MergeKind, number>;
  conflicts: MergeConflict[];
  /** Conflicts settled with their version (a merge; 0 in a preview). */
  taken: number;
  /** Their rows (codes, codings, cases…) this project deleted since the copy was made: kept deleted. */
  keptDeleted: number;
  /** Their codings already here on the same words. */
  alreadyHere: number;
  /** Their codings placed on words that differ a little here (typed inside). */
  approximate: number;
  /** The first of them, with the words they cover here, to check. */
  approximateList: UnplacedCoding[];
  /** Attributes whose type differs here: their values of it are not brought in. */
  typeMismatch: string[];
  unplacedCount: number;
  /** The first of them, to show. */
  unplaced: UnplacedCoding[];
  /** The coders of the codings that come in. */
  coders: string[];
  /** Of those, names already on this project's own codings: agreement cannot tell them apart. */
  sharedCoders: string[];
  /** Where the project as it was before the merge is saved (a merge; absent in a preview). */
  backupPath?: string;
  /** What the file holds that a merge does not bring in. */
  notMerged: ('guides' | 'answers' | 'recordings')[];
}
