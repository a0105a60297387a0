import { z } from 'zod';
import { matrixLevels } from '../analysis';
import type { ProjectSummary } from '../domain';
import type { ExchangeImportReport, ExchangeWarning, ExportedFile, RefiExport } from '../exchange';
import { datasetTables, datasetValues, offsetCountings } from '../exchange';
import { entityId } from './documents';
import { method } from './method';
import { emptyInput, fileBytes, filePath } from './schemas';

// A .qdpx holds every transcript (and, later, recordings): allow up to 1 GB of archive.
const archiveBytes = fileBytes(1024 * 1024 * 1024);
const fileName = z.string().trim().min(1).max(255);
const ids = z.array(entityId).max(10_000).optional();

export const exchangeContract = {
  'dataset.export': method<ExportedFile[]>()(
    z.strictObject({
      format: z.enum(['csv', 'xlsx']),
      table: z.enum(datasetTables).default('passages'),
      values: z.enum(datasetValues).default('counts'),
      level: z.enum(matrixLevels).default('code'),
      codeIds: ids,
      caseIds: ids,
      documentIds: ids,
      csvStyle: z.enum(['excel-fr', 'rfc4180']).default('rfc4180'),
      /** CSV text exactly as in the project, for R or Python: cells a spreadsheet would compute are left so. */
      keepFormulas: z.boolean().default(false),
      /** The header row: readable names, or names R, Python and SPSS take as they are. */
      columnNames: z.enum(['readable', 'safe']).default('readable'),
      /** Names the export for jobs.cancel while it runs. */
      jobId: entityId.optional(),
    }),
  ),
  'codebook.exportDocument': method<ExportedFile>()(emptyInput),
  'refi.exportProject': method<RefiExport>()(
    z.strictObject({ jobId: entityId.optional() }).default({}),
  ),
  'refi.exportCodebook': method<ExportedFile>()(emptyInput),
  'refi.importCodebook': method<{ added: number; matched: number; warnings: ExchangeWarning[] }>()(
    z.strictObject({ fileName, data: archiveBytes }),
  ),
  'refi.importProject': method<{ project: ProjectSummary; report: ExchangeImportReport }>()(
    z.strictObject({
      fileName,
      data: archiveBytes,
      path: filePath,
      jobId: entityId.optional(),
      /** How the file's selections count characters; decided from the file when absent. */
      counting: z.enum(offsetCountings).optional(),
    }),
  ),
  'jobs.progress': method<{ done: number; total: number } | null>()(
    z.strictObject({ jobId: entityId }),
  ),
  'jobs.cancel': method<null>()(z.strictObject({ jobId: entityId })),
};
