import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFFont } from 'pdf-lib';
import { PDFDocument, rgb } from 'pdf-lib';

/** One line set on a page: its text, where its baseline is (from the page's top), its size. */
export interface PdfTextLine {
  text: string;
  /** Distance of the baseline from the top of the page, in points. */
  top: number;
  size?: number;
  left?: number;
}

export interface PdfPage {
  lines: PdfTextLine[];
  /** A grey rectangle over the page: a scan's picture, without any text. */
  picture?: boolean;
}

const fontBytes = readFileSync('resources/fonts/DejaVuSans.ttf');

async function newPdf(): Promise<{ pdf: PDFDocument; font: PDFFont }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  return { pdf, font: await pdf.embedFont(fontBytes, { subset: true }) };
}

function drawPages(pdf: PDFDocument, font: PDFFont, pages: PdfPage[]): void {
  for (const page of pages) {
    const sheet = pdf.addPage([595, 842]);
    if (page.picture)
      sheet.drawRectangle({ x: 40, y: 40, width: 515, height: 762, color: rgb(0.8, 0.8, 0.8) });
    for (const line of page.lines)
      sheet.drawText(line.text, {
        x: line.left ?? 56,
        y: 842 - line.top,
        size: line.size ?? 11,
        font,
      });
  }
}

/**
 * A real PDF written by pdf-lib (another program's conventions: its own
 * content streams, a subset font with a ToUnicode map), on A4 pages.
 */
export async function pdfFile(pages: PdfPage[]): Promise<Uint8Array> {
  const { pdf, font } = await newPdf();
  drawPages(pdf, font, pages);
  return pdf.save();
}

/**
 * Paragraphs set as a typesetter would: words filling lines up to `width`
 * points in the font's real widths, 14 points apart, a wider gap between
 * paragraphs, a new page when one is full; a page number on every page and,
 * if asked, a running head.
 */
export async function typesetPdf(
  paragraphs: { text: string; heading?: boolean }[],
  options: { width?: number; runningHead?: string } = {},
): Promise<{ bytes: Uint8Array; pageOf: number[]; pages: number }> {
  const { pdf, font } = await newPdf();
  const width = options.width ?? 480;
  const pages: PdfPage[] = [];
  const pageOf: number[] = [];
  let page: PdfPage = { lines: [] };
  let top = 0;
  const newPage = () => {
    page = { lines: [] };
    pages.push(page);
    if (options.runningHead) page.lines.push({ text: options.runningHead, top: 40, size: 9 });
    top = 90;
  };
  newPage();
  for (const paragraph of paragraphs) {
    const size = paragraph.heading ? 18 : 11;
    const lines: string[] = [];
    for (const word of paragraph.text.split(' ')) {
      const last = lines.at(-1);
      if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, size) <= width)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    const step = paragraph.heading ? 24 : 14;
    if (top + lines.length * step > 780) newPage();
    pageOf.push(pages.length);
    for (const line of lines) {
      page.lines.push({ text: line, top, size });
      top += step;
    }
    top += 12;
  }
  pages.forEach((each, index) =>
    each.lines.push({ text: String(index + 1), top: 810, size: 9, left: 290 }),
  );
  drawPages(pdf, font, pages);
  return { bytes: await pdf.save(), pageOf, pages: pages.length };
}
