import { Extension } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { Step } from '@tiptap/pm/transform';
import { Mapping } from '@tiptap/pm/transform';
import { collab, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import type { Api } from '../../../shared/contract/api';
import type { HistoryState } from '../../../shared/documents';
import type { TextIndex } from '../../../shared/text/textIndex';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';

const FLUSH_DELAY = 300;
const EDITOR_CLIENT = 'editor';
const PROJECT_CLIENT = 'project';
/** Marks transactions that bring the project's own steps (a confirmation, an undo): they are not typing. */
export const REMOTE_META = 'remote';

/**
 * prosemirror-collab keeps the steps the project has not confirmed yet and
 * rebases them over steps that come from the project (an undo made while the
 * researcher types), so typing is never applied to a text it was not made on.
 */
export const StepAuthority = Extension.create({
  name: 'stepAuthority',
  addProseMirrorPlugins() {
    return [collab({ clientID: EDITOR_CLIENT })];
  },
});

/** The first range a step changes: where it was, and where it ends afterwards. */
function changedRange(step: Step): { from: number; to: number; end: number } | null {
  let range: { from: number; to: number; end: number } | null = null;
  step.getMap().forEach((oldStart, oldEnd, _newStart, newEnd) => {
    range ??= { from: oldStart, to: oldEnd, end: newEnd };
  });
  return range;
}

/** Offsets computed on one version of the text, and where they are in the editor now. */
export interface Settled {
  version: number;
  place(start: number, end: number): { from: number; to: number };
}

/** Positions of the editor at one moment, carried through every change made since. */
interface PositionTracker {
  map(position: number, assoc: 1 | -1): number;
  stop(): void;
}

/**
 * Sends the editor's steps to the project as they are made: at most every
 * 300 ms while typing, at once before undo, coding, or leaving the document.
 * Each batch is one transaction in the project, made against the version the
 * project last confirmed. Typing that goes on from where the last change ended
 * is marked as continuing, so undo takes it back as one step, as a word
 * processor does; a jump elsewhere starts a new undo step.
 */
interface Batch {
  steps: readonly Step[];
  continues: boolean;
}

export class StepSync {
  private continuing = new WeakMap<Transaction, boolean>();
  /** When each typing transaction was made: holds let through what was typed before them. */
  private made = new WeakMap<Transaction, number>();
  private sequence = 0;
  private lastEnd: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  /**
   * Active holds, in the order they were asked, each as the last typing made
   * before it: steps made after the first of them wait until it is released.
   */
  private holds: number[] = [];
  private released: (() => void)[] = [];
  private failure: unknown = null;
  private readonly trackers = new Set<Mapping>();
  /** The batch on its way to the project: still unconfirmed in the editor until it answers. */
  private sending: readonly Step[] | null = null;
  /** Batches left when the editor closed: they no longer live in an editor state. */
  private detached: Batch[] | null = null;

  constructor(
    private readonly api: Api,
    private readonly documentId: string,
    /** The project's version of the text the editor's confirmed steps lead to. */
    public version: number,
    private readonly state: () => EditorState | null,
    private readonly dispatch: (transaction: Transaction) => void,
    private readonly onFailure: (error: unknown) => void,
    /** The undo history once a batch is saved: typing changes what Undo and Redo would do. */
    private readonly onSaved: (history: HistoryState) => void = () => undefined,
  ) {}

  /** The caret moved without typing (a click, an arrow key): the next edit is a new undo step. */
  caretMoved(): void {
    this.lastEnd = null;
  }

  /** Every transaction of the editor, typing or not, once applied. */
  observe(transaction: Transaction): void {
    if (transaction.docChanged)
      for (const tracker of this.trackers) tracker.appendMapping(transaction.mapping);
    if (transaction.getMeta(REMOTE_META)) return;
    if (!transaction.docChanged) {
      if (transaction.selectionSet) this.caretMoved();
      return;
    }
    const first = transaction.steps[0] ? changedRange(transaction.steps[0]) : null;
    const continues =
      first !== null &&
      this.lastEnd !== null &&
      first.from <= this.lastEnd &&
      this.lastEnd <= first.to;
    this.continuing.set(transaction, continues);
    this.sequence += 1;
    this.made.set(transaction, this.sequence);
    const last = transaction.steps.at(-1);
    this.lastEnd = last ? (changedRange(last)?.end ?? null) : null;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => undefined);
    }, FLUSH_DELAY);
  }

  /** Follows positions of the editor as it is now through every later change (typing during a request). */
  private track(): PositionTracker {
    const mapping = new Mapping();
    this.trackers.add(mapping);
    return {
      map: (position, assoc) => mapping.map(position, assoc),
      stop: () => this.trackers.delete(mapping),
    };
  }

  /**
   * The next steps that may go to the project, as one batch (one run of
   * continued typing): while held, only those typed before the first hold.
   */
  private nextBatch(): Batch | null {
    if (this.detached) return this.detached[0] ?? null;
    const state = this.state();
    if (!state) return null;
    const limit = this.holds[0] ?? Infinity;
    return this.batchesOf(state, 0, limit)[0] ?? null;
  }

  /** Whether steps wait behind a hold. */
  private waiting(): boolean {
    const state = this.state();
    return !this.detached && state !== null && this.batchesOf(state, 0, Infinity).length > 0;
  }

  /** The unconfirmed steps after the first `skip`, made up to `limit`, cut into runs of continued typing. */
  private batchesOf(state: EditorState, skip: number, limit: number): Batch[] {
    const sendable = sendableSteps(state);
    if (!sendable) return [];
    const batches: { steps: Step[]; continues: boolean }[] = [];
    for (let index = skip; index < sendable.steps.length; index += 1) {
      const origin = sendable.origins[index]!;
      if ((this.made.get(origin) ?? 0) > limit) break;
      const joins =
        batches.length > 0 &&
        (origin === sendable.origins[index - 1] || this.continuing.get(origin) === true);
      if (joins) batches.at(-1)!.steps.push(sendable.steps[index]!);
      else
        batches.push({
          steps: [sendable.steps[index]!],
          continues: this.continuing.get(origin) === true,
        });
    }
    return batches;
  }

  /** Sends every batch that may go now; resolves when none is left or a hold stops the rest. */
  private async sendAllowed(): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      const batch = this.nextBatch();
      if (!batch) return;
      this.inFlight = this.send(batch);
      try {
        await this.inFlight;
      } finally {
        this.inFlight = null;
      }
    }
  }

  private untilReleased(): Promise<void> {
    return new Promise<void>((resolve) => this.released.push(resolve));
  }

  /**
   * Saves every step made so far, batch by batch, waiting for holds to end.
   * Rejects when the project refused or failed one: the editor no longer
   * matches the project, and nothing computed from it may be sent.
   */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    for (;;) {
      await this.sendAllowed();
      if (this.holds.length === 0 || !this.waiting()) return;
      await this.untilReleased();
    }
  }

  private async send(batch: Batch): Promise<void> {
    this.sending = batch.steps;
    try {
      const result = await this.api['documents.applySteps']({
        id: this.documentId,
        version: this.version,
        steps: batch.steps.map((step) => step.toJSON() as { stepType: string }),
        continueTyping: batch.continues,
      });
      this.version = result.version;
      if (this.detached) {
        this.detached.shift();
        return;
      }
      const state = this.state();
      if (state)
        this.dispatch(
          receiveTransaction(
            state,
            batch.steps,
            batch.steps.map(() => EDITOR_CLIENT),
          ).setMeta(REMOTE_META, true),
        );
      this.onSaved(result.history);
    } catch (error) {
      this.failure = error;
      this.onFailure(error);
      throw error;
    } finally {
      this.sending = null;
    }
  }

  /**
   * Saves what was typed, computes offsets from the editor while it shows
   * exactly the project's text, and sends them with the version they belong
   * to. Typing meanwhile stays in the editor until the call has answered;
   * `place` turns offsets of that version into positions of the editor now.
   */
  async withSettled<T, R>(
    compute: (state: EditorState, index: TextIndex) => T | null,
    send: (value: T, settled: Settled) => Promise<R>,
  ): Promise<R | null> {
    const release = await this.hold();
    const tracker = this.track();
    try {
      const state = this.state();
      if (!state) return null;
      const index = buildTextIndex(state.doc);
      const value = compute(state, index);
      if (value === null) return null;
      return await send(value, {
        version: this.version,
        place: (start, end) => ({
          from: tracker.map(offsetToPosition(index, start), 1),
          to: tracker.map(offsetToPosition(index, end), -1),
        }),
      });
    } finally {
      tracker.stop();
      release();
    }
  }

  /**
   * Saves what was typed until now, then keeps what is typed from now on in
   * the editor until the returned release is called: an undo or a coding runs
   * meanwhile, on exactly the text typed before it was asked for, and typing
   * made during it is rebased over what it brings back. Holds asked one after
   * another take their turns in that order.
   */
  async hold(): Promise<() => void> {
    const mark = this.sequence;
    // Typing on after an undo or a coding still asks to continue; the project's history
    // starts a new step all the same, as its last entry is no longer that typing.
    this.holds.push(mark);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const at = this.holds.indexOf(mark);
      if (at >= 0) this.holds.splice(at, 1);
      for (const resolve of this.released.splice(0)) resolve();
      if (this.holds.length === 0 && this.nextBatch()) this.flush().catch(() => undefined);
    };
    try {
      for (;;) {
        await this.sendAllowed();
        // Earlier holds first; then this one has what was typed before it saved.
        if (this.holds[0] === mark) break;
        await this.untilReleased();
      }
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  /**
   * Steps the project applied itself (undo, redo): typing not yet saved is
   * rebased over them, and typing on from it still continues it. Returns the
   * transaction, whose mapping places what changed.
   */
  receive(steps: readonly Step[], version: number): Transaction | null {
    const state = this.state();
    if (!state) return null;
    const transaction = receiveTransaction(
      state,
      steps,
      steps.map(() => PROJECT_CLIENT),
    ).setMeta(REMOTE_META, true);
    const lastEnd = this.lastEnd;
    this.dispatch(transaction);
    this.version = version;
    this.lastEnd = lastEnd === null ? null : transaction.mapping.map(lastEnd);
    return transaction;
  }

  /**
   * The editor is closing: what it has not saved moves out of its state, and
   * is sent all the same (leaving a document never loses its last words).
   */
  close(): Promise<void> {
    const state = this.state();
    this.detached = state ? this.batchesOf(state, this.sending?.length ?? 0, Infinity) : [];
    this.holds = [];
    this.trackers.clear();
    return this.flush();
  }
}
