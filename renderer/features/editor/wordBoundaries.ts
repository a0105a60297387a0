import { codePointLength, utf16Offset } from '../../../shared/text/codePoints';

/**
 * The next word boundary from a code-point offset, moving left (-1) or right (+1):
 * what the boundary buttons of a passage use, so a boundary lands between words.
 */
export function nextWordBoundary(text: string, offset: number, direction: 1 | -1): number {
  let unit = utf16Offset(text, offset);
  const isWord = (index: number) => /[\p{L}\p{N}\p{M}'’-]/u.test(text[index] ?? '');
  if (direction === 1) {
    while (unit < text.length && !isWord(unit)) unit += 1;
    while (unit < text.length && isWord(unit)) unit += 1;
  } else {
    while (unit > 0 && !isWord(unit - 1)) unit -= 1;
    while (unit > 0 && isWord(unit - 1)) unit -= 1;
  }
  return codePointLength(text, unit);
}
