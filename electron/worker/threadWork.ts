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
  return {
    checkIntegrity: (path) =>
      new Promise((resolve) => {
        const data: IntegrityThreadData = { role: 'integrity', path };
        const worker = new Worker(bundlePath, { workerData: data });
        let found: string | null = null;
        worker.on('message', (message: { kind: string; found: string }) => {
          found = message.found;
        });
        worker.on('error', (error) => {
          found ??= error.message;
        });
        worker.on('exit', () => setImmediate(() => resolve(found ?? 'the check did not run')));
      }),
    export: ({ path, version, request, onStarted, onCancellable }) =>
      new Promise((resolve, reject) => {
        const data: ExportThreadData = { role: 'export', path, version, request };
        const worker = new Worker(bundlePath, { workerData: data });
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
                cancelled
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
