import { z } from 'zod';
import type { Matrix } from '../analysis';
import { matrixLevels, matrixRowKinds } from '../analysis';
import { entityId } from './documents';
import { method } from './method';

const matrixQuery = {
  rowKind: z.enum(matrixRowKinds).default('case'),
  level: z.enum(matrixLevels).default('axis'),
};

export const analysisContract = {
  'matrix.get': method<Matrix>()(z.strictObject(matrixQuery)),
  'matrix.setSummary': method<null>()(
    z.strictObject({
      rowKind: z.enum(matrixRowKinds),
      rowId: entityId,
      codeId: entityId,
      summary: z.string().max(20000),
    }),
  ),
  'matrix.export': method<{ fileName: string; data: string; mimeType: string }>()(
    z.strictObject({
      ...matrixQuery,
      format: z.enum(['xlsx', 'csv']),
      csvStyle: z.enum(['excel-fr', 'rfc4180']).default('rfc4180'),
    }),
  ),
};
