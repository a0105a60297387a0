import { z } from 'zod';
import type { Typology } from '../typology';
import { entityId } from './documents';
import { method } from './method';

export const reportsContract = {
  /** A code and its sub-codes as a typology table, counted from the codings: nothing is written. */
  'reports.typology': method<Typology>()(z.strictObject({ codeId: entityId })),
};
