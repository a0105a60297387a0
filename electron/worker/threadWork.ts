import { Worker } from 'node:worker_threads';
import type { ApiError } from '../../shared/errors';
import { AxialError } from '../../shared/errors';
import type { BackgroundWork } from '../api/context';
import { cancelledError } from '../api/jobs';
import type { ExportOutcome } from '../exchange/runExport';
import type { ExportThreadData } from './exportThread';
import type { IntegrityThreadData } from './integrityThread';
import type { Parsed, ParseRequest } from '../exchange/readForImport';
import type { ParseThreadData } from './parseThread';
import type { ImportProjectThreadData } from './importProjectThread';
import type { ExchangeImportReport } from '../../shared/exchange';

type JobThreadData = ExportThreadData | ParseThreadData | ImportProjectThreadData;

type FromJobThread<T> =
  | { kind: 'started' }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; value: T }
  | { kind: 'failed'; error: ApiError };

interface JobOptions {
  /** Called once the job no longer needs the calls behind it to wait (an export's snapshot taken). */
  onStarted?: () => void;
  /** Receives the job's stop, for jobs.cancel. */
  onCancellable: (cancel: () => void) => void;
  /** How far the job is, as it says. */
  onProgress?: (done: number, total: number) => void;
  /** What the researcher is told when the thread itself stops on a fault. */
  crashed: string;
}

const EXPORT_YOUNG_GENERATION_MB = 4;

/** The export thread's bundle, written beside the core's by scripts/build-electron.mjs. */
export function exportBundleBeside(coreBundle: string): string {
  return coreBundle.replace(/\.cjs$/, '-export.cjs');
}

/**
 * Long work on threads of their own: exports from a bundle of their own (see
 * exportWorker.ts); files read for import, projects built from a .qdpx and
 * the integrity check after opening from the core's bundle, which takes the
 * role its data names.
 */
export function threadWork(bundlePath: string): BackgroundWork {
  const exportBundle = exportBundleBeside(bundlePath);
  /** Threads reading the open project: they stop before it closes. */
  const reading = new Set<Worker>();
  const start = (
    data: JobThreadData | IntegrityThreadData,
    readsProject: boolean,
    transferList: ArrayBuffer[] = [],
  ): Worker => {
    const worker = new Worker(data.role === 'export' ? exportBundle : bundlePath, {
      workerData: data,
      transferList,
      // A file that a reader cannot cope with ends its own thread, not the core.
      ...(data.role === 'parse' ? { resourceLimits: { maxOldGenerationSizeMb: 2048 } } : {}),
      // An export's garbage is rows made and written at once: V8's default young generation
      // (tens of MB) only adds to the host's peak while it runs (305 against 280 MB for the
      // CSV of corpus (b)), for a few more scavenges of a small one.
      ...(data.role === 'export'
        ? { resourceLimits: { maxYoungGenerationSizeMb: EXPORT_YOUNG_GENERATION_MB } }
        : {}),
    });
    if (readsProject) {
      reading.add(worker);
      worker.once('exit', () => reading.delete(worker));
    }
    return worker;
  };
  /** Threads stopped because the project closes: what they did not finish is not a failure. */
  const stopped = new WeakSet<Worker>();

  const job = <T>(
    data: JobThreadData,
    readsProject: boolean,
    options: JobOptions,
    transferList: ArrayBuffer[] = [],
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const worker = start(data, readsProject, transferList);
      let settled = false;
      let cancelled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        // The calls behind the job go on whatever happened to it.
        options.onStarted?.();
        action();
      };
      options.onCancellable(() => {
        cancelled = true;
        void worker.terminate();
      });
      worker.on('message', (message: FromJobThread<T>) => {
        if (message.kind === 'started') options.onStarted?.();
        else if (message.kind === 'progress') options.onProgress?.(message.done, message.total);
        else if (message.kind === 'done') settle(() => resolve(message.value));
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
          console.error('Axial: a background job stopped', error);
          reject(new AxialError('internal', options.crashed));
        }),
      );
      // After the thread's last message has been handled.
      worker.on('exit', () =>
        setImmediate(() =>
          settle(() =>
            reject(
              cancelled || stopped.has(worker)
                ? cancelledError()
                : new AxialError('internal', options.crashed),
            ),
          ),
        ),
      );
    });

  return {
    stopAll: async () => {
      await Promise.all(
        [...reading].map(
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
        const worker = start({ role: 'integrity', path }, true);
        let found: string | null = null;
        worker.on('message', (message: { kind: string; found: string | null }) => {
          found = message.found;
        });
        worker.on('error', (error) => console.error('Axial: the integrity check stopped', error));
        // Stopped (the project closes) or crashed: nothing was found, nothing is said.
        worker.on('exit', () => setImmediate(() => resolve(found)));
      }),
    export: ({ path, version, request, onStarted, onCancellable }) =>
      job<ExportOutcome>({ role: 'export', path, version, request }, true, {
        onStarted,
        onCancellable,
        crashed:
          'The export stopped on an unexpected problem and wrote nothing. Your project is unchanged; try again.',
      }),
    // The file moves to the thread when it is a buffer of its own (as IPC and the port deliver
    // it): the core keeps no copy while the thread reads. A view of a larger buffer is copied.
    parse: <Request extends ParseRequest>(
      request: Request,
      onCancellable: (cancel: () => void) => void,
    ) => {
      const { buffer, byteOffset, byteLength } = request.bytes;
      const movable =
        buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
      return job<Parsed<Request>>(
        { role: 'parse', ...request },
        false,
        {
          onCancellable,
          crashed: `"${request.fileName}" could not be read because of an unexpected problem; nothing was imported.`,
        },
        movable ? [buffer] : [],
      );
    },
    importProject: (request, { onProgress, onCancellable }) =>
      job<ExchangeImportReport>({ role: 'importProject', ...request }, false, {
        onProgress,
        onCancellable,
        crashed: `"${request.fileName}" could not be imported because of an unexpected problem; no project was created.`,
      }),
  };
}
