import type { Migration } from './types';

/**
 * The full-text index (FTS5, accents and case folded), filled from every
 * document's text. Frozen as shipped: the filling is written out here, not
 * borrowed from the store, which has since changed the index's shape (10).
 */
export const migration007TextIndex: Migration = {
  version: 7,
  name: 'full-text index',
  up(db) {
    db.exec(`CREATE VIRTUAL TABLE text_index USING fts5(
      text, document_id UNINDEXED, block_start UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
    );`);
    const insert = db.prepare(
      'INSERT INTO text_index (text, document_id, block_start) VALUES (?, ?, ?)',
    );
    const documents = db.prepare('SELECT id, plain_text FROM document').all() as {
      id: string;
      plain_text: string;
    }[];
    for (const document of documents) {
      let start = 0;
      for (const block of document.plain_text.split('\n')) {
        if (block.trim()) insert.run(block, document.id, start);
        start += [...block].length + 1;
      }
    }
  },
};
