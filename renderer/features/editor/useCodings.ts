import { useSingleFlight } from '../../components/useSingleFlight';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Coding } from '../../../shared/documents';
import type { TextIndex } from '../../../shared/text/textIndex';
import { positionToOffset } from '../../../shared/text/textIndex';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';
import { useCoderView } from '../coders/CoderView';
import type { PaletteChoice } from './CodePalette';
import { newCodePlace } from './useNewCodeParent';
import type { Edge } from './CodingPopover';
import { spreadRange } from '../../../shared/text/spread';
import type { SpreadUnit } from '../../../shared/text/spread';
import { drawnCodings, highlightTransaction } from './codingHighlights';
import type { Settled, StepSync } from './stepSync';
import { nextWordBoundary } from './wordBoundaries';

/** The selection in code points, or null when nothing is selected. */
function selectedRange(editor: Editor, index: Parameters<typeof positionToOffset>[0]) {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const start = positionToOffset(index, from);
  const end = positionToOffset(index, to);
  return end > start ? { start, end } : null;
}

/**
 * The document's codings: loaded, drawn, and changed by the researcher. Every
 * call that carries offsets computes them once the editor's typing is saved and
 * sends the version they belong to; the answer is drawn where those words are
 * in the editor by then, typing meanwhile included.
 */
