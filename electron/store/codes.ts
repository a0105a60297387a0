import { randomUUID } from 'node:crypto';
import type { CodeNode } from '../../shared/documents';
import { AxialError } from '../../shared/errors';
import { paletteColour } from '../../shared/palette';
import { now } from './clock';
import type { Db } from './database';
import { statement } from './statements';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';
import { deleteRatingsOf } from './ratings';

interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  colour: string;
  description: string;
  memo: string;
  memo_coder: string | null;
  codable: number;
  position: number;
  coding_count: number;
  document_count: number;
}

function toCodeNode(row: CodeRow): CodeNode {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    colour: row.colour,
    description: row.description,
    memo: row.memo,
    memoCoder: row.memo_coder ?? '',
    codable: row.codable === 1,
    position: row.position,
    codingCount: row.coding_count,
    documentCount: row.document_count,
  };
}

const selectCodes = `
  SELECT c.id, c.parent_id, c.name, c.colour, c.description, c.memo, c.memo_coder, c.codable, c.position,
         COALESCE(counts.codings, 0) AS coding_count, COALESCE(counts.documents, 0) AS document_count
  FROM code c
  LEFT JOIN (
    SELECT code_id, COUNT(*) AS codings, COUNT(DISTINCT document_id) AS documents FROM coding GROUP BY code_id
  ) counts ON counts.code_id = c.id`;

const selectTree = `
  SELECT c.id, c.parent_id, c.name, c.colour, c.description, c.memo, c.memo_coder, c.codable, c.position,
         0 AS coding_count, 0 AS document_count
  FROM code c`;

/**
 * Every node, parents before children, siblings in order. Without counts the
 * codings are not scanned: retrievals that only need the tree ask for that.
 */
