import type { Migration } from './types';

/**
 * The search index's blocks get their document and offset in a table of their
 * own, indexed, instead of UNINDEXED columns of the FTS table: an edit then
 * finds and moves a document's blocks without scanning every block of the
 * project. The index is rebuilt from the stored text (frozen here as of version 10).
 */
export const migration010TextBlocks: Migration = {
  version: 10,
  name: 'text blocks',
  up(db) {
    db.exec(`
      DROP TABLE text_index;
      CREATE TABLE text_block (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document (id),
        start INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX text_block_document_start ON text_block (document_id, start);
      CREATE VIRTUAL TABLE text_index USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
    `);
    const place = db.prepare('INSERT INTO text_block (document_id, start) VALUES (?, ?)');
    const index = db.prepare('INSERT INTO text_index (rowid, text) VALUES (?, ?)');
    const read = db.prepare('SELECT plain_text FROM document WHERE id = ?');
    // One document's text in memory at a time: a project may hold thousands.
    for (const { id } of db.prepare('SELECT id FROM document').all() as { id: string }[]) {
      const { plain_text: plainText } = read.get(id) as { plain_text: string };
      let start = 0;
      for (const text of plainText.split('\n')) {
        if (text.trim()) index.run(place.run(id, start).lastInsertRowid, text);
        start += [...text].length + 1;
      }
    }
  },
};
