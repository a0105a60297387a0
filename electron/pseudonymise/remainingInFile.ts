import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { documentFromJson } from '../../shared/editor/schema';
import { foldForComparison } from '../../shared/text/fold';
import { buildTextIndex } from '../../shared/text/textIndex';
import type { PseudonymException } from '../store/pseudonymExceptions';
import { exceptionsByDocument, isLeft } from '../store/pseudonymExceptions';
import type { NameMatch, NameTerm } from './nameMatcher';
import { capitalOnly, findNames, foldTerm } from './nameMatcher';
import { labelColumns } from './pseudonymiseProject';
import type { NameTable } from './nameTable';

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
 * free pages and all. The occurrences the researcher left as written (`left`,
 * ranges of the copy's texts) are not counted, in the texts or in the index;
 * a word written only where it was left is then not looked for in the
 * index's words or the bytes, where it is by choice.
 */
export function remainingInFile(
  path: string,
  { terms }: NameTable,
  left: readonly PseudonymException[] = [],
): RemainingName[] {
  const found: RemainingName[] = [];
  if (!terms.length) return found;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const leftIn = exceptionsByDocument(left);
  const leftForms = new Set<string>();
  /** The matches of a document's text not left as written; the forms left, remembered. */
  const notLeft = (documentId: string, matches: NameMatch[], shift = 0) =>
    matches.filter((match) => {
      const range = { entryId: match.entryId, start: match.start + shift, end: match.end + shift };
      if (!isLeft(leftIn.get(documentId), range)) return true;
      leftForms.add(foldTerm(match.text));
      return false;
    });
  try {
    const blockOf = db.prepare(
      'SELECT document_id AS documentId, start FROM text_block WHERE id = ?',
    );
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
      // Rows of a document or of the index's text tell where a left occurrence is.
      const key = columns.includes('id') ? '"id"' : 'NULL';
      for (const column of columns) {
        const rows = db
          .prepare(
            `SELECT ${key} AS key, "${column}" AS value FROM "${table}" WHERE typeof("${column}") = 'text'`,
          )
          .iterate() as IterableIterator<{ key: unknown; value: string }>;
        const where = `${table}.${column}`;
        for (const { key: rowKey, value } of rows) {
          let matches: NameMatch[];
          if (where === 'document.content') {
            const named = namesInContent(value, terms);
            matches = [...notLeft(String(rowKey), named.text), ...named.rest];
          } else if (where === 'document.plain_text')
            matches = notLeft(String(rowKey), findNames(value, terms));
          else if (where === 'text_index_content.c0') {
            const block = blockOf.get(rowKey) as { documentId: string; start: number } | undefined;
            matches = findNames(value, terms);
            if (block) matches = notLeft(block.documentId, matches, block.start);
          } else matches = findNames(value, terms, labelColumns.has(where));
          for (const match of matches)
            found.push({ entryId: match.entryId, where, text: match.text });
        }
      }
    }
    // The index keeps words folded, one by one: a name's words are found among them.
    db.exec("CREATE VIRTUAL TABLE temp.axial_words USING fts5vocab(main, 'text_index', 'row')");
    const words = new Set(
      db.prepare('SELECT term FROM temp.axial_words').pluck().all() as string[],
    );
    for (const term of terms) {
      if (leftForms.has(foldTerm(term.text))) continue;
      // The index keeps no case: a one-word name that is also a word ("Petit") is told only by the text.
      if (capitalOnly(term)) continue;
      const folded = foldForComparison(term.text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      // A word of the index alone: the words of "M. Blanc" are each in "m'a dit" and "vote
      // blanc", and the index's own text (scanned above) holds the name where it is written.
      if (folded.length === 1 && words.has(folded[0]!))
        found.push({ entryId: term.entryId, where: 'search index', text: term.text });
    }
  } finally {
    db.close();
  }
  // Pages freed by SQLite keep what they held until reused: the bytes are read as they are.
  const bytes = readFileSync(path);
  for (const term of terms.filter((candidate) => !leftForms.has(foldTerm(candidate.text))))
    for (const form of new Set(
      capitalOnly(term)
        ? [term.text, term.text.normalize('NFD')]
        : [term.text, term.text.toLowerCase(), term.text.normalize('NFD')],
    ))
      if (form.trim() && inBytes(bytes, Buffer.from(form.trim(), 'utf8')))
        found.push({ entryId: term.entryId, where: 'file bytes', text: form });
  return found;
}

/**
 * A document's content: its text as the editor reads it, and the rest of it
 * (speakers, attributes) as written.
 */
function namesInContent(
  json: string,
  terms: readonly NameTerm[],
): { text: NameMatch[]; rest: NameMatch[] } {
  const content = JSON.parse(json) as Parameters<typeof documentFromJson>[0];
  const text = buildTextIndex(documentFromJson(content)).text;
  const rest = JSON.stringify(content, (name, value: unknown) => (name === 'text' ? '' : value));
  return { text: findNames(text, terms), rest: findNames(rest, terms) };
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
