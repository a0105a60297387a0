import type { MethodName } from './contract/api';

/** One IPC channel per API method, derived from its name, so the list cannot drift. */
export const IPC_PREFIX = 'axial:';
export const MENU_CHANNEL = 'axial-menu';

export function ipcChannel(method: MethodName): string {
  return IPC_PREFIX + method;
}
