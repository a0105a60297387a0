import { z } from 'zod';
import { resolutions } from '../agreement/disagreements';
import type { AgreementReport, CoderSummary, Disagreements } from '../agreement/report';
import { languages } from '../domain';
import type { ExportedFile } from '../exchange';
import { entityId } from './documents';
import { method } from './method';
import { coderName } from './schemas';

const agreementQuery = {
  coders: z.tuple([coderName, coderName]),
  documentIds: z.array(entityId).min(1).max(10000).optional(),
  /** Segment level: 0.9 is MAXQDA's usual 90 %. */
  threshold: z.number().min(0.01).max(1).default(0.9),
};

export const agreementContract = {
  'agreement.coders': method<CoderSummary[]>()(z.strictObject({})),
  'agreement.compute': method<AgreementReport>()(z.strictObject(agreementQuery)),
  'agreement.disagreements': method<Disagreements>()(
    z.strictObject({
      ...agreementQuery,
      /** One code's only. */
      codeId: entityId.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
  /** Both coders end with the same codings on the disagreement's words: one undo step. */
  'agreement.resolve': method<null>()(
    z.strictObject({
      coders: agreementQuery.coders,
      documentId: entityId,
      codeId: entityId,
      codingIds: z.array(entityId).min(1).max(1000),
      resolution: z.enum(resolutions),
    }),
  ),
  'agreement.export': method<ExportedFile>()(
    z.strictObject({
      ...agreementQuery,
      format: z.enum(['xlsx', 'csv']),
      csvStyle: z.enum(['excel-fr', 'rfc4180']).default('rfc4180'),
      /** The interface's language, for the headers and the file name; by default the one set in Axial. */
      language: z.enum(languages).optional(),
    }),
  ),
};
