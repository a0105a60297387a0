import type { HostKind, Language, PathPurpose } from '../../shared/domain';
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

export interface HandlerContext {
  session: ProjectSession;
  /** Who codes: recorded on every coding (REFI-QDA users). */
  coder: string;
  recent: RecentProjects;
  settings: SettingsFile;
  host: HostServices;
  jobs: JobRegistry;
}
