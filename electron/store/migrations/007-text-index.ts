import { reindexDocument } from '../search';
import type { Migration } from './types';

/** The full-text index (FTS5, accents and case folded), filled from every document's text. */
export const migration007TextIndex: Migration = {
  version: 7,
  name: 'full-text index',
  up(db) {
    db.exec(`CREATE VIRTUAL TABLE text_index USING fts5(
      text, document_id UNINDEXED, block_start UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
    );`);
    for (const row of db.prepare('SELECT id FROM document').all() as { id: string }[])
      reindexDocument(db, row.id);
  },
};
