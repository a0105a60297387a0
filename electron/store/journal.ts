import type { HistoryAction } from '../../shared/history';
import { AxialError } from '../../shared/errors';
import type { Db } from './database';
import { statement } from './statements';
import { contentDigest, forgetText } from './textCache';
import { clearDocumentIndex, reindexDocument } from './search';

/**
 * Undo works on an ordered log of what each action wrote: row images (the
 * columns before and after), text edits as ProseMirror steps, and range moves.
 * Undo replays the log backwards, redo forwards, and each operation first
 * checks that the project still holds what the operation left; if not, the
 * whole undo is refused and nothing is written.
 */
export const journaledTables = {
  // Its title and description are replaced by pseudonymisation and put back by re-identification.
  project: ['singleton', 'id', 'title', 'description', 'language', 'created_at', 'modified_at'],
  document: [
    'id',
    'kind',
    'title',
    'date',
    'place',
    'description',
    'memo',
    'memo_coder',
    'content',
    'plain_text',
    'length',
    'turns',
    'speakers',
    'pages',
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
    'memo_coder',
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
  rating: [
    'id',
    'case_id',
    'code_id',
    'value',
    'justification',
    'coder',
    'created_at',
    'modified_at',
  ],
  coder: ['id', 'name', 'colour', 'created_at', 'modified_at'],
  pseudonym: [
    'id',
    'kind',
    'real',
    'variants',
    'pseudonym',
    'source_kind',
    'source_id',
    'position',
    'created_at',
    'modified_at',
  ],
  pseudonym_exception: ['id', 'pseudonym_id', 'document_id', 'start', 'end', 'created_at'],
  rating_evidence: ['id', 'rating_id', 'coding_id'],
  quotation: ['id', 'coding_id', 'short_form', 'position', 'created_at', 'modified_at'],
  report_setting: ['id', 'quote_reference'],
  report_block: ['id', 'kind', 'options', 'position'],
  chart_setting: ['id', 'x_code_id', 'y_code_id', 'quadrants'],
  study_case: [
    'id',
    'name',
    'description',
    'memo',
    'memo_coder',
    'position',
    'created_at',
    'modified_at',
  ],
  participant: [
    'id',
    'name',
    'case_id',
    'description',
    'memo',
    'memo_coder',
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
  document_original: ['id', 'document_id', 'file_name', 'mime_type', 'size', 'created_at'],
  coding: [
    'id',
    'document_id',
    'code_id',
    'start',
    'end',
    'memo',
    'memo_coder',
    'coder',
    'created_at',
    'modified_at',
  ],
} as const;

export type JournaledTable = keyof typeof journaledTables;
export type RowImage = Record<string, unknown>;
/** Ranges of a document's text, carried by its edits. */
export type RangeTable = 'coding' | 'answer' | 'pseudonym_exception';

/**
 * A row written: inserted (before null, after the whole row), deleted (before
 * the whole row, after null) or updated (only the changed columns on both sides).
 */
export interface RowOperation {
  kind: 'row';
  table: JournaledTable;
  id: string;
  before: RowImage | null;
  after: RowImage | null;
}

/** A text edit: the steps, their inverse, and a digest of the document's content on each side. */
export interface TextOperation {
  kind: 'text';
  documentId: string;
  steps: unknown[];
  inverted: unknown[];
  before: string;
  after: string;
}

export interface RangeChange {
  table: RangeTable;
  id: string;
  before: [number, number];
  after: [number, number];
}

/** Codings and answers carried individually by an edit: only their ranges moved. */
export interface RangesOperation {
  kind: 'ranges';
  moves: RangeChange[];
}

/**
 * Every range of a document lying wholly after an edit moves by the same
 * amount: one statement instead of thousands, identified afterwards as the rows
 * at or after `from + delta` other than those the edit carried one by one.
 */
export interface ShiftOperation {
  kind: 'shift';
  table: RangeTable;
  documentId: string;
  from: number;
  delta: number;
  except: string[];
  count: number;
}

export type Operation = RowOperation | TextOperation | RangesOperation | ShiftOperation;

export interface JournalEntry {
  label: HistoryAction;
  operations: Operation[];
}

/** Collects the writes of one action, in order, inside its transaction. */
export class ChangeSet {
  readonly operations: Operation[] = [];
  private readonly commitHooks: (() => void)[] = [];

  constructor(readonly label: HistoryAction) {}

  get empty(): boolean {
    return this.operations.length === 0;
  }

  entry(): JournalEntry {
    return { label: this.label, operations: this.operations };
  }

  /** Runs `hook` once the transaction has committed (a cache of what was written); never after a rollback. */
  afterCommit(hook: () => void): void {
    this.commitHooks.push(hook);
  }

  committed(): void {
    for (const hook of this.commitHooks.splice(0)) hook();
  }
}

function quoted(column: string): string {
  return `"${column}"`;
}

function readRow(db: Db, table: JournaledTable, id: string): RowImage | null {
  return (
    (statement(db, `SELECT * FROM "${table}" WHERE id = ?`).get(id) as RowImage | undefined) ?? null
  );
}

function journaledColumns(table: JournaledTable): readonly string[] {
  return journaledTables[table];
}

/**
 * Columns an undo compares and writes. A document's version only counts
 * forward (an editor holding an older one must reload), and its modification
 * time moves with every text edit, undo included: neither is part of its image.
 */
function comparedColumns(table: JournaledTable, image: RowImage): string[] {
  return Object.keys(image).filter(
    (column) =>
      journaledColumns(table).includes(column) &&
      !(table === 'document' && (column === 'version' || column === 'modified_at')),
  );
}

function sameValue(left: unknown, right: unknown): boolean {
  if (Buffer.isBuffer(left) && Buffer.isBuffer(right)) return left.equals(right);
  return (left ?? null) === (right ?? null);
}

/** Whether the stored row is in the state `image` describes (absent, or these column values). */
function rowMatches(db: Db, table: JournaledTable, id: string, image: RowImage | null): boolean {
  const current = readRow(db, table, id);
  if (!image) return current === null;
  if (!current) return false;
  return comparedColumns(table, image).every((column) => sameValue(current[column], image[column]));
}

function afterDocumentWrite(db: Db, id: string, contentChanged: boolean): void {
  if (!contentChanged) return;
  forgetText(db, id);
  statement(db, 'UPDATE document SET version = version + 1 WHERE id = ?').run(id);
  reindexDocument(db, id);
}

/** Inserts a whole row (a new one, or one an undo brings back). */
function insertImage(db: Db, table: JournaledTable, image: RowImage): void {
  const columns = journaledColumns(table);
  statement(
    db,
    `INSERT INTO "${table}" (${columns.map(quoted).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
  ).run(Object.fromEntries(columns.map((column) => [column, image[column] ?? null])));
  statement(db, 'DELETE FROM deleted_row WHERE table_name = ? AND id = ?').run(table, image.id);
  if (table === 'document') afterDocumentWrite(db, String(image.id), true);
}

function updateImage(db: Db, table: JournaledTable, id: string, image: RowImage): void {
  const columns = comparedColumns(table, image).filter((column) => column !== 'id');
  const written =
    table === 'document' && 'modified_at' in image ? [...columns, 'modified_at'] : columns;
  if (written.length === 0) return;
  statement(
    db,
    `UPDATE "${table}" SET ${written.map((column) => `"${column}" = @${column}`).join(', ')} WHERE id = @id`,
  ).run({ ...Object.fromEntries(written.map((column) => [column, image[column] ?? null])), id });
  if (table === 'document') afterDocumentWrite(db, id, columns.includes('content'));
}

function deleteImage(db: Db, table: JournaledTable, id: string): void {
  if (table === 'document') {
    forgetText(db, id);
    clearDocumentIndex(db, id);
  }
  statement(db, `DELETE FROM "${table}" WHERE id = ?`).run(id);
}

/**
 * Remembers a row the researcher deleted (an action, or its redo): a copy made
 * before, merged back, does not bring it back. A row only undone out of
 * existence (a merge or an import taken back) is not remembered: merged
 * again, it comes again.
 */
function rememberDeleted(db: Db, table: JournaledTable, id: string): void {
  statement(
    db,
    'INSERT OR REPLACE INTO deleted_row (table_name, id, deleted_at) VALUES (?, ?, ?)',
  ).run(table, id, new Date().toISOString());
}

export function insertRow(db: Db, changes: ChangeSet, table: JournaledTable, row: RowImage): void {
  const id = String(row.id);
  insertImage(db, table, row);
  changes.operations.push({ kind: 'row', table, id, before: null, after: readRow(db, table, id) });
}

/** Updates the columns of `patch` that differ; only those are recorded. */
export function updateRow(
  db: Db,
  changes: ChangeSet,
  table: JournaledTable,
  id: string,
  patch: RowImage,
): void {
  const current = readRow(db, table, id);
  if (!current) return;
  const columns = Object.keys(patch).filter(
    (column) => journaledColumns(table).includes(column) && column !== 'id',
  );
  const changed = columns.filter((column) => !sameValue(current[column], patch[column]));
  // A modification time alone is not a change.
  if (changed.every((column) => column === 'modified_at')) return;
  const before = Object.fromEntries(changed.map((column) => [column, current[column] ?? null]));
  const after = Object.fromEntries(changed.map((column) => [column, patch[column] ?? null]));
  updateImage(db, table, id, after);
  changes.operations.push({ kind: 'row', table, id, before, after });
}

export function deleteRow(db: Db, changes: ChangeSet, table: JournaledTable, id: string): void {
  const before = readRow(db, table, id);
  if (!before) return;
  deleteImage(db, table, id);
  rememberDeleted(db, table, id);
  changes.operations.push({ kind: 'row', table, id, before, after: null });
}

/** Moves codings' and answers' ranges one by one: those an edit touches. */
export function moveRanges(db: Db, changes: ChangeSet, moves: readonly RangeChange[]): void {
  if (moves.length === 0) return;
  writeRanges(db, moves, 'after');
  changes.operations.push({ kind: 'ranges', moves: [...moves] });
}

function writeRanges(db: Db, moves: readonly RangeChange[], side: 'before' | 'after'): void {
  const updates = {
    coding: statement(db, 'UPDATE coding SET start = ?, "end" = ? WHERE id = ?'),
    answer: statement(db, 'UPDATE answer SET start = ?, "end" = ? WHERE id = ?'),
    pseudonym_exception: statement(
      db,
      'UPDATE pseudonym_exception SET start = ?, "end" = ? WHERE id = ?',
    ),
  };
  for (const move of moves) updates[move.table].run(move[side][0], move[side][1], move.id);
}

function rangesMatch(db: Db, moves: readonly RangeChange[], side: 'before' | 'after'): boolean {
  const reads = {
    coding: statement(db, 'SELECT start, "end" FROM coding WHERE id = ?'),
    answer: statement(db, 'SELECT start, "end" FROM answer WHERE id = ?'),
    pseudonym_exception: statement(db, 'SELECT start, "end" FROM pseudonym_exception WHERE id = ?'),
  };
  return moves.every((move) => {
    const row = reads[move.table].get(move.id) as { start: number; end: number } | undefined;
    return row !== undefined && row.start === move[side][0] && row.end === move[side][1];
  });
}

/**
 * Moves every range of the document starting at or after `at` by `delta`, but
 * those in `except`, in one statement; returns how many moved.
 */
function writeShift(
  db: Db,
  table: RangeTable,
  parameters: { documentId: string; at: number; except: string; delta: number },
): number {
  return statement(
    db,
    `UPDATE ${table} SET start = start + @delta, "end" = "end" + @delta
       WHERE document_id = @documentId AND start >= @at
       AND id NOT IN (SELECT value FROM json_each(@except))`,
  ).run(parameters).changes;
}

/** Moves every range of the document starting at or after `from` by `delta`, but those in `except`. */
export function shiftRanges(
  db: Db,
  changes: ChangeSet,
  table: RangeTable,
  documentId: string,
  from: number,
  delta: number,
  except: readonly string[],
): void {
  if (delta === 0) return;
  const count = writeShift(db, table, {
    documentId,
    at: from,
    except: JSON.stringify(except),
    delta,
  });
  if (count === 0) return;
  changes.operations.push({
    kind: 'shift',
    table,
    documentId,
    from,
    delta,
    except: [...except],
    count,
  });
}

/** Digest of a document's stored content, to recognise the text an edit left. */
export function contentDigestOf(db: Db, documentId: string): string | null {
  const row = statement(db, 'SELECT content FROM document WHERE id = ?').get(documentId) as
    { content: string } | undefined;
  return row ? contentDigest(row.content) : null;
}

/** What a text operation needs from the document store: steps applied to the stored text. */
export type ReplaySteps = (documentId: string, steps: readonly unknown[]) => number;

export interface ReplayedText {
  documentId: string;
  steps: unknown[];
  version: number;
}

function conflict(operation: Operation): AxialError {
  const subject =
    operation.kind === 'text'
      ? 'text'
      : operation.kind === 'ranges'
        ? (operation.moves[0]?.table ?? 'coding')
        : operation.table;
  return new AxialError(
    'history_conflict',
    'This step can no longer be undone or redone: what it changed was changed again since, outside the undo history. Nothing was changed.',
    { subject },
  );
}

/**
 * Replays one operation backwards (undo) or forwards (redo), after checking
 * that the project holds what the operation left (or, forwards, what it found).
 * Text operations go through `replay` and report the steps for open editors.
 */
export function replayOperation(
  db: Db,
  operation: Operation,
  direction: 'undo' | 'redo',
  replay: ReplaySteps,
): ReplayedText | null {
  const expected = direction === 'undo' ? 'after' : 'before';
  const written = direction === 'undo' ? 'before' : 'after';
  switch (operation.kind) {
    case 'row': {
      if (!rowMatches(db, operation.table, operation.id, operation[expected]))
        throw conflict(operation);
      const image = operation[written];
      if (!image) {
        deleteImage(db, operation.table, operation.id);
        if (direction === 'redo') rememberDeleted(db, operation.table, operation.id);
      } else if (!operation[expected]) insertImage(db, operation.table, image);
      else updateImage(db, operation.table, operation.id, image);
      return null;
    }
    case 'ranges':
      if (!rangesMatch(db, operation.moves, expected)) throw conflict(operation);
      writeRanges(db, operation.moves, written);
      return null;
    case 'shift': {
      const delta = direction === 'undo' ? -operation.delta : operation.delta;
      const at = direction === 'undo' ? operation.from + operation.delta : operation.from;
      const moved = writeShift(db, operation.table, {
        documentId: operation.documentId,
        at,
        except: JSON.stringify(operation.except),
        delta,
      });
      // Other rows than the edit moved: the caller's transaction takes this back.
      if (moved !== operation.count) throw conflict(operation);
      return null;
    }
    case 'text': {
      if (contentDigestOf(db, operation.documentId) !== operation[expected])
        throw conflict(operation);
      const steps = direction === 'undo' ? operation.inverted : operation.steps;
      const version = replay(operation.documentId, steps);
      return { documentId: operation.documentId, steps, version };
    }
  }
}
