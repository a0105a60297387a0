import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeNode, Coding } from '../../../shared/documents';
import type { SpreadUnit } from '../../../shared/text/spread';
import { codePath } from '../codebook/codeTree';

export type Edge = 'start' | 'end';

/** What a click on a highlight shows: the passage's codes, its memo, its boundaries. */
export function CodingPopover({
  codings,
  codes,
  position,
  onRemove,
  onMemo,
  onMoveEdge,
  onSpread,
  onCodeTurns,
  onClose,
  onPlay,
}: {
  codings: Coding[];
  codes: CodeNode[];
  position: { left: number; top: number };
  onRemove: (coding: Coding) => void;
  onMemo: (coding: Coding, memo: string) => void;
  onMoveEdge: (coding: Coding, edge: Edge, direction: 1 | -1) => void;
  onSpread: (coding: Coding, unit: SpreadUnit) => void;
  /** Codes every turn of the passage's speaker with the passage's code; absent where it has none. */
  onCodeTurns?: ((coding: Coding) => void) | undefined;
  onClose: () => void;
  /** Plays the recording from the passage's turn; absent without a recording or a time. */
  onPlay?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [memos, setMemos] = useState<Record<string, string>>(() =>
    Object.fromEntries(codings.map((coding) => [coding.id, coding.memo])),
  );
  // What each memo last was in the project, so that one typed is saved once, on blur or on close.
  const saved = useRef<Record<string, string>>(
    Object.fromEntries(codings.map((coding) => [coding.id, coding.memo])),
  );
  const saveMemo = (coding: Coding) => {
    const memo = memos[coding.id] ?? '';
    if (memo === saved.current[coding.id]) return;
    saved.current[coding.id] = memo;
    onMemo(coding, memo);
  };
  // Closing, by Escape or ×, keeps what was typed: nothing typed is lost.
  const close = () => {
    for (const coding of codings) saveMemo(coding);
    onClose();
  };
  // Always inside the transcript's pane and the window: moved left or up where it would overflow.
  const box = useRef<HTMLDivElement>(null);
  const [shift, setShift] = useState({ left: 0, top: 0 });
  useLayoutEffect(() => {
    const element = box.current;
    const pane = element?.offsetParent;
    if (!element || !pane) return;
    const margin = 8;
    const area = pane.getBoundingClientRect();
    const right = Math.min(area.right, window.innerWidth) - margin;
    const bottom = Math.min(area.bottom, window.innerHeight) - margin;
    const left = Math.max(area.left, 0) + margin;
    const top = Math.max(area.top, 0) + margin;
    const rect = element.getBoundingClientRect();
    const x = rect.left - shift.left;
    const y = rect.top - shift.top;
    const next = {
      left: Math.max(left, Math.min(x, right - rect.width)) - x,
      top: Math.max(top, Math.min(y, bottom - rect.height)) - y,
    };
    if (next.left !== shift.left || next.top !== shift.top) setShift(next);
  }, [position.left, position.top, shift.left, shift.top, codings.length]);
  return (
    <div
      ref={box}
      className="coding-popover"
      role="dialog"
      aria-label={t('coding.passage')}
      style={{ left: position.left + shift.left, top: position.top + shift.top }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <div className="popover-header">
        <strong>{t('coding.passage')}</strong>
        <button type="button" className="link" onClick={close} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      {onPlay && (
        <button type="button" className="link" onClick={onPlay}>
          {t('recordings.playFromHere')}
        </button>
      )}
      <ul>
        {codings.map((coding) => {
          const code = codes.find((candidate) => candidate.id === coding.codeId);
          const name = codePath(codes, coding.codeId).join(' › ');
          return (
            <li key={coding.id} className="popover-coding" data-coding-id={coding.id}>
              <div className="popover-code">
                <span className="swatch" style={{ background: code?.colour ?? '#999' }} />
                <span>{name}</span>
                <button
                  type="button"
                  onClick={() => onRemove(coding)}
                  aria-label={t('coding.removeCode', { name })}
                >
                  {t('coding.remove')}
                </button>
              </div>
              <div className="edge-buttons" role="group" aria-label={t('coding.boundaries')}>
                <button
                  type="button"
                  onClick={() => onMoveEdge(coding, 'start', -1)}
                  aria-label={t('coding.startLeft')}
                >
                  ⇤
                </button>
                <button
                  type="button"
                  onClick={() => onMoveEdge(coding, 'start', 1)}
                  aria-label={t('coding.startRight')}
                >
                  ⇥
                </button>
                <span className="muted small">{t('coding.boundaries')}</span>
                <button
                  type="button"
                  onClick={() => onMoveEdge(coding, 'end', -1)}
                  aria-label={t('coding.endLeft')}
                >
                  ⇤
                </button>
                <button
                  type="button"
                  onClick={() => onMoveEdge(coding, 'end', 1)}
                  aria-label={t('coding.endRight')}
                >
                  ⇥
                </button>
              </div>
              <div className="spread-buttons" role="group" aria-label={t('coding.spreadTo')}>
                <span className="muted small">{t('coding.spreadTo')}</span>
                {(['sentence', 'paragraph', 'turn'] as const).map((unit) => (
                  <button
                    key={unit}
                    type="button"
                    className="link"
                    onClick={() => onSpread(coding, unit)}
                  >
                    {t(`coding.spread.${unit}`)}
                  </button>
                ))}
                {onCodeTurns && (
                  <button type="button" className="link" onClick={() => onCodeTurns(coding)}>
                    {t('coding.codeTurns')}
                  </button>
                )}
              </div>
              <label className="field">
                <span>{t('coding.memo')}</span>
                <textarea
                  rows={2}
                  value={memos[coding.id] ?? ''}
                  onChange={(event) =>
                    setMemos((current) => ({ ...current, [coding.id]: event.target.value }))
                  }
                  onBlur={() => saveMemo(coding)}
                />
                {coding.memo && coding.memoCoder && (
                  <span className="muted small">{t('memoBy', { name: coding.memoCoder })}</span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
