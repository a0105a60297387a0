/**
 * Typing not yet saved (the open editor's batch) must reach the project before
 * anything that reads or ends it: undo, a copy, closing the project. The open
 * editor registers its flush here; those actions await it.
 */
let flush: (() => Promise<void>) | null = null;

export function registerPendingEdits(next: (() => Promise<void>) | null): void {
  flush = next;
}

export async function flushPendingEdits(): Promise<void> {
  await flush?.();
}
