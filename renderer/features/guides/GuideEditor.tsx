import { useSingleFlight } from '../../components/useSingleFlight';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeNode } from '../../../shared/documents';
import type { GuideDetail, GuideItem } from '../../../shared/guides';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';

const GUIDE_DRAG_TYPE = 'application/x-axial-guide-item';

/**
 * The guide as an outline: sections, numbered questions, prompts. Enter adds the
 * next item, Alt+↑/↓ moves, Alt+→ makes a question a prompt, Alt+← a prompt a
 * question; rows can also be dragged.
 */
export function GuideEditor({
  guide,
  onChange,
}: {
  guide: GuideDetail;
  onChange: (guide: GuideDetail) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { codes, showError } = useProjectData();
  const [focusId, setFocusId] = useState<string | null>(null);
  const linkable = codes.filter((code) => {
    const parent = codes.find((candidate) => candidate.id === code.parentId);
    return code.parentId === null || (parent !== undefined && parent.parentId === null);
  });

  const apply = async (action: () => Promise<GuideDetail>) => {
    try {
      onChange(await action());
    } catch (error) {
      showError(error);
    }
  };
  const once = useSingleFlight();
  /** A change to the outline made once however fast it is clicked: a second indent found nothing to indent. */
  const applyOnce = (key: string, action: () => Promise<GuideDetail>) =>
    void once(key, () => apply(action));
  const siblingsOf = (item: GuideItem) =>
    guide.items.filter((candidate) => candidate.parentId === item.parentId);
  const move = (item: GuideItem, delta: number) => {
    const index = siblingsOf(item).findIndex((candidate) => candidate.id === item.id);
    const target = index + delta;
    if (target < 0 || target >= siblingsOf(item).length) return;
    applyOnce(`move:${item.id}`, () =>
      api['guides.moveItem']({ id: item.id, parentId: item.parentId, index: target }),
    );
  };
  const addAfter = async (item: GuideItem) => {
    const kind = item.kind === 'section' ? 'question' : item.kind;
    const parentId = item.kind === 'section' ? item.id : item.parentId;
    const afterId = item.kind === 'section' ? null : item.id;
    const before = new Set(guide.items.map((candidate) => candidate.id));
    await apply(async () => {
      const next = await api['guides.addItem']({
        guideId: guide.id,
        kind,
        parentId,
        text: t(`guides.newItemText.${kind}`),
        afterId,
      });
      setFocusId(next.items.find((candidate) => !before.has(candidate.id))?.id ?? null);
      return next;
    });
  };

  return (
    <div className="guide-editor">
      <div className="guide-add">
        <button
          type="button"
          onClick={() =>
            void apply(() =>
              api['guides.addItem']({
                guideId: guide.id,
                kind: 'section',
                text: t('guides.newItemText.section'),
              }),
            )
          }
        >
          {t('guides.addSection')}
        </button>
        <button
          type="button"
          onClick={() =>
            void apply(() =>
              api['guides.addItem']({
                guideId: guide.id,
                kind: 'question',
                text: t('guides.newItemText.question'),
              }),
            )
          }
        >
          {t('guides.addQuestion')}
        </button>
      </div>
      <ol className="guide-items">
        {guide.items.map((item) => (
          <li
            key={item.id}
            className={`guide-item ${item.kind}`}
            data-item-id={item.id}
            draggable
            onDragStart={(event) => event.dataTransfer.setData(GUIDE_DRAG_TYPE, item.id)}
            onDragOver={(event) => {
              if (event.dataTransfer.types.includes(GUIDE_DRAG_TYPE)) event.preventDefault();
            }}
            onDrop={(event) => {
              const draggedId = event.dataTransfer.getData(GUIDE_DRAG_TYPE);
              const dragged = guide.items.find((candidate) => candidate.id === draggedId);
              if (!dragged || dragged.id === item.id) return;
              event.preventDefault();
              // Dropped on an item of the same kind: placed before it, among its siblings.
              const parentId =
                dragged.kind === item.kind
                  ? item.parentId
                  : dragged.kind === 'prompt' && item.kind === 'question'
                    ? item.id
                    : dragged.parentId;
              const index =
                dragged.kind === item.kind
                  ? siblingsOf(item).findIndex((candidate) => candidate.id === item.id)
                  : 0;
              void apply(() =>
                api['guides.moveItem']({ id: dragged.id, parentId, index: Math.max(index, 0) }),
              );
            }}
          >
            <span className="item-number">{item.number}</span>
            <ItemText
              item={item}
              autoFocus={focusId === item.id}
              label={t('guides.itemText', {
                kind: t(`guides.kinds.${item.kind}`),
                number: item.number,
              })}
              onSave={(text) => void apply(() => api['guides.updateItem']({ id: item.id, text }))}
              onKey={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  (event.target as HTMLTextAreaElement).blur();
                  void addAfter(item);
                } else if (event.altKey && event.key === 'ArrowUp') {
                  event.preventDefault();
                  move(item, -1);
                } else if (event.altKey && event.key === 'ArrowDown') {
                  event.preventDefault();
                  move(item, 1);
                } else if (
                  event.altKey &&
                  (event.key === 'ArrowRight' || event.key === 'ArrowLeft')
                ) {
                  event.preventDefault();
                  applyOnce(`indent:${item.id}`, () =>
                    api['guides.indentItem']({
                      id: item.id,
                      direction: event.key === 'ArrowRight' ? 'in' : 'out',
                    }),
                  );
                }
              }}
            />
            <span className="item-actions">
              <button type="button" aria-label={t('guides.moveUp')} onClick={() => move(item, -1)}>
                ↑
              </button>
              <button type="button" aria-label={t('guides.moveDown')} onClick={() => move(item, 1)}>
                ↓
              </button>
              {item.kind === 'question' && (
                <>
                  <button
                    type="button"
                    aria-label={t('guides.makePrompt', { number: item.number })}
                    onClick={() =>
                      applyOnce(`indent:${item.id}`, () =>
                        api['guides.indentItem']({ id: item.id, direction: 'in' }),
                      )
                    }
                  >
                    →
                  </button>
                  <button
                    type="button"
                    aria-label={t('guides.addPrompt', { number: item.number })}
                    onClick={() =>
                      applyOnce(`prompt:${item.id}`, () =>
                        api['guides.addItem']({
                          guideId: guide.id,
                          kind: 'prompt',
                          parentId: item.id,
                          text: t('guides.newItemText.prompt'),
                        }),
                      )
                    }
                  >
                    +
                  </button>
                </>
              )}
              {item.kind === 'prompt' && (
                <button
                  type="button"
                  aria-label={t('guides.makeQuestion', { number: item.number })}
                  onClick={() =>
                    applyOnce(`indent:${item.id}`, () =>
                      api['guides.indentItem']({ id: item.id, direction: 'out' }),
                    )
                  }
                >
                  ←
                </button>
              )}
              <button
                type="button"
                className="danger"
                aria-label={t('guides.deleteItem', { number: item.number || item.text })}
                onClick={() =>
                  applyOnce(`delete:${item.id}`, () => api['guides.deleteItem']({ id: item.id }))
                }
              >
                ×
              </button>
            </span>
            {item.kind === 'question' && (
              <details className="item-details">
                <summary>
                  {t('guides.details')}
                  {item.codeIds.length > 0 &&
                    ` · ${item.codeIds.map((id) => codes.find((code) => code.id === id)?.name).join(', ')}`}
                </summary>
                <ItemAxes
                  item={item}
                  codes={linkable}
                  onSave={(codeIds) =>
                    void apply(() => api['guides.updateItem']({ id: item.id, codeIds }))
                  }
                />
                <NoteFields
                  item={item}
                  onSave={(patch) =>
                    void apply(() => api['guides.updateItem']({ id: item.id, ...patch }))
                  }
                />
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function ItemText({
  item,
  label,
  autoFocus,
  onSave,
  onKey,
}: {
  item: GuideItem;
  label: string;
  autoFocus: boolean;
  onSave: (text: string) => void;
  onKey: (event: React.KeyboardEvent<HTMLTextAreaElement>) => void;
}) {
  const [text, setText] = useState(item.text);
  useEffect(() => setText(item.text), [item.text]);
  return (
    <textarea
      className="item-text"
      rows={1}
      aria-label={label}
      autoFocus={autoFocus}
      onFocus={(event) => {
        if (autoFocus) event.target.select();
      }}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => {
        if (text.trim() && text.trim() !== item.text) onSave(text.trim());
        else setText(item.text);
      }}
      onKeyDown={onKey}
    />
  );
}

function NoteFields({
  item,
  onSave,
}: {
  item: GuideItem;
  onSave: (patch: { note?: string; durationMinutes?: number | null }) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.note);
  const [duration, setDuration] = useState(
    item.durationMinutes === null ? '' : String(item.durationMinutes),
  );
  return (
    <div className="note-fields">
      <label className="field">
        <span>{t('guides.note')}</span>
        <textarea
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => note !== item.note && onSave({ note })}
        />
      </label>
      <label className="field">
        <span>{t('guides.duration')}</span>
        <input
          type="number"
          min={0}
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          onBlur={() => onSave({ durationMinutes: duration === '' ? null : Number(duration) })}
        />
      </label>
    </div>
  );
}

/** The axes and variables a question informs; ticks show at once and are then saved. */
function ItemAxes({
  item,
  codes,
  onSave,
}: {
  item: GuideItem;
  codes: CodeNode[];
  onSave: (codeIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState(item.codeIds);
  useEffect(() => setTicked(item.codeIds), [item.codeIds]);
  return (
    <fieldset className="item-axes">
      <legend>{t('guides.informs')}</legend>
      {codes.map((code) => (
        <label key={code.id} className="checkbox">
          <input
            type="checkbox"
            checked={ticked.includes(code.id)}
            onChange={(event) => {
              const next = event.target.checked
                ? [...ticked, code.id]
                : ticked.filter((id) => id !== code.id);
              setTicked(next);
              onSave(next);
            }}
          />
          <span>{code.name}</span>
        </label>
      ))}
    </fieldset>
  );
}
