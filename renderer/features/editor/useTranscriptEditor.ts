import type { JSONContent } from '@tiptap/core';
import { Editor } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { TextSelection } from '@tiptap/pm/state';
import { Step } from '@tiptap/pm/transform';
import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../shared/documents';
import { documentExtensions } from '../../../shared/editor/extensions';
import { useApi } from '../../api/context';
import { CODE_DRAG_TYPE } from '../codebook/dragTypes';
import { registerPendingEdits } from '../project/pendingEdits';
import { useProjectData } from '../project/ProjectData';
import type { AxialKeymapOptions } from './axialKeymap';
import { AxialKeymap } from './axialKeymap';
import { CodingHighlights } from './codingHighlights';
import { FindInDocument } from './findInDocument';
import { PlayingTurn } from './playingTurn';
import { StepAuthority, StepSync } from './stepSync';

export interface EditorCallbacks extends AxialKeymapOptions {
  /** A code dropped from the codebook onto a selection. */
  dropCode: (codeId: string) => void;
  /** The project refused the editor's edits: the document must be reloaded. */
  failed: (error: unknown) => void;
  /** An undo or redo changed this document's text or codings. */
  historyApplied: () => void;
}

/**
 * Where the last of `count` steps from the project ends in the editor's
 * document, or null when typing made meanwhile was rebased over them (the
 * caret then stays where the researcher is typing).
 */
function lastChange(transaction: Transaction, count: number): number | null {
  const rebased = Number(transaction.getMeta('rebased') ?? 0);
  if (rebased > 0 || count === 0) return null;
  const index = count - 1;
  let end: number | null = null;
  transaction.mapping.maps[index]?.forEach((_from, _to, _newFrom, newTo) => {
    end = newTo;
  });
  return end === null ? null : transaction.mapping.slice(index + 1).map(end);
}

/**
 * The editor of one document version and the sync that saves its steps.
 * Made here rather than with tiptap's useEditor, which re-applies its options
 * to the view after every render of its component, and so puts back the
 * selection the editor last knew over one the researcher has just made.
 */
export function useTranscriptEditor(
  detail: DocumentDetail,
  callbacks: EditorCallbacks,
): { editor: Editor; sync: StepSync } | null {
  const api = useApi();
  const { readOnly, onHistory } = useProjectData();
  const latest = useRef(callbacks);
  latest.current = callbacks;
  // The editor is made once per document version; a reloaded detail of the same version keeps it.
  const opened = useRef(detail);
  opened.current = detail;
  const [instance, setInstance] = useState<{ editor: Editor; sync: StepSync } | null>(null);

  useEffect(() => {
    const call = latest;
    const { id, version, content, title } = opened.current;
    let state: EditorState | null = null;
    // Made after the sync, which reaches it through this variable.
    let editor: Editor | null = null;
    const sync = new StepSync(
      api,
      id,
      version,
      () => (editor && !editor.isDestroyed ? state : null),
      (transaction) => editor?.view.dispatch(transaction),
      // The undo history a save changed comes with the save's changes, to the project's lists.
      (error) => call.current.failed(error),
    );
    editor = new Editor({
      extensions: [
        ...documentExtensions,
        StepAuthority,
        CodingHighlights,
        FindInDocument,
        PlayingTurn,
        AxialKeymap.configure({
          undo: () => call.current.undo(),
          redo: () => call.current.redo(),
          openPalette: () => call.current.openPalette(),
          inVivo: () => call.current.inVivo(),
          applyRecent: (index) => call.current.applyRecent(index),
          find: () => call.current.find(),
        }),
      ],
      content: content as JSONContent,
      editable: !readOnly,
      injectCSS: false,
      editorProps: {
        attributes: { class: 'transcript', 'aria-label': title, spellcheck: 'false' },
        handleDrop: (view, event) => {
          const codeId = event.dataTransfer?.getData(CODE_DRAG_TYPE);
          if (!codeId) return false;
          event.preventDefault();
          if (!view.state.selection.empty) call.current.dropCode(codeId);
          return true;
        },
      },
      onTransaction: ({ editor: current, transaction }) => {
        state = current.state;
        sync.observe(transaction);
      },
    });
    const made = editor;
    state = made.state;
    registerPendingEdits({ flush: () => sync.flush(), hold: () => sync.hold() });
    const flushOnLeave = () => void sync.flush().catch(() => undefined);
    window.addEventListener('beforeunload', flushOnLeave);
    setInstance({ editor: made, sync });
    return () => {
      window.removeEventListener('beforeunload', flushOnLeave);
      registerPendingEdits(null);
      // What was typed leaves with the editor and is still saved.
      sync.close().catch(() => undefined);
      made.destroy();
      setInstance(null);
    };
  }, [api, detail.id, detail.version, readOnly]);

  // Undo and redo of text: the project's steps, with typing not yet saved rebased over them.
  useEffect(() => {
    if (!instance) return;
    const { editor, sync } = instance;
    return onHistory((result) => {
      if (editor.isDestroyed) return;
      let changedAt: number | null = null;
      for (const change of result.textChanges) {
        if (change.documentId !== detail.id) continue;
        try {
          const steps = change.steps.map((json) => Step.fromJSON(editor.schema, json));
          const received = sync.receive(steps, change.version);
          changedAt = received && lastChange(received, steps.length);
        } catch (error) {
          latest.current.failed(error);
          return;
        }
      }
      // As a word processor does: the caret goes where the text was undone, into view.
      if (changedAt !== null && !editor.isDestroyed) {
        const { doc } = editor.state;
        const position = Math.min(Math.max(changedAt, 0), doc.content.size);
        editor.view.dispatch(
          editor.state.tr.setSelection(TextSelection.near(doc.resolve(position))).scrollIntoView(),
        );
      }
      latest.current.historyApplied();
    });
  }, [instance, onHistory, detail.id]);

  return instance;
}
