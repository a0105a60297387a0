import { randomBytes } from 'node:crypto';

/** Strings longer than this are written in slices of it: an exported file travels as one. */
const SLICE = 1 << 20;

/**
 * A value's JSON, as pieces to write one after another. An exported file is a
 * string of tens of megabytes inside the result: one `JSON.stringify` would
 * copy it whole, and the response's buffer once more. Long strings are written
 * in slices instead, each escaped on its own (a surrogate pair cut between two
 * slices is written as two escapes, which JSON reads back as the one character).
 */
export function* jsonPieces(value: unknown): Generator<string> {
  const long: string[] = [];
  // A marker no value can hold: its nonce is new for every response.
  const marker = `\u0000${randomBytes(8).toString('hex')}:`;
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'string' || item.length <= SLICE) return item;
    long.push(item);
    return `${marker}${long.length - 1}`;
  });
  if (!long.length) {
    yield text;
    return;
  }
  const escapedMarker = JSON.stringify(marker).slice(1, -1);
  const pattern = new RegExp(`"${escapedMarker.replace(/\\/g, '\\\\')}(\\d+)"`, 'g');
  let written = 0;
  for (const match of text.matchAll(pattern)) {
    yield text.slice(written, match.index);
    const item = long[Number(match[1])]!;
    yield '"';
    for (let start = 0; start < item.length; start += SLICE)
      yield JSON.stringify(item.slice(start, start + SLICE)).slice(1, -1);
    yield '"';
    written = match.index + match[0].length;
  }
  yield text.slice(written);
}
