import { randomUUID } from 'node:crypto';
import { AxialError } from '../../shared/errors';
import type { GuideDetail, GuideItem, GuideItemKind, GuideSummary } from '../../shared/guides';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';

interface GuideRow {
  id: string;
  title: string;
  version_label: string;
  change_note: string;
  based_on_id: string | null;
  question_count: number;
  document_count: number;
}

interface ItemRow {
  id: string;
  parent_id: string | null;
  kind: GuideItemKind;
  text: string;
  note: string;
  duration_minutes: number | null;
  position: number;
}

const summaryQuery = `SELECT g.*,
  (SELECT COUNT(*) FROM guide_item i WHERE i.guide_id = g.id AND i.kind = 'question') AS question_count,
  (SELECT COUNT(*) FROM document d WHERE d.guide_id = g.id) AS document_count
  FROM guide g`;

function toSummary(row: GuideRow): GuideSummary {
  return {
    id: row.id,
    title: row.title,
    versionLabel: row.version_label,
    changeNote: row.change_note,
    basedOnId: row.based_on_id,
    questionCount: row.question_count,
    documentCount: row.document_count,
  };
}

export function listGuides(db: Db): GuideSummary[] {
  return (db.prepare(`${summaryQuery} ORDER BY g.position, g.created_at`).all() as GuideRow[]).map(
    toSummary,
  );
}

/** Items in reading order, numbered as the interviewer reads them: questions 1, 2, 3…, prompts 2.1, 2.2. */
export function guideItems(db: Db, guideId: string): GuideItem[] {
  const rows = db
    .prepare('SELECT * FROM guide_item WHERE guide_id = ? ORDER BY position, created_at')
    .all(guideId) as ItemRow[];
  const links = db
    .prepare(
      'SELECT l.item_id, l.code_id FROM guide_item_code l JOIN guide_item i ON i.id = l.item_id WHERE i.guide_id = ?',
    )
    .all(guideId) as { item_id: string; code_id: string }[];
  const codes = new Map<string, string[]>();
  for (const link of links)
    codes.set(link.item_id, [...(codes.get(link.item_id) ?? []), link.code_id]);
  const children = new Map<string | null, ItemRow[]>();
  for (const row of rows)
    children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const ordered: GuideItem[] = [];
  let questionNumber = 0;
  const visit = (parentId: string | null, parentNumber: string) => {
    let promptNumber = 0;
    for (const row of children.get(parentId) ?? []) {
      let number = '';
      if (row.kind === 'question') number = String((questionNumber += 1));
      else if (row.kind === 'prompt') number = `${parentNumber}.${(promptNumber += 1)}`;
      ordered.push({
        id: row.id,
        parentId: row.parent_id,
        kind: row.kind,
        text: row.text,
        note: row.note,
        durationMinutes: row.duration_minutes,
        position: row.position,
        codeIds: codes.get(row.id) ?? [],
        number,
      });
      visit(row.id, number);
    }
  };
  visit(null, '');
  return ordered;
}

export function getGuide(db: Db, id: string): GuideDetail {
  const row = db.prepare(`${summaryQuery} WHERE g.id = ?`).get(id) as GuideRow | undefined;
  if (!row)
    throw new AxialError('not_found', 'This guide no longer exists. It may have been deleted.', {
      id,
    });
  return { ...toSummary(row), items: guideItems(db, id) };
}

function requireItem(db: Db, id: string): ItemRow & { guide_id: string } {
  const row = db.prepare('SELECT * FROM guide_item WHERE id = ?').get(id) as
    (ItemRow & { guide_id: string }) | undefined;
  if (!row) throw new AxialError('not_found', 'This guide item no longer exists.', { id });
  return row;
}

