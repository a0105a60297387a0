import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { Step } from '@tiptap/pm/transform';
import { TextSelection } from '@tiptap/pm/state';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coding, DocumentDetail } from '../../../shared/documents';
import { documentExtensions } from '../../../shared/editor/extensions';
import { buildTextIndex, offsetToPosition, positionToOffset } from '../../../shared/text/textIndex';
import { useApi } from '../../api/context';
import { CODE_DRAG_TYPE } from '../codebook/dragTypes';
import { registerPendingEdits } from '../project/pendingEdits';
import { useProjectData } from '../project/ProjectData';
import { AxialKeymap } from './axialKeymap';
import type { PaletteChoice } from './CodePalette';
import { CodePalette } from './CodePalette';
import { CodingHighlights, drawnCodings, highlightTransaction } from './codingHighlights';
import { FindInDocument } from './findInDocument';
import { PLAYING_EVENT, PlayingTurn, playingTurnKey } from './playingTurn';
import { CodingMargin } from './CodingMargin';
import type { Edge } from './CodingPopover';
import { CodingPopover } from './CodingPopover';
import { EditorToolbar } from './EditorToolbar';
import { StepSync } from './stepSync';
import { requestSeek } from '../recordings/seekEvent';
import { useRecentCodes } from './useRecentCodes';
import { nextWordBoundary } from './wordBoundaries';

/**
 * A transcript open for reading, editing and coding. Edits are sent as steps
 * and saved as they are made; codings are decorations kept in step with the text.
 */
/** What the panes beside the editor may ask of it. */
export interface EditorTools {
  applyCode(codeId: string): void;
  /** The selected passage in code points, once pending edits are saved; null without a selection. */
  selection(): Promise<{ start: number; end: number } | null>;
  insertText(text: string): void;
  /** Starts a new turn at the caret: the next speaker, at a time in the recording (ms). */
  newTurn(speaker: string | null, time: number | null): void;
  /** The speaker of the turn at the caret. */
  currentSpeaker(): string | null;
}

