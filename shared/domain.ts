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

export const activityActions = ['project.create', 'project.update'] as const;
export type ActivityAction = (typeof activityActions)[number];

export interface ActivityEntry {
  id: number;
  at: string;
  action: ActivityAction;
  /** What the action was about (a title, the changed fields); the renderer words it in the UI language. */
  subject: string;
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

export type PathPurpose = 'open' | 'create' | 'saveCopy';
