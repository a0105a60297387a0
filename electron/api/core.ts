import { userInfo } from 'node:os';
import { ProjectSession } from '../session';
import type { LockOwner } from '../store/projectLock';
import { RecentProjects } from '../userdata/recentProjects';
import { SettingsFile } from '../userdata/settings';
import type { HandlerContext, HostServices } from './context';
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
}

/** Everything a host needs to serve the API: one per window in Electron, one per web host. */
export function createAppCore(
  userDataDir: string,
  host: HostServices,
  options: CoreOptions = {},
): AppCore {
  const context: HandlerContext = {
    session: new ProjectSession(options.clock, options.program ?? host.kind),
    coder: systemUserName(),
    recent: new RecentProjects(userDataDir),
    settings: new SettingsFile(userDataDir),
    host,
    jobs: new JobRegistry(),
  };
  return {
    context,
    dispatch: createDispatcher(context),
    shutdown: () => context.session.close(),
  };
}

function systemUserName(): string {
  try {
    return userInfo().username || 'researcher';
  } catch {
    return 'researcher';
  }
}
