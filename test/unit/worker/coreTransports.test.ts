import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, threadId } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../electron/api/dispatcher';
import { sessionMediaSource } from '../../../electron/media/mediaResponse';
import { startWebHost } from '../../../electron/web/server';
import { connectCore } from '../../../electron/worker/connectCore';
import { hostBridge, serveCore } from '../../../electron/worker/serveCore';
import { startCoreWorker } from '../../../electron/worker/startCoreWorker';
import { RECORDING_CHUNK_BYTES } from '../../../shared/recordings';
import type { MethodName } from '../../../shared/contract/api';
import { httpTransport } from '../../../renderer/api/transport';
import { toneWav } from '../../../electron/demo/toneWav';
import { buildCoreWorkerBundle, startTestCoreWorker } from '../../support/coreWorkerBundle';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';

interface Transport {
  dispatch: Dispatch;
  stop(): Promise<void>;
}

let bundle: string;
beforeAll(async () => {
  bundle = await buildCoreWorkerBundle('core-worker-transports');
});

let folder: ReturnType<typeof makeTempDir>;
let transport: Transport | null = null;
afterEach(async () => {
  await transport?.stop();
  transport = null;
  folder.remove();
});

/** The same API through each way a host reaches the core. */
const transports: Record<string, (userData: string) => Promise<Transport>> = {
  'the dispatcher, in process': (userData) => {
    const core = testCore(userData);
    return Promise.resolve({
      dispatch: core.dispatch,
      stop: () => Promise.resolve(core.shutdown()),
    });
  },
  'HTTP, through the web host': async (userData) => {
    const core = testCore(userData);
    const host = await startWebHost({ dispatch: core.dispatch, rendererDir: userData });
    return {
      // The renderer's own client: files go up and come back as framed bytes.
      dispatch: (method, input) => httpTransport(host.token, host.url)(method as MethodName, input),
      stop: async () => {
        await host.close();
        core.shutdown();
      },
    };
  },
  'a message port, in process': (userData) => {
    const channel = new MessageChannel();
    const bridge = hostBridge(channel.port1, false);
    const core = testCore(userData, bridge.callbacks);
    serveCore(channel.port1, core, sessionMediaSource(core.context.session), bridge.answer, () =>
      channel.port1.close(),
    );
    const connection = connectCore(channel.port2);
    return Promise.resolve({
      dispatch: connection.dispatch,
      stop: async () => {
        await connection.shutdown();
        channel.port2.close();
      },
    });
  },
  'the core’s worker thread': async (userData) => {
    const core = await startTestCoreWorker(bundle, userData);
    return { dispatch: core.dispatch, stop: core.shutdown };
  },
};

