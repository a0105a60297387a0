import { z } from 'zod';
import type { AgreementReport, CoderSummary } from '../agreement/report';
import type { ExportedFile } from '../exchange';
import { entityId } from './documents';
import { method } from './method';

const coderName = z.string().min(1).max(100);

const agreementQuery = {
  coders: z.tuple([coderName, coderName]),
  documentIds: z.array(entityId).min(1).max(10000).optional(),
  /** Segment level: 0.9 is MAXQDA's usual 90 %. */
  threshold: z.number().min(0.01).max(1).default(0.9),
};

export const agreementContract = {
  'agreement.coders': method<CoderSummary[]>()(z.strictObject({})),
  'agreement.compute': method<AgreementReport>()(z.strictObject(agreementQuery)),
  'agreement.export': method<ExportedFile>()(
    z.strictObject({
      ...agreementQuery,
      format: z.enum(['xlsx', 'csv']),
      csvStyle: z.enum(['excel-fr', 'rfc4180']).default('rfc4180'),
    }),
  ),
};
