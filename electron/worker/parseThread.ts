import type { ParseRequest } from '../exchange/readForImport';
import { readForImport } from '../exchange/readForImport';
import type { PortLike } from './coreMessages';
import { failureOf } from './threadFailure';

export type ParseThreadData = ParseRequest & { role: 'parse' };

/**
 * A file to import, read on a thread of its own: a large .docx or workbook
 * takes seconds to unpack and convert, and the project's calls go on
 * meanwhile. Nothing is stored here; the core writes what came back, in its turn.
 */
export async function runParseThread(port: PortLike, data: ParseThreadData): Promise<void> {
  try {
    const value = await readForImport(data);
    // A PDF's own bytes come back to be kept in the project: moved, not copied.
    const original = 'original' in value ? value.original : null;
    const movable =
      original?.buffer instanceof ArrayBuffer &&
      original.byteOffset === 0 &&
      original.byteLength === original.buffer.byteLength;
    port.postMessage({ kind: 'done', value }, movable ? [original.buffer] : []);
  } catch (error) {
    port.postMessage(
      failureOf(
        error,
        `"${data.fileName}" could not be read because of an unexpected problem; nothing was imported. Try again, and report the problem if it persists.`,
      ),
    );
  }
}
