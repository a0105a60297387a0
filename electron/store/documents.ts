import { Step, Transform } from '@tiptap/pm/transform';
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '../../shared/cases';
import type { DocumentDetail, DocumentKind, DocumentSummary } from '../../shared/documents';
import { valuesByEntity } from './attributes';
import { updateDocumentIndex } from './search';
import type { DocumentJson } from '../../shared/editor/schema';
import { documentFromJson, documentSchema } from '../../shared/editor/schema';
import { AxialError } from '../../shared/errors';
import { mapRange } from '../../shared/text/mapRange';
import { now } from './clock';
import type { Db } from './database';
import { statement } from './statements';
import type { DerivedText, TurnStart } from './documentText';
import { deriveText, serializeDocument } from './documentText';
import { originalOf } from './originals';
import type { ChangeSet, RangeChange, RangeTable } from './journal';
import { deleteRow, insertRow, moveRanges, shiftRanges, updateRow } from './journal';
import type { CachedText } from './textCache';
import { cachedText, contentDigest, rememberText } from './textCache';
import type { TextIndex } from '../../shared/text/textIndex';
import { positionToOffset } from '../../shared/text/textIndex';

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  title: string;
  date: string | null;
  place: string | null;
  description: string;
  memo: string;
  length: number;
  speakers: string;
  version: number;
  source_name: string | null;
  guide_id: string | null;
  created_at: string;
  modified_at: string;
  coding_count: number;
}

// Every column here is in the document_summary index (migration 15): the list never reads the rows' text.
export const summaryColumns = `d.id, d.kind, d.title, d.date, d.place, d.description, d.memo, d.length, d.speakers,
  d.version, d.source_name, d.guide_id, d.created_at, d.modified_at,
  (SELECT COUNT(*) FROM coding WHERE coding.document_id = d.id) AS coding_count`;

/** Who speaks, in the order they first do: what the documents list shows. */
export function speakersOf(turns: readonly TurnStart[]): string[] {
  return [...new Set(turns.map((turn) => turn.speaker))];
}

function parseTurns(json: string): TurnStart[] {
  return JSON.parse(json) as TurnStart[];
}

function toSummary(row: DocumentRow, values: Record<string, AttributeValue> = {}): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    date: row.date,
    place: row.place,
    description: row.description,
    memo: row.memo,
    length: row.length,
    version: row.version,
    codingCount: row.coding_count,
    speakers: JSON.parse(row.speakers) as string[],
    sourceName: row.source_name,
    guideId: row.guide_id,
    values,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

export function documentNotFound(id: string): AxialError {
  return new AxialError(
    'not_found',
    'This document no longer exists in the project. It may have been deleted.',
    { id },
  );
}

export function listDocuments(db: Db): DocumentSummary[] {
  const rows = statement(
    db,
    `SELECT ${summaryColumns} FROM document d ORDER BY d.position, d.created_at`,
  ).all() as DocumentRow[];
  const values = valuesByEntity(db, 'document');
  return rows.map((row) => toSummary(row, values.get(row.id)));
}

