import { Worker } from 'node:worker_threads';
import type { CoreWorkerData } from './coreMessages';
import type { CoreConnection, HostHandlers } from './connectCore';
import { connectCore } from './connectCore';

/** The core's bundle, written next to the host's own by scripts/build-electron.mjs. */
export const CORE_WORKER_FILE = 'core-worker.cjs';

export interface CoreWorker extends CoreConnection {
  /** The thread's id, for a test to tell it is not the host's. */
  threadId: number;
}

/** Starts the core on its own thread and connects to it. */
export async function startCoreWorker(
  bundlePath: string,
  data: Omit<CoreWorkerData, 'role'>,
  handlers: HostHandlers = {},
): Promise<CoreWorker> {
  const worker = new Worker(bundlePath, { workerData: { ...data, role: 'core' } });
  const connection = connectCore(worker, handlers);
  let readyCleanup = () => {};
  await new Promise<void>((resolve, reject) => {
    const onReady = (message: { kind?: unknown }) => {
      if (message.kind !== 'ready') return;
      worker.off('message', onReady);
      worker.off('error', reject);
      resolve();
    };
    const onEarlyExit = (code: number) =>
      reject(new Error(`Axial's core stopped before it started (exit code ${code}).`));
    worker.on('message', onReady);
    worker.once('error', reject);
    worker.once('exit', onEarlyExit);
    readyCleanup = () => worker.off('exit', onEarlyExit);
  });
  readyCleanup();
  // After start, a crash answers every waiting call instead of leaving the window hanging.
  worker.on('error', (error) => {
    console.error('Axial: the core stopped', error);
    connection.fail(
      'Axial’s background process stopped. What was saved before is safe; restart Axial to go on.',
    );
  });
  worker.on('exit', () =>
    connection.fail('Axial’s background process has closed. Restart Axial to go on.'),
  );
  return {
    ...connection,
    threadId: worker.threadId,
    shutdown: async () => {
      await connection.shutdown();
      await worker.terminate();
    },
  };
}
