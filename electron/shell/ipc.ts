import { methodNames } from '../../shared/contract/api';
import { ipcChannel } from '../../shared/ipc';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../api/dispatcher';
import { isAppUrl } from './appProtocol';

/** The part of Electron's ipcMain this module uses; Electron's own object fits it. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcEventLike, input: unknown) => Promise<unknown>,
  ): void;
}

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Only Axial’s own window may use its API.' },
};

/**
 * Registers one handler per API method. A call from any frame that is not the
 * app's own page (an injected iframe, a navigated window) is refused.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatchFor: (event: IpcEventLike) => Dispatch,
): string[] {
  const channels: string[] = [];
  for (const method of methodNames) {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, async (event, input) => {
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return refused;
      return dispatchFor(event)(method, input);
    });
    channels.push(channel);
  }
  return channels;
}
