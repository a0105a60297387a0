import type { HostKind, Language, PathPurpose } from '../../shared/domain';
import type { ExportOutcome, ExportRequest } from '../exchange/runExport';
import type { ProjectSession } from '../session';
import type { JobRegistry } from './jobs';
import type { RecentProjects } from '../userdata/recentProjects';
import type { SettingsFile } from '../userdata/settings';

/** What the host (Electron or the web host) offers beyond the shared handlers. */
export interface HostServices {
  kind: HostKind;
  version: string;
  defaultProjectFolder: string;
  /** resources/demo: the demo study's source files. */
  demoDir?: string;
  /** Native file dialog; absent in the browser host, where the renderer asks for a path. */
  choosePath?: (purpose: PathPurpose, suggestedName: string | undefined) => Promise<string | null>;
  onLanguageChanged?: (language: Language) => void;
  onProjectChanged?: (title: string | null) => void;
}

/** Long work on threads of its own, each with a read-only connection, when the core has them. */
export interface BackgroundWork {
  /**
   * Stops every job (a cancelled export, an unfinished check): the project is about
   * to close, and SQLite folds its log back into the file only once no job reads it.
   */
  stopAll(): Promise<void>;
  /** PRAGMA quick_check of the project: 'ok', what it found, or null when it could not run. */
  checkIntegrity(path: string): Promise<string | null>;
  export(job: {
    path: string;
    version: string;
    request: ExportRequest;
    /** Called once the job holds its snapshot: calls after it need not wait for it. */
    onStarted: () => void;
    /** Receives the job's stop, for jobs.cancel. */
    onCancellable: (cancel: () => void) => void;
  }): Promise<ExportOutcome>;
}

export interface HandlerContext {
  session: ProjectSession;
  /** Who codes: recorded on every coding (REFI-QDA users). */
  coder: string;
  recent: RecentProjects;
  settings: SettingsFile;
  host: HostServices;
  jobs: JobRegistry;
  background?: BackgroundWork;
  /**
   * Set by the dispatcher just before it runs a handler: lets the calls queued
   * behind it start. A handler that wants it reads it before its first await.
   */
  releaseQueue?: () => void;
}
