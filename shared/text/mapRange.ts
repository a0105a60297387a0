import type { Mappable } from '@tiptap/pm/transform';
import type { TextIndex } from './textIndex';
import { offsetToPosition, positionToOffset } from './textIndex';

export interface Range {
  start: number;
  end: number;
}

/**
 * Carries a coded range (code points) through an edit. Text typed exactly at
 * either edge stays outside the passage; text typed inside joins it; a range
 * whose text is all deleted comes back as null.
 */
export function mapRange(
  range: Range,
  before: TextIndex,
  mapping: Mappable,
  after: TextIndex,
): Range | null {
  const from = mapping.map(offsetToPosition(before, range.start), 1);
  const to = mapping.map(offsetToPosition(before, range.end), -1);
  const start = positionToOffset(after, from);
  const end = positionToOffset(after, to);
  return end > start ? { start, end } : null;
}
