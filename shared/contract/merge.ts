import { z } from 'zod';
import type { MergeSummary } from '../merge';
import { method } from './method';
import { fileBytes } from './schemas';

// A colleague's copy holds every transcript and may hold recordings: up to 1 GB, as a .qdpx.
const copyBytes = fileBytes(1024 * 1024 * 1024);
const copy = { fileName: z.string().trim().min(1).max(255), data: copyBytes };

export const mergeContract = {
  /** What merging the copy would bring in, and what differs: nothing is written. */
  'merge.preview': method<MergeSummary>()(z.strictObject(copy)),
  /** The merge, one undo step; a conflict not named keeps this project's version. */
  'merge.apply': method<MergeSummary>()(
    z.strictObject({
      ...copy,
      choices: z
        .array(
          z.strictObject({
            key: z.string().min(1).max(300),
            choice: z.enum(['mine', 'theirs']),
          }),
        )
        .max(100_000)
        .default([]),
    }),
  ),
};
