import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { exchangeContract } from '../../shared/contract/exchange';
import type { ExchangeImportReport, ExportedFile } from '../../shared/exchange';
import type { ProjectImportRequest } from '../exchange/refi/buildImportedProject';
import { buildImportedProject } from '../exchange/refi/buildImportedProject';
import type { DomainHandlers } from '../api/handlers';
import { codebookDocument } from '../exchange/codebookDocument';
import type { HandlerContext } from '../api/context';
import { cancelledError } from '../api/jobs';
import { exportCodebookXml } from '../exchange/refi/exportCodebook';
import type { ExportBytes, ExportOutcome, ExportRequest } from '../exchange/runExport';
import { fileBaseName, runExport } from '../exchange/runExport';
import { importCodebookInto } from '../exchange/refi/importCodebook';
import { decodeXml, parseCodebookXml } from '../exchange/refi/parseXml';
import { getProject } from '../store/project';
import { opened, withProjectExtension } from './projects';

const bytesOf = (data: Uint8Array | string) =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

/**
 * Runs an export: on a thread and read-only connection of its own when the core
 * has one (the calls behind it go on as soon as it holds its snapshot), in the
 * core's turn otherwise.
 */
async function exportFor(
  context: HandlerContext,
  request: ExportRequest,
  jobId: string | undefined,
): Promise<ExportOutcome> {
  const call = context.call;
  const release = () => call?.release();
  const { db, path } = context.session.require();
  const version = context.host.version;
  if (!context.background) return runExport(db, path, version, request);
  const job = jobId ? context.jobs.start(jobId, 0) : null;
  try {
    if (job?.cancelled) throw cancelledError();
    return await context.background.export({
      path,
      version,
      request,
      onStarted: release,
      onCancellable: (cancel) => {
        if (job) job.onCancel = cancel;
      },
    });
  } finally {
    if (jobId) context.jobs.finish(jobId);
  }
}

const asFile = (file: ExportBytes): ExportedFile => ({
  fileName: file.fileName,
  data: bytesOf(file.data),
  mimeType: file.mimeType,
});

export const exchangeHandlers: DomainHandlers<typeof exchangeContract> = {
  'dataset.export': async (context, { jobId, ...input }) =>
    (await exportFor(context, { kind: 'dataset', input }, jobId)).files.map(asFile),

  'codebook.exportDocument': (context) => {
    const { db, path } = context.session.require();
    const project = getProject(db, path);
    return {
      fileName: `${fileBaseName(project.title)} - codebook.html`,
      data: bytesOf(codebookDocument(db, project.title, project.language)),
      mimeType: 'text/html',
    };
  },

  'refi.exportProject': async (context, { jobId }) => {
    const outcome = await exportFor(context, { kind: 'refiProject' }, jobId);
    return { file: asFile(outcome.files[0]!), notExported: outcome.notExported };
  },

  'refi.exportCodebook': (context) => {
    const { db, path } = context.session.require();
    return {
      fileName: `${fileBaseName(getProject(db, path).title)}.qdc`,
      data: bytesOf(exportCodebookXml(db, `Axial ${context.host.version}`)),
      mimeType: 'application/xml',
    };
  },

  'refi.importCodebook': (context, { fileName, data }) => {
    const { db, history } = context.session.require();
    const { codes, warnings } = parseCodebookXml(decodeXml(data), fileName);
    const result = history.run(db, 'importCodebook', (changes) =>
      importCodebookInto(db, changes, codes),
    );
    return { ...result, warnings };
  },

  'jobs.progress': (context, { jobId }) => context.jobs.progress(jobId),
  'jobs.cancel': (context, { jobId }) => {
    context.jobs.cancel(jobId);
    return null;
  },

  'refi.importProject': async (context, { fileName, data, path, jobId, counting }) => {
    const target = resolve(withProjectExtension(path));
    const request: ProjectImportRequest = {
      fileName,
      bytes: data,
      path: target,
      language: context.settings.language('en'),
      coder: context.coder,
      ...(counting ? { counting } : {}),
    };
    const call = context.call;
    const background = context.background;
    const job = jobId ? context.jobs.start(jobId, 0) : null;
    const onProgress = (done: number, total: number) => {
      if (job) Object.assign(job, { done, total });
    };
    // The file was written whole by this import a moment ago: reading every page of it again
    // to check it finds nothing (the check is for files that lived on a disk).
    const openBuilt = () => context.session.open(target, { deferIntegrityCheck: true });
    try {
      if (!background || !call) {
        const report = await buildImportedProject(request, {
          onProgress,
          isCancelled: () => job?.cancelled ?? false,
        });
        return { project: opened(context, openBuilt()), report };
      }
      // A file already there is another project: whatever happens, it is never removed.
      const existed = existsSync(target);
      const removeHalfWritten = () => {
        if (!existed)
          for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
      };
      if (job?.cancelled) throw cancelledError();
      // The new file is the thread's alone: the open project's calls go on meanwhile.
      call.release();
      let report: ExchangeImportReport;
      try {
        report = await background.importProject(request, {
          onProgress,
          onCancellable: (cancel) => {
            if (job) job.onCancel = cancel;
          },
        });
      } catch (error) {
        // A thread stopped half-way (cancelled, crashed) leaves what it had written.
        removeHalfWritten();
        throw error;
      }
      // Opened in the call's turn, after the calls that started meanwhile.
      return await call.inTurn(async () => {
        if (job?.cancelled) {
          removeHalfWritten();
          throw cancelledError();
        }
        await background.stopAll();
        return { project: opened(context, openBuilt()), report };
      });
    } finally {
      if (jobId) context.jobs.finish(jobId);
    }
  },
};
