import type { ParsedImport } from './import/importDocument';
import { parseImport } from './import/importDocument';
import type { ReadTable } from './tables/importTable';
import { readTable } from './tables/importTable';

/** A file to read before importing it: a document (transcript) or a table of cases, people, documents. */
export type ParseRequest =
  | { what: 'document'; fileName: string; bytes: Uint8Array }
  | { what: 'table'; fileName: string; bytes: Uint8Array };

export type Parsed<Request extends ParseRequest> = Request extends { what: 'document' }
  ? ParsedImport
  : ReadTable;

/** Reads the file; stores nothing. On the core's thread or on one of its own. */
export async function readForImport<Request extends ParseRequest>(
  request: Request,
): Promise<Parsed<Request>> {
  return (
    request.what === 'document'
      ? await parseImport(request.fileName, request.bytes)
      : await readTable(request.fileName, request.bytes)
  ) as Parsed<Request>;
}
