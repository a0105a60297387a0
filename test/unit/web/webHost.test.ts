import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/api/core';
import type { WebHost } from '../../../electron/web/server';
import { startWebHost } from '../../../electron/web/server';
import { resolveStaticPath } from '../../../electron/web/staticFiles';
import { parseWebCliArguments } from '../../../electron/web/cliOptions';
import {
  decodeFrames,
  encodeFrames,
  FRAMES_CONTENT_TYPE,
} from '../../../shared/transport/byteFrames';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';

let folder: ReturnType<typeof makeTempDir>;
let core: AppCore;
let host: WebHost;
let rendererDir: string;

beforeEach(async () => {
  folder = makeTempDir();
  rendererDir = join(folder.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Axial</title>');
  writeFileSync(join(folder.path, 'secret.txt'), 'outside the renderer');
  core = testCore(join(folder.path, 'user-data'));
  host = await startWebHost({ dispatch: core.dispatch, rendererDir });
});
afterEach(async () => {
  await host.close();
  core.shutdown();
  folder.remove();
});

function call(
  path: string,
  options: {
    body?: string | Uint8Array;
    token?: string | null;
    method?: string;
    host?: string;
    contentType?: string;
  } = {},
) {
  return new Promise<{
    status: number;
    body: string;
    bytes: Buffer;
    headers: Record<string, unknown>;
  }>((resolve, reject) => {
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'application/json',
    };
    const token = options.token === undefined ? host.token : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.host) headers.host = options.host;
    const outgoing = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'POST', headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            bytes: Buffer.concat(chunks),
            headers: response.headers,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('the web host', () => {
  it('listens on 127.0.0.1 and gives a launch URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.launchUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls without the right token and runs nothing', async () => {
    const path = join(folder.path, 'intruder.axial');
    const body = JSON.stringify({ path, title: 'Intrus' });
    const missing = await call('/api/projects.create', { body, token: null });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await call('/api/projects.create', {
      body,
      token: 'x'.repeat(host.token.length),
    });
    expect(wrong.status).toBe(401);
    expect(existsSync(path)).toBe(false);
    const allowed = await call('/api/projects.create', { body });
    expect(allowed.status).toBe(200);
    expect(existsSync(path)).toBe(true);
  });

  it('returns the same typed errors as IPC for invalid calls', async () => {
    const wrongType = await call('/api/projects.open', { body: JSON.stringify({ path: 3 }) });
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'path' }] },
    });
    const unknown = await call('/api/projects.erase', { body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    const badJson = await call('/api/projects.open', { body: '{not json' });
    expect(badJson.status).toBe(400);
    const getApi = await call('/api/app.info', { method: 'GET' });
    expect(getApi.status).toBe(405);
  });

  it('answers a result holding megabytes of text whole, character for character', async () => {
    await call('/api/projects.create', {
      body: JSON.stringify({ path: join(folder.path, 'long.axial'), title: 'Long' }),
    });
    // Past the megabyte the host writes in slices, with an emoji and accents on the cuts.
    const text = `${'Enquêteur : Bonjour 👩‍💻 '.repeat(60_000)}fin 😀`;
    // The file goes up as its bytes beside the JSON, and the export comes back so.
    const imported = await call('/api/documents.import', {
      contentType: FRAMES_CONTENT_TYPE,
      body: Buffer.concat(encodeFrames({ fileName: 'long.txt', data: Buffer.from(text, 'utf8') })),
    });
    const { id } = (JSON.parse(imported.body) as { value: { id: string } }).value;
    const exported = await call('/api/refi.exportProject', { body: '{}' });
    expect(exported.headers['content-type']).toBe(FRAMES_CONTENT_TYPE);
    const archive = decodeFrames(exported.bytes) as { value: { file: { data: Uint8Array } } };
    const files = unzipSync(archive.value.file.data);
    const source = Object.entries(files).find(([name]) => name.startsWith('sources/'))![1];
    expect(Buffer.from(source).toString('utf8')).toBe(text);
    const detail = await call('/api/documents.get', { body: JSON.stringify({ id }) });
    expect(detail.body.length).toBeGreaterThan(1 << 20);
    const content = (JSON.parse(detail.body) as { value: { content: unknown } }).value.content;
    const texts: string[] = [];
    const collect = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const { text, content: children } = node as { text?: string; content?: unknown[] };
      if (typeof text === 'string') texts.push(text);
      children?.forEach(collect);
    };
    collect(content);
    // The first words name the speaker of the turn; the rest is the text as imported.
    expect(texts.join('')).toBe(text.slice('Enquêteur : '.length));
  });

  it('refuses framed bodies that do not hold what they say, and bytes sent as JSON', async () => {
    const path = join(folder.path, 'framed.axial');
    await call('/api/projects.create', { body: JSON.stringify({ path, title: 'Framed' }) });
    const framed = (value: unknown) =>
      call('/api/documents.import', {
        contentType: FRAMES_CONTENT_TYPE,
        body: Buffer.concat(encodeFrames(value)),
      });
    const whole = Buffer.concat(
      encodeFrames({ fileName: 'a.txt', data: Buffer.from('Élue : Oui.') }),
    );
    for (const body of [whole.subarray(0, whole.length - 1), Buffer.concat([whole, whole])]) {
      const cut = await call('/api/documents.import', { contentType: FRAMES_CONTENT_TYPE, body });
      expect(cut.status).toBe(400);
      expect(cut.body).toContain('not a valid framed request');
    }
    // Base64 or a list of numbers is not a file.
    for (const data of [Buffer.from('Élue : Oui.').toString('base64'), [1, 2, 3]]) {
      const answer = await call('/api/documents.import', {
        body: JSON.stringify({ fileName: 'a.txt', data }),
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('not bytes');
    }
    const imported = await framed({ fileName: 'a.txt', data: Buffer.from('Élue : Oui.') });
    expect(imported.status).toBe(200);
    const listed = await call('/api/documents.list', { body: '{}' });
    expect((JSON.parse(listed.body) as { value: unknown[] }).value).toHaveLength(1);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const rebound = await call('/api/app.info', { body: '{}', host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
  });

  it('serves the renderer with the CSP, and nothing outside its folder', async () => {
    const page = await call('/', { method: 'GET', token: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Axial</title>');
    expect(String(page.headers['content-security-policy'])).toContain("connect-src 'self'");
    expect(String(page.headers['content-security-policy'])).toContain('sandbox');
    expect(String(page.headers['content-security-policy'])).not.toContain('allow-popups');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const escaped = await call(path, { method: 'GET', token: null });
      expect(escaped.status, path).toBe(404);
      expect(escaped.body).not.toContain('outside the renderer');
    }
    expect(resolveStaticPath(rendererDir, '/%00')).toBeNull();
    expect(resolveStaticPath(rendererDir, '/%E0%A4%A')).toBeNull();
  });

  it('parses its command line', () => {
    expect(parseWebCliArguments(['--port', '8123', '--user-data', '/tmp/u'])).toEqual({
      port: 8123,
      userDataDir: '/tmp/u',
    });
    expect(() => parseWebCliArguments(['--port', 'http'])).toThrow('--port needs a number');
    expect(() => parseWebCliArguments(['--host', '0.0.0.0'])).toThrow('Unknown option');
  });
});
