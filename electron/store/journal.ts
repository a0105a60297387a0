import type { HistoryAction } from '../../shared/history';
import type { Db } from './database';
import { reindexDocument } from './search';

/**
 * Undo works on row images: every write an action makes is recorded as the
 * row before and after, and undo writes the "before" images back (redo the
 * "after" ones). Text edits are recorded as ProseMirror steps instead of whole
 * documents, so a long transcript's history stays small.
 */
export const journaledTables = {
  document: [
    'id',
    'kind',
    'title',
    'date',
    'place',
    'description',
    'memo',
    'content',
    'plain_text',
    'length',
    'turns',
    'version',
    'source_name',
    'position',
    'created_at',
    'modified_at',
    'guide_id',
  ],
  code: [
    'id',
    'parent_id',
    'name',
    'colour',
    'description',
    'memo',
    'codable',
    'position',
    'created_at',
    'modified_at',
  ],
  guide: [
    'id',
    'title',
    'version_label',
    'change_note',
    'based_on_id',
    'position',
    'created_at',
    'modified_at',
  ],
  guide_item: [
    'id',
    'guide_id',
    'parent_id',
    'kind',
    'text',
    'note',
    'duration_minutes',
    'position',
    'created_at',
    'modified_at',
  ],
  guide_item_code: ['id', 'item_id', 'code_id'],
  answer: ['id', 'document_id', 'item_id', 'start', 'end', 'created_at', 'modified_at'],
  interview_check: ['id', 'document_id', 'item_id', 'checked_at'],
  matrix_summary: ['id', 'row_kind', 'row_id', 'code_id', 'summary', 'modified_at'],
  rating_scale: ['id', 'minimum', 'maximum', 'labels'],
  rating: ['id', 'case_id', 'code_id', 'value', 'justification', 'created_at', 'modified_at'],
  rating_evidence: ['id', 'rating_id', 'coding_id'],
  chart_setting: ['id', 'x_code_id', 'y_code_id', 'quadrants'],
  study_case: ['id', 'name', 'description', 'memo', 'position', 'created_at', 'modified_at'],
  participant: [
    'id',
    'name',
    'case_id',
    'description',
    'memo',
    'position',
    'created_at',
    'modified_at',
  ],
  document_participant: ['id', 'document_id', 'participant_id'],
  document_case: ['id', 'document_id', 'case_id'],
  attribute: [
    'id',
    'entity_kind',
    'name',
    'type',
    'unit',
    'choices',
    'position',
    'created_at',
    'modified_at',
  ],
  attribute_value: ['id', 'attribute_id', 'entity_id', 'value'],
  recording: ['id', 'document_id', 'file_name', 'mime_type', 'size', 'duration_ms', 'created_at'],
  coding: [
    'id',
    'document_id',
    'code_id',
    'start',
    'end',
    'memo',
    'coder',
    'created_at',
    'modified_at',
  ],
} as const;

export type JournaledTable = keyof typeof journaledTables;
export type RowImage = Record<string, unknown>;

export interface RowChange {
  table: JournaledTable;
  id: string;
  before: RowImage | null;
  after: RowImage | null;
}

export interface StepChange {
  documentId: string;
  steps: unknown[];
  inverted: unknown[];
}

/** A coding carried along by an edit: only its range moved, so only its range is recorded. */
export interface RangeChange {
  table: 'coding' | 'answer';
  id: string;
  before: [number, number];
  after: [number, number];
}

export interface JournalEntry {
  label: HistoryAction;
  rows: RowChange[];
  text: StepChange[];
  ranges: RangeChange[];
}

/** Collects the changes of one action, inside its transaction. */
export class ChangeSet {
  readonly rows: RowChange[] = [];
  readonly text: StepChange[] = [];
  readonly ranges: RangeChange[] = [];

  constructor(readonly label: HistoryAction) {}

  get empty(): boolean {
    return this.rows.length === 0 && this.text.length === 0 && this.ranges.length === 0;
  }

  entry(): JournalEntry {
    return { label: this.label, rows: this.rows, text: this.text, ranges: this.ranges };
  }
}

function readRow(db: Db, table: JournaledTable, id: string): RowImage | null {
  return (
    (db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as RowImage | undefined) ?? null
  );
}

export function insertRow(db: Db, changes: ChangeSet, table: JournaledTable, row: RowImage): void {
  writeImage(db, table, String(row.id), row);
  changes.rows.push({
    table,
    id: String(row.id),
    before: null,
    after: readRow(db, table, String(row.id)),
  });
}

export function updateRow(
  db: Db,
  changes: ChangeSet,
  table: JournaledTable,
  id: string,
  patch: RowImage,
): void {
  const before = readRow(db, table, id);
  if (!before) return;
  const columns = Object.keys(patch).filter((column) =>
    (journaledTables[table] as readonly string[]).includes(column),
  );
  if (columns.length === 0) return;
  db.prepare(
    `UPDATE "${table}" SET ${columns.map((column) => `"${column}" = @${column}`).join(', ')} WHERE id = @id`,
  ).run({
    ...Object.fromEntries(columns.map((column) => [column, patch[column]])),
    id,
  });
  changes.rows.push({ table, id, before, after: readRow(db, table, id) });
}

export function deleteRow(db: Db, changes: ChangeSet, table: JournaledTable, id: string): void {
  const before = readRow(db, table, id);
  if (!before) return;
  db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(id);
  if (table === 'document') reindexDocument(db, id);
  changes.rows.push({ table, id, before, after: null });
}

/** Puts a row into the state `image` describes: absent (null) or exactly these values. */
export function writeImage(
  db: Db,
  table: JournaledTable,
  id: string,
  image: RowImage | null,
): void {
  if (!image) {
    db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(id);
    // The search index follows a document's text wherever it changes, undo included.
    if (table === 'document') reindexDocument(db, id);
    return;
  }
  const columns = journaledTables[table];
  const quoted = columns.map((column) => `"${column}"`).join(', ');
  const parameters = columns.map((column) => `@${column}`).join(', ');
  // A document keeps counting versions forward through undo, so an editor holding an
  // older version is told to reload rather than trusted.
  const updates = columns
    .filter((column) => column !== 'id' && column !== 'version')
    .map((column) => `"${column}" = excluded."${column}"`)
    .join(', ');
  // An upsert, never INSERT OR REPLACE: a replace deletes the row first, which
  // foreign keys would refuse for a code that still has codings.
  db.prepare(
    `INSERT INTO "${table}" (${quoted}) VALUES (${parameters}) ON CONFLICT (id) DO UPDATE SET ${updates}`,
  ).run(Object.fromEntries(columns.map((column) => [column, image[column] ?? null])));
  if (table === 'document') {
    db.prepare('UPDATE document SET version = version + 1 WHERE id = ?').run(id);
    reindexDocument(db, id);
  }
}

/** Moves codings' ranges, one prepared statement for all: an edit near the start of a long transcript shifts thousands. */
export function moveRanges(db: Db, changes: ChangeSet, moves: readonly RangeChange[]): void {
  writeRanges(db, moves, 'after');
  changes.ranges.push(...moves);
}

export function writeRanges(db: Db, moves: readonly RangeChange[], side: 'before' | 'after'): void {
  const updates = {
    coding: db.prepare('UPDATE coding SET start = ?, "end" = ? WHERE id = ?'),
    answer: db.prepare('UPDATE answer SET start = ?, "end" = ? WHERE id = ?'),
  };
  for (const move of moves) updates[move.table].run(move[side][0], move[side][1], move.id);
}
