import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findStatus, setFindQuery, stepFind } from './findInDocument';

function speakersOf(editor: Editor): string[] {
  const speakers = new Set<string>();
  editor.state.doc.descendants((node) => {
    if (typeof node.attrs.speaker === 'string' && node.attrs.speaker)
      speakers.add(node.attrs.speaker);
    return !node.isTextblock;
  });
  return [...speakers].sort((a, b) => a.localeCompare(b));
}

export function EditorToolbar({
  editor,
  findInput,
  onCode,
  onInVivo,
  newCodeParent,
  readOnly,
}: {
  editor: Editor;
  /** A read-only copy: only finding remains. */
  readOnly: boolean;
  findInput: React.RefObject<HTMLInputElement | null>;
  onCode: () => void;
  onInVivo: () => void;
  /** Where in vivo puts its code, chosen beside its button. */
  newCodeParent: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [newSpeaker, setNewSpeaker] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: ([1, 2, 3] as const).find((level) => current.isActive('heading', { level })) ?? 0,
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      speaker: (current.getAttributes('paragraph').speaker as string | null) ?? '',
      inParagraph: current.isActive('paragraph'),
      hasSelection: !current.state.selection.empty,
      find: findStatus(current.state),
      speakers: speakersOf(current),
    }),
  });
  const setSpeaker = (speaker: string | null) => {
    editor
      .chain()
      .focus()
      .updateAttributes('paragraph', { speaker: speaker || null })
      .run();
  };
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {!readOnly && (
        <>
          <button
            type="button"
            aria-pressed={state.bold}
            onClick={() => editor.chain().focus().toggleBold().run()}
            title={t('editor.bold')}
          >
            <strong>{t('editor.boldShort')}</strong>
          </button>
          <button
            type="button"
            aria-pressed={state.italic}
            onClick={() => editor.chain().focus().toggleItalic().run()}
            title={t('editor.italic')}
          >
            <em>{t('editor.italicShort')}</em>
          </button>
          <select
            aria-label={t('editor.blockType')}
            value={state.heading}
            onChange={(event) => {
              const level = Number(event.target.value);
              if (level === 0) editor.chain().focus().setParagraph().run();
              else
                editor
                  .chain()
                  .focus()
                  .setHeading({ level: level as 1 | 2 | 3 })
                  .run();
            }}
          >
            <option value={0}>{t('editor.paragraph')}</option>
            <option value={1}>{t('editor.heading', { level: 1 })}</option>
            <option value={2}>{t('editor.heading', { level: 2 })}</option>
            <option value={3}>{t('editor.heading', { level: 3 })}</option>
          </select>
          <button
            type="button"
            aria-pressed={state.bulletList}
            onClick={() => editor.chain().focus().toggleBulletList().run()}
          >
            {t('editor.bulletList')}
          </button>
          <button
            type="button"
            aria-pressed={state.orderedList}
            onClick={() => editor.chain().focus().toggleOrderedList().run()}
          >
            {t('editor.orderedList')}
          </button>
          {newSpeaker === null ? (
            <select
              aria-label={t('editor.speaker')}
              value={state.speaker}
              disabled={!state.inParagraph}
              onChange={(event) => {
                if (event.target.value === '\u0000new') setNewSpeaker('');
                else setSpeaker(event.target.value);
              }}
            >
              <option value="">{t('editor.noSpeaker')}</option>
              {state.speakers.map((speaker) => (
                <option key={speaker} value={speaker}>
                  {speaker}
                </option>
              ))}
              <option value={'\u0000new'}>{t('editor.newSpeaker')}</option>
            </select>
          ) : (
            <input
              autoFocus
              aria-label={t('editor.newSpeakerName')}
              value={newSpeaker}
              onChange={(event) => setNewSpeaker(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  setSpeaker(newSpeaker.trim());
                  setNewSpeaker(null);
                } else if (event.key === 'Escape') {
                  setNewSpeaker(null);
                }
              }}
              onBlur={() => setNewSpeaker(null)}
            />
          )}
          <span className="toolbar-gap" />
          <button
            type="button"
            className="primary"
            disabled={!state.hasSelection}
            onClick={onCode}
            title="Ctrl+K"
          >
            {t('coding.code')}
          </button>
          <button
            type="button"
            disabled={!state.hasSelection}
            onClick={onInVivo}
            title="Ctrl+Shift+I"
          >
            {t('coding.inVivo')}
          </button>
          {newCodeParent}
        </>
      )}
      <input
        ref={findInput}
        type="search"
        className="find-input"
        aria-label={t('editor.find')}
        placeholder={t('editor.find')}
        onChange={(event) => editor.view.dispatch(setFindQuery(editor.state, event.target.value))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            const transaction = stepFind(editor.state, event.shiftKey ? -1 : 1);
            if (transaction) editor.view.dispatch(transaction);
          } else if (event.key === 'Escape') {
            editor.commands.focus();
          }
        }}
      />
      <span className="find-status" aria-live="polite">
        {state.find.count === 0
          ? ''
          : state.find.current < 0
            ? t('editor.findCount', { count: state.find.count })
            : t('editor.findStatus', { current: state.find.current + 1, count: state.find.count })}
      </span>
    </div>
  );
}
