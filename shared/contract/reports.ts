import { z } from 'zod';
import type { ExportedFile } from '../exchange';
import type { ReportContent, ReportLayout } from '../report';
import { reportLayoutSchema } from '../report';
import type { Typology } from '../typology';
import { entityId } from './documents';
import { method } from './method';
import { emptyInput, fileBytes } from './schemas';

export const reportsContract = {
  /** A code and its sub-codes as a typology table, counted from the codings: nothing is written. */
  'reports.typology': method<Typology>()(z.strictObject({ codeId: entityId })),
  /** The report's blocks in the researcher's order, or the usual report while none is arranged. */
  'reports.layout': method<ReportLayout>()(emptyInput),
  /** The report becomes these blocks, in this order: one step to undo. */
  'reports.saveLayout': method<ReportLayout>()(
    z.strictObject({ blocks: reportLayoutSchema.min(1, 'A report needs at least one block.') }),
  ),
  /** The report as it reads now, for the preview and the print. */
  'reports.content': method<ReportContent>()(emptyInput),
  /** The report as a Word document; with a Word document or template, in its styles. */
  'reports.exportDocx': method<ExportedFile>()(
    z
      .strictObject({
        template: fileBytes(
          20 * 1024 * 1024,
          'This Word template is too large: a template of styles is far smaller.',
        ).optional(),
      })
      .default({}),
  ),
};
