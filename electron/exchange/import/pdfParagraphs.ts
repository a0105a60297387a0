import type { Block } from './blocks';

/** One line of a PDF page as placed: its baseline (y grows upwards), left and right edges, type size. */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
  page: number;
}

/** "12", "- 12 -", "p. 12", "Page 12 sur 40", "12 / 40": the number is the first one. */
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:p(?:age|\.)?\s*)?(\d{1,4})(?:\s*(?:\/|sur|of)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/** A line's text with its numbers made alike: "Rapport 2023 — page 4" and "… page 5" repeat. */
function shapeOf(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/**
 * Running heads and feet: the first or last lines of a page when they are its
 * page number (numbers that follow the pages, on two pages at least: a lone
 * "2023" opening a page is text; a one-page file's own "1"), or when the same line (numbers aside) opens
 * or closes many pages.
 */
function withoutRunningLines(pages: readonly PdfLine[][]): PdfLine[][] {
  const ends = (lines: PdfLine[]) => [lines[0], lines[1], lines.at(-2), lines.at(-1)];
  const offsets = new Map<number, number>();
  pages.forEach((lines, index) => {
    const seen = new Set<number>();
    for (const line of ends(lines)) {
      const number = line && PAGE_NUMBER.exec(line.text)?.[1];
      if (number) seen.add(Number(number) - (index + 1));
    }
    for (const offset of seen) offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
  });
  const isPageNumber = (line: PdfLine, index: number) => {
    const number = PAGE_NUMBER.exec(line.text)?.[1];
    if (number === undefined) return false;
    const offset = Number(number) - (index + 1);
    // A one-page file's number can follow no other: its own page's alone is taken.
    return pages.length === 1 ? offset === 0 : (offsets.get(offset) ?? 0) >= 2;
  };
  // On every page of a short file, or on many of a long one.
  const needed = pages.length <= 3 ? pages.length : Math.max(3, pages.length * 0.4);
  const counted = pages.length >= 2;
  const tally = (pick: (lines: PdfLine[]) => PdfLine | undefined) => {
    const counts = new Map<string, number>();
    for (const lines of pages) {
      const line = pick(lines);
      if (line) counts.set(shapeOf(line.text), (counts.get(shapeOf(line.text)) ?? 0) + 1);
    }
    return counts;
  };
  const firsts = tally((lines) => lines[0]);
  const lasts = tally((lines) => lines.at(-1));
  const repeated = (counts: Map<string, number>, line: PdfLine) =>
    counted && (counts.get(shapeOf(line.text)) ?? 0) >= needed;
  return pages.map((lines, index) => {
    let from = 0;
    let to = lines.length;
    // A head and a page number above it, or a foot and its page number: up to two lines each end.
    for (let step = 0; step < 2 && from < to; step += 1) {
      const line = lines[from]!;
      if (isPageNumber(line, index) || repeated(firsts, line)) from += 1;
    }
    for (let step = 0; step < 2 && to > from; step += 1) {
      const line = lines[to - 1]!;
      if (isPageNumber(line, index) || repeated(lasts, line)) to -= 1;
    }
    return lines.slice(from, to);
  });
}

/** The size most of the text is set in, weighted by characters. */
function bodySize(pages: readonly PdfLine[][]): number {
  const weights = new Map<number, number>();
  for (const lines of pages)
    for (const line of lines) {
      const size = Math.round(line.size * 2) / 2;
      weights.set(size, (weights.get(size) ?? 0) + line.text.length);
    }
  let best = 10;
  let most = -1;
  for (const [size, weight] of weights)
    if (weight > most) {
      best = size;
      most = weight;
    }
  return best;
}

/**
 * The distance between two lines of body text within a paragraph: the
 * smallest gap between two lines of body size (gaps between paragraphs are
 * wider, and a report of one-line paragraphs has mostly those); a gap under
 * 0.8 of the type size is no line spacing (a line set tighter than its type).
 */
function lineSpacing(pages: readonly PdfLine[][], body: number): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const lines of pages)
    for (let index = 1; index < lines.length; index += 1) {
      const gap = lines[index - 1]!.y - lines[index]!.y;
      if (Math.abs(lines[index]!.size - body) < body * 0.1 && gap >= body * 0.8 && gap < body * 3)
        smallest = Math.min(smallest, gap);
    }
  return Number.isFinite(smallest) ? smallest : body * 1.25;
}

/** Two lines of one paragraph joined: a word cut at the line's end ("coopé-" "ration") is mended. */
function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

/** The width of one character of a line, on average: pdf.js gives a run's width, not each letter's. */
function characterWidth(line: PdfLine): number {
  return (line.right - line.x) / Math.max(1, [...line.text].length);
}

/**
 * Whether a line ends short of the margin on purpose: the next line's first
 * word would have fitted after it (with room to spare, widths being estimated),
 * so a typesetter would have put it there had the paragraph gone on.
 */
function endsShort(previous: PdfLine, line: PdfLine, margin: number): boolean {
  // A word cut at the line's end goes on below.
  if (/\p{L}[-\u00ad]$/u.test(previous.text)) return false;
  const word = [...(line.text.split(' ')[0] ?? '')].length;
  const room = margin - previous.right;
  return room > characterWidth(previous) * 2 + characterWidth(line) * word * 1.3;
}

/**
 * Lines into paragraphs and headings: a paragraph ends at a wider gap than
 * the text's line spacing, a change of type size, an indented line, a line
 * ending short of the margin where the next word would have fitted, or a
 * column's or page's end;
 * a short paragraph in larger type than the body is a heading (the largest
 * sizes levels 1, 2, 3).
 */
export function pdfParagraphs(pages: readonly PdfLine[][]): Block[] {
  const kept = withoutRunningLines(pages);
  const body = bodySize(kept);
  const spacing = lineSpacing(kept, body);
  interface Gathered {
    text: string;
    size: number;
    page: number;
    lines: number;
  }
  const gathered: Gathered[] = [];
  for (const lines of kept) {
    const margin = Math.max(...lines.map((line) => line.right), 0);
    let open: Gathered | null = null;
    let previous: PdfLine | null = null;
    for (const line of lines) {
      const gap = previous ? previous.y - line.y : 0;
      const breaks =
        !open ||
        !previous ||
        gap <= 0 ||
        gap > spacing * 1.4 ||
        Math.abs(line.size - previous.size) > body * 0.12 ||
        line.x > previous.x + body * 1.2 ||
        endsShort(previous, line, margin);
      if (breaks) {
        open = { text: line.text, size: line.size, page: line.page, lines: 1 };
        gathered.push(open);
      } else {
        open!.text = joinLines(open!.text, line.text);
        open!.lines += 1;
      }
      previous = line;
    }
  }
  const isHeading = (paragraph: Gathered) =>
    paragraph.size >= body * 1.15 && paragraph.lines <= 3 && paragraph.text.length <= 200;
  const headingSizes = [
    ...new Set(gathered.filter(isHeading).map((paragraph) => Math.round(paragraph.size))),
  ].sort((a, b) => b - a);
  return gathered.map((paragraph): Block => {
    if (!isHeading(paragraph))
      return { type: 'paragraph', inlines: [{ text: paragraph.text }], page: paragraph.page };
    const rank = headingSizes.indexOf(Math.round(paragraph.size));
    return {
      type: 'heading',
      level: Math.min(3, rank + 1) as 1 | 2 | 3,
      inlines: [{ text: paragraph.text }],
      page: paragraph.page,
    };
  });
}