export function listCodes(db: Db, options: { counts: boolean } = { counts: true }): CodeNode[] {
  const rows = db
    .prepare(`${options.counts ? selectCodes : selectTree} ORDER BY c.position, c.name`)
    .all() as CodeRow[];
  const byParent = new Map<string | null, CodeRow[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parent_id) ?? [];
    siblings.push(row);
    byParent.set(row.parent_id, siblings);
  }
  const ordered: CodeNode[] = [];
  const visit = (parentId: string | null) => {
    for (const row of byParent.get(parentId) ?? []) {
      ordered.push(toCodeNode(row));
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

/** The codes among `ids` that exist, with their counts read through the index by code. */
export function codesWithIds(db: Db, ids: readonly string[]): CodeNode[] {
  const rows = statement(
    db,
    `SELECT c.id, c.parent_id, c.name, c.colour, c.description, c.memo, c.codable, c.position,
       (SELECT COUNT(*) FROM coding WHERE code_id = c.id) AS coding_count,
       (SELECT COUNT(DISTINCT document_id) FROM coding WHERE code_id = c.id) AS document_count
     FROM code c WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as CodeRow[];
  return rows.map(toCodeNode);
}

export function getCode(db: Db, id: string): CodeNode {
  const row = db.prepare(`${selectCodes} WHERE c.id = ?`).get(id) as CodeRow | undefined;
  if (!row) {
    throw new AxialError(
      'not_found',
      'This code no longer exists in the codebook. It may have been deleted or merged.',
      { id },
    );
  }
  return toCodeNode(row);
}

function siblingIds(db: Db, parentId: string | null, except?: string): string[] {
  const rows = db
    .prepare('SELECT id FROM code WHERE parent_id IS ? AND id IS NOT ? ORDER BY position, name')
    .all(parentId, except ?? null) as { id: string }[];
  return rows.map((row) => row.id);
}

function checkNameFree(db: Db, parentId: string | null, name: string, except?: string): void {
  const clash = db
    .prepare('SELECT id FROM code WHERE parent_id IS ? AND lower(name) = lower(?) AND id IS NOT ?')
    .get(parentId, name, except ?? null);
  if (clash) {
    throw new AxialError(
      'name_taken',
      `There is already a code named "${name}" at this place in the codebook. Choose another name, or merge the two codes.`,
      {
        name,
      },
    );
  }
}

/** The node and everything below it, deepest first. */
export function subtreeIds(db: Db, id: string): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE subtree(id, depth) AS (
         SELECT id, 0 FROM code WHERE id = ?
         UNION ALL SELECT code.id, subtree.depth + 1 FROM code JOIN subtree ON code.parent_id = subtree.id
       ) SELECT id FROM subtree ORDER BY depth DESC`,
    )
    .all(id) as { id: string }[];
  return rows.map((row) => row.id);
}

export interface NewCode {
  parentId: string | null;
  name: string;
  colour?: string;
  description: string;
  codable?: boolean;
}

export function createCode(db: Db, changes: ChangeSet, input: NewCode): string {
  if (input.parentId !== null) getCode(db, input.parentId);
  checkNameFree(db, input.parentId, input.name);
  const { count } = db.prepare('SELECT COUNT(*) AS count FROM code').get() as { count: number };
  const id = randomUUID();
  const timestamp = now();
  insertRow(db, changes, 'code', {
    id,
    parent_id: input.parentId,
    name: input.name,
    colour: input.colour ?? paletteColour(count),
    description: input.description,
    memo: '',
    // Top-level nodes are the model's axes: they group codes and are not applied to text.
    codable: (input.codable ?? input.parentId !== null) ? 1 : 0,
    position: siblingIds(db, input.parentId).length,
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

/** The name of the group codes made while coding go to until the researcher chooses a parent. */
export const IN_VIVO_GROUP = 'In vivo';

/**
 * The top-level group for codes made while coding (in vivo, the palette) when
 * no parent was chosen: one place the researcher sorts them from, instead of
 * each becoming an axis of the model. Made, as a group, the first time.
 */
export function inVivoGroup(db: Db, changes: ChangeSet): string {
  const existing = db
    .prepare('SELECT id FROM code WHERE parent_id IS NULL AND lower(name) = lower(?)')
    .get(IN_VIVO_GROUP) as { id: string } | undefined;
  return (
    existing?.id ??
    createCode(db, changes, {
      parentId: null,
      name: IN_VIVO_GROUP,
      description: '',
      codable: false,
    })
  );
}

export interface CodeChanges {
  name?: string;
  colour?: string;
  description?: string;
  memo?: string;
  codable?: boolean;
}

export function updateCode(
  db: Db,
  changes: ChangeSet,
  id: string,
  patch: CodeChanges,
  /** Who writes: recorded with a memo. */
  coder = '',
): void {
  const code = getCode(db, id);
  if (patch.name !== undefined) checkNameFree(db, code.parentId, patch.name, id);
  const row: Record<string, unknown> = { modified_at: now() };
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.colour !== undefined) row.colour = patch.colour.toUpperCase();
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.memo !== undefined) Object.assign(row, { memo: patch.memo, memo_coder: coder || null });
  if (patch.codable !== undefined) row.codable = patch.codable ? 1 : 0;
  updateRow(db, changes, 'code', id, row);
}

function renumber(db: Db, changes: ChangeSet, ids: readonly string[]): void {
  ids.forEach((siblingId, position) => {
    const current = db.prepare('SELECT position FROM code WHERE id = ?').get(siblingId) as {
      position: number;
    };
    if (current.position !== position) updateRow(db, changes, 'code', siblingId, { position });
  });
}

export function moveCode(
  db: Db,
  changes: ChangeSet,
  id: string,
  parentId: string | null,
  index: number,
): void {
  const code = getCode(db, id);
  if (parentId !== null) {
    getCode(db, parentId);
    if (subtreeIds(db, id).includes(parentId)) {
      throw new AxialError(
        'invalid_operation',
        `"${code.name}" cannot be moved inside itself or one of its own sub-codes.`,
        { reason: 'moveIntoItself', name: code.name },
      );
    }
  }
  if (parentId !== code.parentId) checkNameFree(db, parentId, code.name, id);
  const siblings = siblingIds(db, parentId, id);
  siblings.splice(Math.min(index, siblings.length), 0, id);
  if (parentId !== code.parentId) {
    updateRow(db, changes, 'code', id, { parent_id: parentId, modified_at: now() });
    renumber(db, changes, siblingIds(db, code.parentId));
  }
  renumber(db, changes, siblings);
}

export function deletionImpact(db: Db, id: string): { codes: number; codings: number } {
  getCode(db, id);
  const ids = subtreeIds(db, id);
  const placeholders = ids.map(() => '?').join(', ');
  const { count } = db
    .prepare(`SELECT COUNT(*) AS count FROM coding WHERE code_id IN (${placeholders})`)
    .get(...ids) as {
    count: number;
  };
  return { codes: ids.length, codings: count };
}

/** Deletes a node, its sub-codes and all their codings (children before parents, codings first). */
export function deleteCode(
  db: Db,
  changes: ChangeSet,
  id: string,
): { codes: number; codings: number } {
  const code = getCode(db, id);
  const impact = deletionImpact(db, id);
  for (const codeId of subtreeIds(db, id)) {
    const codings = db.prepare('SELECT id FROM coding WHERE code_id = ?').all(codeId) as {
      id: string;
    }[];
    for (const coding of codings) deleteRow(db, changes, 'coding', coding.id);
    deleteRatingsOf(db, changes, 'code_id', codeId);
    for (const table of ['guide_item_code', 'matrix_summary'] as const) {
      const rows = db.prepare(`SELECT id FROM ${table} WHERE code_id = ?`).all(codeId) as {
        id: string;
      }[];
      for (const row of rows) deleteRow(db, changes, table, row.id);
    }
    deleteRow(db, changes, 'code', codeId);
  }
  renumber(db, changes, siblingIds(db, code.parentId));
  return impact;
}

/**
 * Merges `sourceId` into `targetId`: its codings move to the target (the same
 * passage coded with both keeps one coding, memos joined), its sub-codes move
 * under the target, and the source is deleted.
 */
/**
 * What names a coding merged into its twin follows it there: a key
 * quotation (unless the twin is one already) and a rating's evidence.
 */
function carryToTwin(db: Db, changes: ChangeSet, codingId: string, twinId: string): void {
  const quotation = db
    .prepare('SELECT id FROM quotation WHERE coding_id = ?')
    .pluck()
    .get(codingId) as string | undefined;
  if (quotation && !db.prepare('SELECT 1 FROM quotation WHERE coding_id = ?').get(twinId))
    updateRow(db, changes, 'quotation', quotation, { coding_id: twinId });
  const evidence = db
    .prepare('SELECT id, rating_id FROM rating_evidence WHERE coding_id = ?')
    .all(codingId) as { id: string; rating_id: string }[];
  for (const link of evidence) {
    if (
      db
        .prepare('SELECT 1 FROM rating_evidence WHERE rating_id = ? AND coding_id = ?')
        .get(link.rating_id, twinId)
    )
      continue;
    updateRow(db, changes, 'rating_evidence', link.id, { coding_id: twinId });
  }
}

export function mergeCodes(
  db: Db,
  changes: ChangeSet,
  sourceId: string,
  targetId: string,
): { moved: number; collapsed: number } {
  const source = getCode(db, sourceId);
  const target = getCode(db, targetId);
  if (sourceId === targetId)
    throw new AxialError('invalid_operation', 'A code cannot be merged into itself.', {
      reason: 'mergeIntoItself',
    });
  if (subtreeIds(db, sourceId).includes(targetId)) {
    throw new AxialError(
      'invalid_operation',
      `"${source.name}" cannot be merged into "${target.name}", which is one of its own sub-codes. Move "${target.name}" out first.`,
      { reason: 'mergeIntoSubcode', source: source.name, target: target.name },
    );
  }
  const timestamp = now();
  let moved = 0;
  let collapsed = 0;
  const codings = db
    .prepare('SELECT id, document_id, start, "end", memo, coder FROM coding WHERE code_id = ?')
    .all(sourceId) as {
    id: string;
    document_id: string;
    start: number;
    end: number;
    memo: string;
    coder: string;
  }[];
  // A twin is the same coder's: another coder's coding of the same words stays theirs.
  const existing = db.prepare(
    'SELECT id, memo FROM coding WHERE code_id = ? AND document_id = ? AND start = ? AND "end" = ? AND coder = ?',
  );
  for (const coding of codings) {
    const twin = existing.get(
      targetId,
      coding.document_id,
      coding.start,
      coding.end,
      coding.coder,
    ) as { id: string; memo: string } | undefined;
    if (twin) {
      if (coding.memo.trim() && coding.memo !== twin.memo) {
        updateRow(db, changes, 'coding', twin.id, {
          memo: [twin.memo, coding.memo].filter(Boolean).join('\n\n'),
          modified_at: timestamp,
        });
      }
      carryToTwin(db, changes, coding.id, twin.id);
      deleteRow(db, changes, 'coding', coding.id);
      collapsed += 1;
    } else {
      updateRow(db, changes, 'coding', coding.id, { code_id: targetId, modified_at: timestamp });
      moved += 1;
    }
  }
  const targetChildren = siblingIds(db, targetId);
  for (const childId of siblingIds(db, sourceId)) {
    const child = getCode(db, childId);
    checkNameFree(db, targetId, child.name);
    updateRow(db, changes, 'code', childId, {
      parent_id: targetId,
      position: targetChildren.length,
      modified_at: timestamp,
    });
    targetChildren.push(childId);
  }
  // A case rated on the source keeps that rating on the target unless it has one there.
  const ratings = db.prepare('SELECT id, case_id FROM rating WHERE code_id = ?').all(sourceId) as {
    id: string;
    case_id: string;
  }[];
  for (const rating of ratings) {
    if (
      db
        .prepare('SELECT 1 FROM rating WHERE case_id = ? AND code_id = ?')
        .get(rating.case_id, targetId)
    )
      continue;
    updateRow(db, changes, 'rating', rating.id, { code_id: targetId, modified_at: timestamp });
  }
  deleteRatingsOf(db, changes, 'code_id', sourceId);
  // Matrix summaries written for the source join the target's.
  const summaries = db
    .prepare('SELECT id, row_kind, row_id, summary FROM matrix_summary WHERE code_id = ?')
    .all(sourceId) as {
    id: string;
    row_kind: string;
    row_id: string;
    summary: string;
  }[];
  for (const summary of summaries) {
    const twin = db
      .prepare(
        'SELECT id, summary FROM matrix_summary WHERE row_kind = ? AND row_id = ? AND code_id = ?',
      )
      .get(summary.row_kind, summary.row_id, targetId) as
      { id: string; summary: string } | undefined;
    if (twin) {
      updateRow(db, changes, 'matrix_summary', twin.id, {
        summary: `${twin.summary}\n\n${summary.summary}`,
        modified_at: timestamp,
      });
      deleteRow(db, changes, 'matrix_summary', summary.id);
    } else {
      updateRow(db, changes, 'matrix_summary', summary.id, {
        code_id: targetId,
        modified_at: timestamp,
      });
    }
  }
  // Guide questions linked to the source now inform the target.
  const links = db
    .prepare('SELECT id, item_id FROM guide_item_code WHERE code_id = ?')
    .all(sourceId) as { id: string; item_id: string }[];
  for (const link of links) {
    const twin = db
      .prepare('SELECT 1 FROM guide_item_code WHERE item_id = ? AND code_id = ?')
      .get(link.item_id, targetId);
    if (twin) deleteRow(db, changes, 'guide_item_code', link.id);
    else updateRow(db, changes, 'guide_item_code', link.id, { code_id: targetId });
  }
  deleteRow(db, changes, 'code', sourceId);
  renumber(db, changes, siblingIds(db, source.parentId));
  return { moved, collapsed };
}
