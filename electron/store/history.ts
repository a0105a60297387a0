import type { HistoryResult, HistoryState, TextChange } from '../../shared/documents';
import type { HistoryAction } from '../../shared/history';
import { AxialError } from '../../shared/errors';
import type { Db } from './database';
import { replayDocumentSteps } from './documents';
import type { JournalEntry } from './journal';
import { ChangeSet, writeImage } from './journal';

const MAX_ENTRIES = 500;

/**
 * The project session's undo history: one linear list for text edits,
 * codings and the codebook, so Ctrl+Z undoes the last thing done, whatever it was.
 */
export class History {
  private readonly undoStack: JournalEntry[] = [];
  private readonly redoStack: JournalEntry[] = [];

  state(): HistoryState {
    return {
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }

  /** Runs an action in one transaction and records what it changed. */
  run<T>(db: Db, label: HistoryAction, action: (changes: ChangeSet) => T): T {
    const changes = new ChangeSet(label);
    const result = db.transaction(() => action(changes)).immediate();
    if (!changes.empty) {
      this.undoStack.push(changes.entry());
      if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
      this.redoStack.length = 0;
    }
    return result;
  }

  undo(db: Db): HistoryResult {
    const entry = this.undoStack.pop();
    if (!entry) throw new AxialError('nothing_to_undo', 'There is nothing to undo.');
    try {
      const textChanges = db
        .transaction(() => {
          const changes: TextChange[] = [];
          for (const text of [...entry.text].reverse()) {
            changes.push({
              documentId: text.documentId,
              steps: text.inverted,
              version: replayDocumentSteps(db, text.documentId, text.inverted),
            });
          }
          for (const row of [...entry.rows].reverse())
            writeImage(db, row.table, row.id, row.before);
          return changes;
        })
        .immediate();
      this.redoStack.push(entry);
      return { label: entry.label, textChanges, ...this.state() };
    } catch (error) {
      this.undoStack.push(entry);
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
            changes.push({
              documentId: text.documentId,
              steps: text.steps,
              version: replayDocumentSteps(db, text.documentId, text.steps),
            });
          }
          for (const row of entry.rows) writeImage(db, row.table, row.id, row.after);
          return changes;
        })
        .immediate();
      this.undoStack.push(entry);
      return { label: entry.label, textChanges, ...this.state() };
    } catch (error) {
      this.redoStack.push(entry);
      throw error;
    }
  }
}
