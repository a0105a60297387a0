import { parentPort, workerData } from 'node:worker_threads';
import { createAppCore } from '../api/core';
import { sessionMediaSource } from '../media/mediaResponse';
import type { CoreWorkerData } from './coreMessages';
import { hostBridge, serveCore } from './serveCore';

/**
 * The core's thread: the dispatcher, the project's connection and the exchange
 * code run here, so the host's own thread (windows, menus, the player's media
 * requests, HTTP) never waits for SQLite or for a long export.
 */
function runCore(port: NonNullable<typeof parentPort>, data: CoreWorkerData): void {
  const bridge = hostBridge(port, data.nativeDialogs);
  const core = createAppCore(data.userDataDir, {
    kind: data.kind,
    version: data.version,
    defaultProjectFolder: data.defaultProjectFolder,
    ...(data.demoDir ? { demoDir: data.demoDir } : {}),
    ...bridge.callbacks,
  });
  serveCore(port, core, sessionMediaSource(core.context.session), bridge.answer, () =>
    port.close(),
  );
}

if (parentPort) runCore(parentPort, workerData as CoreWorkerData);
