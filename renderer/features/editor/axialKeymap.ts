import { Extension } from '@tiptap/core';

export interface AxialKeymapOptions {
  undo: () => void;
  redo: () => void;
  openPalette: () => void;
  inVivo: () => void;
  applyRecent: (index: number) => void;
  find: () => void;
}

/**
 * The editor's own shortcuts. Undo and redo go to the project's history (one
 * history for text, codings and codebook), not to the editor's.
 */
export const AxialKeymap = Extension.create<AxialKeymapOptions>({
  name: 'axialKeymap',
  addOptions() {
    const nothing = () => undefined;
    return {
      undo: nothing,
      redo: nothing,
      openPalette: nothing,
      inVivo: nothing,
      applyRecent: nothing,
      find: nothing,
    };
  },
  addKeyboardShortcuts() {
    const run = (action: () => void) => () => {
      action();
      return true;
    };
    const shortcuts: Record<string, () => boolean> = {
      'Mod-z': run(() => this.options.undo()),
      'Mod-Shift-z': run(() => this.options.redo()),
      'Mod-y': run(() => this.options.redo()),
      'Mod-k': run(() => this.options.openPalette()),
      'Mod-Shift-i': run(() => this.options.inVivo()),
      'Mod-f': run(() => this.options.find()),
      // Mark the selection as an answer: to the guide pane's question list, choose, then Enter on its button.
      'Mod-Shift-a': run(() =>
        document.querySelector<HTMLSelectElement>('.mark-answer select')?.focus(),
      ),
    };
    for (let digit = 1; digit <= 9; digit += 1) {
      shortcuts[`Alt-${digit}`] = run(() => this.options.applyRecent(digit - 1));
    }
    return shortcuts;
  },
});
