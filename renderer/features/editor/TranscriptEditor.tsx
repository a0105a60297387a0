import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coding, DocumentDetail } from '../../../shared/documents';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import { unlessGone } from '../../components/ErrorMessage';
import { useProjectData } from '../project/ProjectData';
import { CodePalette } from './CodePalette';
import { drawnCodings } from './codingHighlights';
import { PLAYING_EVENT, playingTurnKey } from './playingTurn';
import { CodingMargin } from './CodingMargin';
import { CodingPopover } from './CodingPopover';
import { EditorToolbar } from './EditorToolbar';
import { requestSeek } from '../recordings/seekEvent';
import { useCodings } from './useCodings';
import { useRecentCodes } from './useRecentCodes';
import { NewCodeParentPicker } from './NewCodeParentPicker';
import { pageAtCaret, showPageText } from './originalPages';
import { revealRange } from './revealRange';
import { useNewCodeParent } from './useNewCodeParent';
import { useTranscriptEditor } from './useTranscriptEditor';

/**
 * A transcript open for reading, editing and coding. Edits are sent as steps
 * and saved as they are made; codings are decorations kept in step with the text.
 */
/** What the panes beside the editor may ask of it. */
export interface EditorTools {
  applyCode(codeId: string): void;
  /**
   * Sends the selected passage (code points, with the document version they
   * belong to) once typing is saved; resolves to null without a selection.
   */
  withSelection<R>(
    send: (range: { start: number; end: number; version: number }) => Promise<R>,
  ): Promise<R | null>;
  /**
   * Selects a passage the project knows by offsets (an answer), read from it
   * once typing is saved, so its offsets are those of the text shown.
   */
  showPassage(load: (version: number) => Promise<{ start: number; end: number } | null>): void;
  insertText(text: string): void;
  /** Starts a new turn at the caret: the next speaker, at a time in the recording (ms). */
  newTurn(speaker: string | null, time: number | null): void;
  /** The speaker of the turn at the caret. */
  currentSpeaker(): string | null;
  /** The page of the original (a PDF's) at the caret. */
  currentPage(): number | null;
  /** Moves the caret to the text printed on a page of the original. */
  showPage(page: number): boolean;
}

