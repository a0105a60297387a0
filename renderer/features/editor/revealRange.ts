import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/**
 * Selects a passage and brings its beginning to the top of the view, so that
 * a proposed answer or a passage opened from elsewhere is read from its first
 * words. ProseMirror's own scrolling brings the selection's end into view, and
 * measured paragraphs not yet laid out (content-visibility) as if empty.
 */
export function revealRange(editor: Editor, from: number, to: number): void {
  editor.view.dispatch(
    editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)),
  );
  const { node } = editor.view.domAtPos(from);
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest('.transcript > *') ?? element;
  block?.scrollIntoView({ block: 'start' });
  // ProseMirror focuses without scrolling: the view stays at the passage's beginning.
  editor.view.focus();
  settle(editor, from, 3);
}

// Room above the passage's first line, so it is read below the scroller's edge, not at it.
const MARGIN = 24;

/**
 * Paragraphs above laid out only once in view (content-visibility) change
 * their heights after the scroll: the passage is moved back to the top of
 * the scroller over the next frames, measured where it is then.
 */
function settle(editor: Editor, from: number, frames: number): void {
  requestAnimationFrame(() => {
    if (editor.isDestroyed) return;
    const scroller = editor.view.dom.closest('.editor-scroller');
    if (!scroller) return;
    const offset =
      editor.view.coordsAtPos(from).top - scroller.getBoundingClientRect().top - MARGIN;
    if (Math.abs(offset) > 1) scroller.scrollTop += offset;
    if (frames > 1) settle(editor, from, frames - 1);
  });
}
