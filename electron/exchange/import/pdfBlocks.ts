import { AxialError } from '../../../shared/errors';
import type { Block } from './blocks';
import type { PdfLine } from './pdfParagraphs';
import { pdfParagraphs } from './pdfParagraphs';

/** Far more than a report or a thesis: a file past it is refused before any page is read. */
export const PDF_PAGE_LIMIT = 3_000;
/** A file whose text takes longer to read than this is stopped (a hostile one can take hours). */
export const PDF_SECONDS = 120;
/** Characters read from the whole file: past it the file is refused as too large. */
const PDF_TEXT_LIMIT = 50 * 1024 * 1024;

export interface PdfText {
  blocks: Block[];
  pages: number;
  /** Pages (from 1) without any text: scans, or pictures alone. */
  withoutText: number[];
}

/** What pdf.js gives for each run of text of a page (its `TextItem`). */
interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

function isTextRun(item: unknown): item is TextRun {
  return typeof (item as TextRun).str === 'string' && Array.isArray((item as TextRun).transform);
}

/** A page's runs of text as lines: a new line at each end of line pdf.js sees or change of baseline. */
export function linesOf(runs: readonly TextRun[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let lineEnded = true;
  for (const run of runs) {
    const [, , c = 0, d = 0, x = 0, y = 0] = run.transform;
    const size = Math.hypot(c, d) || run.height || 1;
    if (run.str !== '') {
      if (!current || lineEnded || Math.abs(y - current.y) > size * 0.5) {
        current = { text: '', x, y, right: x, size, page };
        lines.push(current);
      } else if (
        x - current.right > size * 0.2 &&
        !/\s$/.test(current.text) &&
        !/^\s/.test(run.str)
      )
        // Words placed apart without a space between them (each word positioned on its own).
        current.text += ' ';
      current.text += run.str;
      current.right = Math.max(current.right, x + run.width);
      current.size = Math.max(current.size, size);
      lineEnded = false;
    }
    if (run.hasEOL) lineEnded = true;
  }
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').trim();
  return lines.filter((line) => line.text !== '');
}

function refused(fileName: string, reason: string, message: string, extra = {}): AxialError {
  return new AxialError('invalid_file', message, { file: fileName, reason, ...extra });
}

/**
 * A PDF's text, page by page, with pdf.js (Mozilla's reader, as Firefox
 * shows PDFs): lines joined into paragraphs, larger type as headings, running
 * heads and page numbers left out, each block with its page. Pictures are
 * never decoded. Bounded in pages, characters and time.
 */
export async function pdfBlocks(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  // pdf.js is an ES module read from node_modules (see scripts/build-electron.mjs).
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // Its own copy: pdf.js takes the buffer it is given.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const started = Date.now();
  const timeLeft = () => PDF_SECONDS * 1000 - (Date.now() - started);
  const tooSlow = refused(
    fileName,
    'pdfTooSlow',
    `Reading "${fileName}" took longer than ${PDF_SECONDS} seconds and was stopped: the file may be damaged or built to be slow. Open it in a PDF reader and print it to a new PDF, or save its text as .docx, then import that file.`,
    { limit: PDF_SECONDS },
  );
  const withinTime = async <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(tooSlow), Math.max(0, timeLeft()));
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    let pdf;
    try {
      pdf = await withinTime(task.promise);
    } catch (error) {
      if (error === tooSlow) throw error;
      const name = (error as { name?: string }).name;
      if (name === 'PasswordException')
        throw refused(
          fileName,
          'pdfPassword',
          `"${fileName}" is protected by a password. Open it in a PDF reader with its password, print it to a new PDF without one, and import that file.`,
        );
      throw refused(
        fileName,
        'notPdf',
        `"${fileName}" is not a readable PDF. Open it in a PDF reader and save or print it to a new PDF, then import that file.`,
      );
    }
    if (pdf.numPages > PDF_PAGE_LIMIT)
      throw new AxialError(
        'file_too_large',
        `"${fileName}" has ${pdf.numPages} pages, more than the ${PDF_PAGE_LIMIT} Axial reads from one PDF. Split it into several files.`,
        { file: fileName, reason: 'pdfTooManyPages', limit: PDF_PAGE_LIMIT, count: pdf.numPages },
      );
    const pages: PdfLine[][] = [];
    const withoutText: number[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await withinTime(pdf.getPage(number));
      const content = await withinTime(page.getTextContent());
      const lines = linesOf((content.items as unknown[]).filter(isTextRun), number);
      page.cleanup();
      if (!lines.length) withoutText.push(number);
      characters += lines.reduce((sum, line) => sum + line.text.length + 1, 0);
      if (characters > PDF_TEXT_LIMIT)
        throw new AxialError(
          'file_too_large',
          `"${fileName}" holds more than 50 MB of text, more than one document should. Split it into several files.`,
          { file: fileName },
        );
      pages.push(lines);
    }
    if (withoutText.length === pdf.numPages)
      throw refused(
        fileName,
        'pdfScanned',
        `"${fileName}" has no text to import: its ${pdf.numPages} page(s) are pictures, probably a scan. Run text recognition (OCR) on it first, for example with OCRmyPDF or your scanner's software, then import the result.`,
        { count: pdf.numPages },
      );
    return { blocks: pdfParagraphs(pages), pages: pdf.numPages, withoutText };
  } finally {
    await task.destroy();
  }
}
