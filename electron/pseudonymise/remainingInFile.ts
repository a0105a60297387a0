import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { PseudonymEntry } from '../../shared/pseudonyms';
import { foldForComparison } from '../../shared/text/fold';
import { capitalOnly, findNames } from './nameMatcher';
import { labelColumns } from './pseudonymiseProject';
import { termsOf } from './replaceNames';

/** Where a real name was still found in a file meant to be shared. */
export interface RemainingName {
  entryId: string;
  /** "table.column", "search index" or "file bytes". */
  where: string;
  text: string;
}

/**
 * Every way a real name could survive in a project file, looked for in the
 * file itself: every text value of every table (the search index's own
 * tables included), the words the search index holds, and the file's bytes,
 * free pages and all.
 */
export function remainingInFile(path: string, entries: readonly PseudonymEntry[]): RemainingName[] {
  const terms = termsOf(entries);
  const found: RemainingName[] = [];
  if (!terms.length) return found;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'",
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (column) => column.name,
      );
      for (const column of columns) {
        const values = db
          .prepare(`SELECT "${column}" FROM "${table}" WHERE typeof("${column}") = 'text'`)
          .pluck()
          .iterate() as IterableIterator<string>;
        for (const value of values)
          for (const match of findNames(value, terms, labelColumns.has(`${table}.${column}`)))
            found.push({ entryId: match.entryId, where: `${table}.${column}`, text: match.text });
      }
    }
    // The index keeps words folded, one by one: a name's words are found among them.
    db.exec("CREATE VIRTUAL TABLE temp.axial_words USING fts5vocab(main, 'text_index', 'row')");
    const words = new Set(
      db.prepare('SELECT term FROM temp.axial_words').pluck().all() as string[],
    );
    for (const term of terms) {
      // The index keeps no case: a one-word name that is also a word ("Petit") is told only by the text.
      if (capitalOnly(term.text)) continue;
      const folded = foldForComparison(term.text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      // A name of several words is there when all of them are: "martin" alone is a common word too.
      if (folded.length && folded.every((word) => words.has(word)))
        found.push({ entryId: term.entryId, where: 'search index', text: term.text });
    }
  } finally {
    db.close();
  }
  // Pages freed by SQLite keep what they held until reused: the bytes are read as they are.
  const bytes = readFileSync(path);
  for (const term of terms)
    for (const form of new Set(
      capitalOnly(term.text)
        ? [term.text, term.text.normalize('NFD')]
        : [term.text, term.text.toLowerCase(), term.text.normalize('NFD')],
    ))
      if (form.trim() && inBytes(bytes, Buffer.from(form.trim(), 'utf8')))
        found.push({ entryId: term.entryId, where: 'file bytes', text: form });
  return found;
}

/** A letter or digit of ASCII, or a byte of a longer character: "Marc" is not in "Marché". */
const wordByte = (byte: number | undefined) =>
  byte !== undefined &&
  (byte >= 0x80 ||
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a));

function inBytes(bytes: Buffer, needle: Buffer): boolean {
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1))
    if (!wordByte(bytes[at - 1]) && !wordByte(bytes[at + needle.length])) return true;
  return false;
}
