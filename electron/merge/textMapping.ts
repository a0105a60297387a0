import DiffMatchPatch from 'diff-match-patch';

/**
 * Carries positions (code points) from one version of a text to another
 * through a character diff, as the editor carries codings through typing:
 * text inserted exactly at a passage's edge stays outside it, text inserted
 * inside joins it, a passage whose words are all gone has no place.
 */
export interface TextMapping {
  /** Whether the two texts are the same: every position maps to itself. */
  readonly identical: boolean;
  /**
   * A passage's place in the other text, or null when too little of it is left
   * there (fewer than half its code points unchanged) and its words are not
   * found once, and only once, in both texts.
   */
  mapRange(start: number, end: number): MappedRange | null;
}

export interface MappedRange {
  start: number;
  end: number;
  /** False when some of its words differ in the other text. */
  exact: boolean;
}

interface Segment {
  kind: 'equal' | 'delete' | 'insert';
  /** Where it lies in the text mapped from (an insertion: where it comes). */
  from: number;
  /** Where it lies in the text mapped to. */
  to: number;
  length: number;
}

/** The shortest run of unchanged code points counted as words kept. */
const MEANINGFUL_RUN = 4;

/** Seconds the diff may take before it settles for a coarser one (still correct, less fine). */
const DIFF_SECONDS = 2;

/**
 * Each code point as one UTF-16 unit, so that the diff neither splits a
 * surrogate pair nor counts an emoji twice: offsets in the encoded strings
 * are code points. Null when the texts hold more distinct characters than the
 * Basic Multilingual Plane has room for.
 */
function encodeAsUnits(from: string, to: string): [string, string] | null {
  const units = new Map<number, string>();
  let next = 0x21;
  const encode = (text: string) => {
    let encoded = '';
    for (const character of text) {
      const point = character.codePointAt(0)!;
      let unit = units.get(point);
      if (unit === undefined) {
        // Surrogate halves are not characters of their own: skipped.
        if (next === 0xd800) next = 0xe000;
        if (next > 0xffff) return null;
        unit = String.fromCharCode(next);
        next += 1;
        units.set(point, unit);
      }
      encoded += unit;
    }
    return encoded;
  };
  const left = encode(from);
  const right = left === null ? null : encode(to);
  return left === null || right === null ? null : [left, right];
}

function segmentsOf(encoded: [string, string]): Segment[] {
  const differ = new DiffMatchPatch();
  differ.Diff_Timeout = DIFF_SECONDS;
  const segments: Segment[] = [];
  let fromAt = 0;
  let toAt = 0;
  for (const [operation, text] of differ.diff_main(encoded[0], encoded[1], false)) {
    const length = text.length;
    if (operation === DiffMatchPatch.DIFF_EQUAL) {
      segments.push({ kind: 'equal', from: fromAt, to: toAt, length });
      fromAt += length;
      toAt += length;
    } else if (operation === DiffMatchPatch.DIFF_DELETE) {
      segments.push({ kind: 'delete', from: fromAt, to: toAt, length });
      fromAt += length;
    } else {
      segments.push({ kind: 'insert', from: fromAt, to: toAt, length });
      toAt += length;
    }
  }
  return segments;
}

/**
 * Where `words` occur in `text` overlapping [from, to), the closest to `from`;
 * null if nowhere there. Only overlapping: the same words elsewhere nearby are
 * other words (a repeated phrase, the next answer), never this passage.
 */
function overlappingOccurrence(
  text: string,
  words: string,
  from: number,
  to: number,
): number | null {
  let best: number | null = null;
  let at = text.indexOf(words, Math.max(0, from - words.length + 1));
  while (at !== -1 && at < to) {
    if (best === null || Math.abs(at - from) < Math.abs(best - from)) best = at;
    at = text.indexOf(words, at + 1);
  }
  return best;
}

/** Whether `words` occur more than once in `text`. */
function repeated(text: string, words: string): boolean {
  const first = text.indexOf(words);
  return first !== -1 && text.indexOf(words, first + 1) !== -1;
}

/** Where `words` occur in `text` if they occur exactly once. */
function onlyOccurrence(text: string, words: string): number | null {
  const first = text.indexOf(words);
  return first !== -1 && text.indexOf(words, first + 1) === -1 ? first : null;
}

