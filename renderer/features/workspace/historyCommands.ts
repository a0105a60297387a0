/**
 * Undo and redo from the application menu. In a plain text field they stay the
 * field's own; everywhere else (the transcript, the codebook) they go to the
 * project's history, which the workspace listens for.
 */
export const HISTORY_EVENT = 'axial-history';

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function runHistoryCommand(command: 'undo' | 'redo'): void {
  if (isTextField(document.activeElement)) {
    // The field's own undo: execCommand is the only way to reach it from a menu.
    document.execCommand(command);
    return;
  }
  window.dispatchEvent(new CustomEvent(HISTORY_EVENT, { detail: command }));
}
