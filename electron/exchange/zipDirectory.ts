import { unzipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** Compressed size, as the archive declares it. */
  size: number;
  originalSize: number;
}

/**
 * The entries a zip archive declares, read without inflating any of them, so
 * a .docx, .xlsx or .qdpx is checked for size and paths before it is opened;
 * null when the bytes are not a readable zip.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

export function unpackedSize(entries: readonly ZipEntry[]): number {
  return entries.reduce((total, entry) => total + entry.originalSize, 0);
}
