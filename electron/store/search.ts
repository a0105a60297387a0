import { AxialError } from '../../shared/errors';
import { codePointLength } from '../../shared/text/codePoints';
import type { SearchHit } from '../../shared/search';
import type { Db } from './database';
import { ftsQuery } from './searchQuery';
import { statement } from './statements';

/**
 * Full-text search: one FTS5 row per text block (a turn, a heading), folded for
 * accents and case by the unicode61 tokenizer, its document and offset in
 * `text_block` (same rowid), rewritten with the document's text inside the same
 * transaction. An edit rewrites the blocks it changed and moves the offsets of
 * those after it, so typing costs the same in a project of 2,000 interviews.
 */
export function clearDocumentIndex(db: Db, documentId: string): void {
  statement(
    db,
    'DELETE FROM text_index WHERE rowid IN (SELECT id FROM text_block WHERE document_id = ?)',
  ).run(documentId);
  statement(db, 'DELETE FROM text_block WHERE document_id = ?').run(documentId);
}

interface BlockText {
  text: string;
  start: number;
}

function insertBlocks(db: Db, documentId: string, blocks: readonly BlockText[]): void {
  if (blocks.length === 0) return;
  const place = statement(db, 'INSERT INTO text_block (document_id, start) VALUES (?, ?)');
  const index = statement(db, 'INSERT INTO text_index (rowid, text) VALUES (?, ?)');
  for (const block of blocks) {
    // Blank blocks (empty paragraphs) hold nothing to find.
    if (!block.text.trim()) continue;
    index.run(place.run(documentId, block.start).lastInsertRowid, block.text);
  }
}

/** Indexes a document's stored text from scratch (an import, a deleted document restored). */
export function reindexDocument(db: Db, documentId: string): void {
  clearDocumentIndex(db, documentId);
  const row = statement(db, 'SELECT plain_text FROM document WHERE id = ?').get(documentId) as
    { plain_text: string } | undefined;
  if (!row) return;
  const blocks: BlockText[] = [];
  let start = 0;
  // Blocks are joined by "\n" and never contain one: splitting gives them back.
  for (const text of row.plain_text.split('\n')) {
    blocks.push({ text, start });
    start += codePointLength(text) + 1;
  }
  insertBlocks(db, documentId, blocks);
}

/**
 * Brings the index from the blocks before an edit to those after it: the
 * blocks both share at the start and at the end stay, those after the change
 * move by its length, the ones between are rewritten.
 */
export function updateDocumentIndex(
  db: Db,
  documentId: string,
  before: readonly BlockText[],
  after: readonly BlockText[],
): void {
  let head = 0;
  const shortest = Math.min(before.length, after.length);
  while (head < shortest && before[head]!.text === after[head]!.text) head += 1;
  let tail = 0;
  while (
    tail < shortest - head &&
    before[before.length - 1 - tail]!.text === after[after.length - 1 - tail]!.text
  )
    tail += 1;
  const end = (blocks: readonly BlockText[]) =>
    tail > 0 ? blocks[blocks.length - tail]!.start : Infinity;
  const removedFrom = before[head]?.start ?? Infinity;
  const removedTo = end(before);
  if (removedFrom < removedTo) {
    const bounds = {
      documentId,
      from: removedFrom,
      to: Math.min(removedTo, Number.MAX_SAFE_INTEGER),
    };
    statement(
      db,
      `DELETE FROM text_index WHERE rowid IN
       (SELECT id FROM text_block WHERE document_id = @documentId AND start >= @from AND start < @to)`,
    ).run(bounds);
    statement(
      db,
      'DELETE FROM text_block WHERE document_id = @documentId AND start >= @from AND start < @to',
    ).run(bounds);
  }
  if (tail > 0) {
    const delta = end(after) - end(before);
    if (delta !== 0)
      statement(
        db,
        'UPDATE text_block SET start = start + ? WHERE document_id = ? AND start >= ?',
      ).run(delta, documentId, end(before));
  }
  insertBlocks(db, documentId, after.slice(head, after.length - tail));
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Searches every document: words ("reunion" finds "réunion", "coeur" finds
 * "cœur", "👏" finds 👏), "phrases", AND / OR / NOT, prefix*. Each hit is a block with its first match placed in
 * code points, for opening or coding it.
 */
export function searchText(db: Db, query: string, limit: number): SearchHit[] {
  const expression = ftsQuery(query);
  let rows: {
    document_id: string;
    block_start: number;
    marked: string;
    title: string;
    version: number;
  }[];
  try {
    rows = statement(
      db,
      `SELECT b.document_id, b.start AS block_start, highlight(text_index, 0, '${OPEN}', '${CLOSE}') AS marked, d.title, d.version
         FROM text_index JOIN text_block b ON b.id = text_index.rowid JOIN document d ON d.id = b.document_id
         WHERE text_index MATCH ? ORDER BY d.position, b.start LIMIT ?`,
    ).all(expression, limit) as typeof rows;
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
      version: row.version,
      blockStart: row.block_start,
      blockEnd,
      start: match?.start ?? row.block_start,
      end: match?.end ?? blockEnd,
      segments,
    };
  });
}
