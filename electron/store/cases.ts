import { randomUUID } from 'node:crypto';
import type { CaseRecord, ParticipantRecord } from '../../shared/cases';
import { AxialError } from '../../shared/errors';
import { deleteValuesOf, valuesByEntity } from './attributes';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';
import { deleteRatingsOf } from './ratings';

type EntityTable = 'study_case' | 'participant';

interface EntityRow {
  id: string;
  name: string;
  case_id?: string | null;
  description: string;
  memo: string;
}

/** Documents of a case: linked to it directly, or through one of its participants. */
const caseDocuments = `
  SELECT document_id FROM document_case WHERE case_id = c.id
  UNION SELECT dp.document_id FROM document_participant dp JOIN participant p ON p.id = dp.participant_id WHERE p.case_id = c.id`;

/** Cases in the list's order, all of them or those among `ids` (a write's changes). */
export function listCases(db: Db, ids?: readonly string[]): CaseRecord[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.description, c.memo,
        (SELECT COUNT(*) FROM participant p WHERE p.case_id = c.id) AS participant_count,
        (SELECT COUNT(*) FROM (${caseDocuments})) AS document_count,
        (SELECT COUNT(*) FROM coding WHERE document_id IN (${caseDocuments})) AS passage_count
       FROM study_case c ${ids ? 'WHERE c.id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY c.position, c.name`,
    )
    .all(...(ids ? [JSON.stringify(ids)] : [])) as (EntityRow & {
    participant_count: number;
    document_count: number;
    passage_count: number;
  })[];
  const values = valuesByEntity(db, 'case', ids);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    memo: row.memo,
    values: values.get(row.id) ?? {},
    participantCount: row.participant_count,
    documentCount: row.document_count,
    passageCount: row.passage_count,
  }));
}

/** Participants in the list's order, all of them or those among `ids`. */
export function listParticipants(db: Db, ids?: readonly string[]): ParticipantRecord[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.case_id, p.description, p.memo,
        (SELECT COUNT(*) FROM document_participant WHERE participant_id = p.id) AS document_count,
        (SELECT COUNT(*) FROM coding WHERE document_id IN (SELECT document_id FROM document_participant WHERE participant_id = p.id)) AS passage_count
       FROM participant p ${ids ? 'WHERE p.id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY p.position, p.name`,
    )
    .all(...(ids ? [JSON.stringify(ids)] : [])) as (EntityRow & {
    document_count: number;
    passage_count: number;
  })[];
  const values = valuesByEntity(db, 'participant', ids);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    caseId: row.case_id ?? null,
    description: row.description,
    memo: row.memo,
    values: values.get(row.id) ?? {},
    documentCount: row.document_count,
    passageCount: row.passage_count,
  }));
}

function label(table: EntityTable): string {
  return table === 'study_case' ? 'case' : 'participant';
}

export function requireEntity(db: Db, table: EntityTable, id: string): EntityRow {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as EntityRow | undefined;
  if (!row)
    throw new AxialError(
      'not_found',
      `This ${label(table)} no longer exists. It may have been deleted.`,
      { id },
    );
  return row;
}

export function findEntityByName(db: Db, table: EntityTable, name: string): EntityRow | undefined {
  return db.prepare(`SELECT * FROM ${table} WHERE name = ? COLLATE NOCASE`).get(name.trim()) as
    EntityRow | undefined;
}

function checkNameFree(db: Db, table: EntityTable, name: string, except?: string): void {
  const clash = findEntityByName(db, table, name);
  if (clash && clash.id !== except) {
    throw new AxialError(
      'name_taken',
      `There is already a ${label(table)} named "${name}". Names identify ${label(table)}s: choose another.`,
      {
        name,
        reason: table === 'study_case' ? 'caseNameTaken' : 'participantNameTaken',
      },
    );
  }
}

