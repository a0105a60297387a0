import type { TextIndex } from './textIndex';

export type SpreadUnit = 'sentence' | 'paragraph' | 'turn';

// A sentence ends at . ! ? or … and the closing quotes or brackets after it.
const SENTENCE_END = /[.!?…]+[»”"')\]]*/gu;

function blockIndexAt(index: TextIndex, offset: number): number {
  let low = 0;
  let high = index.blocks.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (index.blocks[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Code-point offsets of the sentence ends inside a block's text (each just after its punctuation). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const units: number[] = [];
  // Code points, not UTF-16 units: offsets are code points everywhere in Axial.
  let points = 0;
  for (let unit = 0; unit < text.length;) {
    units.push(unit);
    unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
    points += 1;
  }
  units.push(text.length);
  const pointAt = (unit: number) => {
    let low = 0;
    let high = units.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (units[middle]! < unit) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  for (const match of text.matchAll(SENTENCE_END))
    ends.push(pointAt(match.index + match[0].length));
  return ends.filter((end) => end < points);
}

/**
 * A passage widened to the whole sentence(s), paragraph(s) or turn(s) it lies
 * in: never narrower than it was, never past the text. A turn runs from the
 * block naming its speaker to the block before the next speaker's.
 */
export function spreadRange(
  index: TextIndex,
  range: { start: number; end: number },
  unit: SpreadUnit,
): { start: number; end: number } {
  if (index.blocks.length === 0) return range;
  const first = blockIndexAt(index, range.start);
  const last = blockIndexAt(index, Math.max(range.start, range.end - 1));
  let from = first;
  let to = last;
  if (unit === 'turn') {
    while (from > 0 && index.blocks[from]!.speaker === null) from -= 1;
    while (to + 1 < index.blocks.length && index.blocks[to + 1]!.speaker === null) to += 1;
  }
  const startBlock = index.blocks[from]!;
  const endBlock = index.blocks[to]!;
  let start = startBlock.start;
  let end = endBlock.start + endBlock.length;
  if (unit === 'sentence') {
    const startEnds = sentenceEnds(startBlock.text).map((offset) => startBlock.start + offset);
    const before = startEnds.filter((offset) => offset <= range.start).at(-1);
    if (before !== undefined) {
      // The next sentence begins after the spaces that follow the punctuation.
      const rest = [...startBlock.text].slice(before - startBlock.start);
      const spaces = rest.findIndex((character) => !/\s/u.test(character));
      start = Math.min(range.start, before + (spaces === -1 ? rest.length : spaces));
    }
    const endEnds = sentenceEnds(endBlock.text).map((offset) => endBlock.start + offset);
    // A selection ending in the spaces after a full stop ends with that sentence.
    const characters = [...endBlock.text];
    let ending = range.end;
    while (
      ending > Math.max(range.start + 1, endBlock.start) &&
      /\s/u.test(characters[ending - 1 - endBlock.start] ?? '')
    )
      ending -= 1;
    const after = endEnds.find((offset) => offset >= ending);
    end = after ?? endBlock.start + endBlock.length;
  }
  return { start: Math.min(start, range.start), end: Math.max(end, range.end) };
}
