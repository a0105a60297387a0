/** Domain types shared by the main process, the web host and the renderer. */

export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

/** The open project's properties, as shown in the workspace and its properties dialog. */
export interface ProjectSummary {
  id: string;
  path: string;
  title: string;
  description: string;
  /** The language the project's material is in (for search and sorting), not the UI language. */
  language: Language;
  createdAt: string;
  modifiedAt: string;
  schemaVersion: number;
  /** Set when this is a read-only snapshot of a project open elsewhere. */
  readOnlyCopy: ReadOnlyCopy | null;
}

/** A read-only snapshot: of which file, when, and who had it open then. */
export interface ReadOnlyCopy {
  of: string;
  takenAt: string;
  heldBy: { program: string; host: string; since: string; otherComputer: boolean } | null;
  /** The project itself cannot be written (a read-only file, folder or disk): why this is a copy. */
  notWritable: boolean;
}

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  /** The file is no longer where it was: shown as missing, never opened blindly. */
  missing: boolean;
}

/** The project's own changes, then every action of the undo history, its undo and its redo. */
export const activityActions = ['project.create', 'project.update', 'do', 'undo', 'redo'] as const;
export type ActivityAction = (typeof activityActions)[number];

export interface ActivityEntry {
  id: number;
  at: string;
  action: ActivityAction;
  /**
   * What the action was about: for the project's own, a title or the changed
   * fields; for the others, the undo history's action key. The renderer words it.
   */
  subject: string;
  /** The name of what was done to (a code, a document, a case), as it was then; may be empty. */
  target: string;
  /** Where: the document or case it was done in; may be empty. */
  place: string;
  /** How many times in a row, or how many passages at once. */
  count: number;
}

export type HostKind = 'electron' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  /** Native file dialogs exist in the desktop app; the browser host asks for a path. */
  nativeDialogs: boolean;
  language: Language;
  defaultProjectFolder: string;
  /** The name recorded with each coding; null until the researcher gives one. */
  coderName: string | null;
}

/** What a path is chosen for: a project to open, create or copy to, or a pseudonymisation's key file. */
export type PathPurpose = 'open' | 'create' | 'saveCopy' | 'saveKey';

/** Where the study stands: what the Overview shows. */
export interface StudyOverview {
  transcripts: number;
  /** Documents other than interview transcripts (notes, reports, policies). */
  otherDocuments: number;
  recordings: number;
  codes: number;
  codings: number;
  /** Documents with at least one coded passage. */
  codedDocuments: number;
  /** Each top-level code (an axis of the model) with the passages coded under it. */
  axes: { codeId: string; name: string; colour: string; passages: number; documents: number }[];
  cases: number;
  participants: number;
  /** Cases with a rating on at least one axis. */
  ratedCases: number;
  /** Each guide with the interviews that follow it and how much of it they answer. */
  guides: {
    guideId: string;
    title: string;
    questions: number;
    interviews: number;
    /** Question × interview cells with an answer marked (to the question or one of its prompts). */
    answered: number;
    /** Cells ticked as asked in the interview, with no answer marked. */
    asked: number;
  }[];
  lastActivityAt: string | null;
}
