import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { contentSecurityPolicy } from './csp';
import { resolveStaticPath } from '../web/staticFiles';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker, a module of its own.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface AppFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** What the `app://` protocol answers for a URL path: a file of the built renderer, or 404. */
export function appFileResponse(rendererDir: string, urlPath: string): AppFileResponse {
  const path = resolveStaticPath(rendererDir, urlPath);
  if (!path || !existsSync(path) || !statSync(path).isFile()) {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: null };
  }
  return {
    status: 200,
    headers: {
      'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
    },
    body: readFileSync(path),
  };
}
