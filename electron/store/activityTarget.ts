import type { Db } from './database';
import type { JournaledTable, Operation, RowImage, RowOperation } from './journal';
import { statement } from './statements';

/** What an action was done to and where, in the names the project had when it was done. */
export interface ActivityTarget {
  target: string;
  place: string;
  count: number;
}

/** Names longer than this are cut in the log: it tells what was done, the project keeps the rest. */
const NAME_LIMIT = 120;

function shortened(name: string): string {
  const flat = name.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat);
  return characters.length <= NAME_LIMIT
    ? flat
    : `${characters.slice(0, NAME_LIMIT - 1).join('')}…`;
}

function nameOf(db: Db, table: string, column: string, id: unknown): string {
  if (typeof id !== 'string') return '';
  const row = statement(db, `SELECT "${column}" AS name FROM "${table}" WHERE id = ?`).get(id) as
    { name: unknown } | undefined;
  return typeof row?.name === 'string' ? shortened(row.name) : '';
}

const documentTitle = (db: Db, id: unknown) => nameOf(db, 'document', 'title', id);
const codeName = (db: Db, id: unknown) => nameOf(db, 'code', 'name', id);

/** An entity an attribute value or summary belongs to: a case, a participant or a document. */
function entityName(db: Db, id: unknown): string {
  return (
    nameOf(db, 'study_case', 'name', id) ||
    nameOf(db, 'participant', 'name', id) ||
    documentTitle(db, id)
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? shortened(value) : '';
}

type Describe = (db: Db, row: RowImage) => Omit<ActivityTarget, 'count'>;

/**
 * The tables an action is named after, most telling first: deleting a code
 * also deletes its codings, and the log names the code. Tables absent here
 * (evidence links, chart settings) are told by the action alone.
 */
const describers: [JournaledTable, Describe][] = [
  ['document', (_db, row) => ({ target: text(row.title), place: '' })],
  ['code', (_db, row) => ({ target: text(row.name), place: '' })],
  ['guide', (_db, row) => ({ target: text(row.title), place: '' })],
  ['study_case', (_db, row) => ({ target: text(row.name), place: '' })],
  ['participant', (_db, row) => ({ target: text(row.name), place: '' })],
  ['attribute', (_db, row) => ({ target: text(row.name), place: '' })],
  [
    'recording',
    (db, row) => ({ target: text(row.file_name), place: documentTitle(db, row.document_id) }),
  ],
  [
    'coding',
    (db, row) => ({ target: codeName(db, row.code_id), place: documentTitle(db, row.document_id) }),
  ],
  [
    'answer',
    (db, row) => ({
      target: nameOf(db, 'guide_item', 'text', row.item_id),
      place: documentTitle(db, row.document_id),
    }),
  ],
  [
    'interview_check',
    (db, row) => ({
      target: nameOf(db, 'guide_item', 'text', row.item_id),
      place: documentTitle(db, row.document_id),
    }),
  ],
  [
    'guide_item',
    (db, row) => ({ target: text(row.text), place: nameOf(db, 'guide', 'title', row.guide_id) }),
  ],
  [
    'rating',
    (db, row) => ({
      target: codeName(db, row.code_id),
      place: nameOf(db, 'study_case', 'name', row.case_id),
    }),
  ],
  [
    'rating_evidence',
    (db, row) => {
      const rating = statement(db, 'SELECT case_id, code_id FROM rating WHERE id = ?').get(
        row.rating_id,
      ) as { case_id: string; code_id: string } | undefined;
      return {
        target: rating ? codeName(db, rating.code_id) : '',
        place: rating ? nameOf(db, 'study_case', 'name', rating.case_id) : '',
      };
    },
  ],
  [
    'matrix_summary',
    (db, row) => ({ target: codeName(db, row.code_id), place: entityName(db, row.row_id) }),
  ],
  [
    'attribute_value',
    (db, row) => ({
      target: nameOf(db, 'attribute', 'name', row.attribute_id),
      place: entityName(db, row.entity_id),
    }),
  ],
  [
    'document_participant',
    (db, row) => ({
      target: nameOf(db, 'participant', 'name', row.participant_id),
      place: documentTitle(db, row.document_id),
    }),
  ],
  [
    'document_case',
    (db, row) => ({
      target: nameOf(db, 'study_case', 'name', row.case_id),
      place: documentTitle(db, row.document_id),
    }),
  ],
];

/**
 * The whole row an operation wrote: an insert's or a delete's image is whole;
 * an update's holds only the changed columns, so the row is read as it is now
 * (inside the action's transaction, after its writes).
 */
function wholeRow(db: Db, operation: RowOperation): RowImage {
  if (operation.before === null && operation.after) return operation.after;
  if (operation.after === null && operation.before) return operation.before;
  const current = statement(db, `SELECT * FROM "${operation.table}" WHERE id = ?`).get(
    operation.id,
  ) as RowImage | undefined;
  return { ...operation.before, ...current };
}

/** Names what the operations of one action (or of its undo) were done to. */
export function describeOperations(db: Db, operations: readonly Operation[]): ActivityTarget {
  const rows = operations.filter(
    (operation): operation is RowOperation => operation.kind === 'row',
  );
  for (const [table, describe] of describers) {
    const written = rows.filter((operation) => operation.table === table);
    if (written.length === 0) continue;
    // Rows, not writes: setting a rating inserts its row and then fills it, one rating all the same.
    const count = new Set(written.map((operation) => operation.id)).size;
    return { ...describe(db, wholeRow(db, written[0]!)), count };
  }
  const edit = operations.find((operation) => operation.kind === 'text');
  if (edit) return { target: '', place: documentTitle(db, edit.documentId), count: 1 };
  return { target: '', place: '', count: 1 };
}
