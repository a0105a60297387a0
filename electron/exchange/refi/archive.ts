import { unzipSync } from 'fflate';
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
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw refused(
      fileName,
      'notQdpx',
      `"${fileName}" is not a REFI-QDA project (.qdpx): it is not a zip archive.`,
    );
  let entries = 0;
  let unpacked = 0;
  let unsafe: string | null = null;
  let bomb: string | null = null;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        unpacked += file.originalSize;
        if (!unsafe && !isSafeEntryPath(file.name)) unsafe = file.name;
        if (
          !bomb &&
          file.size > 0 &&
          file.originalSize / file.size > MAX_RATIO &&
          file.originalSize > 1024 * 1024
        )
          bomb = file.name;
        return false;
      },
    });
  } catch {
    throw refused(fileName, 'notQdpx', `"${fileName}" is not a readable zip archive.`);
  }
  if (unsafe)
    throw refused(
      fileName,
      'unsafeArchive',
      `"${fileName}" was refused: its entry "${unsafe}" points outside the archive.`,
      { entry: unsafe },
    );
  if (entries > MAX_ENTRIES)
    throw refused(
      fileName,
      'tooManyEntries',
      `"${fileName}" holds ${entries} files, more than a project export does.`,
      {
        count: entries,
      },
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
