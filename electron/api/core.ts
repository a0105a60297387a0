import { userInfo } from 'node:os';
import { ProjectSession } from '../session';
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

/** Everything a host needs to serve the API: one per window in Electron, one per web host. */
export function createAppCore(userDataDir: string, host: HostServices): AppCore {
  const context: HandlerContext = {
    session: new ProjectSession(),
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
