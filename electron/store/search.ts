import { AxialError } from '../../shared/errors';
import { codePointLength } from '../../shared/text/codePoints';
import type { SearchHit } from '../../shared/search';
import type { Db } from './database';

/**
 * Full-text search: one FTS5 row per text block (a turn, a heading), folded for
 * accents and case by the unicode61 tokenizer, rewritten whenever a document's
 * text is, inside the same transaction.
 */
export function reindexDocument(db: Db, documentId: string): void {
  db.prepare('DELETE FROM text_index WHERE document_id = ?').run(documentId);
  const row = db.prepare('SELECT plain_text FROM document WHERE id = ?').get(documentId) as
    { plain_text: string } | undefined;
  if (!row) return;
  const insert = db.prepare(
    'INSERT INTO text_index (text, document_id, block_start) VALUES (?, ?, ?)',
  );
  let start = 0;
  // Blocks are joined by "\n" and never contain one: splitting gives them back.
  for (const block of row.plain_text.split('\n')) {
    if (block.trim()) insert.run(block, documentId, start);
    start += codePointLength(block) + 1;
  }
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Searches every document: words ("reunion" finds "réunion"), "phrases",
 * AND / OR / NOT, prefix*. Each hit is a block with its first match placed in
 * code points, for opening or coding it.
 */
export function searchText(db: Db, query: string, limit: number): SearchHit[] {
  let rows: { document_id: string; block_start: number; marked: string; title: string }[];
  try {
    rows = db
      .prepare(
        `SELECT t.document_id, t.block_start, highlight(text_index, 0, '${OPEN}', '${CLOSE}') AS marked, d.title
         FROM text_index t JOIN document d ON d.id = t.document_id
         WHERE text_index MATCH ? ORDER BY d.position, t.block_start LIMIT ?`,
      )
      .all(query, limit) as typeof rows;
  } catch {
    throw new AxialError(
      'invalid_input',
      `"${query}" is not a search Axial understands. Use words, "a phrase", AND, OR, NOT (in capitals) and word* for a prefix.`,
      { reason: 'searchSyntax', details: query },
    );
  }
  return rows.map((row) => {
    const segments: { text: string; match: boolean }[] = [];
    let match: { start: number; end: number } | null = null;
    let plain = '';
    for (const piece of row.marked.split(OPEN)) {
      const [inside, outside] = piece.includes(CLOSE)
        ? (piece.split(CLOSE) as [string, string])
        : [null, piece];
      if (inside !== null) {
        const start = row.block_start + codePointLength(plain);
        plain += inside;
        match ??= { start, end: row.block_start + codePointLength(plain) };
        segments.push({ text: inside, match: true });
      }
      if (outside) {
        plain += outside;
        segments.push({ text: outside, match: false });
      }
    }
    const blockEnd = row.block_start + codePointLength(plain);
    return {
      documentId: row.document_id,
      documentTitle: row.title,
      blockStart: row.block_start,
      blockEnd,
      start: match?.start ?? row.block_start,
      end: match?.end ?? blockEnd,
      segments,
    };
  });
}