export function TranscriptEditor({
  detail,
  focus,
  onOutOfDate,
  registerApplyCode,
}: {
  detail: DocumentDetail;
  focus: { start: number; end: number } | null;
  onOutOfDate: () => void;
  registerApplyCode: (tools: EditorTools | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const project = useProjectData();
  const { codes, refresh, showError } = project;
  const [codings, setCodings] = useState<Map<string, Coding>>(new Map());
  const [palette, setPalette] = useState(false);
  const [popover, setPopover] = useState<{ ids: string[]; left: number; top: number } | null>(null);
  const [recent, rememberCodes] = useRecentCodes();
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const actions = useRef({
    undo: () => {},
    redo: () => {},
    openPalette: () => {},
    inVivo: () => {},
    applyRecent: (_index: number) => {},
    find: () => {},
  });
  const failure = useRef<(error: unknown) => void>(() => undefined);
  failure.current = (error) => {
    showError(error);
    onOutOfDate();
  };
  // One sync per mounted editor: the editor's transaction handler keeps the instance it was made with.
  const [sync] = useState(
    () => new StepSync(api, detail.id, detail.version, (error) => failure.current(error)),
  );
  // Keyed on the colours themselves: a refresh that brings the same codes must not redraw every highlight.
  const colourKey = codes.map((code) => `${code.id}=${code.colour}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- colourKey stands for codes here
  const colours = useMemo(() => new Map(codes.map((code) => [code.id, code.colour])), [colourKey]);

  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions,
        CodingHighlights,
        FindInDocument,
        PlayingTurn,
        AxialKeymap.configure({
          undo: () => actions.current.undo(),
          redo: () => actions.current.redo(),
          openPalette: () => actions.current.openPalette(),
          inVivo: () => actions.current.inVivo(),
          applyRecent: (index) => actions.current.applyRecent(index),
          find: () => actions.current.find(),
        }),
      ],
      content: detail.content as JSONContent,
      injectCSS: false,
      editorProps: {
        attributes: { class: 'transcript', 'aria-label': detail.title, spellcheck: 'false' },
        handleDrop: (view, event) => {
          const codeId = event.dataTransfer?.getData(CODE_DRAG_TYPE);
          if (!codeId) return false;
          event.preventDefault();
          if (!view.state.selection.empty) void applyCodesRef.current([codeId]);
          return true;
        },
      },
      onTransaction: ({ transaction }) => {
        if (transaction.docChanged && !transaction.getMeta('remote'))
          sync.record(transaction.steps);
        else if (transaction.selectionSet) sync.caretMoved();
      },
    },
    [detail.id, detail.version],
  );

  // Every flush before history and coding: the project must have the text the editor shows.
  useEffect(() => {
    registerPendingEdits(() => sync.flush());
    const flushOnLeave = () => void sync.flush();
    window.addEventListener('beforeunload', flushOnLeave);
    return () => {
      window.removeEventListener('beforeunload', flushOnLeave);
      void sync.flush();
      registerPendingEdits(null);
    };
  }, [sync]);

  const loadCodings = useCallback(async () => {
    const list = await api['codings.forDocument']({ documentId: detail.id });
    setCodings(new Map(list.map((coding) => [coding.id, coding])));
    return list;
  }, [api, detail.id]);

  useEffect(() => {
    if (!editor) return;
    loadCodings()
      .then((list) => {
        if (editor.isDestroyed) return;
        editor.view.dispatch(
          highlightTransaction(editor.state, { type: 'set', codings: list, colours }),
        );
      })
      .catch(showError);
    // Colours are applied separately below; codings load once per opened document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, loadCodings, showError]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(highlightTransaction(editor.state, { type: 'recolour', colours }));
  }, [editor, colours]);

  // Open at a passage (from the Passages view): select it and scroll it into view.
  useEffect(() => {
    if (!editor || !focus || editor.isDestroyed) return;
    const index = buildTextIndex(editor.state.doc);
    const from = offsetToPosition(index, focus.start);
    const to = offsetToPosition(index, focus.end);
    editor.view.dispatch(
      editor.state.tr
        .setSelection(TextSelection.create(editor.state.doc, from, to))
        .scrollIntoView(),
    );
    editor.view.focus();
  }, [editor, focus]);

  // Undo and redo of text: apply the same steps the project applied.
  useEffect(() => {
    if (!editor) return;
    return project.onHistory((result) => {
      if (editor.isDestroyed) return;
      for (const change of result.textChanges) {
        if (change.documentId !== detail.id) continue;
        const transaction = editor.state.tr;
        try {
          for (const json of change.steps) transaction.step(Step.fromJSON(editor.schema, json));
        } catch {
          onOutOfDate();
          return;
        }
        editor.view.dispatch(transaction.setMeta('remote', true));
        sync.version = change.version;
        sync.caretMoved();
      }
      void loadCodings().then((list) => {
        if (!editor.isDestroyed)
          editor.view.dispatch(
            highlightTransaction(editor.state, { type: 'set', codings: list, colours }),
          );
      });
    });
  }, [editor, project, detail.id, sync, loadCodings, colours, onOutOfDate]);

  const selectionRange = useCallback(() => {
    if (!editor) return null;
    const { from, to, empty } = editor.state.selection;
    if (empty) return null;
    const index = buildTextIndex(editor.state.doc);
    const start = positionToOffset(index, from);
    const end = positionToOffset(index, to);
    return end > start ? { start, end } : null;
  }, [editor]);

  const addDrawn = useCallback(
    (added: Coding[]) => {
      if (!editor || editor.isDestroyed) return;
      setCodings(
        (current) => new Map([...current, ...added.map((coding) => [coding.id, coding] as const)]),
      );
      editor.view.dispatch(
        highlightTransaction(editor.state, { type: 'add', codings: added, colours }),
      );
    },
    [editor, colours],
  );

  const applyCodes = useCallback(
    async (codeIds: string[], create?: PaletteChoice['create']) => {
      try {
        await sync.flush();
        const range = selectionRange();
        if (!range) return;
        let ids = codeIds;
        if (create) {
          const code = await api['codes.create']({
            parentId: create.parentId,
            name: create.name,
            codable: true,
          });
          ids = [code.id];
        }
        const created = await api['codings.create']({
          documentId: detail.id,
          ...range,
          codeIds: ids,
        });
        // Draw first: the researcher sees the highlight at once; counts follow.
        addDrawn(created);
        rememberCodes(ids);
        await refresh();
      } catch (error) {
        showError(error);
      }
    },
    [api, detail.id, sync, selectionRange, rememberCodes, refresh, addDrawn, showError],
  );
  const applyCodesRef = useRef(applyCodes);
  applyCodesRef.current = applyCodes;

  /** "Play from here": the time of the turn a passage starts in, when a recording is docked. */
  const playFrom = (coding: Coding | undefined) => {
    if (!coding || !editor || !window.document.querySelector('[data-testid="recording-player"]'))
      return undefined;
    const blocks = buildTextIndex(editor.state.doc).blocks;
    let time: number | null = null;
    for (const block of blocks) {
      if (block.start > coding.start) break;
      if (block.time !== null) time = block.time;
    }
    return time === null ? undefined : () => requestSeek(time, true);
  };

  // Follow mode: the player announces its position; the turn there is highlighted and kept in view.
  useEffect(() => {
    if (!editor) return;
    const onPlaying = (event: Event) => {
      if (editor.isDestroyed) return;
      const { time } = (event as CustomEvent<{ time: number | null }>).detail;
      const current = playingTurnKey.getState(editor.state)?.time ?? null;
      if (current === time) return;
      editor.view.dispatch(editor.state.tr.setMeta(playingTurnKey, { time }));
      scroller.current?.querySelector('.playing-turn')?.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener(PLAYING_EVENT, onPlaying);
    return () => window.removeEventListener(PLAYING_EVENT, onPlaying);
  }, [editor]);

  useEffect(() => {
    registerApplyCode({
      applyCode: (codeId) => void applyCodesRef.current([codeId]),
      selection: async () => {
        await sync.flush();
        return selectionRange();
      },
      insertText: (text) => {
        if (editor && !editor.isDestroyed) editor.chain().focus().insertContent(text).run();
      },
      newTurn: (speaker, time) => {
        if (!editor || editor.isDestroyed) return;
        editor.chain().focus().splitBlock().updateAttributes('paragraph', { speaker, time }).run();
      },
      currentSpeaker: () => {
        if (!editor || editor.isDestroyed) return null;
        const { $from } = editor.state.selection;
        // The turn's speaker is on its first paragraph; continuation paragraphs have none.
        for (let depth = $from.depth; depth >= 0; depth -= 1) {
          const node = $from.node(depth);
          if (node.isTextblock) {
            const parent = $from.node(depth - 1);
            const index = $from.index(depth - 1);
            for (let before = index; before >= 0; before -= 1) {
              const speaker = parent.child(before).attrs.speaker as unknown;
              if (typeof speaker === 'string') return speaker;
            }
            return null;
          }
        }
        return null;
      },
    });
    return () => registerApplyCode(null);
  }, [registerApplyCode, sync, selectionRange, editor]);

  const inVivo = useCallback(async () => {
    try {
      await sync.flush();
      const range = selectionRange();
      if (!range) return;
      const selected = codes.find((code) => recent[0] === code.id);
      const result = await api['codings.createInVivo']({
        documentId: detail.id,
        ...range,
        parentId: selected?.parentId ?? null,
      });
      addDrawn([result.coding]);
      rememberCodes([result.code.id]);
      await refresh();
    } catch (error) {
      showError(error);
    }
  }, [
    api,
    codes,
    detail.id,
    recent,
    sync,
    selectionRange,
    rememberCodes,
    refresh,
    addDrawn,
    showError,
  ]);

  actions.current = {
    undo: () => void project.undo(),
    redo: () => void project.redo(),
    openPalette: () => {
      if (editor && !editor.state.selection.empty) setPalette(true);
    },
    inVivo: () => void inVivo(),
    applyRecent: (index) => {
      const codeId = recent[index];
      if (codeId) void applyCodes([codeId]);
    },
    find: () => findInput.current?.focus(),
  };

  const removeCoding = async (coding: Coding) => {
    try {
      await api['codings.delete']({ id: coding.id });
      setCodings((current) => {
        const next = new Map(current);
        next.delete(coding.id);
        return next;
      });
      if (editor)
        editor.view.dispatch(
          highlightTransaction(editor.state, { type: 'remove', codingIds: [coding.id] }),
        );
      setPopover((current) =>
        current ? { ...current, ids: current.ids.filter((id) => id !== coding.id) } : null,
      );
      await refresh();
    } catch (error) {
      showError(error);
    }
  };

  const updateCoding = async (
    coding: Coding,
    patch: { start?: number; end?: number; memo?: string },
  ) => {
    try {
      await sync.flush();
      const updated = await api['codings.update']({ id: coding.id, ...patch });
      setCodings((current) => new Map(current).set(updated.id, updated));
      if (patch.start !== undefined || patch.end !== undefined) addDrawn([updated]);
      await refresh();
    } catch (error) {
      showError(error);
    }
  };

  const moveEdge = (coding: Coding, edge: Edge, direction: 1 | -1) => {
    if (!editor) return;
    const drawn = drawnCodings(editor.state).find((candidate) => candidate.codingId === coding.id);
    const index = buildTextIndex(editor.state.doc);
    const start = drawn ? positionToOffset(index, drawn.from) : coding.start;
    const end = drawn ? positionToOffset(index, drawn.to) : coding.end;
    const moved = nextWordBoundary(index.text, edge === 'start' ? start : end, direction);
    const next = edge === 'start' ? { start: moved, end } : { start, end: moved };
    if (next.end > next.start) void updateCoding(coding, { [edge]: moved });
  };

  const openPopoverAt = (ids: string[], left: number, top: number) => {
    if (ids.length === 0) {
      setPopover(null);
      return;
    }
    setPopover({ ids, left, top });
  };

  if (!editor) return null;
  const popoverCodings = popover
    ? popover.ids.map((id) => codings.get(id)).filter((coding): coding is Coding => Boolean(coding))
    : [];

  return (
    <div className="transcript-editor">
      <EditorToolbar
        editor={editor}
        findInput={findInput}
        onCode={() => setPalette(true)}
        onInVivo={() => void inVivo()}
      />
      {recent.length > 0 && (
        <div className="recent-codes" aria-label={t('coding.recentCodes')}>
          {recent
            .map((id) => codes.find((code) => code.id === id))
            .filter((code) => code !== undefined)
            .map((code, index) => (
              <button
                key={code.id}
                type="button"
                className="recent-code"
                onClick={() => void applyCodes([code.id])}
                title={`Alt+${index + 1}`}
              >
                <kbd>{index + 1}</kbd>
                <span className="swatch" style={{ background: code.colour }} />
                {code.name}
              </button>
            ))}
        </div>
      )}
      <div
        className="editor-scroller"
        ref={scroller}
        onMouseDown={(event) => {
          pressedAt.current = { x: event.clientX, y: event.clientY };
        }}
        onClick={(event) => {
          // A click, not a drag: a selection made with the mouse is for coding, not for the popover.
          const pressed = pressedAt.current;
          if (
            !pressed ||
            Math.abs(pressed.x - event.clientX) + Math.abs(pressed.y - event.clientY) > 4
          )
            return;
          const target = event.target as HTMLElement;
          // Clicks in the popover or the margin are theirs; only clicks on the text open or close it.
          if (!target.closest('.transcript')) return;
          const spans = [...new Set([target, ...ancestorsOf(target)])].filter((element) =>
            element.classList.contains('coding'),
          );
          const ids = [...new Set(spans.map((element) => element.dataset.codingId ?? ''))].filter(
            Boolean,
          );
          const box = scroller.current?.getBoundingClientRect();
          openPopoverAt(
            ids,
            event.clientX - (box?.left ?? 0),
            event.clientY - (box?.top ?? 0) + (scroller.current?.scrollTop ?? 0) + 12,
          );
        }}
      >
        <div className="editor-page">
          <EditorContent editor={editor} />
          <CodingMargin
            editor={editor}
            codes={codes}
            scroller={scroller.current}
            onSelect={(codingId) => {
              const drawn = drawnCodings(editor.state).find(
                (candidate) => candidate.codingId === codingId,
              );
              if (!drawn) return;
              const coords = editor.view.coordsAtPos(drawn.from);
              const box = scroller.current?.getBoundingClientRect();
              openPopoverAt(
                [codingId],
                coords.left - (box?.left ?? 0),
                coords.bottom - (box?.top ?? 0) + (scroller.current?.scrollTop ?? 0),
              );
            }}
          />
        </div>
        {popover && popoverCodings.length > 0 && (
          <CodingPopover
            key={popover.ids.join()}
            codings={popoverCodings}
            codes={codes}
            position={{ left: popover.left, top: popover.top }}
            onRemove={(coding) => void removeCoding(coding)}
            onMemo={(coding, memo) => void updateCoding(coding, { memo })}
            onMoveEdge={moveEdge}
            onClose={() => setPopover(null)}
            onPlay={playFrom(popoverCodings[0])}
          />
        )}
      </div>
      {palette && (
        <CodePalette
          codes={codes}
          recent={recent}
          defaultParentId={codes.find((code) => code.id === recent[0])?.parentId ?? null}
          onClose={() => {
            setPalette(false);
            editor.commands.focus();
          }}
          onChoose={(choice) => {
            setPalette(false);
            // Back to the text at once (the selection is kept), not after the save: by then the
            // researcher may have selected something else.
            editor.commands.focus();
            void applyCodes(choice.codeIds, choice.create);
          }}
        />
      )}
    </div>
  );
}

function ancestorsOf(element: HTMLElement): HTMLElement[] {
  const result: HTMLElement[] = [];
  let current = element.parentElement;
  while (current && !current.classList.contains('transcript')) {
    result.push(current);
    current = current.parentElement;
  }
  return result;
}
