import { unzipSync } from 'fflate';
import { readZipDirectory, unpackedSize } from '../zipDirectory';
import { AxialError } from '../../../shared/errors';

const MAX_ENTRIES = 20_000;
const MAX_UNPACKED = 2 * 1024 * 1024 * 1024;
/** Real archives of text and XML compress about 5:1; a thousandfold entry is a bomb, not a project. */
const MAX_RATIO = 1000;

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

/** A path that stays inside the archive: no "..", no absolute path, no drive letter. */
export function isSafeEntryPath(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z]:/i.test(path)) return false;
  return !path.split(/[\\/]/).some((part) => part === '..');
}

/**
 * Opens a .qdpx after checking, from the central directory alone, that it is
 * a zip of sane size whose entries all stay inside it; nothing is inflated
 * until every entry has passed.
 */
export function readArchive(bytes: Uint8Array, fileName: string): ArchiveEntries {
  const entries = readZipDirectory(bytes);
  if (!entries)
    throw refused(
      fileName,
      'notQdpx',
      `"${fileName}" is not a REFI-QDA project (.qdpx): it is not a readable zip archive.`,
    );
  const unsafe = entries.find((entry) => !isSafeEntryPath(entry.name))?.name ?? null;
  const bomb = entries.some(
    (entry) =>
      entry.size > 0 &&
      entry.originalSize / entry.size > MAX_RATIO &&
      entry.originalSize > 1024 * 1024,
  );
  const unpacked = unpackedSize(entries);
  if (unsafe)
    throw refused(
      fileName,
      'unsafeArchive',
      `"${fileName}" was refused: its entry "${unsafe}" points outside the archive.`,
      { entry: unsafe },
    );
  if (entries.length > MAX_ENTRIES)
    throw refused(
      fileName,
      'tooManyEntries',
      `"${fileName}" holds ${entries.length} files, more than a project export does.`,
      { count: entries.length },
    );
  if (bomb || unpacked > MAX_UNPACKED)
    throw refused(
      fileName,
      'archiveBomb',
      `"${fileName}" was refused: it unpacks to far more data than it holds (a "zip bomb").`,
    );
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw refused(fileName, 'notQdpx', `"${fileName}" is not a readable zip archive.`);
  }
  const entriesByName = new Map(Object.entries(files));
  return {
    files: entriesByName,
    folded: new Map([...entriesByName].map(([name, data]) => [fold(name), data])),
  };
}

/** An entry by path, ignoring the case of the path and which slash is used (Sources/ and sources/). */
export function findEntry(archive: ArchiveEntries, path: string): Uint8Array | undefined {
  return archive.folded.get(fold(path));
}
