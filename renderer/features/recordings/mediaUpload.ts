import type { Api } from '../../../shared/contract/api';
import { ApiCallError } from '../../api/client';
import { RECORDING_CHUNK_BYTES, recordingTypeOf } from '../../../shared/recordings';
import type { Recording } from '../../../shared/recordings';
import { readBytes } from '../../components/files';

function refused(file: File, reason: 'notMedia'): ApiCallError {
  return new ApiCallError({
    code: 'unsupported_format',
    message: `"${file.name}" is not an audio or video file Axial can play.`,
    params: { file: file.name, reason },
  });
}

/** Whether the browser engine's own player can read the file; its duration if so. */
export function probeMedia(file: File, mimeType: string): Promise<number | null> {
  return new Promise((resolve) => {
    const element = document.createElement(mimeType.startsWith('video/') ? 'video' : 'audio');
    const url = URL.createObjectURL(file);
    const done = (duration: number | null) => {
      URL.revokeObjectURL(url);
      element.removeAttribute('src');
      resolve(duration);
    };
    element.preload = 'metadata';
    element.onloadedmetadata = () =>
      done(Number.isFinite(element.duration) ? Math.round(element.duration * 1000) : 0);
    element.onerror = () => done(null);
    element.src = url;
  });
}

/**
 * Sends a recording to the project in 1 MiB pieces read from the file one at
 * a time, so a 1 GB interview is never whole in memory; `isCancelled` is asked
 * between pieces, and a cancelled upload leaves nothing behind.
 */
export async function uploadRecording(
  api: Api,
  documentId: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<Recording | null> {
  const mimeType = file.type || recordingTypeOf(file.name);
  if (!mimeType || !/^(audio|video)\//.test(mimeType)) throw refused(file, 'notMedia');
  const duration = await probeMedia(file, mimeType);
  if (duration === null) throw refused(file, 'notMedia');
  const recordingId = crypto.randomUUID();
  try {
    for (let start = 0, index = 0; start < file.size; start += RECORDING_CHUNK_BYTES, index += 1) {
      if (isCancelled()) {
        await api['recordings.discard']({ recordingId });
        return null;
      }
      const data = await readBytes(file.slice(start, start + RECORDING_CHUNK_BYTES));
      await api['recordings.uploadChunk']({ recordingId, index, data });
      onProgress(Math.min(file.size, start + RECORDING_CHUNK_BYTES), file.size);
    }
    return await api['recordings.attach']({
      recordingId,
      documentId,
      fileName: file.name,
      mimeType,
      size: file.size,
      durationMs: duration,
    });
  } catch (error) {
    await api['recordings.discard']({ recordingId }).catch(() => undefined);
    throw error;
  }
}
