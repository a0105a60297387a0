import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Coding } from '../../../shared/documents';
import type { TextIndex } from '../../../shared/text/textIndex';
import { buildTextIndex, offsetToPosition, positionToOffset } from '../../../shared/text/textIndex';

export interface HighlightSpec {
  codingId: string;
  codeId: string;
}

type HighlightAction =
  | { type: 'set'; codings: readonly Coding[]; colours: ReadonlyMap<string, string> }
  | { type: 'add'; codings: readonly Coding[]; colours: ReadonlyMap<string, string> }
  | { type: 'remove'; codingIds: readonly string[] }
  | { type: 'recolour'; colours: ReadonlyMap<string, string> };

export const codingHighlightsKey = new PluginKey<DecorationSet>('codingHighlights');

function decorationFor(
  coding: Coding,
  index: TextIndex,
  colours: ReadonlyMap<string, string>,
): Decoration {
  const from = offsetToPosition(index, coding.start);
  const to = offsetToPosition(index, coding.end);
  const spec: HighlightSpec = { codingId: coding.id, codeId: coding.codeId };
  return Decoration.inline(
    from,
    to,
    {
      // An explicit nodeName gives each coding its own span, so overlapping codings nest
      // instead of merging into one element with one colour.
      nodeName: 'span',
      class: 'coding',
      style: `--code-colour: ${colours.get(coding.codeId) ?? '#999999'}`,
      'data-coding-id': coding.id,
      'data-code-id': coding.codeId,
    },
    spec,
  );
}

function apply(action: HighlightAction, set: DecorationSet, doc: ProseMirrorNode): DecorationSet {
  switch (action.type) {
    case 'set': {
      const index = buildTextIndex(doc);
      return DecorationSet.create(
        doc,
        action.codings.map((coding) => decorationFor(coding, index, action.colours)),
      );
    }
    case 'add': {
      const index = buildTextIndex(doc);
      const ids = new Set(action.codings.map((coding) => coding.id));
      const stale = set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.codingId));
      return set.remove(stale).add(
        doc,
        action.codings.map((coding) => decorationFor(coding, index, action.colours)),
      );
    }
    case 'remove': {
      const ids = new Set(action.codingIds);
      return set.remove(
        set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.codingId)),
      );
    }
    case 'recolour': {
      const all = set.find();
      const index = buildTextIndex(doc);
      // Rebuilt from the decorations' current positions, which already follow the text.
      const codings = all.map((decoration) => {
        const spec = decoration.spec as HighlightSpec;
        return {
          id: spec.codingId,
          codeId: spec.codeId,
          start: positionToOffset(index, decoration.from),
          end: positionToOffset(index, decoration.to),
        } as Coding;
      });
      return DecorationSet.create(
        doc,
        codings.map((coding) => decorationFor(coding, index, action.colours)),
      );
    }
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
