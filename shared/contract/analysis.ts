import { z } from 'zod';
import type { ExportedFile } from '../exchange';
import type { ChartSettings, CodeStatistics, Matrix, Ratings } from '../analysis';
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
  'ratings.list': method<Ratings>()(z.strictObject({})),
  'ratings.set': method<Ratings>()(
    z.strictObject({
      caseId: entityId,
      codeId: entityId,
      value: z.number().int().nullable().optional(),
      justification: z.string().max(20000).optional(),
    }),
  ),
  'ratings.linkEvidence': method<Ratings>()(
    z.strictObject({
      caseId: entityId,
      codeId: entityId,
      codingId: entityId,
      linked: z.boolean().default(true),
    }),
  ),
  'ratings.setScale': method<Ratings>()(
    z.strictObject({
      minimum: z.number().int().min(-100).max(100),
      maximum: z.number().int().min(-100).max(100),
      labels: z.array(z.string().max(100)).max(201).default([]),
    }),
  ),
  'codes.statistics': method<CodeStatistics>()(z.strictObject({})),
  'chart.get': method<ChartSettings>()(z.strictObject({})),
  'chart.set': method<ChartSettings>()(
    z.strictObject({
      xCodeId: entityId.nullable(),
      yCodeId: entityId.nullable(),
      quadrants: z.array(z.string().max(200)).max(4),
    }),
  ),
  'matrix.export': method<ExportedFile>()(
    z.strictObject({
      ...matrixQuery,
      format: z.enum(['xlsx', 'csv']),
      csvStyle: z.enum(['excel-fr', 'rfc4180']).default('rfc4180'),
    }),
  ),
};
