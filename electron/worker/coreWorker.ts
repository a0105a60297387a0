import { parentPort, workerData } from 'node:worker_threads';
import { createAppCore } from '../api/core';
import { sessionMediaSource } from '../media/mediaResponse';
import type { CoreWorkerData } from './coreMessages';
import type { IntegrityThreadData } from './integrityThread';
import type { ParseThreadData } from './parseThread';
import type { ImportProjectThreadData } from './importProjectThread';
import { runImportProjectThread } from './importProjectThread';
import { runParseThread } from './parseThread';
import { runIntegrityThread } from './integrityThread';
import { hostBridge, serveCore } from './serveCore';
import { threadWork } from './threadWork';

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
    // This bundle again in another role, or the export's own: a thread and a read-only connection per job.
    { background: threadWork(__filename) },
  );
  serveCore(port, core, sessionMediaSource(core.context.session), bridge.answer, () =>
    port.close(),
  );
}

const data = workerData as
  CoreWorkerData | IntegrityThreadData | ParseThreadData | ImportProjectThreadData;
if (parentPort) {
  if (data.role === 'parse') void runParseThread(parentPort, data);
  else if (data.role === 'importProject') void runImportProjectThread(parentPort, data);
  else if (data.role === 'integrity') runIntegrityThread(parentPort, data);
  else runCore(parentPort, data);
}
