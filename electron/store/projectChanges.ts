import type { ListChange, ProjectChanges } from '../../shared/projectChanges';
import type { HistoryState } from '../../shared/documents';
import { listAttributes } from './attributes';
import { listCases, listParticipants } from './cases';
import { codesWithIds, listCodes } from './codes';
import type { Db } from './database';
import { documentOrder, documentsWithIds, listDocuments } from './documents';
import type { Operation, RowImage } from './journal';
import { statement } from './statements';

/** Past this many changed rows a list is sent whole: one read instead of a long list of ids. */
const ROWS_SENT_ONE_BY_ONE = 200;

type Touched = { [List in 'codes' | 'documents' | 'cases' | 'participants']: Set<string> } & {
  /** Lists whose every row may have changed (an attribute defined or removed). */
  whole: Set<'documents' | 'cases' | 'participants' | 'attributes'>;
};

function column(images: (RowImage | null)[], name: string): string[] {
  const values: string[] = [];
  for (const image of images) {
    const value = image?.[name];
    if (typeof value === 'string') values.push(value);
  }
  return values;
}

/** The cases whose documents include `documentId`: linked directly or through a participant. */
function casesOfDocument(db: Db, documentId: string): string[] {
  return statement(
    db,
    `SELECT case_id FROM document_case WHERE document_id = ?
     UNION SELECT p.case_id FROM document_participant dp JOIN participant p ON p.id = dp.participant_id
       WHERE dp.document_id = ? AND p.case_id IS NOT NULL`,
  )
    .pluck()
    .all(documentId, documentId) as string[];
}

function participantsOfDocument(db: Db, documentId: string): string[] {
  return statement(db, 'SELECT participant_id FROM document_participant WHERE document_id = ?')
    .pluck()
    .all(documentId) as string[];
}

function casesOfParticipant(db: Db, participantId: string): string[] {
  return statement(db, 'SELECT case_id FROM participant WHERE id = ? AND case_id IS NOT NULL')
    .pluck()
    .all(participantId) as string[];
}

function entityOfValue(db: Db, valueId: string): string[] {
  return statement(db, 'SELECT entity_id FROM attribute_value WHERE id = ?')
    .pluck()
    .all(valueId) as string[];
}

/** Which rows of which lists the operations can have changed (counts included). */
function touchedBy(db: Db, operations: readonly Operation[]): Touched {
  const touched: Touched = {
    codes: new Set(),
    documents: new Set(),
    cases: new Set(),
    participants: new Set(),
    whole: new Set(),
  };
  const add = (set: Set<string>, ids: Iterable<string>) => {
    for (const id of ids) set.add(id);
  };
  // A document's passages count in its cases and participants: found once per document.
  const passagesMoved = new Set<string>();
  for (const operation of operations) {
    if (operation.kind === 'text') {
      touched.documents.add(operation.documentId);
      continue;
    }
    // Ranges that move keep every count.
    if (operation.kind !== 'row') continue;
    const images = [operation.before, operation.after];
    switch (operation.table) {
      case 'code':
        touched.codes.add(operation.id);
        break;
      case 'coding': {
        // A memo or a range changes no count; a coding made, removed or moved to another code does.
        const counted =
          operation.before === null ||
          operation.after === null ||
          'code_id' in operation.after ||
          'document_id' in operation.after;
        if (!counted) break;
        add(touched.codes, column(images, 'code_id'));
        const documents = column(images, 'document_id');
        add(touched.documents, documents);
        add(passagesMoved, documents);
        break;
      }
      case 'document':
        touched.documents.add(operation.id);
        break;
      case 'document_case':
        add(touched.cases, column(images, 'case_id'));
        break;
      case 'document_participant':
        add(touched.participants, column(images, 'participant_id'));
        for (const participant of column(images, 'participant_id'))
          add(touched.cases, casesOfParticipant(db, participant));
        break;
      case 'study_case':
        touched.cases.add(operation.id);
        break;
      case 'participant':
        touched.participants.add(operation.id);
        // Moved to another case: both cases' counts change, its documents' included.
        add(touched.cases, column(images, 'case_id'));
        break;
      case 'attribute':
        for (const list of ['attributes', 'documents', 'cases', 'participants'] as const)
          touched.whole.add(list);
        break;
      case 'attribute_value': {
        // An update's images hold only the changed value: the row (there after it, and after
        // its undo) says whose it is.
        const entities = column(images, 'entity_id');
        if (entities.length === 0) entities.push(...entityOfValue(db, operation.id));
        // The entity is a document, a case or a participant: each list keeps only its own.
        for (const entity of entities)
          for (const list of ['documents', 'cases', 'participants'] as const)
            touched[list].add(entity);
        break;
      }
      default:
        // Guides, answers, ratings, recordings and summaries are in none of the workspace's lists.
        break;
    }
  }
  for (const documentId of passagesMoved) {
    add(touched.cases, casesOfDocument(db, documentId));
    add(touched.participants, participantsOfDocument(db, documentId));
  }
  return touched;
}

function listChange<Row extends { id: string }>(
  ids: Set<string>,
  whole: boolean,
  all: () => Row[],
  some: (ids: string[]) => Row[],
  order: () => string[],
): ListChange<Row> | undefined {
  if (!whole && ids.size === 0) return undefined;
  if (whole || ids.size > ROWS_SENT_ONE_BY_ONE) {
    const rows = all();
    return { rows, order: rows.map((row) => row.id) };
  }
  return { rows: some([...ids]), order: order() };
}

/** What the operations changed in the workspace's lists, read after they committed. */
export function projectChanges(
  db: Db,
  writes: readonly (readonly Operation[])[],
  history: HistoryState,
): ProjectChanges {
  const touched = touchedBy(db, writes.flat());
  const changes: ProjectChanges = { history, written: writes.length };
  const codes = listChange(
    touched.codes,
    false,
    () => listCodes(db),
    (ids) => codesWithIds(db, ids),
    () => listCodes(db, { counts: false }).map((code) => code.id),
  );
  if (codes) changes.codes = codes;
  const documents = listChange(
    touched.documents,
    touched.whole.has('documents'),
    () => listDocuments(db),
    (ids) => documentsWithIds(db, ids),
    () => documentOrder(db),
  );
  if (documents) changes.documents = documents;
  const cases = listChange(
    touched.cases,
    touched.whole.has('cases'),
    () => listCases(db),
    (ids) => listCases(db, ids),
    () =>
      statement(db, 'SELECT id FROM study_case ORDER BY position, name').pluck().all() as string[],
  );
  if (cases) changes.cases = cases;
  const participants = listChange(
    touched.participants,
    touched.whole.has('participants'),
    () => listParticipants(db),
    (ids) => listParticipants(db, ids),
    () =>
      statement(db, 'SELECT id FROM participant ORDER BY position, name').pluck().all() as string[],
  );
  if (participants) changes.participants = participants;
  if (touched.whole.has('attributes')) {
    const rows = listAttributes(db);
    changes.attributes = { rows, order: rows.map((row) => row.id) };
  }
  return changes;
}
