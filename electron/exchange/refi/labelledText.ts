import type { DocumentJson } from '../../../shared/editor/schema';
import { codePointLength } from '../../../shared/text/codePoints';
import type { TextIndex } from '../../../shared/text/textIndex';
import { timestampMark } from '../../../shared/text/time';
import { leadingSpeaker, leadingTimestamp } from '../../exchange/import/turns';

/**
 * A transcript's text with its turns written in, as another program shows
 * them: "[0:12:30] Marie : …" at the start of each turn. Offsets of the text
 * as Axial stores it (without labels) and positions in the labelled text
 * convert both ways, block by block.
 */
export interface LabelledText {
  text: string;
  /** Per block: where it starts in Axial's text, its label's length, and the labels' length up to it. */
  blocks: { start: number; label: number; before: number }[];
}

/** The label a block starts with: its time, then its speaker, when it begins a turn. */
function labelOf(speaker: string | null, time: number | null): string {
  return `${time !== null ? timestampMark(time) : ''}${speaker ? `${speaker} : ` : ''}`;
}

/** The text a program other than Axial sees: every turn's time and speaker before its words. */
export function labelText(index: TextIndex): LabelledText {
  const blocks: LabelledText['blocks'] = [];
  const lines: string[] = [];
  let before = 0;
  for (const block of index.blocks) {
    const label = labelOf(block.speaker, block.time);
    const length = codePointLength(label);
    before += length;
    blocks.push({ start: block.start, label: length, before });
    lines.push(label + block.text);
  }
  return { text: lines.join('\n'), blocks };
}

/** The last block starting at or before `offset` (of Axial's text), by binary search. */
function blockAt(layout: LabelledText, test: (block: LabelledText['blocks'][number]) => boolean) {
  let low = 0;
  let high = layout.blocks.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (test(layout.blocks[middle]!)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return layout.blocks[found];
}

/**
 * Where an offset of Axial's text is in the labelled text. A start is placed
 * after its block's label; an end at a block's start belongs to the block
 * before (the label of the next turn is not part of the passage).
 */
export function toLabelled(layout: LabelledText, offset: number, side: 'start' | 'end'): number {
  const block = blockAt(layout, (candidate) =>
    side === 'start' ? candidate.start <= offset : candidate.start < offset,
  );
  return offset + (block?.before ?? 0);
}

/** Where a position of the labelled text is in Axial's text: inside a label, at its turn's words. */
export function fromLabelled(
  layout: LabelledText,
  position: number,
  side: 'start' | 'end',
): number {
  // The block whose label starts before the position (at or before it, for a start): a position
  // inside a label is at its turn's words; an end at a label's first character ends the turn before.
  const block = blockAt(layout, (candidate) => {
    const labelStart = candidate.start + candidate.before - candidate.label;
    return side === 'start' ? labelStart <= position : labelStart < position;
  });
  if (!block) return position;
  return Math.max(block.start, position - block.before);
}

/**
 * A source written by another program whose lines begin with turn labels
 * ("[0:12:30] Marie : …", "Marie : …") on half of them or more, its speakers coming back: the
 * labels become turns (speaker and time), their text is taken out, and the
 * layout converts the file's positions. Null when the text has no such labels.
 */
export function turnsFromLabels(
  text: string,
): { content: DocumentJson; layout: LabelledText; plain: string } | null {
  const lines = text.split('\n');
  const parsed = lines.map((line) => {
    const time = leadingTimestamp(line);
    const rest = time ? line.slice(time.length) : line;
    const speaker = leadingSpeaker(rest);
    return {
      time: time?.milliseconds ?? null,
      speaker: speaker?.speaker ?? null,
      prefix: (time?.length ?? 0) + (speaker?.length ?? 0),
      line,
    };
  });
  const written = parsed.filter((entry) => entry.line.trim() !== '');
  const labelled = written.filter((entry) => entry.speaker !== null);
  // A transcript: half its lines or more begin with a label, and its speakers come back (an
  // e-mail's "From:", "To:", "Date:" are four labels of one line each, not a conversation).
  const speakers = new Set(labelled.map((entry) => entry.speaker!.toLowerCase()));
  if (
    labelled.length < 2 ||
    labelled.length * 2 < written.length ||
    speakers.size > Math.max(3, labelled.length / 2)
  )
    return null;
  const blocks: LabelledText['blocks'] = [];
  const paragraphs: unknown[] = [];
  const plain: string[] = [];
  let before = 0;
  let start = 0;
  for (const entry of parsed) {
    const prefix = entry.speaker !== null || entry.time !== null ? entry.prefix : 0;
    const label = codePointLength(entry.line.slice(0, prefix));
    const words = entry.line.slice(prefix);
    before += label;
    blocks.push({ start, label, before });
    plain.push(words);
    paragraphs.push({
      type: 'paragraph',
      attrs: { speaker: prefix ? entry.speaker : null, time: prefix ? entry.time : null },
      ...(words ? { content: [{ type: 'text', text: words }] } : {}),
    });
    start += codePointLength(words) + 1;
  }
  return {
    content: { type: 'doc', content: paragraphs },
    layout: { text, blocks },
    plain: plain.join('\n'),
  };
}