export function createEntity(
  db: Db,
  changes: ChangeSet,
  table: EntityTable,
  name: string,
  caseId: string | null = null,
): string {
  checkNameFree(db, table, name);
  if (table === 'participant' && caseId) requireEntity(db, 'study_case', caseId);
  const { next } = db
    .prepare(`SELECT COALESCE(MAX(position), -1) + 1 AS next FROM ${table}`)
    .get() as { next: number };
  const id = randomUUID();
  const timestamp = now();
  insertRow(db, changes, table, {
    id,
    name,
    ...(table === 'participant' ? { case_id: caseId } : {}),
    description: '',
    memo: '',
    position: next,
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

export function updateEntity(
  db: Db,
  changes: ChangeSet,
  table: EntityTable,
  id: string,
  patch: { name?: string; description?: string; memo?: string; caseId?: string | null },
  /** Who writes: recorded with a memo. */
  coder = '',
): void {
  requireEntity(db, table, id);
  if (patch.name !== undefined) checkNameFree(db, table, patch.name, id);
  if (patch.caseId) requireEntity(db, 'study_case', patch.caseId);
  const row: Record<string, unknown> = { modified_at: now() };
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.memo !== undefined) Object.assign(row, { memo: patch.memo, memo_coder: coder || null });
  if (table === 'participant' && patch.caseId !== undefined) row.case_id = patch.caseId;
  updateRow(db, changes, table, id, row);
}

export interface DeletionImpact {
  participants: string[];
  documents: string[];
}

/** What deleting a case or participant unlinks (nothing else is deleted: documents stay). */
export function entityDeletionImpact(db: Db, table: EntityTable, id: string): DeletionImpact {
  requireEntity(db, table, id);
  if (table === 'study_case') {
    const participants = db
      .prepare('SELECT name FROM participant WHERE case_id = ? ORDER BY name')
      .all(id) as { name: string }[];
    const documents = db
      .prepare(
        'SELECT d.title FROM document_case l JOIN document d ON d.id = l.document_id WHERE l.case_id = ? ORDER BY d.title',
      )
      .all(id) as { title: string }[];
    return {
      participants: participants.map((row) => row.name),
      documents: documents.map((row) => row.title),
    };
  }
  const documents = db
    .prepare(
      'SELECT d.title FROM document_participant l JOIN document d ON d.id = l.document_id WHERE l.participant_id = ? ORDER BY d.title',
    )
    .all(id) as { title: string }[];
  return { participants: [], documents: documents.map((row) => row.title) };
}

/** Deletes a case or participant: links and values go, transcripts and participants stay. */
export function deleteEntity(db: Db, changes: ChangeSet, table: EntityTable, id: string): void {
  requireEntity(db, table, id);
  if (table === 'study_case') {
    for (const row of db.prepare('SELECT id FROM participant WHERE case_id = ?').all(id) as {
      id: string;
    }[]) {
      updateRow(db, changes, 'participant', row.id, { case_id: null, modified_at: now() });
    }
    for (const row of db.prepare('SELECT id FROM document_case WHERE case_id = ?').all(id) as {
      id: string;
    }[]) {
      deleteRow(db, changes, 'document_case', row.id);
    }
  } else {
    for (const row of db
      .prepare('SELECT id FROM document_participant WHERE participant_id = ?')
      .all(id) as { id: string }[]) {
      deleteRow(db, changes, 'document_participant', row.id);
    }
  }
  if (table === 'study_case') deleteRatingsOf(db, changes, 'case_id', id);
  deleteValuesOf(db, changes, id);
  deleteRow(db, changes, table, id);
}

/** Replaces a document's links to participants (a focus group has several) and to cases. */
export function setDocumentLinks(
  db: Db,
  changes: ChangeSet,
  documentId: string,
  links: { participantIds?: string[]; caseIds?: string[] },
): void {
  const sets: [
    string,
    'document_participant' | 'document_case',
    string,
    EntityTable,
    string[] | undefined,
  ][] = [
    ['participant_id', 'document_participant', 'participant', 'participant', links.participantIds],
    ['case_id', 'document_case', 'case', 'study_case', links.caseIds],
  ];
  for (const [column, table, , entityTable, wanted] of sets) {
    if (!wanted) continue;
    const target = new Set(wanted);
    for (const id of target) requireEntity(db, entityTable, id);
    const current = db
      .prepare(`SELECT id, ${column} AS linked FROM ${table} WHERE document_id = ?`)
      .all(documentId) as {
      id: string;
      linked: string;
    }[];
    for (const row of current) if (!target.has(row.linked)) deleteRow(db, changes, table, row.id);
    const present = new Set(current.map((row) => row.linked));
    for (const id of target) {
      if (!present.has(id))
        insertRow(db, changes, table, { id: randomUUID(), document_id: documentId, [column]: id });
    }
  }
}

export function documentLinks(
  db: Db,
  documentId: string,
): { participantIds: string[]; caseIds: string[] } {
  const participants = db
    .prepare('SELECT participant_id AS id FROM document_participant WHERE document_id = ?')
    .all(documentId) as { id: string }[];
  const cases = db
    .prepare('SELECT case_id AS id FROM document_case WHERE document_id = ?')
    .all(documentId) as { id: string }[];
  return { participantIds: participants.map((row) => row.id), caseIds: cases.map((row) => row.id) };
}
