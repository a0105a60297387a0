import type {
  MergeChoice,
  MergeConflict,
  MergeField,
  MergeKind,
  MergeSubject,
} from '../../shared/merge';
import { mergeKinds } from '../../shared/merge';
import { now } from '../store/clock';
import type { Db } from '../store/database';
import type { ChangeSet, JournaledTable, RowImage } from '../store/journal';
import { deleteRow, insertRow, updateRow } from '../store/journal';

/** How a merge writes: through the undo journal, or (a preview) not at all. */
export interface MergeWrites {
  insert(table: JournaledTable, row: RowImage): void;
  update(table: JournaledTable, id: string, patch: RowImage): void;
  remove(table: JournaledTable, id: string): void;
}

export const previewWrites: MergeWrites = { insert() {}, update() {}, remove() {} };

export function journalWrites(db: Db, changes: ChangeSet): MergeWrites {
  return {
    insert: (table, row) => insertRow(db, changes, table, row),
    update: (table, id, patch) => updateRow(db, changes, table, id, patch),
    remove: (table, id) => deleteRow(db, changes, table, id),
  };
}

export type Row = Record<string, unknown>;

/** A name as people match it: composed, trimmed, case folded. */
export const nameKey = (value: unknown) =>
  String(value ?? '')
    .normalize('NFC')
    .trim()
    .toLocaleLowerCase();

const blank = (value: unknown) => value === null || value === undefined || value === '';

/** What one merge carries from phase to phase: the two projects, the ids matched, the tallies. */
export class MergeContext {
  readonly added = Object.fromEntries(mergeKinds.map((kind) => [kind, 0])) as Record<
    MergeKind,
    number
  >;
  readonly conflicts: MergeConflict[] = [];
  taken = 0;
  /** Their rows this project deleted since the copy was made: they stay deleted. */
  keptDeleted = 0;
  readonly timestamp = now();
  /** Their ids → this project's, per table. */
  readonly codes = new Map<string, string>();
  readonly cases = new Map<string, string>();
  readonly participants = new Map<string, string>();
  readonly attributes = new Map<string, string>();
  readonly documents = new Map<string, string>();
  /** Their attributes whose type differs here (their id → the name here): values not brought. */
  readonly typeMismatch = new Map<string, string>();
  /** Their codings now here (matched or brought in), by their id. */
  readonly codings = new Map<string, string>();

  constructor(
    readonly db: Db,
    readonly source: Db,
    readonly writes: MergeWrites,
    private readonly choices: ReadonlyMap<string, MergeChoice>,
  ) {}

  /**
   * Whether this project deleted the row: theirs then comes from a copy made
   * before, and is not brought back (counted). An undo of the deletion brings
   * it back here, and it merges again.
   */
  deletedHere(table: JournaledTable, id: unknown): boolean {
    const deleted = this.db
      .prepare('SELECT 1 FROM deleted_row WHERE table_name = ? AND id = ?')
      .get(table, String(id));
    if (deleted) this.keptDeleted += 1;
    return deleted !== undefined;
  }

  choice(key: string): MergeChoice {
    return this.choices.get(key) ?? 'mine';
  }

  /** The next position among rows of `table` matching `where` (a sibling group). */
  nextPosition(table: JournaledTable, where = '1 = 1', ...parameters: unknown[]): () => number {
    let next =
      ((this.db
        .prepare(`SELECT MAX(position) FROM "${table}" WHERE ${where}`)
        .pluck()
        .get(...parameters) as number | null) ?? -1) + 1;
    return () => next++;
  }

  /** Their id when this project has no row by it, else a new one. */
  freeId(table: JournaledTable, id: unknown): string {
    const taken = this.db.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).get(id);
    return taken ? crypto.randomUUID() : String(id);
  }

  /**
   * Compares the fields both rows hold: a field empty here takes theirs (nothing
   * is overwritten); one they left empty stays; one both filled differently is
   * a conflict, kept as here unless the researcher takes theirs. `unique` says
   * which fields another row here may already hold (a name): theirs is then
   * not offered.
   */
  compare(
    table: JournaledTable,
    subject: MergeSubject,
    name: string,
    mine: Row,
    theirs: Row,
    fields: readonly (readonly [column: string, field: MergeField])[],
    taken: (column: string, value: unknown) => boolean = () => false,
  ): void {
    const patch: RowImage = {};
    for (const [column, field] of fields) {
      const here = mine[column];
      const there = theirs[column];
      if ((here ?? null) === (there ?? null) || blank(there)) continue;
      if (blank(here)) {
        patch[column] = there;
        // A memo comes with who wrote it.
        if (column === 'memo') patch.memo_coder = theirs.memo_coder ?? null;
        if (field === 'memo') this.added.memos += 1;
        continue;
      }
      if (taken(column, there)) continue;
      const key = `${table}:${String(mine.id)}:${column}`;
      this.conflicts.push({
        key,
        subject,
        field,
        name,
        mine: String(here),
        theirs: String(there),
      });
      if (this.choice(key) === 'theirs') {
        patch[column] = there;
        if (column === 'memo') patch.memo_coder = theirs.memo_coder ?? null;
        this.taken += 1;
      }
    }
    if (Object.keys(patch).length === 0) return;
    // Dropped by the journal where a table keeps no modification time.
    patch.modified_at = this.timestamp;
    this.writes.update(table, String(mine.id), patch);
  }
}
