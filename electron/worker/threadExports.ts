import { Worker } from 'node:worker_threads';
import { AxialError } from '../../shared/errors';
import type { BackgroundExports } from '../api/context';
import { cancelledError } from '../api/jobs';
import type { ExportThreadData, FromExportThread } from './exportThread';

/** Exports on threads of their own, started from the core's bundle (it takes the role the data names). */
export function threadExports(bundlePath: string): BackgroundExports {
  return {
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
