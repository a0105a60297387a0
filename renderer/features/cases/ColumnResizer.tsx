/**
 * The handle on a column's right edge: dragged with the mouse, moved by the
 * arrow keys, put back to the default width by a double-click.
 */
export function ColumnResizer({
  label,
  resizing,
  onPointerDown,
  onReset,
  onStep,
}: {
  label: string;
  resizing: boolean;
  onPointerDown: (event: unknown) => void;
  onReset: () => void;
  onStep: (delta: number) => void;
}) {
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      title={label}
      tabIndex={0}
      className={resizing ? 'column-resizer resizing' : 'column-resizer'}
      onMouseDown={onPointerDown}
      onTouchStart={onPointerDown}
      onDoubleClick={onReset}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          onStep((event.key === 'ArrowLeft' ? -1 : 1) * (event.shiftKey ? 64 : 16));
        }
      }}
    />
  );
}
