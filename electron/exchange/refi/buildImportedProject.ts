import type { ExchangeImportReport, OffsetCounting } from '../../../shared/exchange';
import type { Language } from '../../../shared/domain';
import { buildProjectFile } from '../../store/projectFile';
import type { ImportHooks } from './importProject';
import { importProjectInto, readProjectArchive } from './importProject';

/** A .qdpx to make into a new project file. */
export interface ProjectImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** The new project's file, which must not exist. */
  path: string;
  language: Language;
  coder: string;
  counting?: OffsetCounting;
}

/**
 * Reads the archive (everything that can be refused is refused before a file
 * is created), then writes the new project; a failure removes what was written.
 */
export async function buildImportedProject(
  request: ProjectImportRequest,
  hooks: Omit<ImportHooks, 'counting'> = {},
): Promise<ExchangeImportReport> {
  const read = readProjectArchive(request.bytes, request.fileName);
  return buildProjectFile(
    request.path,
    {
      title: read.project.name.slice(0, 200),
      description: read.project.description.slice(0, 20_000),
      language: request.language,
    },
    (db) =>
      importProjectInto(db, read, request.coder, {
        ...hooks,
        ...(request.counting ? { counting: request.counting } : {}),
      }),
  );
}