describe.each(Object.keys(transports))('the API through %s', (name) => {
  async function start(): Promise<Dispatch> {
    folder = makeTempDir();
    transport = await transports[name]!(join(folder.path, 'user-data'));
    return transport.dispatch;
  }

  it('returns typed errors for a wrong type, a missing field and an unknown method, running nothing', async () => {
    const dispatch = await start();
    const path = join(folder.path, 'p.axial');
    expect(await dispatch('projects.create', { path, title: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'title' }] },
    });
    expect(await dispatch('projects.create', { title: 'Sans chemin' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'path' }] },
    });
    expect(await dispatch('projects.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await dispatch('projects.create', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(existsSync(path)).toBe(false);
  });

  it('creates a project, codes a passage and undoes it, and reopens the project with what was kept', async () => {
    const dispatch = await start();
    const path = join(folder.path, 'etude.axial');
    const created = await dispatch('projects.create', { path, title: 'Étude', language: 'fr' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Étude', path } });
    const text = 'Comment faites-vous ?\n\nAinsi 👩‍👩‍👧, voilà.';
    const document = (await dispatch('documents.import', {
      fileName: 'entretien-a.txt',
      data: Buffer.from(text, 'utf8'),
    })) as { ok: true; value: { id: string; version: number } };
    expect(document.ok).toBe(true);
    const axis = (await dispatch('codes.create', { name: 'Proactivité' })) as {
      ok: true;
      value: { id: string };
    };
    const code = (await dispatch('codes.create', {
      parentId: axis.value.id,
      name: 'Anticipation',
    })) as { ok: true; value: { id: string } };
    const coding = await dispatch('codings.create', {
      documentId: document.value.id,
      codeIds: [code.value.id],
      start: 23,
      end: 38,
      version: document.value.version,
    });
    expect(coding).toMatchObject({ ok: true, value: [{ start: 23, end: 38 }] });
    expect(await dispatch('history.undo', {})).toMatchObject({ ok: true });
    expect(await dispatch('projects.close', {})).toMatchObject({ ok: true });
    expect(await dispatch('projects.open', { path })).toMatchObject({ ok: true });
    const codings = (await dispatch('codings.forDocument', { documentId: document.value.id })) as {
      ok: true;
      value: unknown[];
    };
    expect(codings).toMatchObject({ ok: true });
    expect(codings.value).toHaveLength(0);
    const codes = await dispatch('codes.list', {});
    expect(JSON.stringify(codes)).toContain('Proactivité');
    // A file comes back as bytes, whatever carried it.
    const codebook = (await dispatch('refi.exportCodebook', {})) as {
      ok: true;
      value: { data: unknown };
    };
    expect(codebook.value.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(codebook.value.data as Uint8Array).toString('utf8')).toContain(
      'Anticipation',
    );
    // Bytes as base64 text are not a file, on every transport.
    expect(
      await dispatch('documents.import', {
        fileName: 'b.txt',
        data: Buffer.from(text).toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the core’s worker thread', () => {
  it('runs on a thread of its own and releases the project’s lock when it shuts down', async () => {
    folder = makeTempDir();
    const userData = join(folder.path, 'user-data');
    const core = await startTestCoreWorker(bundle, userData);
    expect(core.threadId).not.toBe(threadId);
    const path = join(folder.path, 'verrou.axial');
    expect(await core.dispatch('projects.create', { path, title: 'Verrou' })).toMatchObject({
      ok: true,
    });
    await core.shutdown();
    // Another program opens it as its own, not as a copy of a project open elsewhere.
    const other = testCore(join(folder.path, 'other'));
    expect(await other.dispatch('projects.open', { path })).toMatchObject({
      ok: true,
      value: { readOnlyCopy: null },
    });
    other.shutdown();
    // A call after the core stopped is answered, not left waiting.
    expect(await core.dispatch('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('asks the host for a native dialog and tells it the project’s title', async () => {
    folder = makeTempDir();
    const userData = join(folder.path, 'user-data');
    const titles: (string | null)[] = [];
    const asked: string[] = [];
    const path = join(folder.path, 'choisi.axial');
    const core = await startCoreWorker(
      bundle,
      {
        userDataDir: userData,
        kind: 'electron',
        version: '0.0.0-test',
        defaultProjectFolder: userData,
        nativeDialogs: true,
      },
      {
        choosePath: (purpose) => {
          asked.push(purpose);
          return Promise.resolve(path);
        },
        onProjectChanged: (title) => titles.push(title),
      },
    );
    transport = { dispatch: core.dispatch, stop: core.shutdown };
    expect(await core.dispatch('app.choosePath', { purpose: 'create' })).toEqual({
      ok: true,
      value: { path },
    });
    expect(asked).toEqual(['create']);
    await core.dispatch('projects.create', { path, title: 'Choisi' });
    await core.dispatch('projects.close', {});
    expect(titles).toEqual(['Choisi', null]);
  });

  it('streams a recording by ranges, chunk by chunk, and lets go of one the host stops reading', async () => {
    folder = makeTempDir();
    const userData = join(folder.path, 'user-data');
    const core = await startTestCoreWorker(bundle, userData);
    transport = { dispatch: core.dispatch, stop: core.shutdown };
    await core.dispatch('projects.create', { path: join(folder.path, 'son.axial'), title: 'Son' });
    const document = (await core.dispatch('documents.import', {
      fileName: 'entretien.txt',
      data: Buffer.from('Élue : Le maire porte le projet.', 'utf8'),
    })) as { ok: true; value: { id: string } };
    const size = 2 * RECORDING_CHUNK_BYTES + 4321;
    const file = Buffer.alloc(size);
    for (let offset = 0; offset + 4 <= size; offset += 4) file.writeUInt32LE(offset, offset);
    toneWav(0).copy(file);
    const recordingId = crypto.randomUUID();
    for (let index = 0; index * RECORDING_CHUNK_BYTES < size; index += 1)
      await core.dispatch('recordings.uploadChunk', {
        recordingId,
        index,
        data: file.subarray(index * RECORDING_CHUNK_BYTES, (index + 1) * RECORDING_CHUNK_BYTES),
      });
    expect(
      await core.dispatch('recordings.attach', {
        recordingId,
        documentId: document.value.id,
        fileName: 'entretien.wav',
        mimeType: 'audio/wav',
        size,
        durationMs: 5000,
      }),
    ).toMatchObject({ ok: true });

    const read = async (range: string | null) => {
      const answer = await core.media(recordingId, range);
      const parts: Uint8Array[] = [];
      for await (const part of answer.body) parts.push(part);
      return { status: answer.status, headers: answer.headers, bytes: Buffer.concat(parts) };
    };
    const whole = await read(null);
    expect(whole.status).toBe(200);
    expect(whole.bytes.equals(file)).toBe(true);
    const middle = await read(`bytes=${RECORDING_CHUNK_BYTES - 10}-${RECORDING_CHUNK_BYTES + 10}`);
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe(
      `bytes ${RECORDING_CHUNK_BYTES - 10}-${RECORDING_CHUNK_BYTES + 10}/${size}`,
    );
    expect(
      middle.bytes.equals(file.subarray(RECORDING_CHUNK_BYTES - 10, RECORDING_CHUNK_BYTES + 11)),
    ).toBe(true);
    expect((await read('bytes=99999999-')).status).toBe(416);
    expect((await core.media(crypto.randomUUID(), null)).status).toBe(404);

    // The player seeks away after one chunk: the rest is never read, and the next request is answered.
    const abandoned = await core.media(recordingId, null);
    for await (const part of abandoned.body) {
      expect(part.length).toBeGreaterThan(0);
      break;
    }
    const after = await read('bytes=0-99');
    expect(after.bytes.equals(file.subarray(0, 100))).toBe(true);

    // Through the web host too, as the browser's <audio> element asks.
    const host = await startWebHost({
      dispatch: core.dispatch,
      media: core.media,
      rendererDir: userData,
    });
    try {
      const response = await fetch(`${host.url}media/${recordingId}?token=${host.token}`, {
        headers: { range: 'bytes=100-199' },
      });
      expect(response.status).toBe(206);
      expect(Buffer.from(await response.arrayBuffer()).equals(file.subarray(100, 200))).toBe(true);
    } finally {
      await host.close();
    }
  });
});
