import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { foldCharacter } from '../../../shared/text/fold';

interface FindState {
  query: string;
  matches: { from: number; to: number }[];
  current: number;
  decorations: DecorationSet;
}

export const findKey = new PluginKey<FindState>('findInDocument');

/** Folds accents, case and ligatures, keeping for each folded character the offset it came from. */
function fold(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const piece = foldCharacter(text[index]!);
    for (let count = 0; count < piece.length; count += 1) origins.push(index);
    folded += piece;
  }
  origins.push(text.length);
  return { folded, origins };
}

function findMatches(doc: ProseMirrorNode, query: string): { from: number; to: number }[] {
  const needle = fold(query).folded;
  if (!needle) return [];
  const matches: { from: number; to: number }[] = [];
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true;
    const { folded, origins } = fold(node.textContent);
    let at = folded.indexOf(needle);
    while (at !== -1) {
      matches.push({
        from: position + 1 + origins[at]!,
        to: position + 1 + origins[at + needle.length]!,
      });
      at = folded.indexOf(needle, at + needle.length);
    }
    return false;
  });
  return matches;
}

function build(doc: ProseMirrorNode, query: string, current: number): FindState {
  const matches = findMatches(doc, query);
  // -1 until the researcher steps to a match: typing a query highlights, Enter goes.
  const index = matches.length ? Math.min(current, matches.length - 1) : -1;
  const decorations = DecorationSet.create(
    doc,
    matches.map((match, position) =>
      Decoration.inline(match.from, match.to, {
        class: position === index ? 'find-match current' : 'find-match',
      }),
    ),
  );
  return { query, matches, current: index, decorations };
}

/** Find in document, insensitive to accents, case and ligatures ("elue" finds "Élue", "coeur" finds "cœur"). */
export const FindInDocument = Extension.create({
  name: 'findInDocument',
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => ({ query: '', matches: [], current: -1, decorations: DecorationSet.empty }),
          apply(transaction: Transaction, state: FindState) {
            const meta = transaction.getMeta(findKey) as
              { query?: string; current?: number } | undefined;
            if (meta) return build(transaction.doc, meta.query ?? state.query, meta.current ?? -1);
            return transaction.docChanged
              ? build(transaction.doc, state.query, state.current)
              : state;
          },
        },
        props: {
          decorations: (state: EditorState) => findKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});

export function setFindQuery(state: EditorState, query: string): Transaction {
  return state.tr.setMeta(findKey, { query, current: -1 }).setMeta('addToHistory', false);
}

/** Moves to the next (or previous) match and selects it. */
export function stepFind(state: EditorState, direction: 1 | -1): Transaction | null {
  const find = findKey.getState(state);
  if (!find || find.matches.length === 0) return null;
  const start = find.current < 0 ? (direction === 1 ? -1 : 0) : find.current;
  const current = (start + direction + find.matches.length) % find.matches.length;
  const match = find.matches[current]!;
  return state.tr
    .setMeta(findKey, { current })
    .setSelection(TextSelection.create(state.doc, match.from, match.to))
    .scrollIntoView();
}

export function findStatus(state: EditorState): { count: number; current: number } {
  const find = findKey.getState(state);
  return { count: find?.matches.length ?? 0, current: find?.current ?? -1 };
}