export function useCodings(
  instance: { editor: Editor; sync: StepSync } | null,
  documentId: string,
  colours: ReadonlyMap<string, string>,
  rememberCodes: (codeIds: string[]) => void,
) {
  const api = useApi();
  const { showError } = useProjectData();
  const { shown } = useCoderView();
  const [codings, setCodings] = useState<Map<string, Coding>>(new Map());
  const palette = useRef(colours);
  palette.current = colours;

  const draw = useCallback(
    (editor: Editor, settled: Settled, list: readonly Coding[], type: 'set' | 'add') => {
      if (editor.isDestroyed) return;
      const placed = list.map((coding) => ({ coding, ...settled.place(coding.start, coding.end) }));
      editor.view.dispatch(
        highlightTransaction(editor.state, { type, placed, colours: palette.current }),
      );
      setCodings((current) => {
        const next = type === 'set' ? new Map<string, Coding>() : new Map(current);
        for (const coding of list) next.set(coding.id, coding);
        return next;
      });
    },
    [],
  );

  const load = useCallback(async () => {
    if (!instance) return;
    const { editor, sync } = instance;
    await sync.withSettled(
      () => true,
      async (_value, settled) => {
        const list = await api['codings.forDocument']({
          documentId,
          ...(shown ? { coders: [shown] } : {}),
        });
        draw(editor, settled, list, 'set');
      },
    );
  }, [instance, api, documentId, draw, shown]);

  useEffect(() => {
    load().catch(showError);
  }, [load, showError]);

  useEffect(() => {
    const editor = instance?.editor;
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(highlightTransaction(editor.state, { type: 'recolour', colours }));
  }, [instance, colours]);

  const withSelection = useCallback(
    async <R>(send: (range: { start: number; end: number }, settled: Settled) => Promise<R>) => {
      if (!instance) return null;
      const { editor, sync } = instance;
      return sync.withSettled((_state, index) => selectedRange(editor, index), send);
    },
    [instance],
  );

  const applyCodes = useCallback(
    async (codeIds: string[], create?: PaletteChoice['create']) => {
      if (!instance) return;
      try {
        let ids = codeIds;
        if (create) {
          if (instance.editor.state.selection.empty) return;
          const code = await api['codes.create']({
            ...newCodePlace(create.parentId),
            name: create.name,
            codable: true,
          });
          ids = [code.id];
        }
        const done = await withSelection(async (range, settled) => {
          const created = await api['codings.create']({
            documentId,
            ...range,
            version: settled.version,
            codeIds: ids,
          });
          // Drawn at once, before the counts: the researcher sees the highlight first.
          draw(instance.editor, settled, created, 'add');
          return true;
        });
        if (!done) return;
        rememberCodes(ids);
      } catch (error) {
        showError(error);
      }
    },
    [instance, api, documentId, withSelection, draw, rememberCodes, showError],
  );

  const inVivo = useCallback(
    async (parentId: string | null) => {
      if (!instance) return;
      try {
        const result = await withSelection(async (range, settled) => {
          const made = await api['codings.createInVivo']({
            documentId,
            ...range,
            version: settled.version,
            ...newCodePlace(parentId),
          });
          draw(instance.editor, settled, [made.coding], 'add');
          return made;
        });
        if (!result) return;
        rememberCodes([result.code.id]);
      } catch (error) {
        showError(error);
      }
    },
    [instance, api, documentId, withSelection, draw, rememberCodes, showError],
  );

  const removeUnguarded = useCallback(
    async (coding: Coding) => {
      try {
        await api['codings.delete']({ id: coding.id });
        setCodings((current) => {
          const next = new Map(current);
          next.delete(coding.id);
          return next;
        });
        const editor = instance?.editor;
        if (editor && !editor.isDestroyed)
          editor.view.dispatch(
            highlightTransaction(editor.state, { type: 'remove', codingIds: [coding.id] }),
          );
      } catch (error) {
        showError(error);
      }
    },
    [instance, api, showError],
  );
  // Removing a code twice, by a double-click, found the coding gone the second time.
  const once = useSingleFlight();
  const removeCoding = useCallback(
    (coding: Coding) => once(`remove:${coding.id}`, () => removeUnguarded(coding)),
    [once, removeUnguarded],
  );

  const writeMemo = useCallback(
    async (coding: Coding, memo: string) => {
      try {
        const updated = await api['codings.update']({ id: coding.id, memo });
        setCodings((current) => new Map(current).set(updated.id, updated));
      } catch (error) {
        showError(error);
      }
    },
    [api, showError],
  );

  /**
   * Gives a passage new boundaries computed from where it is drawn now, on the text as it is
   * once typing is saved; `next` returns null to leave it as it is.
   */
  const reshape = useCallback(
    async (
      coding: Coding,
      next: (
        range: { start: number; end: number },
        index: TextIndex,
      ) => {
        start: number;
        end: number;
      } | null,
    ) => {
      if (!instance) return;
      const { editor, sync } = instance;
      try {
        await sync.withSettled(
          (state, index) => {
            const drawn = drawnCodings(state).find((candidate) => candidate.codingId === coding.id);
            const range = drawn
              ? {
                  start: positionToOffset(index, drawn.from),
                  end: positionToOffset(index, drawn.to),
                }
              : { start: coding.start, end: coding.end };
            return next(range, index);
          },
          async (range, settled) => {
            const updated = await api['codings.update']({
              id: coding.id,
              ...range,
              version: settled.version,
            });
            draw(editor, settled, [updated], 'add');
          },
        );
      } catch (error) {
        showError(error);
      }
    },
    [instance, api, draw, showError],
  );

  /** Moves one boundary of a passage to the next word boundary. */
  const moveEdge = useCallback(
    (coding: Coding, edge: Edge, direction: 1 | -1) =>
      reshape(coding, ({ start, end }, index) => {
        const moved = nextWordBoundary(index.text, edge === 'start' ? start : end, direction);
        const next = edge === 'start' ? { start: moved, end } : { start, end: moved };
        return next.end > next.start ? next : null;
      }),
    [reshape],
  );

  /** Widens a passage to its sentence, paragraph or turn. */
  const spread = useCallback(
    (coding: Coding, unit: SpreadUnit) =>
      reshape(coding, (range, index) => {
        const next = spreadRange(index, range, unit);
        return next.start === range.start && next.end === range.end ? null : next;
      }),
    [reshape],
  );

  /** Codes every turn of a speaker with the given codes: one step to undo. */
  const codeTurns = useCallback(
    async (speaker: string, codeIds: string[]) => {
      if (!instance) return;
      const { editor, sync } = instance;
      try {
        await sync.withSettled(
          () => ({}),
          async (_nothing, settled) => {
            const created = await api['codings.codeTurns']({
              documentId,
              version: settled.version,
              speaker,
              codeIds,
            });
            draw(editor, settled, created, 'add');
          },
        );
        rememberCodes(codeIds);
      } catch (error) {
        showError(error);
      }
    },
    [instance, api, documentId, draw, rememberCodes, showError],
  );

  return {
    codings,
    load,
    withSelection,
    applyCodes,
    inVivo,
    removeCoding,
    writeMemo,
    moveEdge,
    spread,
    codeTurns,
  };
}
