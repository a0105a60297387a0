import { contextBridge, ipcRenderer } from 'electron';
import type { MethodName } from '../shared/contract/api';
import { methodNames } from '../shared/contract/api';
import type { AxialBridge } from '../shared/bridge';
import type { Result } from '../shared/errors';
import { ipcChannel, MENU_CHANNEL } from '../shared/ipc';
import { isMenuCommand } from '../shared/menu';

/**
 * The only object the page gets: one function per API method, derived from the
 * contract, and a way to hear menu commands. ipcRenderer never crosses into the page.
 */
const api = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input) as Promise<Result<unknown>>,
  ]),
) as Record<MethodName, (input: unknown) => Promise<Result<unknown>>>;

const bridge = {
  api,
  onMenuCommand: (listener: (command: string) => void) => {
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
} satisfies AxialBridge;

contextBridge.exposeInMainWorld('axial', bridge);
