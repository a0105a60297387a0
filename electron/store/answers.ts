import { randomUUID } from 'node:crypto';
import { AxialError } from '../../shared/errors';
import type { Answer, AnswerPassage, Coverage, CoverageCell } from '../../shared/guides';
import { codePointLength, sliceCodePoints } from '../../shared/text/codePoints';
import { documentFromJson } from '../../shared/editor/schema';
import { buildTextIndex } from '../../shared/text/textIndex';
import { now } from './clock';
import type { Db } from './database';
import { getDocumentText } from './documents';
import { getGuide } from './guides';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow } from './journal';

interface AnswerRow {
  id: string;
  document_id: string;
  item_id: string;
  start: number;
  end: number;
}

function toAnswer(row: AnswerRow): Answer {
  return {
    id: row.id,
    documentId: row.document_id,
    itemId: row.item_id,
    start: row.start,
    end: row.end,
  };
}

export function listAnswers(db: Db, documentId: string): Answer[] {
  getDocumentText(db, documentId);
  return (
    db
      .prepare('SELECT * FROM answer WHERE document_id = ? ORDER BY start')
      .all(documentId) as AnswerRow[]
  ).map(toAnswer);
}

function requireQuestion(db: Db, itemId: string): void {
  const item = db.prepare('SELECT kind FROM guide_item WHERE id = ?').get(itemId) as
    { kind: string } | undefined;
  if (!item)
    throw new AxialError('not_found', 'This guide question no longer exists.', { id: itemId });
  if (item.kind === 'section')
    throw new AxialError('invalid_operation', 'A section is not a question; choose a question.', {
      reason: 'sectionNotQuestion',
    });
}

/** Marks a passage as the answer to a question; the same passage marked twice stays one answer. */
export function createAnswer(
  db: Db,
  changes: ChangeSet,
  documentId: string,
  itemId: string,
  start: number,
  end: number,
): Answer {
  requireQuestion(db, itemId);
  const { length } = getDocumentText(db, documentId);
  if (end > length) {
    throw new AxialError(
      'invalid_input',
      `The passage ${start}–${end} is outside the document (${length} characters).`,
      {
        details: `${start}–${end} / ${length}`,
      },
    );
  }
  const existing = db
    .prepare(
      'SELECT * FROM answer WHERE document_id = ? AND item_id = ? AND start = ? AND "end" = ?',
    )
    .get(documentId, itemId, start, end) as AnswerRow | undefined;
  if (existing) return toAnswer(existing);
  const id = randomUUID();
  const timestamp = now();
  insertRow(db, changes, 'answer', {
    id,
    document_id: documentId,
    item_id: itemId,
    start,
    end,
    created_at: timestamp,
    modified_at: timestamp,
  });
  return toAnswer(db.prepare('SELECT * FROM answer WHERE id = ?').get(id) as AnswerRow);
}

export function deleteAnswer(db: Db, changes: ChangeSet, id: string): void {
  if (!db.prepare('SELECT 1 FROM answer WHERE id = ?').get(id))
    throw new AxialError('not_found', 'This answer no longer exists.', { id });
  deleteRow(db, changes, 'answer', id);
}

function timeAt(
  index: ReturnType<typeof buildTextIndex>,
  offset: number,
  after: boolean,
): number | null {
  const blocks = index.blocks;
  if (after) {
    const next = blocks.find((block) => block.start >= offset && block.time !== null);
    return next?.time ?? null;
  }
  let time: number | null = null;
  for (const block of blocks) {
    if (block.start > offset) break;
    if (block.time !== null) time = block.time;
  }
  return time;
}

