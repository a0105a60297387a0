import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { codePointLength, utf16Offset } from './codePoints';

/** One text block (turn, heading, list paragraph) of a document, placed in both coordinate systems. */
export interface IndexedBlock {
  /** ProseMirror position where the block's text starts. */
  position: number;
  text: string;
  /** Code-point offset of the block's first character in the plain text. */
  start: number;
  /** Length in code points. */
  length: number;
  speaker: string | null;
  time: number | null;
  /** The page of the original (a PDF's) the block was printed on. */
  page: number | null;
}

/**
 * The plain text of a document (its text blocks joined by "\n") and the
 * correspondence between ProseMirror positions and code-point offsets.
 */
export interface TextIndex {
  readonly text: string;
  readonly blocks: readonly IndexedBlock[];
  /** Total length of the plain text in code points. */
  readonly length: number;
}

/** A top-level node's text blocks, placed relative to the node: the same for every document sharing it. */
interface ChildBlock {
  offset: number;
  text: string;
  length: number;
  speaker: string | null;
  time: number | null;
  page: number | null;
}

// ProseMirror shares unchanged nodes between a document and its edited successor, so a
// long transcript edited in one turn re-reads that turn only.
const childBlocks = new WeakMap<ProseMirrorNode, ChildBlock[]>();

function blocksOf(child: ProseMirrorNode): ChildBlock[] {
  let blocks = childBlocks.get(child);
  if (blocks) return blocks;
  blocks = [];
  const add = (node: ProseMirrorNode, offset: number) => {
    const text = node.textContent;
    blocks!.push({
      offset: offset + 1,
      text,
      length: codePointLength(text),
      speaker: typeof node.attrs.speaker === 'string' ? node.attrs.speaker : null,
      time: typeof node.attrs.time === 'number' ? node.attrs.time : null,
      page: typeof node.attrs.page === 'number' ? node.attrs.page : null,
    });
  };
  if (child.isTextblock) add(child, 0);
  else
    child.descendants((node, position) => {
      if (!node.isTextblock) return true;
      add(node, position + 1);
      return false;
    });
  childBlocks.set(child, blocks);
  return blocks;
}

// A document is immutable: its index is built once, however many views and handlers ask
// (the coding popover asked on every render, a transcript's worth of text each time).
const documentIndexes = new WeakMap<ProseMirrorNode, TextIndex>();

/** The document's text index; the same object for the same document, never to be changed. */
export function buildTextIndex(doc: ProseMirrorNode): TextIndex {
  let index = documentIndexes.get(doc);
  if (!index) {
    index = indexDocument(doc);
    documentIndexes.set(doc, index);
  }
  return index;
}

function indexDocument(doc: ProseMirrorNode): TextIndex {
  const blocks: IndexedBlock[] = [];
  const parts: string[] = [];
  let start = 0;
  doc.forEach((child, childOffset) => {
    for (const block of blocksOf(child)) {
      blocks.push({
        position: childOffset + block.offset,
        text: block.text,
        start,
        length: block.length,
        speaker: block.speaker,
        time: block.time,
        page: block.page,
      });
      parts.push(block.text);
      start += block.length + 1;
    }
  });
  const text = parts.join('\n');
  return { text, blocks, length: Math.max(0, start - 1) };
}

/** The last block starting at or before `value` by `key` (binary search). */
function blockAt<Key extends 'position' | 'start'>(
  index: TextIndex,
  key: Key,
  value: number,
): IndexedBlock | undefined {
  let low = 0;
  let high = index.blocks.length - 1;
  let found: IndexedBlock | undefined = index.blocks[0];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = index.blocks[middle]!;
    if (block[key] <= value) {
      found = block;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** ProseMirror position → code-point offset. Positions between blocks snap to the nearest text. */
export function positionToOffset(index: TextIndex, position: number): number {
  const block = blockAt(index, 'position', position);
  if (!block) return 0;
  const units = Math.min(Math.max(position - block.position, 0), block.text.length);
  return block.start + codePointLength(block.text, units);
}

/** Code-point offset → ProseMirror position. The "\n" after a block maps to the block's end. */
export function offsetToPosition(index: TextIndex, offset: number): number {
  const block = blockAt(index, 'start', offset);
  if (!block) return 1;
  const within = Math.min(Math.max(offset - block.start, 0), block.length);
  return block.position + utf16Offset(block.text, within);
}

/** The block that holds `offset`: its speaker is the passage's speaker. */
export function blockAtOffset(index: TextIndex, offset: number): IndexedBlock | undefined {
  return blockAt(index, 'start', offset);
}
