import type { OffsetCounting } from '../../../shared/exchange';
import { offsetCountings } from '../../../shared/exchange';

/**
 * A source's text as Axial stores it (line breaks as "\n") and, for each way
 * another program may have counted its characters, the table from that count
 * to Axial's code-point offsets.
 */
export class SourceText {
  readonly text: string;
  /** Code points of `text`, for word-boundary checks. */
  private readonly points: string[];
  private readonly tables = new Map<OffsetCounting, Int32Array>();

  readonly hasCr: boolean;
  readonly hasAstral: boolean;

  constructor(private readonly raw: string) {
    this.text = raw.replace(/\r\n?/g, '\n');
    this.points = Array.from(this.text);
    this.hasCr = raw.includes('\r');
    this.hasAstral = this.points.length !== this.text.length;
  }

  get length(): number {
    return this.points.length;
  }

  /** Axial's offset for a position counted the given way; null when it falls outside the text. */
  offset(counting: OffsetCounting, position: number): number | null {
    const table = this.table(counting);
    if (!Number.isInteger(position) || position < 0 || position >= table.length) return null;
    return table[position]!;
  }

  private table(counting: OffsetCounting): Int32Array {
    let table = this.tables.get(counting);
    if (table) return table;
    const crlfAsTwo = counting === 'codePointsCrlf' || counting === 'utf16Crlf';
    const utf16 = counting === 'utf16' || counting === 'utf16Crlf';
    const positions: number[] = [];
    let offset = 0;
    const source = crlfAsTwo ? this.raw : this.raw.replace(/\r\n?/g, '\n');
    for (let unit = 0; unit < source.length;) {
      const code = source.codePointAt(unit)!;
      const width = code > 0xffff ? 2 : 1;
      // A CR before LF is the same line break as its LF: both count to the LF's offset.
      if (crlfAsTwo && source[unit] === '\r' && source[unit + 1] === '\n') {
        positions.push(offset);
        unit += 1;
        continue;
      }
      positions.push(offset);
      if (utf16 && width === 2) positions.push(offset + 1);
      unit += width;
      offset += 1;
    }
    positions.push(offset);
    table = Int32Array.from(positions);
    this.tables.set(counting, table);
    return table;
  }

  /** Whether a range begins and ends between words (or at the text's ends). */
  onWordBoundaries(start: number, end: number): boolean {
    const word = (index: number) => {
      const character = this.points[index];
      return character !== undefined && /[\p{L}\p{N}]/u.test(character);
    };
    const startClean = start === 0 || !word(start - 1) || !word(start);
    const endClean = end === this.length || !word(end - 1) || !word(end);
    return startClean && endClean;
  }
}

/**
 * The counting that puts most selections on word boundaries inside their
 * texts. The standard counts code points; NVivo for Windows counts UTF-16
 * units with CRLF as two. On a tie the standard's counting wins.
 */
export function detectCounting(
  sources: readonly { text: SourceText; selections: readonly { start: number; end: number }[] }[],
): OffsetCounting | null {
  let best: OffsetCounting | null = null;
  let bestScore = -1;
  let any = false;
  // Countings that cannot differ on these texts are not tried: without CR or emoji they are all one.
  const hasCr = sources.some(({ text }) => text.hasCr);
  const hasAstral = sources.some(({ text }) => text.hasAstral);
  const candidates = offsetCountings.filter(
    (counting) =>
      (hasCr || !counting.endsWith('Crlf')) && (hasAstral || !counting.startsWith('utf16')),
  );
  for (const counting of candidates) {
    let score = 0;
    for (const { text, selections } of sources) {
      for (const selection of selections) {
        any = true;
        const start = text.offset(counting, selection.start);
        const end = text.offset(counting, selection.end);
        if (start === null || end === null || end <= start) continue;
        score += text.onWordBoundaries(start, end) ? 2 : 1;
      }
    }
    if (score > bestScore) {
      best = counting;
      bestScore = score;
    }
  }
  return any ? best : null;
}
