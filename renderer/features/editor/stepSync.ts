import type { Step } from '@tiptap/pm/transform';
import type { Api } from '../../../shared/contract/api';

const FLUSH_DELAY = 300;

interface Batch {
  steps: Step[];
  /** Continues the previous edit (typing on from where the last change ended). */
  continues: boolean;
}

/** The first range a step changes: where it was, and where it ends afterwards. */
function changedRange(step: Step): { from: number; to: number; end: number } | null {
  let range: { from: number; to: number; end: number } | null = null;
  step.getMap().forEach((oldStart, oldEnd, _newStart, newEnd) => {
    range ??= { from: oldStart, to: oldEnd, end: newEnd };
  });
  return range;
}

/**
 * Sends the editor's steps to the project as they are made: at most every
 * 300 ms while typing, at once before undo, coding, or leaving the document.
 * Each batch is one transaction in the project. Typing that goes on from where
 * the last change ended is marked as continuing, so undo takes it back as one
 * step, as a word processor does; a jump elsewhere starts a new undo step.
 */
export class StepSync {
  private batches: Batch[] = [];
  private lastEnd: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly api: Api,
    private readonly documentId: string,
    public version: number,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** The caret moved without typing (a click, an arrow key): the next edit is a new undo step. */
  caretMoved(): void {
    this.lastEnd = null;
  }

  record(steps: readonly Step[]): void {
    for (const step of steps) {
      const range = changedRange(step);
      const continues =
        range !== null &&
        this.lastEnd !== null &&
        range.from <= this.lastEnd &&
        this.lastEnd <= range.to;
      let batch = this.batches.at(-1);
      if (!batch || !continues) {
        batch = { steps: [], continues };
        this.batches.push(batch);
      }
      batch.steps.push(step);
      this.lastEnd = range ? range.end : null;
    }
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY);
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    const batch = this.batches.shift();
    if (!batch) return;
    this.inFlight = this.api['documents.applySteps']({
      id: this.documentId,
      version: this.version,
      steps: batch.steps.map((step) => step.toJSON() as { stepType: string }),
      continueTyping: batch.continues,
    })
      .then((result) => {
        this.version = result.version;
      })
      .catch((error: unknown) => {
        this.batches = [];
        this.onFailure(error);
      })
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
    if (this.batches.length > 0) await this.flush();
  }
}
