import { z } from 'zod';
import type { Recording } from '../recordings';
import { entityId } from './documents';
import { method } from './method';
import { fileBytes } from './schemas';

const chunkData = fileBytes(1024 * 1024, 'A chunk is at most 1 MiB.');

export const recordingsContract = {
  'recordings.list': method<Recording[]>()(z.strictObject({ documentId: entityId })),
  /** Files arrive in chunks of at most 1 MiB, so a 1 GB recording is never whole in memory. */
  'recordings.uploadChunk': method<null>()(
    z.strictObject({
      recordingId: entityId,
      index: z.number().int().min(0).max(100_000),
      data: chunkData,
    }),
  ),
  'recordings.attach': method<Recording>()(
    z.strictObject({
      recordingId: entityId,
      documentId: entityId,
      fileName: z.string().trim().min(1).max(255),
      mimeType: z.string().regex(/^(audio|video)\/[a-z0-9.+-]+$/, 'Not an audio or video type.'),
      size: z.number().int().min(1),
      durationMs: z.number().min(0).nullable(),
    }),
  ),
  'recordings.discard': method<null>()(z.strictObject({ recordingId: entityId })),
  'recordings.remove': method<null>()(z.strictObject({ id: entityId })),
};
