/**
 * Typing not yet saved (the open editor's batch) must reach the project before
 * anything that reads or ends it: undo, a copy, closing the project. The open
 * editor registers itself here; those actions await it.
 */
export interface PendingEdits {
  /** Saves what was typed; rejects when the project refused it. */
  flush(): Promise<void>;
  /** Saves what was typed, then keeps later typing in the editor until released. */
  hold(): Promise<() => void>;
}

let pending: PendingEdits | null = null;

export function registerPendingEdits(next: PendingEdits | null): void {
  pending = next;
}

export async function flushPendingEdits(): Promise<void> {
  await pending?.flush();
}

/**
 * Runs `action` (an undo, a redo) with the editor's typing saved first and
 * held back meanwhile: what is typed during it is rebased over its result.
 */
export async function withPendingEditsHeld<T>(action: () => Promise<T>): Promise<T> {
  const release = pending ? await pending.hold() : () => undefined;
  try {
    return await action();
  } finally {
    release();
  }
}