/** The mapping from `from` to `to`; both are plain texts as Axial stores them. */
export function textMapping(from: string, to: string): TextMapping {
  if (from === to)
    return { identical: true, mapRange: (start, end) => ({ start, end, exact: true }) };
  const encoded = encodeAsUnits(from, to);
  if (!encoded) return { identical: false, mapRange: () => null };
  const segments = segmentsOf(encoded);
  const [encodedFrom, encodedTo] = encoded;

  /**
   * A position's place: `side` says which way text inserted exactly there
   * goes (1: the position moves after it, as a passage's start does; -1: it
   * stays before, as its end does). A position inside deleted text lands where
   * the deletion was, a replacement typed there inside the passage.
   */
  const map = (position: number, side: 1 | -1): number => {
    const candidates: number[] = [];
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index]!;
      if (segment.from > position) break;
      const end = segment.from + segment.length;
      if (segment.kind === 'insert') {
        if (segment.from === position) candidates.push(segment.to, segment.to + segment.length);
      } else if (segment.kind === 'equal') {
        if (position <= end) candidates.push(segment.to + (position - segment.from));
      } else if (position > segment.from && position <= end) {
        const next = segments[index + 1];
        const replaced = next?.kind === 'insert' ? next.length : 0;
        if (side === -1) return segment.to + replaced;
        if (position < end) return segment.to;
        candidates.push(segment.to);
      }
    }
    if (candidates.length === 0) return 0;
    return side === 1 ? Math.max(...candidates) : Math.min(...candidates);
  };

  const unchanged = (start: number, end: number): number => {
    let count = 0;
    for (const segment of segments) {
      // Letters matched by chance (an "e" here, "es " there) are no words kept.
      if (segment.kind !== 'equal' || segment.length < MEANINGFUL_RUN) continue;
      const overlap = Math.min(end, segment.from + segment.length) - Math.max(start, segment.from);
      if (overlap > 0) count += overlap;
    }
    return count;
  };

  const insertedInside = (start: number, end: number): boolean =>
    segments.some(
      (segment) => segment.kind === 'insert' && segment.from > start && segment.from < end,
    );

  /** Whether text was deleted or typed within `margin` code points of a passage, or inside it. */
  const changedNear = (start: number, end: number, margin: number): boolean => {
    return segments.some(
      (segment) =>
        segment.kind !== 'equal' &&
        segment.from <= end + margin &&
        segment.from + (segment.kind === 'delete' ? segment.length : 0) >= start - margin,
    );
  };

  return {
    identical: false,
    mapRange(start, end) {
      const kept = unchanged(start, end);
      const mappedStart = map(start, 1);
      const mappedEnd = map(end, -1);
      const words = encodedFrom.slice(start, end);
      if (kept === end - start && !insertedInside(start, end) && mappedEnd > mappedStart)
        return {
          start: mappedStart,
          end: mappedEnd,
          // Words said twice, with text deleted or typed beside them: which of the two
          // was kept, the text alone cannot tell (an answer given twice, one question
          // deleted). Placed, and flagged to check.
          // And text changed right beside them: the diff may have matched them across
          // two deletions (each side deleting another sentence); flagged to check.
          exact: !(
            changedNear(start, end, 16) ||
            (repeated(encodedFrom, words) && changedNear(start, end, end - start + 16))
          ),
        };
      const placed = kept > 0 && kept * 2 >= end - start && mappedEnd > mappedStart;
      // A diff may align repeated letters otherwise than they were typed: the
      // passage's own words where the diff put it are where it went.
      const near = placed ? overlappingOccurrence(encodedTo, words, mappedStart, mappedEnd) : null;
      if (near !== null) return { start: near, end: near + (end - start), exact: true };
      // Its words found once, and only once, in each text are the same words
      // wherever the diff went; flagged, since the diff did not find them there.
      const only = onlyOccurrence(encodedTo, words);
      if (only !== null && onlyOccurrence(encodedFrom, words) !== null)
        return { start: only, end: only + (end - start), exact: false };
      return placed ? { start: mappedStart, end: mappedEnd, exact: false } : null;
    },
  };
}
