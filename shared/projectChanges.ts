import type { AttributeDefinition, CaseRecord, ParticipantRecord } from './cases';
import type { CodeNode, DocumentSummary, HistoryState } from './documents';

/**
 * A list the workspace keeps: `rows` are the rows a write changed (or the whole
 * list when it changed too many), `order` every id the list holds, in order.
 * A row not in `order` is gone; one in `order` but not in `rows` is as it was.
 */
export interface ListChange<Row> {
  rows: Row[];
  order: string[];
}

/**
 * What a write changed, carried beside its result: the undo history as it now
 * is, and the workspace's lists it touched. The renderer applies it instead of
 * reading every list again after each action.
 */
export interface ProjectChanges {
  history: HistoryState;
  /** How many of the session's writes this call made (history.writes counts them all). */
  written: number;
  codes?: ListChange<CodeNode>;
  documents?: ListChange<DocumentSummary>;
  cases?: ListChange<CaseRecord>;
  participants?: ListChange<ParticipantRecord>;
  attributes?: ListChange<AttributeDefinition>;
}

export type ProjectListName = Exclude<keyof ProjectChanges, 'history' | 'written'>;

/**
 * The list with a change applied, or null when the change names a row the list
 * never had (the list went out of step): the caller then reads it whole.
 */
export function applyListChange<Row extends { id: string }>(
  previous: readonly Row[],
  change: ListChange<Row>,
): Row[] | null {
  const byId = new Map(previous.map((row) => [row.id, row]));
  for (const row of change.rows) byId.set(row.id, row);
  const next: Row[] = [];
  for (const id of change.order) {
    const row = byId.get(id);
    if (!row) return null;
    next.push(row);
  }
  return next;
}
