import Database from 'better-sqlite3';
import { AxialError } from '../../shared/errors';
import type { ApiError } from '../../shared/errors';
import type { ExportOutcome, ExportRequest } from '../exchange/runExport';
import { runExport } from '../exchange/runExport';
import type { PortLike } from './coreMessages';

export interface ExportThreadData {
  role: 'export';
  path: string;
  version: string;
  request: ExportRequest;
}

export type FromExportThread =
  | { kind: 'started' }
  | { kind: 'done'; value: ExportOutcome }
  | { kind: 'failed'; error: ApiError };

/**
 * The buffers that can move to the core's thread instead of being copied: a
 * file's own, whole buffer (a small Buffer lives in Node's shared pool, which
 * cannot move, and is cheap to copy).
 */
function movable(views: Uint8Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views)
    if (
      view.buffer instanceof ArrayBuffer &&
      view.byteOffset === 0 &&
      view.byteLength === view.buffer.byteLength &&
      view.byteLength >= 64 * 1024
    )
      buffers.add(view.buffer);
  return [...buffers];
}

/**
 * An export's own thread: a read-only connection to the project, one read
 * transaction from first row to last (WAL gives it a snapshot: codings made
 * meanwhile are neither half in nor block it), nothing written.
 */
export async function runExportThread(port: PortLike, data: ExportThreadData): Promise<void> {
  const send = (message: FromExportThread, transfer?: ArrayBuffer[]) =>
    port.postMessage(message, transfer);
  let db: Database.Database | null = null;
  try {
    db = new Database(data.path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    // The snapshot is taken at the first read, not at BEGIN.
    db.prepare('SELECT COUNT(*) FROM project').pluck().get();
    send({ kind: 'started' });
    const outcome = await runExport(db, data.path, data.version, data.request);
    db.exec('COMMIT');
    send({ kind: 'done', value: outcome }, movable(outcome.files.map((file) => file.data)));
  } catch (error) {
    send({
      kind: 'failed',
      error:
        error instanceof AxialError
          ? error.toApiError()
          : {
              code: 'internal',
              message:
                'The export stopped on an unexpected problem and wrote nothing. Your project is unchanged; try again, and report the problem if it persists.',
            },
    });
    if (!(error instanceof AxialError)) console.error('Axial: export failed', error);
  } finally {
    db?.close();
  }
}
