import { resolve } from 'node:path';
import type { exchangeContract } from '../../shared/contract/exchange';
import type { ExportedFile } from '../../shared/exchange';
import type { DomainHandlers } from '../api/handlers';
import { codebookDocument } from '../exchange/codebookDocument';
import { exportDataset } from '../exchange/dataset/datasetExport';
import { exportCodebookXml } from '../exchange/refi/exportCodebook';
import { exportProjectArchive } from '../exchange/refi/exportProject';
import { importCodebookInto } from '../exchange/refi/importCodebook';
import { importProjectInto, readProjectArchive } from '../exchange/refi/importProject';
import { decodeXml, parseCodebookXml } from '../exchange/refi/parseXml';
import { getProject } from '../store/project';
import { buildProjectFile } from '../store/projectFile';
import { opened, withProjectExtension } from './projects';

// A view of the bytes, not a copy: an export may be tens of megabytes.
const base64 = (bytes: Uint8Array | string) =>
  (typeof bytes === 'string'
    ? Buffer.from(bytes, 'utf8')
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  ).toString('base64');

/** A file name from the project's title, safe on every system. */
function baseName(title: string): string {
  return (
    title
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
      .trim()
      .slice(0, 80) || 'project'
  );
}

export const exchangeHandlers: DomainHandlers<typeof exchangeContract> = {
  'dataset.export': async (context, input) => {
    const { db, path } = context.session.require();
    const files = await exportDataset(db, {
      format: input.format,
      table: input.table,
      values: input.values,
      level: input.level,
      scope: {
        ...(input.codeIds ? { codeIds: input.codeIds } : {}),
        ...(input.caseIds ? { caseIds: input.caseIds } : {}),
        ...(input.documentIds ? { documentIds: input.documentIds } : {}),
      },
      csvStyle: input.csvStyle,
      keepFormulas: input.keepFormulas,
      columnNames: input.columnNames,
      language: getProject(db, path).language,
    });
    return files.map((file): ExportedFile => ({
      fileName: file.fileName,
      data: base64(file.data),
      mimeType: file.mimeType,
    }));
  },

  'codebook.exportDocument': (context) => {
    const { db, path } = context.session.require();
    const project = getProject(db, path);
    return {
      fileName: `${baseName(project.title)} - codebook.html`,
      data: base64(codebookDocument(db, project.title, project.language)),
      mimeType: 'text/html',
    };
  },

  'refi.exportProject': async (context) => {
    const { db, path } = context.session.require();
    const archive = await exportProjectArchive(db, path, `Axial ${context.host.version}`);
    return {
      file: {
        fileName: `${baseName(getProject(db, path).title)}.qdpx`,
        data: base64(archive.bytes),
        mimeType: 'application/zip',
      },
      notExported: archive.notExported,
    };
  },

  'refi.exportCodebook': (context) => {
    const { db, path } = context.session.require();
    return {
      fileName: `${baseName(getProject(db, path).title)}.qdc`,
      data: base64(exportCodebookXml(db, `Axial ${context.host.version}`)),
      mimeType: 'application/xml',
    };
  },

  'refi.importCodebook': (context, { fileName, data }) => {
    const { db, history } = context.session.require();
    const { codes, warnings } = parseCodebookXml(decodeXml(Buffer.from(data, 'base64')), fileName);
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
    // Everything that can be refused is refused before a file is created.
    const read = readProjectArchive(Buffer.from(data, 'base64'), fileName);
    const target = resolve(withProjectExtension(path));
    let report;
    try {
      report = await buildProjectFile(
        target,
        {
          title: read.project.name.slice(0, 200),
          description: read.project.description.slice(0, 20_000),
          language: context.settings.language('en'),
        },
        (db) => {
          const job = jobId ? context.jobs.start(jobId, read.project.sources.length) : null;
          return importProjectInto(db, read, context.coder, {
            counting,
            onProgress: (done, total) => {
              if (job) Object.assign(job, { done, total });
            },
            isCancelled: () => job?.cancelled ?? false,
          });
        },
      );
    } finally {
      if (jobId) context.jobs.finish(jobId);
    }
    return { project: opened(context, context.session.open(target)), report };
  },
};
