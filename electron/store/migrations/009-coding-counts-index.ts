import type { Migration } from './types';

/**
 * Counting passages per code and document (the Passages view's overview)
 * reads this index alone instead of sorting every coding: 54 ms → a few ms
 * on 50,000 codings.
 */
export const migration009CodingCountsIndex: Migration = {
  version: 9,
  name: 'coding counts index',
  up(db) {
    db.exec('CREATE INDEX coding_document_code ON coding (document_id, code_id);');
  },
};