/** The documents among `ids` that exist, as the list shows them. */
export function documentsWithIds(db: Db, ids: readonly string[]): DocumentSummary[] {
  const rows = statement(
    db,
    `SELECT ${summaryColumns} FROM document d WHERE d.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as DocumentRow[];
  const values = valuesByEntity(db, 'document', ids);
  return rows.map((row) => toSummary(row, values.get(row.id)));
}

/** Every document's id in the list's order. */
export function documentOrder(db: Db): string[] {
  return statement(db, 'SELECT id FROM document ORDER BY position, created_at')
    .pluck()
    .all() as string[];
}

export function getDocumentSummary(db: Db, id: string): DocumentSummary {
  const row = statement(db, `SELECT ${summaryColumns} FROM document d WHERE d.id = ?`).get(id) as
    DocumentRow | undefined;
  if (!row) throw documentNotFound(id);
  return toSummary(row, valuesByEntity(db, 'document').get(id));
}

export function getDocument(db: Db, id: string): DocumentDetail {
  const summary = getDocumentSummary(db, id);
  const { content, version } = statement(
    db,
    'SELECT content, version FROM document WHERE id = ?',
  ).get(id) as {
    content: string;
    version: number;
  };
  return {
    ...summary,
    content: JSON.parse(content) as DocumentJson,
    version,
    original: originalOf(db, id),
  };
}

/** The plain text and turns of a document, for passages and exports. */
export function getDocumentText(
  db: Db,
  id: string,
): { text: string; turns: TurnStart[]; length: number } {
  const row = statement(db, 'SELECT plain_text, turns, length FROM document WHERE id = ?').get(
    id,
  ) as { plain_text: string; turns: string; length: number } | undefined;
  if (!row) throw documentNotFound(id);
  return { text: row.plain_text, turns: parseTurns(row.turns), length: row.length };
}

export interface NewDocument {
  kind: DocumentKind;
  title: string;
  content: DocumentJson;
  /** The content already parsed and its text derived, by a caller that needed them first. */
  parsed?: { doc: Doc; derived: DerivedText };
  sourceName: string | null;
  /** Kept from an exchange file (a REFI-QDA source's GUID); a new id otherwise. */
  id?: string;
  /** The interview's date (yyyy-mm-dd), when the file says it. */
  date?: string | null;
}

export function createDocument(db: Db, changes: ChangeSet, input: NewDocument): string {
  const doc = input.parsed?.doc ?? documentFromJson(input.content);
  const derived = input.parsed?.derived ?? deriveText(doc);
  const id = input.id ?? randomUUID();
  const timestamp = now();
  const { next } = statement(
    db,
    'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM document',
  ).get() as { next: number };
  insertRow(db, changes, 'document', {
    id,
    kind: input.kind,
    title: input.title,
    date: input.date ?? null,
    place: null,
    description: '',
    memo: '',
    content: serializeDocument(doc),
    plain_text: derived.index.text,
    length: derived.index.length,
    turns: JSON.stringify(derived.turns),
    speakers: JSON.stringify(speakersOf(derived.turns)),
    pages: JSON.stringify(derived.pages),
    version: 0,
    source_name: input.sourceName,
    guide_id: null,
    position: next,
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

export interface DocumentChanges {
  title?: string;
  kind?: DocumentKind;
  date?: string | null;
  place?: string | null;
  description?: string;
  memo?: string;
}

export function updateDocument(
  db: Db,
  changes: ChangeSet,
  id: string,
  patch: DocumentChanges,
  /** Who writes: recorded with a memo. */
  coder = '',
): void {
  getDocumentSummary(db, id);
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  );
  if (patch.memo !== undefined) defined.memo_coder = coder || null;
  updateRow(db, changes, 'document', id, { ...defined, modified_at: now() });
}

/** Deletes a document and its codings; every row goes into the change set, so undo restores them. */
export function deleteDocument(db: Db, changes: ChangeSet, id: string): void {
  getDocumentSummary(db, id);
  const codings = statement(db, 'SELECT id FROM coding WHERE document_id = ?').all(id) as {
    id: string;
  }[];
  for (const coding of codings) deleteRow(db, changes, 'coding', coding.id);
  for (const table of ['document_participant', 'document_case'] as const) {
    const links = statement(db, `SELECT id FROM ${table} WHERE document_id = ?`).all(id) as {
      id: string;
    }[];
    for (const link of links) deleteRow(db, changes, table, link.id);
  }
  for (const table of [
    'answer',
    'interview_check',
    'recording',
    'pseudonym_exception',
    'document_original',
  ] as const) {
    const rows = statement(db, `SELECT id FROM ${table} WHERE document_id = ?`).all(id) as {
      id: string;
    }[];
    for (const row of rows) deleteRow(db, changes, table, row.id);
  }
  const values = statement(db, 'SELECT id FROM attribute_value WHERE entity_id = ?').all(id) as {
    id: string;
  }[];
  for (const value of values) deleteRow(db, changes, 'attribute_value', value.id);
  deleteRow(db, changes, 'document', id);
}

type Doc = ReturnType<typeof documentFromJson>;

function applyStepJson(doc: Doc, stepsJson: readonly unknown[]) {
  const transform = new Transform(doc);
  const inverted: unknown[] = [];
  for (const json of stepsJson) {
    let step: Step;
    try {
      step = Step.fromJSON(documentSchema, json);
    } catch {
      throw new AxialError(
        'invalid_input',
        'An edit could not be read. Reload the document and try again.',
      );
    }
    const before = transform.doc;
    const result = transform.maybeStep(step);
    if (result.failed) {
      throw new AxialError(
        'out_of_date',
        'An edit did not fit the document as saved. The document will be reloaded.',
      );
    }
    inverted.push(step.invert(before).toJSON());
  }
  transform.doc.check();
  return { transform, inverted: inverted.reverse() };
}

/** The document as stored at its current version: from the cache of recent edits, or parsed once. */
function loadText(db: Db, id: string): CachedText {
  const row = statement(db, 'SELECT version FROM document WHERE id = ?').get(id) as
    { version: number } | undefined;
  if (!row) throw documentNotFound(id);
  const cached = cachedText(db, id, row.version);
  if (cached) return cached;
  const { content } = statement(db, 'SELECT content FROM document WHERE id = ?').get(id) as {
    content: string;
  };
  const doc = documentFromJson(JSON.parse(content));
  return { version: row.version, doc, derived: deriveText(doc), digest: contentDigest(content) };
}

/** Stores an edited document's text and search index; the parsed document is kept once committed. */
function storeText(
  db: Db,
  changes: ChangeSet,
  id: string,
  before: CachedText,
  doc: Doc,
): CachedText {
  const derived = deriveText(doc);
  const content = serializeDocument(doc);
  statement(
    db,
    `UPDATE document SET content = ?, plain_text = ?, length = ?, turns = ?, speakers = ?,
       pages = ?, version = version + 1, modified_at = ?
     WHERE id = ?`,
  ).run(
    content,
    derived.index.text,
    derived.index.length,
    JSON.stringify(derived.turns),
    JSON.stringify(speakersOf(derived.turns)),
    JSON.stringify(derived.pages),
    now(),
    id,
  );
  updateDocumentIndex(db, id, before.derived.index.blocks, derived.index.blocks);
  const stored: CachedText = {
    version: before.version + 1,
    doc,
    derived,
    digest: contentDigest(content),
  };
  changes.afterCommit(() => rememberText(db, id, stored));
  return stored;
}

/**
 * The stretch of the text (code points, before the edit) that the steps may
 * touch, widened by one on each side: ranges wholly before it keep their
 * offsets, ranges wholly after it move by the change in length.
 */
function touchedStretch(
  transform: Transform,
  before: TextIndex,
): { from: number; to: number } | null {
  let low = Infinity;
  let high = -Infinity;
  transform.steps.forEach((step, index) => {
    const back = transform.mapping.slice(0, index).invert();
    step.getMap().forEach((oldStart, oldEnd) => {
      low = Math.min(low, back.map(oldStart, -1));
      high = Math.max(high, back.map(oldEnd, 1));
    });
  });
  if (low > high) return null;
  return {
    from: Math.max(0, positionToOffset(before, low) - 1),
    to: positionToOffset(before, high) + 1,
  };
}

// What may not be twice on the same words: a code by one coder (two coders' codings of one
// passage are the point of double coding), a question's answer.
const rangeOwner = {
  coding: 'json_array(code_id, coder)',
  answer: 'json_array(item_id)',
  pseudonym_exception: 'json_array(pseudonym_id)',
} as const;

/**
 * Carries one table's ranges through an edit: those after it in one shift,
 * those it touches one by one (deleted when their text is gone, or when two of
 * one code by one coder, or of one question, end on the same words).
 */
function carryRanges(
  db: Db,
  changes: ChangeSet,
  table: RangeTable,
  id: string,
  stretch: { from: number; to: number },
  transform: Transform,
  before: TextIndex,
  after: TextIndex,
): void {
  const owner = rangeOwner[table];
  const touched = statement(
    db,
    `SELECT id, ${owner} AS owner, start, "end" FROM ${table}
       WHERE document_id = ? AND "end" > ? AND start < ? ORDER BY created_at, id`,
  ).all(id, stretch.from, stretch.to) as {
    id: string;
    owner: string;
    start: number;
    end: number;
  }[];
  const touchedIds = touched.map((range) => range.id);
  shiftRanges(db, changes, table, id, stretch.to, after.length - before.length, touchedIds);
  const taken = new Set<string>();
  const clash = statement(
    db,
    `SELECT 1 FROM ${table} WHERE document_id = ? AND ${owner} = ? AND start = ? AND "end" = ?
     AND id NOT IN (SELECT value FROM json_each(?))`,
  );
  const touchedJson = JSON.stringify(touchedIds);
  const moves: RangeChange[] = [];
  for (const range of touched) {
    const mapped = mapRange(range, before, transform.mapping, after);
    const key = mapped && `${range.owner}:${mapped.start}:${mapped.end}`;
    if (
      !mapped ||
      !key ||
      taken.has(key) ||
      clash.get(id, range.owner, mapped.start, mapped.end, touchedJson)
    ) {
      deleteRow(db, changes, table, range.id);
      continue;
    }
    taken.add(key);
    if (mapped.start !== range.start || mapped.end !== range.end)
      moves.push({
        table,
        id: range.id,
        before: [range.start, range.end],
        after: [mapped.start, mapped.end],
      });
  }
  moveRanges(db, changes, moves);
}

/**
 * Applies the editor's steps, carries every coding and answer of the document
 * through them (a coding whose text is gone is deleted), and stores text and
 * ranges in the caller's transaction.
 */
export function applyDocumentSteps(
  db: Db,
  changes: ChangeSet,
  id: string,
  version: number,
  stepsJson: readonly unknown[],
): number {
  const loaded = loadText(db, id);
  if (loaded.version !== version) throw staleDocument(id, version, loaded.version);
  const { transform, inverted } = applyStepJson(loaded.doc, stepsJson);
  const before = loaded.derived.index;
  const stored = storeText(db, changes, id, loaded, transform.doc);
  const after = stored.derived.index;
  const stretch = touchedStretch(transform, before);
  if (stretch)
    for (const table of ['coding', 'answer', 'pseudonym_exception'] as const)
      carryRanges(db, changes, table, id, stretch, transform, before, after);
  changes.operations.push({
    kind: 'text',
    documentId: id,
    steps: [...stepsJson],
    inverted,
    before: loaded.digest,
    after: stored.digest,
  });
  return stored.version;
}

/** Replays recorded steps (undo and redo); ranges are restored by their own operations. */
export function replayDocumentSteps(
  db: Db,
  changes: ChangeSet,
  id: string,
  stepsJson: readonly unknown[],
): number {
  const loaded = loadText(db, id);
  const { transform } = applyStepJson(loaded.doc, stepsJson);
  return storeText(db, changes, id, loaded, transform.doc).version;
}

/**
 * Offsets computed on another version of the text would land on other words:
 * refused, so the caller reloads and computes them again.
 */
export function staleDocument(id: string, sent: number, current: number): AxialError {
  return new AxialError(
    'stale_document',
    'The document changed since this was computed (another edit was saved first). Nothing was changed; select the passage again.',
    { id, sent, current },
  );
}

/** Checks that offsets were computed on the document as it is now. */
export function requireVersion(db: Db, id: string, version: number): void {
  const row = statement(db, 'SELECT version FROM document WHERE id = ?').get(id) as
    { version: number } | undefined;
  if (!row) throw documentNotFound(id);
  if (row.version !== version) throw staleDocument(id, version, row.version);
}

/** Records the guide version the interview was conducted with (null: none). */
export function setDocumentGuide(
  db: Db,
  changes: ChangeSet,
  id: string,
  guideId: string | null,
): void {
  getDocumentSummary(db, id);
  updateRow(db, changes, 'document', id, { guide_id: guideId, modified_at: now() });
}
