import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** An open PDF: its pages, and how to free what pdf.js holds of it (its worker's copy too). */
export interface LoadedPdf {
  numPages: number;
  getPage: PDFDocumentProxy['getPage'];
  destroy(): Promise<void>;
}

// pdf.js parses in a worker of its own, a file of the renderer's bundle (worker-src 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

/** A PDF from its bytes, as the project keeps it: nothing is fetched, no script in it runs. */
export async function loadPdf(bytes: Uint8Array): Promise<LoadedPdf> {
  const task = getDocument({
    data: bytes,
    enableXfa: false,
    // Fonts the file does not embed are drawn in the system's; none is fetched.
    useSystemFonts: true,
    verbosity: 0,
  });
  const document = await task.promise;
  return {
    numPages: document.numPages,
    getPage: (number) => document.getPage(number),
    destroy: () => task.destroy(),
  };
}
