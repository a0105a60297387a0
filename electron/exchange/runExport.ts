import type { Contract } from '../../shared/contract/api';
import type { ParsedInputOf } from '../../shared/contract/method';
import type { NotCarriedByRefi } from '../../shared/exchange';
import type { Db } from '../store/database';
import { getProject } from '../store/project';
import { exportDataset } from './dataset/datasetExport';
import { exportProjectArchive } from './refi/exportProject';

/** An export long enough to run as a job: on a thread and a connection of its own in the app. */
export type ExportRequest =
  | { kind: 'dataset'; input: Omit<ParsedInputOf<Contract['dataset.export']>, 'jobId'> }
  | { kind: 'refiProject' };

export interface ExportBytes {
  fileName: string;
  data: Uint8Array;
  mimeType: string;
}

export interface ExportOutcome {
  files: ExportBytes[];
  notExported: NotCarriedByRefi[];
}

/** A file name from the project's title, safe on every system. */
export function fileBaseName(title: string): string {
  return (
    title
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
      .trim()
      .slice(0, 80) || 'project'
  );
}

/** Reads only: the same on the session's connection or on a job's read-only one. */
export async function runExport(
  db: Db,
  path: string,
  version: string,
  request: ExportRequest,
): Promise<ExportOutcome> {
  const project = getProject(db, path);
  if (request.kind === 'refiProject') {
    const archive = await exportProjectArchive(db, path, `Axial ${version}`);
    return {
      files: [
        {
          fileName: `${fileBaseName(project.title)}.qdpx`,
          data: archive.bytes,
          mimeType: 'application/zip',
        },
      ],
      notExported: archive.notExported,
    };
  }
  const { input } = request;
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
    language: project.language,
  });
  return { files, notExported: [] };
}
