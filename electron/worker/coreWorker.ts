import { parentPort, workerData } from 'node:worker_threads';
import { createAppCore } from '../api/core';
import { sessionMediaSource } from '../media/mediaResponse';
import type { CoreWorkerData } from './coreMessages';
import type { ExportThreadData } from './exportThread';
import { runExportThread } from './exportThread';
import { hostBridge, serveCore } from './serveCore';
import { threadExports } from './threadExports';

/**
 * The core's thread: the dispatcher, the project's connection and the exchange
 * code run here, so the host's own thread (windows, menus, the player's media
 * requests, HTTP) never waits for SQLite or for a long export.
 */
function runCore(port: NonNullable<typeof parentPort>, data: CoreWorkerData): void {
  const bridge = hostBridge(port, data.nativeDialogs);
  const core = createAppCore(
    data.userDataDir,
    {
      kind: data.kind,
      version: data.version,
      defaultProjectFolder: data.defaultProjectFolder,
      ...(data.demoDir ? { demoDir: data.demoDir } : {}),
      ...bridge.callbacks,
    },
    // This bundle again, in the export role: a thread and a read-only connection per export.
    { background: threadExports(__filename) },
  );
  serveCore(port, core, sessionMediaSource(core.context.session), bridge.answer, () =>
    port.close(),
  );
}

const data = workerData as CoreWorkerData | ExportThreadData;
if (parentPort) {
  if (data.role === 'export') void runExportThread(parentPort, data);
  else runCore(parentPort, data);
}
