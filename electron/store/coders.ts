import type { ProjectCoder } from '../../shared/coders';
import { AxialError } from '../../shared/errors';
import { paletteColour } from '../../shared/palette';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { insertRow, updateRow } from './journal';

/** A coder nobody gave a colour: one of the palette's, the same for the same name whatever others do. */
function defaultColour(name: string): string {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  return paletteColour(hash % 8);
}

/**
 * The project's coders: everyone who has coded, and anyone given a colour,
 * with their colour (chosen, or one the palette gives their name) and
 * how much they coded.
 */
export function listProjectCoders(db: Db): ProjectCoder[] {
  const rows = db
    .prepare(
      `SELECT name, colour, codings, documents FROM (
         SELECT c.name AS name, c.colour AS colour, c.created_at AS since,
                COUNT(k.id) AS codings, COUNT(DISTINCT k.document_id) AS documents
         FROM coder c LEFT JOIN coding k ON k.coder = c.name GROUP BY c.name
         UNION ALL
         SELECT k.coder, NULL, MIN(k.created_at), COUNT(*), COUNT(DISTINCT k.document_id)
         FROM coding k WHERE k.coder NOT IN (SELECT name FROM coder) GROUP BY k.coder
       ) ORDER BY name COLLATE NOCASE, name`,
    )
    .all() as { name: string; colour: string | null; codings: number; documents: number }[];
  return rows.map((row) => ({
    name: row.name,
    colour: row.colour ?? defaultColour(row.name),
    codings: row.codings,
    documents: row.documents,
  }));
}

/** Gives a coder a colour: one undo step; a coder the project has never seen is refused. */
export function setCoderColour(db: Db, changes: ChangeSet, name: string, colour: string): void {
  const row = db.prepare('SELECT id FROM coder WHERE name = ?').get(name) as
    { id: string } | undefined;
  const timestamp = now();
  if (row) {
    updateRow(db, changes, 'coder', row.id, { colour, modified_at: timestamp });
    return;
  }
  if (!db.prepare('SELECT 1 FROM coding WHERE coder = ?').get(name))
    throw new AxialError('not_found', `"${name}" has no codings in this project.`, {
      name,
      reason: 'unknownCoder',
    });
  insertRow(db, changes, 'coder', {
    id: crypto.randomUUID(),
    name,
    colour,
    created_at: timestamp,
    modified_at: timestamp,
  });
}
