import type { Migration } from './types';

/**
 * Coders as people of the project: a name (the key every coding carries) and
 * a colour the team chooses, seeded for each coder who has coded, in the order
 * they first coded. A rating records who judged it (those made before: no one
 * named), and a memo who last wrote it (null: written before, or never). And
 * the ids of rows deleted, so that merging a colleague's copy made
 * before a deletion does not bring the row back. Frozen as of version 16.
 */
export const migration016Coders: Migration = {
  version: 16,
  name: 'coders',
  up(db) {
    db.exec(`
      CREATE TABLE coder (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        colour TEXT NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX coder_name ON coder (name);
      ALTER TABLE rating ADD COLUMN coder TEXT NOT NULL DEFAULT '';
      ALTER TABLE code ADD COLUMN memo_coder TEXT;
      ALTER TABLE document ADD COLUMN memo_coder TEXT;
      ALTER TABLE coding ADD COLUMN memo_coder TEXT;
      ALTER TABLE study_case ADD COLUMN memo_coder TEXT;
      ALTER TABLE participant ADD COLUMN memo_coder TEXT;
      CREATE TABLE deleted_row (
        table_name TEXT NOT NULL,
        id TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (table_name, id)
      ) STRICT, WITHOUT ROWID;
    `);
    const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#999999'];
    const insert = db.prepare(
      'INSERT INTO coder (id, name, colour, created_at, modified_at) VALUES (?, ?, ?, ?, ?)',
    );
    const coders = db
      .prepare(
        'SELECT coder, MIN(created_at) AS first FROM coding GROUP BY coder ORDER BY first, coder',
      )
      .all() as { coder: string; first: string }[];
    coders.forEach(({ coder, first }, index) =>
      insert.run(crypto.randomUUID(), coder, colours[index % colours.length]!, first, first),
    );
  },
};
