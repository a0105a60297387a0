import { useRef } from 'react';

const STEP = 16;

/**
 * The handle between two panes: dragged with the mouse, or moved with the
 * arrow keys once focused (Home and End for the narrowest and widest).
 * `side` says which pane it sizes: the one on its left or on its right.
 */
export function PaneSplitter({
  label,
  width,
  min,
  max,
  side,
  onChange,
}: {
  label: string;
  width: number;
  min: number;
  max: number;
  side: 'left' | 'right';
  onChange: (width: number) => void;
}) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const direction = side === 'left' ? 1 : -1;
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="pane-splitter"
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { x: event.clientX, width };
      }}
      onPointerMove={(event) => {
        if (!start.current) return;
        onChange(start.current.width + direction * (event.clientX - start.current.x));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
      onKeyDown={(event) => {
        const moves: Record<string, number> = {
          ArrowLeft: -STEP * direction,
          ArrowRight: STEP * direction,
        };
        if (event.key in moves) onChange(width + moves[event.key]!);
        else if (event.key === 'Home') onChange(min);
        else if (event.key === 'End') onChange(max);
        else return;
        event.preventDefault();
      }}
    />
  );
}
