import type { HistoryResult, HistoryState, TextChange } from '../../shared/documents';
import type { ReadOnlyCopy } from '../../shared/domain';
import { AxialError } from '../../shared/errors';
import type { HistoryAction } from '../../shared/history';
import { recordHistoryActivity } from './activity';
import type { Db } from './database';
import { replayDocumentSteps } from './documents';
import type { JournalEntry, Operation } from './journal';
import { ChangeSet, replayOperation } from './journal';

const MAX_ENTRIES = 500;

export function readOnly(copy: ReadOnlyCopy): AxialError {
  if (copy.notWritable)
    return new AxialError(
      'read_only',
      `This is a read-only copy of "${copy.of}", which Axial cannot write to: it can be read and exported, not changed. Save a copy in a folder you can write to, and work on that.`,
      { path: copy.of, reason: 'copyOfNotWritable' },
    );
  return new AxialError(
    'read_only',
    `This is a read-only copy of "${copy.of}", which is open elsewhere: it can be read and exported, not changed. Close it, then open the project itself once it is closed there.`,
    { path: copy.of },
  );
}
/** Typing flushed in several pieces within this pause is undone as one, as editors do. */
const GROUP_WITHIN_MS = 1000;

interface Recorded {
  entry: JournalEntry;
  groupKey: string | null;
  at: number;
}

/**
 * The project session's undo history: one linear list for text edits,
 * codings and the codebook, so Ctrl+Z undoes the last thing done, whatever it
 * was. Each entry is the ordered log of what its action wrote.
 */
export class History {
  private readonly undoStack: Recorded[] = [];
  private readonly redoStack: JournalEntry[] = [];

  constructor(
    private readonly clock: () => number = Date.now,
    /** Set when this session is a read-only copy: nothing may be written. */
    private readonly readOnlyCopy: ReadOnlyCopy | null = null,
  ) {}

  /** Written, undone or redone since the dispatcher last asked, one batch per write: what the renderer is told. */
  private unreported: Operation[][] = [];
  /** Every write of this session, counted: a client that sees the count jump knows another wrote. */
  private writes = 0;

  private report(operations: readonly Operation[]): void {
    this.unreported.push([...operations]);
    this.writes += 1;
  }

  /** The writes since the last call, one batch of operations each. */
  takeUnreported(): Operation[][] {
    const batches = this.unreported;
    this.unreported = [];
    return batches;
  }

  /** Found after opening, by the check on its own thread: nothing more is written to the file. */
  private damage: AxialError | null = null;

  markDamaged(error: AxialError): void {
    this.damage = error;
  }

  private refuseWrites(): void {
    if (this.readOnlyCopy !== null) throw readOnly(this.readOnlyCopy);
    if (this.damage) throw this.damage;
  }

  state(): HistoryState {
    return {
      undoLabel: this.undoStack.at(-1)?.entry.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
      writes: this.writes,
    };
  }

  /**
   * Runs an action in one transaction and records what it changed. An action of
   * a group (typing in one document) that asks to join, and follows the last one
   * closely, joins its undo entry: the editor asks when the caret has not moved.
   */
  run<T>(
    db: Db,
    label: HistoryAction,
    action: (changes: ChangeSet) => T,
    group: { key: string; join: boolean } | null = null,
  ): T {
    this.refuseWrites();
    const changes = new ChangeSet(label);
    const result = db
      .transaction(() => {
        const value = action(changes);
        if (!changes.empty) recordHistoryActivity(db, 'do', label, changes.operations);
        return value;
      })
      .immediate();
    changes.committed();
    if (changes.empty) return result;
    this.report(changes.operations);
    const now = this.clock();
    const top = this.undoStack.at(-1);
    const groupKey = group?.key ?? null;
    const joins =
      group !== null &&
      group.join &&
      top?.groupKey === group.key &&
      now - top.at < GROUP_WITHIN_MS &&
      this.redoStack.length === 0;
    if (joins) {
      // Appended in order: undo walks the joined batches back exactly as they were made.
      top.entry.operations.push(...changes.operations);
      top.at = now;
    } else {
      this.undoStack.push({ entry: changes.entry(), groupKey, at: now });
      if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
    }
    this.redoStack.length = 0;
    return result;
  }

  undo(db: Db): HistoryResult {
    const recorded = this.undoStack.at(-1);
    if (!recorded) throw new AxialError('nothing_to_undo', 'There is nothing to undo.');
    const textChanges = this.replay(db, recorded.entry, 'undo');
    this.report(recorded.entry.operations);
    this.undoStack.pop();
    this.redoStack.push(recorded.entry);
    return { label: recorded.entry.label, textChanges, ...this.state() };
  }

  redo(db: Db): HistoryResult {
    const entry = this.redoStack.at(-1);
    if (!entry) throw new AxialError('nothing_to_undo', 'There is nothing to redo.');
    const textChanges = this.replay(db, entry, 'redo');
    this.report(entry.operations);
    this.redoStack.pop();
    // A redone entry never joins later typing.
    this.undoStack.push({ entry, groupKey: null, at: 0 });
    return { label: entry.label, textChanges, ...this.state() };
  }

  /**
   * Replays an entry's operations in exact reverse (undo) or in order (redo), in
   * one transaction: if one of them finds the project not as it left it, the
   * whole entry is refused, nothing is written, and the history stays as it was.
   */
  private replay(db: Db, entry: JournalEntry, direction: 'undo' | 'redo'): TextChange[] {
    const changes = new ChangeSet(entry.label);
    const operations =
      direction === 'undo' ? [...entry.operations].reverse() : [...entry.operations];
    const textChanges = db
      .transaction(() => {
        const replayed: TextChange[] = [];
        for (const operation of operations) {
          const text = replayOperation(db, operation, direction, (documentId, steps) =>
            replayDocumentSteps(db, changes, documentId, steps),
          );
          if (text) replayed.push(text);
        }
        recordHistoryActivity(db, direction, entry.label, entry.operations);
        return replayed;
      })
      .immediate();
    changes.committed();
    return textChanges;
  }
}
