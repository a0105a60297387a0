import type { Editor } from '@tiptap/core';
import { useLayoutEffect, useState } from 'react';
import type { CodeNode } from '../../../shared/documents';
import { drawnCodings } from './codingHighlights';

interface Bar {
  codingId: string;
  top: number;
  height: number;
  column: number;
  colour: string;
  name: string;
}

const COLUMN_WIDTH = 7;

/**
 * One bar per coding beside the text, showing its extent and code; overlapping
 * codings get side-by-side columns. Only codings in view are measured, so a
 * transcript with thousands of codings stays quick.
 */
export function CodingMargin({
  editor,
  codes,
  revision,
  scroller,
  onSelect,
}: {
  editor: Editor;
  codes: CodeNode[];
  revision: number;
  scroller: HTMLElement | null;
  onSelect: (codingId: string) => void;
}) {
  const [bars, setBars] = useState<Bar[]>([]);
  const [scrollTick, setScrollTick] = useState(0);

  useLayoutEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setScrollTick((tick) => tick + 1));
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [scroller]);

  useLayoutEffect(() => {
    const view = editor.view;
    if (!scroller || editor.isDestroyed) return;
    const box = view.dom.getBoundingClientRect();
    const visible = scroller.getBoundingClientRect();
    const from =
      view.posAtCoords({ left: box.left + 4, top: Math.max(visible.top, box.top) + 1 })?.pos ?? 0;
    const to =
      view.posAtCoords({ left: box.right - 4, top: Math.min(visible.bottom, box.bottom) - 1 })
        ?.pos ?? view.state.doc.content.size;
    const colours = new Map(codes.map((code) => [code.id, code]));
    const inView = drawnCodings(view.state, from, to).sort(
      (a, b) => a.from - b.from || b.to - a.to,
    );
    const columnsEnd: number[] = [];
    const next: Bar[] = [];
    for (const coding of inView) {
      const start = view.coordsAtPos(coding.from, 1);
      const end = view.coordsAtPos(coding.to, -1);
      const top = start.top - box.top;
      const bottom = end.bottom - box.top;
      let column = columnsEnd.findIndex((columnEnd) => columnEnd <= top);
      if (column === -1) column = columnsEnd.length;
      columnsEnd[column] = bottom + 2;
      const code = colours.get(coding.codeId);
      next.push({
        codingId: coding.codingId,
        top,
        height: Math.max(bottom - top, 4),
        column,
        colour: code?.colour ?? '#999999',
        name: code?.name ?? '',
      });
    }
    setBars(next);
  }, [editor, codes, revision, scroller, scrollTick]);

  return (
    <div className="coding-margin" aria-hidden="true">
      {bars.map((bar) => (
        <div
          key={bar.codingId}
          className="margin-bar"
          data-coding-id={bar.codingId}
          title={bar.name}
          style={{
            top: bar.top,
            height: bar.height,
            left: bar.column * COLUMN_WIDTH,
            background: bar.colour,
          }}
          onClick={() => onSelect(bar.codingId)}
        />
      ))}
    </div>
  );
}
