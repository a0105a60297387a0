import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeNode } from '../../../shared/documents';
import { codingHighlightsKey, drawnCodings } from './codingHighlights';

/** Codings overlapping past the margin's room, in its last column: clicked, they list in the popover. */
interface More {
  codingIds: string[];
  names: string[];
  top: number;
  height: number;
}

interface Bar {
  codingId: string;
  top: number;
  height: number;
  column: number;
  colour: string;
  name: string;
  memo: boolean;
}

// A stripe and its code's name beside it, as NVivo's and MAXQDA's margins show them.
const COLUMN_WIDTH = 15;
/** At least this many columns, whatever the margin's width; codings past the last are gathered into a "+N" there. */
const MIN_COLUMNS = 2;
/** The margin is measured once typing pauses: measuring forces a layout, which must not slow keystrokes. */
const SETTLE_MS = 400;

/**
 * One bar per coding beside the text, showing its extent, labelled with its
 * code's name, marked when the passage carries a memo; overlapping codings get
 * side-by-side columns. Only codings in view are measured, so a transcript
 * with thousands of codings stays quick.
 */
export function CodingMargin({
  editor,
  codes,
  scroller,
  withMemo,
  onSelect,
}: {
  editor: Editor;
  codes: CodeNode[];
  scroller: HTMLElement | null;
  /** The codings whose passage carries a memo. */
  withMemo: ReadonlySet<string>;
  /** Opens the popover on these codings (one stripe's, or those gathered under a "+N"). */
  onSelect: (codingIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const [bars, setBars] = useState<Bar[]>([]);
  const [more, setMore] = useState<More[]>([]);
  const [columns, setColumns] = useState(MIN_COLUMNS);
  const margin = useRef<HTMLDivElement>(null);
  const [scrollTick, setScrollTick] = useState(0);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged && !transaction.getMeta(codingHighlightsKey)) return;
      clearTimeout(timer);
      timer = setTimeout(() => setRevision((value) => value + 1), SETTLE_MS);
    };
    editor.on('transaction', onTransaction);
    return () => {
      clearTimeout(timer);
      editor.off('transaction', onTransaction);
    };
  }, [editor]);

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
    const { from, to } = visibleRange(
      view.dom,
      scroller,
      view.posAtDOM.bind(view),
      view.state.doc.content.size,
    );
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
        memo: withMemo.has(coding.codingId),
      });
    }
    // Past the margin's room a stripe would be cut off unseen: the last column instead says how
    // many codings overlap there, so none goes unnoticed.
    const room = Math.max(
      MIN_COLUMNS,
      Math.floor((margin.current?.clientWidth ?? 60) / COLUMN_WIDTH),
    );
    setColumns(room);
    const last = room - 1;
    const crowded: More[] = [];
    for (const bar of next
      .filter((candidate) => candidate.column >= last)
      .sort((a, b) => a.top - b.top)) {
      const group = crowded.at(-1);
      if (group && bar.top < group.top + group.height) {
        group.codingIds.push(bar.codingId);
        group.names.push(bar.name);
        group.height = Math.max(group.height, bar.top + bar.height - group.top);
      } else
        crowded.push({
          codingIds: [bar.codingId],
          names: [bar.name],
          top: bar.top,
          height: bar.height,
        });
    }
    const gathered = new Set(
      crowded.filter((group) => group.codingIds.length > 1).flatMap((group) => group.codingIds),
    );
    setBars(next.filter((bar) => !gathered.has(bar.codingId)));
    setMore(crowded.filter((group) => group.codingIds.length > 1));
  }, [editor, codes, revision, scroller, scrollTick, withMemo]);

  return (
    <div className="coding-margin" aria-hidden="true" ref={margin}>
      {bars.map((bar) => (
        <div
          key={bar.codingId}
          className={`margin-bar${bar.memo ? ' with-memo' : ''}`}
          data-coding-id={bar.codingId}
          title={bar.name}
          style={{
            top: bar.top,
            height: bar.height,
            left: bar.column * COLUMN_WIDTH,
            borderColor: bar.colour,
          }}
          onClick={() => onSelect([bar.codingId])}
        >
          <span className="margin-label">{bar.name}</span>
        </div>
      ))}
      {more.map((group) => (
        <div
          key={group.codingIds[0]}
          className="margin-more"
          title={t('coding.moreInMargin', {
            count: group.codingIds.length,
            names: [...new Set(group.names)].join(', '),
          })}
          style={{ top: group.top, height: group.height, left: (columns - 1) * COLUMN_WIDTH }}
          onClick={() => onSelect(group.codingIds)}
        >
          +{group.codingIds.length}
        </div>
      ))}
    </div>
  );
}

/**
 * The document positions on screen, found from the top-level blocks' offsets
 * (a binary search): cheap even for a transcript of thousands of paragraphs,
 * whose off-screen blocks the browser does not lay out.
 */
function visibleRange(
  root: HTMLElement,
  scroller: HTMLElement,
  positionOf: (node: Node, offset: number) => number,
  size: number,
): { from: number; to: number } {
  const blocks = root.children;
  if (blocks.length === 0) return { from: 0, to: size };
  const top = scroller.scrollTop;
  const bottom = top + scroller.clientHeight;
  const offsetOf = (index: number) => (blocks[index] as HTMLElement).offsetTop;
  const firstBelow = (limit: number) => {
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsetOf(middle) < limit) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const first = Math.max(0, firstBelow(top) - 1);
  const last = Math.min(blocks.length, firstBelow(bottom) + 1);
  const from = positionOf(blocks[first]!, 0);
  const to = last >= blocks.length ? size : positionOf(blocks[last]!, 0);
  return { from, to };
}
