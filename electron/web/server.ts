import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../api/dispatcher';
import { browserSandboxPolicy, contentSecurityPolicy } from '../shell/csp';
import type { MediaAnswerSource } from '../media/mediaResponse';
import { MEDIA_PATH, recordingIdFromPath, releaseMediaBody } from '../media/mediaResponse';
import {
  decodeFrames,
  encodeFrames,
  FRAMES_CONTENT_TYPE,
  holdsBytes,
} from '../../shared/transport/byteFrames';
import { jsonPieces } from './jsonPieces';
import { serveStatic } from './staticFiles';

export const API_PREFIX = '/api/';
// The largest request is a file to import (a .docx of up to 200 MB), framed as bytes.
const MAX_BODY_BYTES = 300 * 1024 * 1024;

export interface WebHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Recordings for the player, streamed by range; without it /media/ answers 404. */
  media?: MediaAnswerSource;
}

export interface WebHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const securityHeaders = {
  'content-security-policy': `${contentSecurityPolicy}; ${browserSandboxPolicy}`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const framed = holdsBytes(body);
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': framed ? FRAMES_CONTENT_TYPE : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  // An exported file goes as its bytes after the envelope, written as they are.
  const pieces: Generator<string | Uint8Array> = framed
    ? (function* () {
        yield* encodeFrames(body);
      })()
    : jsonPieces(body);
  // Written as the socket takes them: an exported file is never held twice more as JSON.
  const writeMore = () => {
    for (let piece = pieces.next(); !piece.done; piece = pieces.next())
      if (!response.write(piece.value)) {
        response.once('drain', writeMore);
        return;
      }
    response.end();
  };
  response.once('close', () => pieces.return(undefined));
  writeMore();
}

function tokenMatches(expected: string, header: string | undefined): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** A page on another site could send requests to 127.0.0.1 through a rebound DNS name; only our own host names pass. */
function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function failure(code: 'invalid_input' | 'unknown_method', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  dispatch: Dispatch,
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 405, failure('invalid_input', 'API calls use POST.'));
    return;
  }
  const body = await readBody(request);
  if (body === null) {
    sendJson(response, 413, failure('invalid_input', 'The request is too large.'));
    return;
  }
  let input: unknown;
  const framed = request.headers['content-type'] === FRAMES_CONTENT_TYPE;
  try {
    if (framed) input = decodeFrames(body);
    else input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    const what = framed
      ? 'The request body is not a valid framed request.'
      : 'The request body is not valid JSON.';
    sendJson(response, 400, failure('invalid_input', what));
    return;
  }
  const result = await dispatch(method, input);
  const status = result.ok
    ? 200
    : result.error.code === 'unknown_method'
      ? 404
      : result.error.code === 'invalid_input'
        ? 400
        : 200;
  sendJson(response, status, result);
}

/**
 * A recording for the player. An <audio> element cannot send a header, so the
 * token comes as a query parameter: the address only ever goes to 127.0.0.1.
 */
async function serveMedia(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  token: string,
  media: MediaAnswerSource | undefined,
): Promise<void> {
  const given = url.searchParams.get('token') ?? '';
  if (!tokenMatches(token, `Bearer ${given}`)) {
    sendJson(response, 401, failure('invalid_input', 'This request has no valid access token.'));
    return;
  }
  const recordingId = recordingIdFromPath(url.pathname);
  const answer =
    recordingId && media ? await media(recordingId, request.headers.range ?? null) : null;
  if (!answer || answer.status === 404) {
    await releaseMediaBody(answer?.body);
    sendJson(response, 404, failure('invalid_input', 'There is no such recording.'));
    return;
  }
  response.writeHead(answer.status, { ...securityHeaders, ...answer.headers });
  if (request.method === 'HEAD') {
    await releaseMediaBody(answer.body);
    response.end();
    return;
  }
  const gone = new Promise<void>((resolve) => response.once('close', resolve));
  try {
    for await (const chunk of answer.body) {
      if (response.destroyed) break;
      // Written as the socket takes it: the next chunk is read only then.
      if (!response.write(chunk))
        await Promise.race([new Promise((resolve) => response.once('drain', resolve)), gone]);
    }
  } finally {
    response.end();
  }
}

/** Serves the renderer and the API on 127.0.0.1 only; every API call needs this run's token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(request, port)) {
      sendJson(response, 403, failure('invalid_input', 'Unexpected Host header.'));
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (!tokenMatches(token, request.headers.authorization)) {
        sendJson(response, 401, {
          ok: false,
          error: {
            code: 'unauthorized',
            message:
              'This request has no valid access token. Open the address printed by `npm run web`.',
          },
        });
        return;
      }
      const method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      handleApi(request, response, method, options.dispatch).catch((error: unknown) => {
        console.error('Axial web host: request failed', error);
        if (!response.headersSent)
          sendJson(response, 500, {
            ok: false,
            error: { code: 'internal', message: 'The request failed.' },
          });
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, failure('invalid_input', 'Only GET is served here.'));
      return;
    }
    if (url.pathname.startsWith(MEDIA_PATH)) {
      serveMedia(request, response, url, token, options.media).catch((error: unknown) => {
        console.error('Axial web host: media request failed', error);
        response.destroy();
      });
      return;
    }
    serveStatic(options.rendererDir, url.pathname, response, securityHeaders);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
