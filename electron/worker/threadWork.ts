import { Worker } from 'node:worker_threads';
import { AxialError } from '../../shared/errors';
import type { BackgroundWork } from '../api/context';
import { cancelledError } from '../api/jobs';
import type { ExportThreadData, FromExportThread } from './exportThread';
import type { IntegrityThreadData } from './integrityThread';

/**
 * Long work on threads of their own, started from the core's bundle (it takes
 * the role its data names): exports, and the integrity check after opening.
 */
export function threadWork(bundlePath: string): BackgroundWork {
  const running = new Set<Worker>();
  /** A job's thread, counted until it has exited. */
  const start = (data: ExportThreadData | IntegrityThreadData): Worker => {
    const worker = new Worker(bundlePath, { workerData: data });
    running.add(worker);
    worker.once('exit', () => running.delete(worker));
    return worker;
  };
  /** Threads stopped because the project closes: what they did not finish is not a failure. */
  const stopped = new WeakSet<Worker>();
  return {
    stopAll: async () => {
      await Promise.all(
        [...running].map(
          (worker) =>
            new Promise<void>((resolve) => {
              stopped.add(worker);
              worker.once('exit', () => resolve());
              void worker.terminate();
            }),
        ),
      );
    },
    checkIntegrity: (path) =>
      new Promise((resolve) => {
        const worker = start({ role: 'integrity', path });
        let found: string | null = null;
        worker.on('message', (message: { kind: string; found: string | null }) => {
          found = message.found;
        });
        worker.on('error', (error) => console.error('Axial: the integrity check stopped', error));
        // Stopped (the project closes) or crashed: nothing was found, nothing is said.
        worker.on('exit', () => setImmediate(() => resolve(found)));
      }),
    export: ({ path, version, request, onStarted, onCancellable }) =>
      new Promise((resolve, reject) => {
        const worker = start({ role: 'export', path, version, request });
        let settled = false;
        let cancelled = false;
        const settle = (action: () => void) => {
          if (settled) return;
          settled = true;
          // The calls behind the job go on whatever happened to it.
          onStarted();
          action();
        };
        onCancellable(() => {
          cancelled = true;
          void worker.terminate();
        });
        worker.on('message', (message: FromExportThread) => {
          if (message.kind === 'started') onStarted();
          else if (message.kind === 'done') settle(() => resolve(message.outcome));
          else
            settle(() =>
              reject(
                new AxialError(
                  message.error.code,
                  message.error.message,
                  message.error.params,
                  message.error.issues,
                ),
              ),
            );
        });
        worker.on('error', (error) =>
          settle(() => {
            console.error('Axial: an export thread stopped', error);
            reject(
              new AxialError(
                'internal',
                'The export stopped on an unexpected problem and wrote nothing. Your project is unchanged; try again.',
              ),
            );
          }),
        );
        // After the thread's last message has been handled.
        worker.on('exit', () =>
          setImmediate(() =>
            settle(() =>
              reject(
                cancelled || stopped.has(worker)
                  ? cancelledError()
                  : new AxialError(
                      'internal',
                      'The export stopped before it ended and wrote nothing.',
                    ),
              ),
            ),
          ),
        );
      }),
  };
}