/** Coding more of a speaker's turns than this at once asks first. */
const CONFIRM_TURNS = 5;

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
  const project = useProjectData();
  const { codes, showError } = project;
  const [palette, setPalette] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [popover, setPopover] = useState<{ ids: string[]; left: number; top: number } | null>(null);
  const [recent, rememberCodes] = useRecentCodes();
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  // Keyed on the colours themselves: a refresh that brings the same codes must not redraw every highlight.
  const colourKey = codes.map((code) => `${code.id}=${code.colour}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- colourKey stands for codes here
  const colours = useMemo(() => new Map(codes.map((code) => [code.id, code.colour])), [colourKey]);

  const instance = useTranscriptEditor(detail, {
    undo: () => void project.undo(),
    redo: () => void project.redo(),
    openPalette: () => {
      if (instance && !instance.editor.state.selection.empty) setPalette(true);
    },
    inVivo: () => void inVivoHere(),
    applyRecent: (index) => {
      const codeId = recent[index];
      if (codeId) void coding.applyCodes([codeId]);
    },
    find: () => findInput.current?.focus(),
    dropCode: (codeId) => void coding.applyCodes([codeId]),
    failed: (error) => {
      // The editor keeps what was typed, for the researcher to copy, but takes no more.
      showError(error);
      setUnsaved(true);
      if (instance && !instance.editor.isDestroyed) instance.editor.setEditable(false);
    },
    // An undo that took the document away (its import undone): the view closes it.
    historyApplied: () => void coding.load().catch(unlessGone(showError)),
  });
  const coding = useCodings(instance, detail.id, colours, rememberCodes);
  const withMemo = useMemo(
    () =>
      new Set(
        [...coding.codings.values()]
          .filter((passage) => passage.memo.trim() !== '')
          .map((passage) => passage.id),
      ),
    [coding.codings],
  );
  const editor = instance?.editor ?? null;

  // A code made while coding goes where the researcher chose, shown in the toolbar and the palette.
  const [newCodeParent, setNewCodeParent] = useNewCodeParent(codes);
  const inVivoHere = () => coding.inVivo(newCodeParent);

  // Open at a passage (from the Passages view): select it and scroll it into view.
  useEffect(() => {
    if (!editor || !focus || editor.isDestroyed) return;
    const index = buildTextIndex(editor.state.doc);
    revealRange(editor, offsetToPosition(index, focus.start), offsetToPosition(index, focus.end));
  }, [editor, focus]);

  /** The speaker of the turn a passage starts in, if the transcript names one. */
  const speakerOf = (passage: Coding | undefined): string | null => {
    if (!passage || !editor) return null;
    let speaker: string | null = null;
    for (const block of buildTextIndex(editor.state.doc).blocks) {
      if (block.start > passage.start) break;
      if (block.speaker !== null) speaker = block.speaker;
    }
    return speaker;
  };

  /** "Play from here": the time of the turn a passage starts in, when a recording is docked. */
  const playFrom = (passage: Coding | undefined) => {
    if (!passage || !editor || !window.document.querySelector('[data-testid="recording-player"]'))
      return undefined;
    const blocks = buildTextIndex(editor.state.doc).blocks;
    let time: number | null = null;
    for (const block of blocks) {
      if (block.start > passage.start) break;
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

  const { applyCodes, withSelection } = coding;
  useEffect(() => {
    if (!editor) return;
    registerApplyCode({
      applyCode: (codeId) => void applyCodes([codeId]),
      withSelection: (send) =>
        withSelection((range, settled) => send({ ...range, version: settled.version })),
      showPassage: (load) => {
        if (editor.isDestroyed) return;
        void instance?.sync
          .withSettled(
            () => true,
            async (_value, settled) => {
              const range = await load(settled.version);
              if (!range || editor.isDestroyed) return;
              const { from, to } = settled.place(range.start, range.end);
              revealRange(editor, from, to);
            },
          )
          .catch(showError);
      },
      insertText: (text) => {
        if (!editor.isDestroyed) editor.chain().focus().insertContent(text).run();
      },
      newTurn: (speaker, time) => {
        if (editor.isDestroyed) return;
        editor.chain().focus().splitBlock().updateAttributes('paragraph', { speaker, time }).run();
      },
      currentSpeaker: () => (editor.isDestroyed ? null : speakerAtCaret(editor)),
      currentPage: () => (editor.isDestroyed ? null : pageAtCaret(editor)),
      showPage: (page) => !editor.isDestroyed && showPageText(editor, page),
    });
    return () => registerApplyCode(null);
  }, [registerApplyCode, editor, instance, applyCodes, withSelection, showError]);

  const openPopoverAt = (ids: string[], left: number, top: number) => {
    if (ids.length === 0) {
      setPopover(null);
      return;
    }
    setPopover({ ids, left, top });
  };

  if (!editor) return null;
  const popoverCodings = popover
    ? popover.ids
        .map((id) => coding.codings.get(id))
        .filter((passage): passage is Coding => Boolean(passage))
    : [];

  return (
    <div className="transcript-editor">
      {unsaved && (
        <div className="unsaved-notice" role="alert">
          <p>{t('editor.unsaved')}</p>
          <button type="button" onClick={onOutOfDate}>
            {t('editor.reload')}
          </button>
        </div>
      )}
      <EditorToolbar
        editor={editor}
        readOnly={project.readOnly}
        findInput={findInput}
        onCode={() => setPalette(true)}
        onInVivo={() => void inVivoHere()}
        newCodeParent={
          <NewCodeParentPicker codes={codes} parentId={newCodeParent} onChange={setNewCodeParent} />
        }
      />
      {recent.length > 0 && !project.readOnly && (
        <div className="recent-codes" aria-label={t('coding.recentCodes')}>
          {recent
            .map((id) => codes.find((code) => code.id === id))
            .filter((code) => code !== undefined)
            .map((code, index) => (
              <button
                key={code.id}
                type="button"
                className="recent-code"
                onClick={() => void coding.applyCodes([code.id])}
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
            withMemo={withMemo}
            onSelect={(codingIds) => {
              const drawn = drawnCodings(editor.state).find(
                (candidate) => candidate.codingId === codingIds[0],
              );
              if (!drawn) return;
              const coords = editor.view.coordsAtPos(drawn.from);
              const box = scroller.current?.getBoundingClientRect();
              openPopoverAt(
                codingIds,
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
            onRemove={(passage) => void coding.removeCoding(passage)}
            onMemo={(passage, memo) => void coding.writeMemo(passage, memo)}
            onMoveEdge={(passage, edge, direction) =>
              void coding.moveEdge(passage, edge, direction)
            }
            onSpread={(passage, unit) => void coding.spread(passage, unit)}
            onCodeTurns={(() => {
              const speaker = speakerOf(popoverCodings[0]);
              if (!speaker || !editor) return undefined;
              return (passage: Coding) => {
                // Dozens of turns in one click: said before it is done (undo also takes it back).
                const turns = buildTextIndex(editor.state.doc).blocks.filter(
                  (block) => block.speaker === speaker,
                ).length;
                const code = codes.find((candidate) => candidate.id === passage.codeId);
                if (
                  turns > CONFIRM_TURNS &&
                  !window.confirm(
                    t('coding.confirmCodeTurns', { count: turns, speaker, code: code?.name ?? '' }),
                  )
                )
                  return;
                void coding.codeTurns(speaker, [passage.codeId]);
              };
            })()}
            onClose={() => setPopover(null)}
            onPlay={playFrom(popoverCodings[0])}
          />
        )}
      </div>
      {palette && (
        <CodePalette
          codes={codes}
          recent={recent}
          parentId={newCodeParent}
          onParentChange={setNewCodeParent}
          onClose={() => {
            setPalette(false);
            editor.commands.focus();
          }}
          onChoose={(choice) => {
            setPalette(false);
            // Back to the text at once (the selection is kept), not after the save: by then the
            // researcher may have selected something else.
            editor.commands.focus();
            void coding.applyCodes(choice.codeIds, choice.create);
          }}
        />
      )}
    </div>
  );
}

/** The speaker of the turn at the caret: on the turn's first paragraph, continuation paragraphs have none. */
function speakerAtCaret(editor: Editor): string | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth >= 0; depth -= 1) {
    if (!$from.node(depth).isTextblock) continue;
    const parent = $from.node(depth - 1);
    for (let before = $from.index(depth - 1); before >= 0; before -= 1) {
      const speaker = parent.child(before).attrs.speaker as unknown;
      if (typeof speaker === 'string') return speaker;
    }
    return null;
  }
  return null;
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
