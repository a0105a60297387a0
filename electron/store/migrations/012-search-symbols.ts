import type { Migration } from './types';

/**
 * Search finds emoji and other symbols: the index's tokenizer keeps symbol
 * characters (Unicode category So) as words, beside letters and digits. The
 * index is rebuilt from its own rows, each block keeping its rowid (and so its
 * document and offset in text_block).
 */
export const migration012SearchSymbols: Migration = {
  version: 12,
  name: 'search finds symbols',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE text_index_symbols USING fts5(
        text, tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'"
      );
      INSERT INTO text_index_symbols (rowid, text) SELECT rowid, text FROM text_index;
      DROP TABLE text_index;
      ALTER TABLE text_index_symbols RENAME TO text_index;
    `);
  },
};
