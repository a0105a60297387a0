import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Coding } from '../../../shared/documents';

export interface HighlightSpec {
  codingId: string;
  codeId: string;
}

/** A coding and where it is drawn in the editor's document now. */
export interface PlacedCoding {
  coding: Coding;
  from: number;
  to: number;
}

type HighlightAction =
  | { type: 'set'; placed: readonly PlacedCoding[]; colours: ReadonlyMap<string, string> }
  | { type: 'add'; placed: readonly PlacedCoding[]; colours: ReadonlyMap<string, string> }
  | { type: 'remove'; codingIds: readonly string[] }
  | { type: 'recolour'; colours: ReadonlyMap<string, string> };

export const codingHighlightsKey = new PluginKey<DecorationSet>('codingHighlights');

function decorationFor(
  { codingId, codeId }: HighlightSpec,
  from: number,
  to: number,
  colours: ReadonlyMap<string, string>,
): Decoration {
  const spec: HighlightSpec = { codingId, codeId };
  return Decoration.inline(
    from,
    to,
    {
      // An explicit nodeName gives each coding its own span, so overlapping codings nest
      // instead of merging into one element with one colour.
      nodeName: 'span',
      class: 'coding',
      style: `--code-colour: ${colours.get(codeId) ?? '#999999'}`,
      'data-coding-id': codingId,
      'data-code-id': codeId,
    },
    spec,
  );
}

function decorationsOf(
  placed: readonly PlacedCoding[],
  colours: ReadonlyMap<string, string>,
): Decoration[] {
  return placed
    .filter((item) => item.to > item.from)
    .map((item) =>
      decorationFor(
        { codingId: item.coding.id, codeId: item.coding.codeId },
        item.from,
        item.to,
        colours,
      ),
    );
}

function apply(action: HighlightAction, set: DecorationSet, doc: ProseMirrorNode): DecorationSet {
  switch (action.type) {
    case 'set':
      return DecorationSet.create(doc, decorationsOf(action.placed, action.colours));
    case 'add': {
      const ids = new Set(action.placed.map((item) => item.coding.id));
      const stale = set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.codingId));
      return set.remove(stale).add(doc, decorationsOf(action.placed, action.colours));
    }
    case 'remove': {
      const ids = new Set(action.codingIds);
      return set.remove(
        set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.codingId)),
      );
    }
    case 'recolour':
      // Rebuilt at the decorations' current positions, which already follow the text.
      return DecorationSet.create(
        doc,
        set
          .find()
          .map((decoration) =>
            decorationFor(
              decoration.spec as HighlightSpec,
              decoration.from,
              decoration.to,
              action.colours,
            ),
          ),
      );
  }
}

/**
 * Codings drawn as decorations. The set is mapped through every edit, so
 * highlights follow their words as the researcher types; codings are added or
 * removed one by one, never by redrawing the whole document.
 */
export const CodingHighlights = Extension.create({
  name: 'codingHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: codingHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(transaction: Transaction, set: DecorationSet) {
            const action = transaction.getMeta(codingHighlightsKey) as HighlightAction | undefined;
            const mapped = transaction.docChanged
              ? set.map(transaction.mapping, transaction.doc)
              : set;
            return action ? apply(action, mapped, transaction.doc) : mapped;
          },
        },
        props: {
          decorations(state: EditorState) {
            return codingHighlightsKey.getState(state);
          },
        },
      }),
    ];
  },
});

export function highlightTransaction(state: EditorState, action: HighlightAction): Transaction {
  return state.tr.setMeta(codingHighlightsKey, action).setMeta('addToHistory', false);
}

export interface DrawnCoding {
  codingId: string;
  codeId: string;
  from: number;
  to: number;
}

/** The codings as currently drawn, at their current positions. */
export function drawnCodings(state: EditorState, from?: number, to?: number): DrawnCoding[] {
  const set = codingHighlightsKey.getState(state) ?? DecorationSet.empty;
  return set.find(from, to).map((decoration) => {
    const spec = decoration.spec as HighlightSpec;
    return {
      codingId: spec.codingId,
      codeId: spec.codeId,
      from: decoration.from,
      to: decoration.to,
    };
  });
}
