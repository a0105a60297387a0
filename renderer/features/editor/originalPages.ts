import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** The page of the original (a PDF's) the caret's block was printed on; null when none says. */
export function pageAtCaret(editor: Editor): number | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth >= 0; depth -= 1) {
    const page = $from.node(depth).attrs.page as unknown;
    if (typeof page === 'number') return page;
  }
  // A block typed in since has no page: the nearest block before it that has one.
  let found: number | null = null;
  editor.state.doc.nodesBetween(0, $from.pos, (node) => {
    if (typeof node.attrs.page === 'number') found = node.attrs.page as number;
    return !node.isTextblock;
  });
  return found;
}

/** Puts the caret at the start of the first block printed on `page`, in view; false if none is. */
export function showPageText(editor: Editor, page: number): boolean {
  let target: number | null = null;
  editor.state.doc.descendants((node, position) => {
    if (target !== null) return false;
    if (node.isTextblock && typeof node.attrs.page === 'number' && node.attrs.page >= page) {
      target = position + 1;
      return false;
    }
    return true;
  });
  if (target === null) return false;
  editor.view.dispatch(
    editor.state.tr.setSelection(TextSelection.create(editor.state.doc, target)).scrollIntoView(),
  );
  const { node } = editor.view.domAtPos(target);
  (node instanceof Element ? node : node.parentElement)
    ?.closest('.transcript > *')
    ?.scrollIntoView({ block: 'start' });
  editor.view.focus();
  return true;
}
