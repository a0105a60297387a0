import type { CountingDecision, OffsetCounting } from '../../../shared/exchange';
import { offsetCountings } from '../../../shared/exchange';
import { codePointLength } from '../../../shared/text/codePoints';

/**
 * A source's text as Axial stores it and, for each way a program may have
 * counted its characters, the table from that count to Axial's code-point
 * offsets. Line breaks are stored as "\n" (CRLF and lone CR become one),
 * except in Axial's own files, whose text is kept exactly as written.
 */
export class SourceText {
  readonly text: string;
  private readonly tables = new Map<OffsetCounting, Int32Array>();
  /** UTF-16 positions that fall between the two halves of a surrogate pair: no counting lands there. */
  private readonly insidePairs = new Set<number>();

  readonly hasCr: boolean;
  readonly hasAstral: boolean;
  /** Code points of `text`: Axial's offsets, which the standard's counting gives as they are. */
  readonly length: number;

  constructor(
    private readonly raw: string,
    private readonly exact = false,
  ) {
    this.text = exact ? raw : raw.replace(/\r\n?/g, '\n');
    this.hasCr = raw.includes('\r');
    this.hasAstral = /[\ud800-\udbff][\udc00-\udfff]/.test(raw);
    this.length = codePointLength(this.text);
  }

  /** Axial's offset for a position counted the given way; null when no character boundary is there. */
  offset(counting: OffsetCounting, position: number): number | null {
    // Code points over the stored text are Axial's own offsets: no table to build (an
    // Axial file's 10,000 selections are placed this way).
    if (counting === 'codePoints')
      return Number.isInteger(position) && position >= 0 && position <= this.length
        ? position
        : null;
    const table = this.table(counting);
    if (!Number.isInteger(position) || position < 0 || position >= table.length) return null;
    if (counting.startsWith('utf16') && this.insidePairs.has(position * 4 + index(counting)))
      return null;
    return table[position]!;
  }

  private table(counting: OffsetCounting): Int32Array {
    let table = this.tables.get(counting);
    if (table) return table;
    const crCounted = counting === 'codePointsCrlf' || counting === 'utf16Crlf';
    const utf16 = counting === 'utf16' || counting === 'utf16Crlf';
    // What the program counted: the file as written (CR counted), or its lines joined by one break.
    const source = crCounted || this.exact ? this.raw : this.raw.replace(/\r\n?/g, '\n');
    const positions: number[] = [];
    let offset = 0;
    for (let unit = 0; unit < source.length;) {
      const code = source.codePointAt(unit)!;
      const width = code > 0xffff ? 2 : 1;
      // Counted as two, a CRLF is still one line break for Axial: both count to its offset.
      if (crCounted && !this.exact && source[unit] === '\r' && source[unit + 1] === '\n') {
        positions.push(offset);
        unit += 1;
        continue;
      }
      // A lone CR is a line break too, stored as "\n".
      positions.push(offset);
      if (utf16 && width === 2) {
        this.insidePairs.add(positions.length * 4 + index(counting));
        positions.push(offset + 1);
      }
      unit += width;
      offset += 1;
    }
    positions.push(offset);
    table = Int32Array.from(positions);
    this.tables.set(counting, table);
    return table;
  }
}

/** A counting's place, to key positions of several tables in one set. */
function index(counting: OffsetCounting): number {
  return offsetCountings.indexOf(counting);
}

/**
 * Programs whose REFI-QDA files are known to count selections otherwise than
 * the standard's code points, recognised by the project's `origin`.
 */
const knownCountings: { pattern: RegExp; program: string; counting: OffsetCounting }[] = [
  // NVivo for Windows counts UTF-16 units, each CRLF as two.
  { pattern: /nvivo/i, program: 'NVivo', counting: 'utf16Crlf' },
  // QualCoder counts Python characters over its text with "\n" breaks, whatever the file says.
  { pattern: /qualcoder/i, program: 'QualCoder', counting: 'codePoints' },
];

type Sources = readonly {
  text: SourceText;
  selections: readonly { start: number; end: number }[];
}[];

/** Whether every selection starts and ends on a character of its text in that counting. */
function fitsAll(sources: Sources, counting: OffsetCounting): boolean {
  return sources.every(({ text, selections }) =>
    selections.every((selection) => {
      const start = text.offset(counting, selection.start);
      const end = text.offset(counting, selection.end);
      return start !== null && end !== null && end > start;
    }),
  );
}

/** Whether two countings give different offsets on these texts at all. */
function canDiffer(sources: Sources, left: OffsetCounting, right: OffsetCounting): boolean {
  const crMatters = sources.some(({ text }) => text.hasCr);
  const astralMatters = sources.some(({ text }) => text.hasAstral);
  const cr = (counting: OffsetCounting) => counting.endsWith('Crlf');
  const utf16 = (counting: OffsetCounting) => counting.startsWith('utf16');
  return (crMatters && cr(left) !== cr(right)) || (astralMatters && utf16(left) !== utf16(right));
}

/**
 * How the selections are counted. The standard's code points (of the file as
 * written), unless the file says otherwise and its selections agree: its own
 * origin names a program known to count otherwise and no selection falls off
 * a character that way, or the standard places some selection outside its
 * text where exactly one other counting places all of them. Never guessed from
 * where selections start and end: researchers select anywhere.
 */
export function decideCounting(
  sources: Sources,
  evidence: { axial: boolean; origin: string | null; chosen: OffsetCounting | null },
): CountingDecision | null {
  if (!sources.some(({ selections }) => selections.length > 0)) return null;
  if (evidence.chosen) return { counting: evidence.chosen, basis: 'chosen', program: null };
  // Axial's own files: code points of exactly the text it wrote.
  if (evidence.axial) return { counting: 'codePoints', basis: 'axial', program: 'Axial' };
  const standard: OffsetCounting = sources.some(({ text }) => text.hasCr)
    ? 'codePointsCrlf'
    : 'codePoints';
  const known = evidence.origin
    ? knownCountings.find((entry) => entry.pattern.test(evidence.origin!))
    : undefined;
  if (known && canDiffer(sources, known.counting, standard) && fitsAll(sources, known.counting))
    return { counting: known.counting, basis: 'origin', program: known.program };
  if (!fitsAll(sources, standard)) {
    const fitting = offsetCountings.filter(
      (counting) => canDiffer(sources, counting, standard) && fitsAll(sources, counting),
    );
    // Several that fit but cannot differ on these texts are one answer.
    const [first] = fitting;
    if (first && fitting.every((counting) => !canDiffer(sources, counting, first)))
      return { counting: first, basis: 'fit', program: null };
  }
  return { counting: standard, basis: 'standard', program: null };
}
