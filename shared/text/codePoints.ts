/**
 * Positions in Axial are Unicode code points, as REFI-QDA defines them;
 * JavaScript strings index UTF-16 code units. These convert between the two.
 */

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** How many code points the first `units` UTF-16 units of `text` hold. */
export function codePointLength(text: string, units = text.length): number {
  let count = 0;
  for (let index = 0; index < units; index += 1) {
    const unit = text.charCodeAt(index);
    // A surrogate pair counts once; count it at its high half.
    if (!(isLowSurrogate(unit) && index > 0 && isHighSurrogate(text.charCodeAt(index - 1))))
      count += 1;
  }
  return count;
}

/** The UTF-16 offset of the code point at `codePoints` in `text` (clamped to the end). */
export function utf16Offset(text: string, codePoints: number): number {
  let units = 0;
  let seen = 0;
  while (seen < codePoints && units < text.length) {
    const unit = text.charCodeAt(units);
    units += isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(units + 1)) ? 2 : 1;
    seen += 1;
  }
  return units;
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const from = utf16Offset(text, start);
  return text.slice(from, from + utf16Offset(text.slice(from), end - start));
}
