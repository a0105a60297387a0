import type { HostKind, Language, PathPurpose } from '../../shared/domain';
import type { ExportOutcome, ExportRequest } from '../exchange/runExport';
import type { Parsed, ParseRequest } from '../exchange/readForImport';
import type { ProjectImportRequest } from '../exchange/refi/buildImportedProject';
import type { ExchangeImportReport } from '../../shared/exchange';
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
  /** Makes a .qdpx into a new project file, which the core then opens. */
  importProject(
    request: ProjectImportRequest,
    job: {
      onProgress: (done: number, total: number) => void;
      onCancellable: (cancel: () => void) => void;
    },
  ): Promise<ExchangeImportReport>;
  /** Reads a file to import (a document or a table); nothing is stored. */
  parse<Request extends ParseRequest>(
    request: Request,
    onCancellable: (cancel: () => void) => void,
  ): Promise<Parsed<Request>>;
}

/** The dispatcher's hold on one call, for a handler whose long part needs no turn. */
export interface CallControl {
  /** Lets the calls queued behind this one start (its long part reads no project, or a snapshot). */
  release(): void;
  /**
   * Runs `work` in the call's turn: at once while the call holds it, after the
   * calls queued meanwhile once it has let them go (a write after a long read).
   */
  inTurn<T>(work: () => T | Promise<T>): Promise<T>;
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
   * Set by the dispatcher just before it runs a handler: the handler's hold on
   * its turn. A handler that wants it reads it before its first await.
   */
  call?: CallControl;
}
