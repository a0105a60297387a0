import { ProjectSession } from '../session';
import type { LockOwner } from '../store/projectLock';
import { RecentProjects } from '../userdata/recentProjects';
import { SettingsFile } from '../userdata/settings';
import type { BackgroundWork, HandlerContext, HostServices } from './context';
import { JobRegistry } from './jobs';
import type { Dispatch } from './dispatcher';
import { createDispatcher } from './dispatcher';

export interface AppCore {
  context: HandlerContext;
  dispatch: Dispatch;
  shutdown(): void;
}

export interface CoreOptions {
  /** The undo history's clock (typing within a second is undone as one): tests set it. */
  clock?: () => number;
  /** Named in a project's lock: the command line says it is the command line. */
  program?: LockOwner['program'];
  /** Long exports and the integrity check on threads of their own; without it they run in the core's turn. */
  background?: BackgroundWork;
}

/** Everything a host needs to serve the API: one per window in Electron, one per web host. */
export function createAppCore(
  userDataDir: string,
  host: HostServices,
  options: CoreOptions = {},
): AppCore {
  const settings = new SettingsFile(userDataDir);
  const context: HandlerContext = {
    session: new ProjectSession(options.clock, options.program ?? host.kind),
    // The researcher's own choice, never the computer's account name (it would travel in exports).
    coder: settings.coderName() ?? UNNAMED_CODER,
    recent: new RecentProjects(userDataDir),
    settings,
    host,
    jobs: new JobRegistry(),
    ...(options.background ? { background: options.background } : {}),
  };
  return {
    context,
    dispatch: createDispatcher(context),
    shutdown: () => context.session.close(),
  };
}

/** Recorded until the researcher gives a name (asked at first launch). */
export const UNNAMED_CODER = 'researcher';
