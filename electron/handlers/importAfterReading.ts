import { AxialError } from '../../shared/errors';
import type { HandlerContext } from '../api/context';
import { cancelledError } from '../api/jobs';
import type { Parsed, ParseRequest } from '../exchange/readForImport';
import { readForImport } from '../exchange/readForImport';
import type { OpenProject } from '../session';

/**
 * Reads a file to import without holding the call's turn, then writes it in
 * the call's turn. With a background (the core's worker) the file is read on a
 * thread of its own and the calls queued behind go on meanwhile (a researcher
 * codes while a batch of transcripts is read); the write then waits for those
 * calls, and goes to the project that was open when the import began or nowhere.
 */
export async function importAfterReading<Request extends ParseRequest, T>(
  context: HandlerContext,
  request: Request,
  jobId: string | undefined,
  write: (parsed: Parsed<Request>, project: OpenProject) => T,
): Promise<T> {
  const project = context.session.require();
  const call = context.call;
  const background = context.background;
  if (!background || !call) return write(await readForImport(request), project);
  // The job lasts until the write: a Stop while the write waits its turn still stops it.
  const job = jobId ? context.jobs.start(jobId, 0) : null;
  try {
    if (job?.cancelled) throw cancelledError();
    call.release();
    const parsed = await background.parse(request, (cancel) => {
      if (job) job.onCancel = cancel;
    });
    return await call.inTurn(() => {
      if (job?.cancelled) throw cancelledError();
      if (context.session.project !== project)
        throw new AxialError(
          'invalid_operation',
          `The project was closed while "${request.fileName}" was being read: nothing was imported. Open the project and import the file again.`,
          { file: request.fileName, reason: 'closedDuringImport' },
        );
      return write(parsed, project);
    });
  } finally {
    if (jobId) context.jobs.finish(jobId);
  }
}
