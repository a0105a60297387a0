import type { AxialBridge } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import type { Transport } from './client';
import {
  decodeFrames,
  encodeFrames,
  FRAMES_CONTENT_TYPE,
  holdsBytes,
} from '../../shared/transport/byteFrames';

declare global {
  interface Window {
    axial?: AxialBridge;
  }
}

const TOKEN_KEY = 'axial.token';

/**
 * The web host puts its token in the URL fragment (never sent to a server or
 * logged); it is kept for the tab's life and removed from the address bar.
 */
export function takeWebToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function networkFailure(): Result<never> {
  return {
    ok: false,
    error: {
      code: 'disconnected',
      message:
        'The connection to Axial was lost: this action did not reach the project. Start Axial again and reload this page; what was saved before is in the project.',
    },
  };
}

/** Calls to the web host; `base` is the page's own address unless given (tests in Node give it). */
export function httpTransport(token: string | null, base = ''): Transport {
  return async (method, input) => {
    try {
      // A file goes as its bytes beside the JSON, not as base64 inside it.
      const framed = holdsBytes(input);
      const body = framed
        ? new Blob(encodeFrames(input) as Uint8Array<ArrayBuffer>[])
        : JSON.stringify(input);
      const response = await fetch(`${base}api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'content-type': framed ? FRAMES_CONTENT_TYPE : 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
        // The last typing, flushed as the tab closes, must still arrive: keepalive lets the
        // request outlive the page (browsers allow it for bodies up to 64 KB).
        keepalive:
          method === 'documents.applySteps' && typeof body === 'string' && body.length < 60_000,
      });
      if (response.headers.get('content-type') === FRAMES_CONTENT_TYPE)
        return decodeFrames(new Uint8Array(await response.arrayBuffer())) as Result<unknown>;
      return (await response.json()) as Result<unknown>;
    } catch {
      return networkFailure();
    }
  };
}

export function ipcTransport(bridge: AxialBridge): Transport {
  return (method, input) => bridge.api[method](input);
}

/** The Electron preload when present, HTTP to the web host otherwise. */
export function pickTransport(): Transport {
  return window.axial ? ipcTransport(window.axial) : httpTransport(takeWebToken());
}

/**
 * Where the player reads a recording: the same origin as the page (app://axial
 * in the desktop app), with the web host's token as a parameter since an
 * <audio> element cannot send a header.
 */
export function mediaUrl(recordingId: string): string {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? `media/${recordingId}?token=${encodeURIComponent(token)}` : `media/${recordingId}`;
}
