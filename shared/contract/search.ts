import { z } from 'zod';
import type { SearchHit } from '../search';
import { method } from './method';

export const searchContract = {
  /** Full-text search over every document: accents and case ignored, "phrases", AND/OR/NOT, prefix*. */
  'search.text': method<SearchHit[]>()(
    z.strictObject({
      query: z.string().trim().min(1, 'Type something to search for.').max(500),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
  ),
};
