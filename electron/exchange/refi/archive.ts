import { inflateZip } from '../boundedZip';
import { AxialError } from '../../../shared/errors';

const MEGABYTE = 1024 * 1024;
const QDE_LIMIT = 256 * MEGABYTE;
/** A source's plain text: more than any transcript (a document imports at most 50 MB of text). */
const SOURCE_LIMIT = 64 * MEGABYTE;

/** What Axial inflates of a .qdpx, counted on the bytes actually inflated. */
export const QDPX_LIMITS = {
  entries: 20_000,
  perEntry: (name: string) => (/\.qde$/i.test(name) ? QDE_LIMIT : SOURCE_LIMIT),
  total: 512 * MEGABYTE,
};

export interface ArchiveEntries {
  /** Entries by their path as written in the archive. */
  files: Map<string, Uint8Array>;
  /** The same by path in lower case with forward slashes. */
  folded: Map<string, Uint8Array>;
}

const fold = (path: string) => path.replace(/\\/g, '/').toLowerCase();

function refused(
  fileName: string,
  reason: string,
  message: string,
  params: Record<string, string | number> = {},
) {
  return new AxialError('invalid_file', message, { file: fileName, reason, ...params });
}

/**
 * What Axial reads of a project export: the .qde at the top, the plain texts
 * under sources/, and its own side file. Pictures, PDFs and recordings, which
 * it does not import, are never inflated.
 */
function wanted(name: string): boolean {
  const path = fold(name);
  if (/^[^/]+\.qde$/.test(path) || path === 'axial/extension.json') return true;
  return (
    /^sources\/[^/]+$/.test(path) &&
    !/\.(pdf|png|jpe?g|gif|tiff?|bmp|mp[34]|m4a|wav|ogg|webm|avi|mov)$/.test(path)
  );
}

/**
 * Opens a .qdpx: entries that stay inside it, at most 20,000, and what Axial
 * reads of it inflated within 256 MB an entry and 512 MB in all, counted as
 * they inflate, so a "zip bomb" is stopped at the limit, not after it.
 */
export function readArchive(bytes: Uint8Array, fileName: string): ArchiveEntries {
  // An empty file is most often a copy that did not finish: say so, not "not a project".
  if (bytes.length === 0) throw refused(fileName, 'empty', `"${fileName}" is empty.`);
  const outcome = inflateZip(bytes, wanted, QDPX_LIMITS);
  if (!outcome.ok) {
    switch (outcome.problem) {
      case 'notZip':
        throw refused(
          fileName,
          'notQdpx',
          `"${fileName}" is not a REFI-QDA project (.qdpx): it is not a readable zip archive.`,
        );
      case 'unsafePath':
        throw refused(
          fileName,
          'unsafeArchive',
          `"${fileName}" was refused: its entry "${outcome.entry}" points outside the archive.`,
          { entry: outcome.entry ?? '' },
        );
      case 'tooManyEntries':
        throw refused(
          fileName,
          'tooManyEntries',
          `"${fileName}" holds more than ${QDPX_LIMITS.entries} files, more than a project export does.`,
          { count: QDPX_LIMITS.entries },
        );
      case 'entryTooLarge':
      case 'tooLarge':
        throw refused(
          fileName,
          'archiveBomb',
          `"${fileName}" was refused: ${outcome.problem === 'entryTooLarge' ? `its entry "${outcome.entry}" unpacks to more than ${QDPX_LIMITS.perEntry(outcome.entry ?? '') / MEGABYTE} MB` : `it unpacks to more than ${QDPX_LIMITS.total / MEGABYTE} MB`}, more than a project export holds (it may be a "zip bomb").`,
          {
            entry: outcome.entry ?? '',
            limit:
              (outcome.problem === 'entryTooLarge'
                ? QDPX_LIMITS.perEntry(outcome.entry ?? '')
                : QDPX_LIMITS.total) / MEGABYTE,
          },
        );
    }
  }
  return {
    files: outcome.files,
    folded: new Map([...outcome.files].map(([name, data]) => [fold(name), data])),
  };
}

/** An entry by path, ignoring the case of the path and which slash is used (Sources/ and sources/). */
export function findEntry(archive: ArchiveEntries, path: string): Uint8Array | undefined {
  return archive.folded.get(fold(path));
}
