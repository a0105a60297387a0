import type { HistoryResult, HistoryState, TextChange } from '../../shared/documents';
import { AxialError } from '../../shared/errors';
import type { HistoryAction } from '../../shared/history';
import type { Db } from './database';
import { replayDocumentSteps } from './documents';
import type { JournalEntry } from './journal';
import { ChangeSet, writeImage, writeRanges } from './journal';

const MAX_ENTRIES = 500;
/** Typing flushed in several pieces within this pause is undone as one, as editors do. */
const GROUP_WITHIN_MS = 1000;

interface Recorded {
  entry: JournalEntry;
  groupKey: string | null;
  at: number;
}

/**
 * The project session's undo history: one linear list for text edits,
 * codings and the codebook, so Ctrl+Z undoes the last thing done, whatever it was.
 */
export class History {
  private readonly undoStack: Recorded[] = [];
  private readonly redoStack: JournalEntry[] = [];

  constructor(private readonly clock: () => number = Date.now) {}

  state(): HistoryState {
    return {
      undoLabel: this.undoStack.at(-1)?.entry.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
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
    const changes = new ChangeSet(label);
    const result = db.transaction(() => action(changes)).immediate();
    if (changes.empty) return result;
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
      top.entry.rows.push(...changes.rows);
      top.entry.text.push(...changes.text);
      top.entry.ranges.push(...changes.ranges);
      top.at = now;
    } else {
      this.undoStack.push({ entry: changes.entry(), groupKey, at: now });
      if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
    }
    this.redoStack.length = 0;
    return result;
  }

  undo(db: Db): HistoryResult {
    const recorded = this.undoStack.pop();
    if (!recorded) throw new AxialError('nothing_to_undo', 'There is nothing to undo.');
    const { entry } = recorded;
    try {
      const textChanges = db
        .transaction(() => {
          const changes: TextChange[] = [];
          for (const text of [...entry.text].reverse()) {
            const version = replayDocumentSteps(db, text.documentId, text.inverted);
            changes.push({ documentId: text.documentId, steps: text.inverted, version });
          }
          // Ranges back to where they were, then rows: a coding the edit deleted comes back whole.
          writeRanges(db, [...entry.ranges].reverse(), 'before');
          for (const row of [...entry.rows].reverse())
            writeImage(db, row.table, row.id, row.before);
          return changes;
        })
        .immediate();
      this.redoStack.push(entry);
      return { label: entry.label, textChanges, ...this.state() };
    } catch (error) {
      this.undoStack.push(recorded);
      throw error;
    }
  }

  redo(db: Db): HistoryResult {
    const entry = this.redoStack.pop();
    if (!entry) throw new AxialError('nothing_to_undo', 'There is nothing to redo.');
    try {
      const textChanges = db
        .transaction(() => {
          const changes: TextChange[] = [];
          for (const text of entry.text) {
            const version = replayDocumentSteps(db, text.documentId, text.steps);
            changes.push({ documentId: text.documentId, steps: text.steps, version });
          }
          for (const row of entry.rows) writeImage(db, row.table, row.id, row.after);
          writeRanges(db, entry.ranges, 'after');
          return changes;
        })
        .immediate();
      // A redone entry never joins later typing.
      this.undoStack.push({ entry, groupKey: null, at: 0 });
      return { label: entry.label, textChanges, ...this.state() };
    } catch (error) {
      this.redoStack.push(entry);
      throw error;
    }
  }
}