export function createGuide(
  db: Db,
  changes: ChangeSet,
  title: string,
  versionLabel = '1',
  changeNote = '',
  basedOnId: string | null = null,
): string {
  const { next } = db
    .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM guide')
    .get() as { next: number };
  const id = randomUUID();
  const timestamp = now();
  insertRow(db, changes, 'guide', {
    id,
    title,
    version_label: versionLabel,
    change_note: changeNote,
    based_on_id: basedOnId,
    position: next,
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

export function updateGuide(
  db: Db,
  changes: ChangeSet,
  id: string,
  patch: { title?: string; versionLabel?: string; changeNote?: string },
): void {
  getGuide(db, id);
  const row: Record<string, unknown> = { modified_at: now() };
  if (patch.title !== undefined) row.title = patch.title;
  if (patch.versionLabel !== undefined) row.version_label = patch.versionLabel;
  if (patch.changeNote !== undefined) row.change_note = patch.changeNote;
  updateRow(db, changes, 'guide', id, row);
}

/** The rule of the structure: prompts under questions; questions at the top or under a section; sections at the top. */
function checkParent(db: Db, guideId: string, kind: GuideItemKind, parentId: string | null): void {
  if (parentId === null) {
    if (kind === 'prompt')
      throw new AxialError('invalid_operation', 'A prompt belongs to a question.', {
        reason: 'promptNeedsQuestion',
      });
    return;
  }
  const parent = requireItem(db, parentId);
  if (parent.guide_id !== guideId)
    throw new AxialError('invalid_operation', 'The item belongs to another guide.', {
      reason: 'otherGuide',
    });
  const allowed =
    (kind === 'prompt' && parent.kind === 'question') ||
    (kind === 'question' && parent.kind === 'section');
  if (!allowed)
    throw new AxialError(
      'invalid_operation',
      `A ${kind} cannot be placed under a ${parent.kind}.`,
      { reason: 'badNesting', kind, parent: parent.kind },
    );
}

function siblings(db: Db, guideId: string, parentId: string | null, except?: string): string[] {
  return (
    db
      .prepare(
        'SELECT id FROM guide_item WHERE guide_id = ? AND parent_id IS ? AND id IS NOT ? ORDER BY position, created_at',
      )
      .all(guideId, parentId, except ?? null) as { id: string }[]
  ).map((row) => row.id);
}

function renumber(db: Db, changes: ChangeSet, ids: readonly string[]): void {
  ids.forEach((id, position) => {
    const current = db.prepare('SELECT position FROM guide_item WHERE id = ?').get(id) as {
      position: number;
    };
    if (current.position !== position) updateRow(db, changes, 'guide_item', id, { position });
  });
}

export function addGuideItem(
  db: Db,
  changes: ChangeSet,
  guideId: string,
  input: { kind: GuideItemKind; parentId: string | null; text: string; afterId: string | null },
): string {
  getGuide(db, guideId);
  checkParent(db, guideId, input.kind, input.parentId);
  const order = siblings(db, guideId, input.parentId);
  const at = input.afterId ? order.indexOf(input.afterId) + 1 : order.length;
  const id = randomUUID();
  const timestamp = now();
  insertRow(db, changes, 'guide_item', {
    id,
    guide_id: guideId,
    parent_id: input.parentId,
    kind: input.kind,
    text: input.text,
    note: '',
    duration_minutes: null,
    position: order.length,
    created_at: timestamp,
    modified_at: timestamp,
  });
  order.splice(at < 1 && input.afterId ? order.length : at, 0, id);
  renumber(db, changes, order);
  return id;
}

export function updateGuideItem(
  db: Db,
  changes: ChangeSet,
  id: string,
  patch: { text?: string; note?: string; durationMinutes?: number | null; codeIds?: string[] },
): string {
  const item = requireItem(db, id);
  const row: Record<string, unknown> = { modified_at: now() };
  if (patch.text !== undefined) row.text = patch.text;
  if (patch.note !== undefined) row.note = patch.note;
  if (patch.durationMinutes !== undefined) row.duration_minutes = patch.durationMinutes;
  updateRow(db, changes, 'guide_item', id, row);
  if (patch.codeIds) {
    const wanted = new Set(patch.codeIds);
    for (const codeId of wanted) {
      if (!db.prepare('SELECT 1 FROM code WHERE id = ?').get(codeId))
        throw new AxialError('not_found', 'A linked code no longer exists.', { id: codeId });
    }
    const current = db
      .prepare('SELECT id, code_id FROM guide_item_code WHERE item_id = ?')
      .all(id) as { id: string; code_id: string }[];
    for (const link of current)
      if (!wanted.has(link.code_id)) deleteRow(db, changes, 'guide_item_code', link.id);
    const present = new Set(current.map((link) => link.code_id));
    for (const codeId of wanted)
      if (!present.has(codeId))
        insertRow(db, changes, 'guide_item_code', {
          id: randomUUID(),
          item_id: id,
          code_id: codeId,
        });
  }
  return item.guide_id;
}

export function moveGuideItem(
  db: Db,
  changes: ChangeSet,
  id: string,
  parentId: string | null,
  index: number,
): string {
  const item = requireItem(db, id);
  checkParent(db, item.guide_id, item.kind, parentId);
  if (parentId === id)
    throw new AxialError('invalid_operation', 'An item cannot be placed under itself.', {
      reason: 'badNesting',
    });
  const order = siblings(db, item.guide_id, parentId, id);
  order.splice(Math.min(index, order.length), 0, id);
  if (parentId !== item.parent_id) {
    updateRow(db, changes, 'guide_item', id, { parent_id: parentId, modified_at: now() });
    renumber(db, changes, siblings(db, item.guide_id, item.parent_id));
  }
  renumber(db, changes, order);
  return item.guide_id;
}

/**
 * Indent: a question becomes a prompt of the question before it (its own prompts
 * follow it). Outdent: a prompt becomes a question right after its question.
 */
export function indentGuideItem(
  db: Db,
  changes: ChangeSet,
  id: string,
  direction: 'in' | 'out',
): string {
  const item = requireItem(db, id);
  if (direction === 'out') {
    if (item.kind !== 'prompt' || !item.parent_id)
      throw new AxialError('invalid_operation', 'Only a prompt can become a question.', {
        reason: 'cannotOutdent',
      });
    const question = requireItem(db, item.parent_id);
    const order = siblings(db, item.guide_id, question.parent_id, id);
    order.splice(order.indexOf(question.id) + 1, 0, id);
    updateRow(db, changes, 'guide_item', id, {
      kind: 'question',
      parent_id: question.parent_id,
      modified_at: now(),
    });
    renumber(db, changes, siblings(db, item.guide_id, question.id));
    renumber(db, changes, order);
    return item.guide_id;
  }
  if (item.kind !== 'question')
    throw new AxialError('invalid_operation', 'Only a question can become a prompt.', {
      reason: 'cannotIndent',
    });
  const order = siblings(db, item.guide_id, item.parent_id);
  const previousId = order[order.indexOf(id) - 1];
  const previous = previousId ? requireItem(db, previousId) : null;
  if (!previous || previous.kind !== 'question') {
    throw new AxialError(
      'invalid_operation',
      'A question becomes a prompt of the question before it; there is none.',
      { reason: 'cannotIndent' },
    );
  }
  const prompts = siblings(db, item.guide_id, previous.id);
  updateRow(db, changes, 'guide_item', id, {
    kind: 'prompt',
    parent_id: previous.id,
    position: prompts.length,
    modified_at: now(),
  });
  // Its own prompts move up with it, under the same question.
  for (const promptId of siblings(db, item.guide_id, id)) {
    updateRow(db, changes, 'guide_item', promptId, { parent_id: previous.id, modified_at: now() });
  }
  renumber(db, changes, siblings(db, item.guide_id, previous.id));
  renumber(db, changes, siblings(db, item.guide_id, item.parent_id));
  return item.guide_id;
}

function descendants(db: Db, id: string): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM guide_item WHERE id = ?
       UNION ALL SELECT guide_item.id, tree.depth + 1 FROM guide_item JOIN tree ON guide_item.parent_id = tree.id)
       SELECT id FROM tree ORDER BY depth DESC`,
    )
    .all(id) as { id: string }[];
  return rows.map((row) => row.id);
}

/** Deletes an item with its prompts, their links, answers and checks (undoable). */
export function deleteGuideItem(db: Db, changes: ChangeSet, id: string): string {
  const item = requireItem(db, id);
  for (const itemId of descendants(db, id)) {
    for (const table of ['guide_item_code', 'answer', 'interview_check'] as const) {
      for (const row of db.prepare(`SELECT id FROM ${table} WHERE item_id = ?`).all(itemId) as {
        id: string;
      }[])
        deleteRow(db, changes, table, row.id);
    }
    deleteRow(db, changes, 'guide_item', itemId);
  }
  renumber(db, changes, siblings(db, item.guide_id, item.parent_id));
  return item.guide_id;
}

export function deleteGuide(db: Db, changes: ChangeSet, id: string): void {
  getGuide(db, id);
  for (const row of db.prepare('SELECT id FROM document WHERE guide_id = ?').all(id) as {
    id: string;
  }[]) {
    updateRow(db, changes, 'document', row.id, { guide_id: null });
  }
  for (const row of db.prepare('SELECT id FROM guide WHERE based_on_id = ?').all(id) as {
    id: string;
  }[]) {
    updateRow(db, changes, 'guide', row.id, { based_on_id: null });
  }
  const roots = db
    .prepare('SELECT id FROM guide_item WHERE guide_id = ? AND parent_id IS NULL')
    .all(id) as { id: string }[];
  for (const root of roots) deleteGuideItem(db, changes, root.id);
  deleteRow(db, changes, 'guide', id);
}

/** A new version of a guide: the same items and links under new ids; answers stay with the old version. */
export function duplicateGuide(
  db: Db,
  changes: ChangeSet,
  id: string,
  versionLabel: string,
  changeNote: string,
): string {
  const guide = getGuide(db, id);
  const copy = createGuide(db, changes, guide.title, versionLabel, changeNote, id);
  const ids = new Map<string, string>();
  const timestamp = now();
  for (const item of guide.items) {
    const newId = randomUUID();
    ids.set(item.id, newId);
    insertRow(db, changes, 'guide_item', {
      id: newId,
      guide_id: copy,
      parent_id: item.parentId ? (ids.get(item.parentId) ?? null) : null,
      kind: item.kind,
      text: item.text,
      note: item.note,
      duration_minutes: item.durationMinutes,
      position: item.position,
      created_at: timestamp,
      modified_at: timestamp,
    });
    for (const codeId of item.codeIds)
      insertRow(db, changes, 'guide_item_code', {
        id: randomUUID(),
        item_id: newId,
        code_id: codeId,
      });
  }
  return copy;
}
