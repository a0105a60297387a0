import type { Db } from '../../electron/store/database';

/**
 * Every row of every table of a project (the search index's own tables
 * included), each table's rows sorted: two projects with equal contents hold
 * exactly the same data, whatever the order SQLite keeps it in.
 */
export function projectContents(db: Db): Record<string, string[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const contents: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all() as Record<
      string,
      unknown
    >[];
    contents[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.entries(row).map(([column, value]) => [
            column,
            Buffer.isBuffer(value) ? value : value,
          ]),
        ),
      )
      .sort();
  }
  return contents;
}
