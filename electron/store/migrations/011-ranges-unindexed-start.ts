import type { Migration } from './types';

/**
 * Typing moves the offsets of every coding after the caret: with an index on
 * (document, start) each move also rewrote an index entry, two thirds of the
 * cost of a keystroke's save in a long coded transcript. A document's codings
 * are found through (document, code) instead, and sorted by offset when read.
 */
export const migration011RangesUnindexedStart: Migration = {
  version: 11,
  name: 'ranges without an index on their start',
  up(db) {
    db.exec(`
      DROP INDEX coding_document;
      DROP INDEX answer_document;
      CREATE INDEX answer_document_item ON answer (document_id, item_id);
    `);
  },
};
