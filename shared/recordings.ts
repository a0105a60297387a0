/** Audio and video recordings attached to transcripts. */

export const RECORDING_CHUNK_BYTES = 1024 * 1024;

export interface Recording {
  id: string;
  documentId: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** Known once the player has read the file's header; null before. */
  durationMs: number | null;
  createdAt: string;
}

/** The formats the browser engine's own player reads, by extension. */
export const recordingTypes: Record<string, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  weba: 'audio/webm',
  webm: 'video/webm',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
};

export function recordingTypeOf(fileName: string): string | null {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return recordingTypes[extension] ?? null;
}
