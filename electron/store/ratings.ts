import { randomUUID } from 'node:crypto';
import type { ChartSettings, Rating, Ratings, RatingScale } from '../../shared/analysis';
import { AxialError } from '../../shared/errors';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';

export function getScale(db: Db): RatingScale {
  const row = db
    .prepare("SELECT minimum, maximum, labels FROM rating_scale WHERE id = 'scale'")
    .get() as { minimum: number; maximum: number; labels: string };
  return { minimum: row.minimum, maximum: row.maximum, labels: JSON.parse(row.labels) as string[] };
}

/** Changes the scale; refused when a rating already given would fall outside it. */
export function setScale(db: Db, changes: ChangeSet, scale: RatingScale): void {
  if (scale.maximum <= scale.minimum)
    throw new AxialError('invalid_input', 'The top of the scale must be above its bottom.', {
      reason: 'badScale',
    });
  const outside = db
    .prepare('SELECT COUNT(*) AS count FROM rating WHERE value < ? OR value > ?')
    .get(scale.minimum, scale.maximum) as { count: number };
  if (outside.count > 0) {
    throw new AxialError(
      'invalid_operation',
      `${outside.count} ratings fall outside ${scale.minimum}–${scale.maximum}. Change them first.`,
      {
        reason: 'ratingsOutsideScale',
        count: outside.count,
      },
    );
  }
  updateRow(db, changes, 'rating_scale', 'scale', {
    minimum: scale.minimum,
    maximum: scale.maximum,
    labels: JSON.stringify(scale.labels.slice(0, scale.maximum - scale.minimum + 1)),
  });
}

export function listRatings(db: Db): Ratings {
  const rows = db
    .prepare('SELECT id, case_id, code_id, value, justification, coder FROM rating')
    .all() as {
    id: string;
    case_id: string;
    code_id: string;
    value: number | null;
    justification: string;
    coder: string;
  }[];
  const evidence = db
    .prepare(
      'SELECT e.rating_id, e.coding_id FROM rating_evidence e JOIN coding c ON c.id = e.coding_id ORDER BY c.document_id, c.start',
    )
    .all() as { rating_id: string; coding_id: string }[];
  const byRating = new Map<string, string[]>();
  for (const row of evidence)
    byRating.set(row.rating_id, [...(byRating.get(row.rating_id) ?? []), row.coding_id]);
  const ratings: Rating[] = rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    codeId: row.code_id,
    value: row.value,
    justification: row.justification,
    coder: row.coder,
    evidence: byRating.get(row.id) ?? [],
  }));
  return { scale: getScale(db), ratings };
}

function ratingFor(db: Db, changes: ChangeSet, caseId: string, codeId: string): string {
  if (!db.prepare('SELECT 1 FROM study_case WHERE id = ?').get(caseId))
    throw new AxialError('not_found', 'This case no longer exists.', { id: caseId });
  if (!db.prepare('SELECT 1 FROM code WHERE id = ?').get(codeId))
    throw new AxialError('not_found', 'This axis no longer exists.', { id: codeId });
  const existing = db
    .prepare('SELECT id FROM rating WHERE case_id = ? AND code_id = ?')
    .get(caseId, codeId) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = randomUUID();
  const timestamp = now();
  insertRow(db, changes, 'rating', {
    id,
    case_id: caseId,
    code_id: codeId,
    value: null,
    justification: '',
    coder: '',
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

/** Sets a case's rating on an axis (or variable): its value on the scale and its justification. */
export function setRating(
  db: Db,
  changes: ChangeSet,
  caseId: string,
  codeId: string,
  patch: { value?: number | null; justification?: string },
  /** Who judges: recorded with the rating, the last to change it. */
  coder = '',
): void {
  const scale = getScale(db);
  if (
    patch.value !== undefined &&
    patch.value !== null &&
    (patch.value < scale.minimum || patch.value > scale.maximum)
  ) {
    throw new AxialError(
      'invalid_input',
      `A rating is between ${scale.minimum} and ${scale.maximum}.`,
      { reason: 'outsideScale', minimum: scale.minimum, maximum: scale.maximum },
    );
  }
  const id = ratingFor(db, changes, caseId, codeId);
  const row: Record<string, unknown> = { modified_at: now() };
  if (patch.value !== undefined) row.value = patch.value;
  if (patch.justification !== undefined) row.justification = patch.justification;
  if (coder) row.coder = coder;
  updateRow(db, changes, 'rating', id, row);
}

/** Gives a coded passage as evidence for a case's rating on an axis. */
export function linkEvidence(
  db: Db,
  changes: ChangeSet,
  caseId: string,
  codeId: string,
  codingId: string,
  linked: boolean,
): void {
  if (!db.prepare('SELECT 1 FROM coding WHERE id = ?').get(codingId))
    throw new AxialError('not_found', 'This coded passage no longer exists.', { id: codingId });
  const ratingId = ratingFor(db, changes, caseId, codeId);
  const existing = db
    .prepare('SELECT id FROM rating_evidence WHERE rating_id = ? AND coding_id = ?')
    .get(ratingId, codingId) as { id: string } | undefined;
  if (linked && !existing)
    insertRow(db, changes, 'rating_evidence', {
      id: randomUUID(),
      rating_id: ratingId,
      coding_id: codingId,
    });
  if (!linked && existing) deleteRow(db, changes, 'rating_evidence', existing.id);
}

export function getChart(db: Db): ChartSettings {
  const row = db
    .prepare("SELECT x_code_id, y_code_id, quadrants FROM chart_setting WHERE id = 'chart'")
    .get() as {
    x_code_id: string | null;
    y_code_id: string | null;
    quadrants: string;
  };
  return {
    xCodeId: row.x_code_id,
    yCodeId: row.y_code_id,
    quadrants: JSON.parse(row.quadrants) as string[],
  };
}

export function setChart(db: Db, changes: ChangeSet, settings: ChartSettings): void {
  for (const id of [settings.xCodeId, settings.yCodeId]) {
    if (id && !db.prepare('SELECT 1 FROM code WHERE id = ?').get(id))
      throw new AxialError('not_found', 'This axis no longer exists.', { id });
  }
  updateRow(db, changes, 'chart_setting', 'chart', {
    x_code_id: settings.xCodeId,
    y_code_id: settings.yCodeId,
    quadrants: JSON.stringify(settings.quadrants.slice(0, 4)),
  });
}

/** Before a case or code goes: its ratings and their evidence go too, and the chart forgets the axis. */
export function deleteRatingsOf(
  db: Db,
  changes: ChangeSet,
  column: 'case_id' | 'code_id',
  id: string,
): void {
  const ratings = db.prepare(`SELECT id FROM rating WHERE ${column} = ?`).all(id) as {
    id: string;
  }[];
  for (const rating of ratings) {
    const evidence = db
      .prepare('SELECT id FROM rating_evidence WHERE rating_id = ?')
      .all(rating.id) as { id: string }[];
    for (const row of evidence) deleteRow(db, changes, 'rating_evidence', row.id);
    deleteRow(db, changes, 'rating', rating.id);
  }
  if (column === 'code_id') {
    const chart = getChart(db);
    if (chart.xCodeId === id || chart.yCodeId === id) {
      updateRow(db, changes, 'chart_setting', 'chart', {
        x_code_id: chart.xCodeId === id ? null : chart.xCodeId,
        y_code_id: chart.yCodeId === id ? null : chart.yCodeId,
      });
    }
  }
}