/** Questions × interviews: answered, asked (ticked in the interview) or missing, with time spent where turns carry times. */
export function coverage(db: Db, guideId: string): Coverage {
  const guide = getGuide(db, guideId);
  // Prompts have rows of their own, under their question: a follow-up can be answered or missed too.
  const questions = guide.items.filter((item) => item.kind !== 'section');
  const documents = db
    .prepare(
      `SELECT id, title, content FROM document WHERE guide_id = ?
       OR id IN (SELECT a.document_id FROM answer a JOIN guide_item i ON i.id = a.item_id WHERE i.guide_id = ?)
       ORDER BY position, created_at`,
    )
    .all(guideId, guideId) as { id: string; title: string; content: string }[];
  const cells: CoverageCell[] = [];
  for (const document of documents) {
    const index = buildTextIndex(documentFromJson(JSON.parse(document.content)));
    const answers = db
      .prepare('SELECT * FROM answer WHERE document_id = ? ORDER BY start')
      .all(document.id) as AnswerRow[];
    const checks = new Set(
      (
        db
          .prepare('SELECT item_id FROM interview_check WHERE document_id = ?')
          .all(document.id) as { item_id: string }[]
      ).map((row) => row.item_id),
    );
    for (const question of questions) {
      // A question is answered by an answer to it or to one of its prompts; a prompt by its own.
      const itemIds = new Set([
        question.id,
        ...(question.kind === 'question'
          ? guide.items.filter((item) => item.parentId === question.id).map((item) => item.id)
          : []),
      ]);
      const answered = answers.filter((row) => itemIds.has(row.item_id));
      const answer = answered[0];
      // The time spent on a question is that of all its answers (to it and to its prompts), each
      // counted once where they overlap; unknown if any of them has no times.
      let milliseconds: number | null = null;
      let coveredTo = -Infinity;
      for (const row of answered) {
        const from = timeAt(index, row.start, false);
        const to = timeAt(index, row.end, true);
        if (from === null || to === null || to <= from) {
          milliseconds = null;
          break;
        }
        const start = Math.max(from, coveredTo);
        milliseconds = (milliseconds ?? 0) + Math.max(0, to - start);
        coveredTo = Math.max(coveredTo, to);
      }
      cells.push({
        documentId: document.id,
        itemId: question.id,
        status: answer ? 'answered' : checks.has(question.id) ? 'asked' : 'missing',
        answerId: answer?.id ?? null,
        start: answer?.start ?? null,
        end: answer?.end ?? null,
        milliseconds,
      });
    }
  }
  return {
    guideId,
    documents: documents.map((document) => ({ id: document.id, title: document.title })),
    questions: questions.map((question) => ({
      id: question.id,
      number: question.number,
      text: question.text,
      kind: question.kind === 'question' ? 'question' : 'prompt',
      parentId: question.parentId,
    })),
    cells,
  };
}

/** Every answer to the guide's questions, in guide order then document order: "all answers to question 2". */
export function answersByQuestion(db: Db, guideId: string): AnswerPassage[] {
  const guide = getGuide(db, guideId);
  const order = new Map(guide.items.map((item, position) => [item.id, position]));
  const rows = db
    .prepare(
      `SELECT a.*, d.title, d.plain_text, d.position AS document_position FROM answer a
       JOIN guide_item i ON i.id = a.item_id JOIN document d ON d.id = a.document_id WHERE i.guide_id = ?`,
    )
    .all(guideId) as (AnswerRow & {
    title: string;
    plain_text: string;
    document_position: number;
  })[];
  rows.sort(
    (a, b) =>
      (order.get(a.item_id) ?? 0) - (order.get(b.item_id) ?? 0) ||
      a.document_position - b.document_position ||
      a.start - b.start,
  );
  return rows.map((row) => ({
    answer: toAnswer(row),
    documentTitle: row.title,
    text:
      codePointLength(row.plain_text) === row.plain_text.length
        ? row.plain_text.slice(row.start, row.end)
        : sliceCodePoints(row.plain_text, row.start, row.end),
  }));
}

export function listChecks(db: Db, documentId: string): string[] {
  return (
    db.prepare('SELECT item_id FROM interview_check WHERE document_id = ?').all(documentId) as {
      item_id: string;
    }[]
  ).map((row) => row.item_id);
}

export function setCheck(
  db: Db,
  changes: ChangeSet,
  documentId: string,
  itemId: string,
  checked: boolean,
): void {
  getDocumentText(db, documentId);
  requireQuestion(db, itemId);
  const existing = db
    .prepare('SELECT id FROM interview_check WHERE document_id = ? AND item_id = ?')
    .get(documentId, itemId) as { id: string } | undefined;
  if (checked && !existing)
    insertRow(db, changes, 'interview_check', {
      id: randomUUID(),
      document_id: documentId,
      item_id: itemId,
      checked_at: now(),
    });
  if (!checked && existing) deleteRow(db, changes, 'interview_check', existing.id);
}
