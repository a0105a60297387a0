import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

interface PlayingState {
  /** The player's position in ms, or null when nothing is followed. */
  time: number | null;
  decorations: DecorationSet;
}

export const playingTurnKey = new PluginKey<PlayingState>('playingTurn');

/** The turn being played: the last one whose time is at or before the player's position. */
function build(doc: ProseMirrorNode, time: number | null): DecorationSet {
  if (time === null) return DecorationSet.empty;
  let found: { position: number; size: number } | null = null;
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true;
    const start = node.attrs.time as unknown;
    if (typeof start === 'number' && start <= time) found = { position, size: node.nodeSize };
    return false;
  });
  if (!found) return DecorationSet.empty;
  const { position, size } = found as { position: number; size: number };
  return DecorationSet.create(doc, [
    Decoration.node(position, position + size, { class: 'playing-turn' }),
  ]);
}

/** "Follow" mode: the turn the recording is at is highlighted, as a decoration. */
export const PlayingTurn = Extension.create({
  name: 'playingTurn',
  addProseMirrorPlugins() {
    return [
      new Plugin<PlayingState>({
        key: playingTurnKey,
        state: {
          init: () => ({ time: null, decorations: DecorationSet.empty }),
          apply(transaction: Transaction, state: PlayingState) {
            const meta = transaction.getMeta(playingTurnKey) as { time: number | null } | undefined;
            if (meta) return { time: meta.time, decorations: build(transaction.doc, meta.time) };
            if (!transaction.docChanged) return state;
            return {
              ...state,
              decorations: state.decorations.map(transaction.mapping, transaction.doc),
            };
          },
        },
        props: {
          decorations: (state: EditorState) => playingTurnKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});

/** Asks the open transcript to follow the player (null stops following). */
export const PLAYING_EVENT = 'axial:playing';

export function announcePlaying(time: number | null): void {
  window.dispatchEvent(new CustomEvent(PLAYING_EVENT, { detail: { time } }));
}
