import fc from 'fast-check';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/api/core';
import { toneWav } from '../../../electron/demo/toneWav';
import type { MediaAnswer } from '../../../electron/media/mediaResponse';
import { mediaResponse, sessionMediaSource } from '../../../electron/media/mediaResponse';
import type { CoreConnection } from '../../../electron/worker/connectCore';
import { connectCore } from '../../../electron/worker/connectCore';
import { hostBridge, serveCore } from '../../../electron/worker/serveCore';
import { RECORDING_CHUNK_BYTES } from '../../../shared/recordings';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';

const SIZE = 2 * RECORDING_CHUNK_BYTES + 777;
let folder: ReturnType<typeof makeTempDir>;
let core: AppCore;
let channel: MessageChannel;
let connection: CoreConnection;
let recordingId: string;

beforeAll(async () => {
  folder = makeTempDir();
  channel = new MessageChannel();
  const bridge = hostBridge(channel.port1, false);
  core = testCore(join(folder.path, 'user-data'), bridge.callbacks);
  serveCore(channel.port1, core, sessionMediaSource(core.context.session), bridge.answer, () =>
    channel.port1.close(),
  );
  connection = connectCore(channel.port2);
  await connection.dispatch('projects.create', {
    path: join(folder.path, 'son.axial'),
    title: 'Son',
  });
  const document = (await connection.dispatch('documents.import', {
    fileName: 'entretien.txt',
    data: Buffer.from('Élue : Le maire porte le projet.'),
  })) as { ok: true; value: { id: string } };
  const file = Buffer.alloc(SIZE);
  for (let offset = 0; offset + 4 <= SIZE; offset += 4)
    file.writeUInt32LE(Math.imul(offset, 2654435761) >>> 0, offset);
  toneWav(0).copy(file);
  recordingId = crypto.randomUUID();
  for (let index = 0; index * RECORDING_CHUNK_BYTES < SIZE; index += 1)
    await connection.dispatch('recordings.uploadChunk', {
      recordingId,
      index,
      data: file.subarray(index * RECORDING_CHUNK_BYTES, (index + 1) * RECORDING_CHUNK_BYTES),
    });
  await connection.dispatch('recordings.attach', {
    recordingId,
    documentId: document.value.id,
    fileName: 'entretien.wav',
    mimeType: 'audio/wav',
    size: SIZE,
    durationMs: 5000,
  });
});
afterAll(async () => {
  await connection.shutdown();
  channel.port2.close();
  folder.remove();
});

/** What the player asks for: no range, a closed range, an open one, a suffix, or nonsense. */
const rangeHeader = fc.oneof(
  fc.constant(null),
  fc
    .tuple(fc.nat(SIZE + 10), fc.nat(SIZE + 10))
    .map(([a, b]) => `bytes=${Math.min(a, b)}-${Math.max(a, b)}`),
  fc.nat(SIZE + 10).map((start) => `bytes=${start}-`),
  fc.nat(SIZE + 10).map((length) => `bytes=-${length}`),
  fc.constantFrom('bytes=', 'bytes=5-2', 'items=0-1', 'bytes=abc'),
);

async function readOverPort(range: string | null, stopAfter: number | null) {
  const answer: MediaAnswer = await connection.media(recordingId, range);
  const parts: Uint8Array[] = [];
  for await (const part of answer.body) {
    parts.push(part);
    if (stopAfter !== null && parts.length >= stopAfter) break;
  }
  return { status: answer.status, headers: answer.headers, bytes: Buffer.concat(parts) };
}

function readDirectly(range: string | null) {
  const answer = mediaResponse(core.context.session.require().db, recordingId, range);
  return { status: answer.status, headers: answer.headers, bytes: Buffer.concat([...answer.body]) };
}

describe('a recording through the core’s port', () => {
  it('gives exactly the bytes, status and headers the session gives, for any range, even when requests overlap or are left unread', async () => {
    await fc.assert(
      fc.asyncProperty(
        rangeHeader,
        rangeHeader,
        fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
        async (first, second, abandonAfter) => {
          // The first is read whole; the second, at the same time, may be left after a chunk or two.
          const [whole, partial] = await Promise.all([
            readOverPort(first, null),
            readOverPort(second, abandonAfter),
          ]);
          expect(whole).toEqual(readDirectly(first));
          const expected = readDirectly(second);
          expect(partial.status).toBe(expected.status);
          expect(partial.headers).toEqual(expected.headers);
          expect(expected.bytes.subarray(0, partial.bytes.length).equals(partial.bytes)).toBe(true);
          if (abandonAfter === null) expect(partial.bytes.length).toBe(expected.bytes.length);
        },
      ),
      { numRuns: 60, seed: 17 },
    );
    // Calls still go through the port after the abandoned answers.
    expect(await connection.dispatch('projects.current', {})).toMatchObject({ ok: true });
  });
});
